export const LOGIN_COOKIE = 'candor_login';
// A login halfway through (two-step login): "<facilitator id>.<token>", for five minutes.
export const SECOND_STEP_COOKIE = 'candor_2fa';

// Reads one cookie from a raw Cookie header (the socket handshake has no cookie-parser).
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
