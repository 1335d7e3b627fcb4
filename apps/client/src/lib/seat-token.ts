// Only the seat token is kept in browser storage, so that a reload resumes the seat. Never answers.
const keyFor = (sessionId: string) => `candor:token:${sessionId}`;

// When storage is off (some private modes) the seat lasts as long as this page.
const inMemory = new Map<string, string>();

export function readSeatToken(sessionId: string): string | null {
  try {
    return window.localStorage.getItem(keyFor(sessionId)) ?? inMemory.get(sessionId) ?? null;
  } catch {
    return inMemory.get(sessionId) ?? null;
  }
}

export function storeSeatToken(sessionId: string, token: string): void {
  inMemory.set(sessionId, token);
  try {
    window.localStorage.setItem(keyFor(sessionId), token);
  } catch {
    // Kept in memory above.
  }
}

export function forgetSeatToken(sessionId: string): void {
  inMemory.delete(sessionId);
  try {
    window.localStorage.removeItem(keyFor(sessionId));
  } catch {
    // Nothing stored, nothing to forget.
  }
}
