import type { ErrorBody } from '@candor/shared';

// The server's { code, message }, or NETWORK when no answer came back at all.
export type ApiErrorCode = ErrorBody['code'] | 'NETWORK';

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly status: number;
  readonly issues?: string[];

  constructor(status: number, body: { code: ApiErrorCode; message: string; issues?: string[] }) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.issues = body.issues;
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export async function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, { code: 'NETWORK', message: 'Could not reach the server. Check your connection and try again.' });
  }
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, toErrorBody(response.status, payload));
  return payload as T;
}

export const apiGet = <T>(path: string) => api<T>('GET', path);
export const apiPost = <T>(path: string, body?: unknown) => api<T>('POST', path, body);

function toErrorBody(status: number, payload: unknown): ErrorBody {
  if (payload && typeof payload === 'object' && 'code' in payload && 'message' in payload) {
    return payload as ErrorBody;
  }
  // A proxy or a crashed server may answer without our error shape.
  return { code: 'INTERNAL', message: `The server answered with an error (${status}). Please try again.` };
}
