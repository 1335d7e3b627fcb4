export function joinUrl(code: string): string {
  return `${window.location.origin}/j/${encodeURIComponent(code)}`;
}

// The presenter token travels in the fragment, which browsers never send to a server or in a Referer.
export function presenterUrl(sessionId: string, screenToken: string): string {
  return `${window.location.origin}/screen/${encodeURIComponent(sessionId)}#${screenToken}`;
}

// "abc def" or "abc-def" typed on a phone becomes the code as printed: "ABCDEF".
export function normaliseJoinCode(input: string): string {
  return input.replace(/[\s-]+/g, '').toUpperCase();
}
