// Presenter tokens, kept in this browser (the server has only their hashes) so that a reloaded console
// still shows its presenter link without replacing the one the projector uses. Forgotten when the
// session ends; without storage (a private window that refuses it) they last as long as the page.
const inMemory = new Map<string, string>();
const key = (sessionId: string) => `candor:presenter:${sessionId}`;

export function rememberScreenToken(sessionId: string, token: string): void {
  inMemory.set(sessionId, token);
  try {
    localStorage.setItem(key(sessionId), token);
  } catch {
    // Storage refused: the token stays in memory.
  }
}

export function screenTokenFor(sessionId: string): string | undefined {
  try {
    return localStorage.getItem(key(sessionId)) ?? inMemory.get(sessionId);
  } catch {
    return inMemory.get(sessionId);
  }
}

export function forgetScreenToken(sessionId: string): void {
  inMemory.delete(sessionId);
  try {
    localStorage.removeItem(key(sessionId));
  } catch {
    // Nothing stored.
  }
}
