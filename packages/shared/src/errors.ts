// Every failure the server reports, on REST and on sockets, carries one of these codes.
export const ERROR_CODES = [
  'INVALID_PAYLOAD',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'EMAIL_TAKEN',
  'FORBIDDEN',
  'NOT_FOUND',
  'SESSION_NOT_FOUND',
  'SESSION_ENDED',
  'SESSION_FULL',
  'SESSION_PAUSED',
  'DECK_NOT_FOUND',
  'INVALID_TRANSITION',
  'STALE_STATE',
  'PROMPT_NOT_OPEN',
  'INVALID_ANSWER',
  'ANSWERS_LOCKED',
  'CONSENT_REQUIRED',
  'PROTOCOL_MISMATCH',
  'RATE_LIMITED',
  // Moving a self-run couple's seat to a new phone (docs/api.md, "A lost phone").
  'RECLAIM_PENDING',
  'WRONG_CODE',
  'RECLAIM_VOID',
  // The blind couple reveal (docs/privacy.md): this prompt's answers stay on the phones; the two phones' reveals differ.
  'BLIND_REVEAL',
  'BLIND_MISMATCH',
  // Links sent by e-mail (docs/security.md, "Password reset and e-mail by e-mail").
  'MAIL_NOT_CONFIGURED',
  'MAIL_NOT_SENT',
  'LINK_INVALID',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export type ErrorBody = {
  code: ErrorCode;
  message: string;
  // Field-level problems of an INVALID_PAYLOAD, as "path: message" lines (English, for people reading logs).
  issues?: string[];
  // The same problems for a client to put in words: where, and zod's issue code with its bounds.
  fields?: FieldIssue[];
};

export type FieldIssue = {
  // The dotted path of the field, '' for the whole payload.
  path: string;
  // zod's issue code: 'invalid_format', 'too_small', 'too_big', 'invalid_type', 'invalid_value', …
  code: string;
  // For too_small / too_big: what was measured ('string', 'array', 'number', …) and the bound.
  origin?: string;
  minimum?: number;
  maximum?: number;
  // For invalid_format: which format ('email', 'uuid', …).
  format?: string;
};
