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
export const apiPut = <T>(path: string, body?: unknown) => api<T>('PUT', path, body);
export const apiDelete = (path: string) => api<undefined>('DELETE', path);

// Fetches a file the server offers as an attachment and hands it to the browser as a download, so that a
// failure shows as a message on the page instead of an error page saved to disk.
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, { code: 'NETWORK', message: 'Could not reach the server. Check your connection and try again.' });
  }
  if (!response.ok) {
    const payload: unknown = await response.json().catch(() => null);
    throw new ApiError(response.status, toErrorBody(response.status, payload));
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameFrom(response.headers.get('Content-Disposition')) ?? fallbackName;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// 'attachment; filename="deck.json"' (or filename*=UTF-8''…) gives 'deck.json'.
export function fileNameFrom(disposition: string | null): string | null {
  if (!disposition) return null;
  const extended = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (extended) {
    try {
      return sanitiseFileName(decodeURIComponent(extended[1].trim().replace(/^"|"$/g, '')));
    } catch {
      // Fall through to the plain filename.
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(disposition);
  if (!plain) return null;
  return sanitiseFileName((plain[2] ?? plain[1]).trim());
}

function sanitiseFileName(name: string): string | null {
  const base = name.replace(/[\\/]/g, '_').trim();
  return base.length > 0 ? base : null;
}

function toErrorBody(status: number, payload: unknown): ErrorBody {
  if (payload && typeof payload === 'object' && 'code' in payload && 'message' in payload) {
    return payload as ErrorBody;
  }
  // A proxy or a crashed server may answer without our error shape.
  return { code: 'INTERNAL', message: `The server answered with an error (${status}). Please try again.` };
}
