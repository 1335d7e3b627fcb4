// Presenter tokens live in memory only: a reload forgets them, and the facilitator makes a new link.
const tokens = new Map<string, string>();

export function rememberScreenToken(sessionId: string, token: string): void {
  tokens.set(sessionId, token);
}

export function screenTokenFor(sessionId: string): string | undefined {
  return tokens.get(sessionId);
}
