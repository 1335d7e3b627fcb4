import type { ErrorBody, ErrorCode, FieldIssue } from '@candor/shared';

const HTTP_STATUS: Record<ErrorCode, number> = {
  INVALID_PAYLOAD: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  EMAIL_TAKEN: 409,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  SESSION_NOT_FOUND: 404,
  SESSION_ENDED: 409,
  SESSION_FULL: 409,
  SESSION_PAUSED: 409,
  DECK_NOT_FOUND: 404,
  INVALID_TRANSITION: 409,
  STALE_STATE: 409,
  PROMPT_NOT_OPEN: 409,
  INVALID_ANSWER: 422,
  ANSWERS_LOCKED: 409,
  CONSENT_REQUIRED: 400,
  PROTOCOL_MISMATCH: 400,
  RATE_LIMITED: 429,
  RECLAIM_PENDING: 409,
  WRONG_CODE: 422,
  RECLAIM_VOID: 410,
  BLIND_REVEAL: 409,
  BLIND_MISMATCH: 409,
  MAIL_NOT_CONFIGURED: 409,
  MAIL_NOT_SENT: 502,
  LINK_INVALID: 410,
  INTERNAL: 500,
};

// The one exception type of the app: a code from the shared union and a message a person can read.
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: string[],
    readonly fields?: FieldIssue[],
  ) {
    super(message);
  }

  get status(): number {
    return HTTP_STATUS[this.code];
  }

  toBody(): ErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.issues ? { issues: this.issues } : {}),
      ...(this.fields ? { fields: this.fields } : {}),
    };
  }
}
