import type { ErrorBody, FieldIssue, RouteBody, RouteMethod, RouteParams, RouteQuery, RouteResponse, RouteSpec } from '@candor/shared';

// The server's { code, message }, or NETWORK when no answer came back at all.
export type ApiErrorCode = ErrorBody['code'] | 'NETWORK';

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly status: number;
  readonly issues?: string[];
  readonly fields?: FieldIssue[];
  // A 429's Retry-After, in seconds: when asking again may work.
  readonly retryAfterSeconds?: number;

  constructor(status: number, body: { code: ApiErrorCode; message: string; issues?: string[]; fields?: FieldIssue[] }, retryAfterSeconds?: number) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.issues = body.issues;
    this.fields = body.fields;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

const offline = () => new ApiError(0, { code: 'NETWORK', message: 'Could not reach the server. Check your connection and try again.' });

// What a call of a route takes: its path parameters, its body and its query, each only when it has one.
export type RouteInput<R extends RouteSpec> = ([keyof RouteParams<R>] extends [never] ? { params?: never } : { params: RouteParams<R> }) &
  (RouteBody<R> extends undefined ? { body?: never } : { body: RouteBody<R> }) &
  (RouteQuery<R> extends undefined ? { query?: never } : { query: RouteQuery<R> });
type InputArgs<R extends RouteSpec> = object extends RouteInput<R> ? [input?: RouteInput<R>] : [input: RouteInput<R>];

// Calls a route of the shared table (packages/shared/src/routes/): call(routes.getDeck, { params: { deckId } })
// answers what the table says that route answers. A route is a string ('GET /api/decks/:deckId'); its types come
// from the table's zod schemas at type level only, so that no schema reaches a phone's bundle.
export function call<R extends RouteSpec>(route: R, ...[input]: InputArgs<R>): Promise<RouteResponse<R>> {
  return api(route.split(' ')[0] as RouteMethod, routeUrl(route, ...([input] as InputArgs<R>)), input?.body);
}

// The address of a route with its parameters filled in (for a download, which is not a fetch of JSON).
export function routeUrl<R extends RouteSpec>(route: R, ...[input]: InputArgs<R>): string {
  const params: Partial<Record<string, string>> = input?.params ?? {};
  const path = route.split(' ')[1].replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
  return input?.query ? `${path}?${new URLSearchParams(input.query as Record<string, string>).toString()}` : path;
}

async function api<T>(method: RouteMethod, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw offline();
  }
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, toErrorBody(response.status, payload), retryAfter(response));
  return payload as T;
}

// Fetches a file the server offers as an attachment and hands it to the browser as a download, so that a
// failure shows as a message on the page instead of an error page saved to disk.
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin' });
  } catch {
    throw offline();
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

function retryAfter(response: Response): number | undefined {
  const seconds = Number(response.headers.get('Retry-After'));
  return response.status === 429 && Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}

function toErrorBody(status: number, payload: unknown): ErrorBody {
  if (payload && typeof payload === 'object' && 'code' in payload && 'message' in payload) {
    return payload as ErrorBody;
  }
  // A proxy or a crashed server may answer without our error shape.
  return { code: 'INTERNAL', message: `The server answered with an error (${status}). Please try again.` };
}
