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
  selfRunInMemory.delete(sessionId);
  try {
    window.localStorage.removeItem(keyFor(sessionId));
    window.localStorage.removeItem(selfRunKeyFor(sessionId));
  } catch {
    // Nothing stored, nothing to forget.
  }
}

// A couple's own session (no therapist) lets either partner move on. The session state does not say so,
// so the phone that started it, or joined by the link it shared, remembers it beside the token.
const selfRunKeyFor = (sessionId: string) => `candor:self-run:${sessionId}`;
const selfRunInMemory = new Set<string>();

export function markSelfRun(sessionId: string): void {
  selfRunInMemory.add(sessionId);
  try {
    window.localStorage.setItem(selfRunKeyFor(sessionId), '1');
  } catch {
    // Kept in memory above.
  }
}

export function isSelfRun(sessionId: string): boolean {
  if (selfRunInMemory.has(sessionId)) return true;
  try {
    return window.localStorage.getItem(selfRunKeyFor(sessionId)) === '1';
  } catch {
    return false;
  }
}
