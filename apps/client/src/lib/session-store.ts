import type { LiveResult, Progress, SessionState, Snapshot } from '@candor/shared';

// What the server tells any role about a session, folded into the one state a view shows.
export type SessionEvent =
  | { type: 'snapshot'; snapshot: Snapshot }
  | { type: 'updated'; state: SessionState }
  | { type: 'progress'; progress: Progress }
  | { type: 'live'; live: LiveResult };

export function reduceSession(held: SessionState | null, event: SessionEvent): SessionState | null {
  switch (event.type) {
    case 'snapshot':
      // A snapshot is the server's whole truth for this socket, sent on every (re)connect.
      return event.snapshot.state;
    case 'updated':
      if (held && event.state.id === held.id && event.state.version < held.version) return held;
      return event.state;
    case 'progress':
      return applyProgress(held, event.progress);
    case 'live':
      return applyLive(held, event.live);
  }
}

// A live result belongs to the open prompt of the state it came after; an older one, or one for a prompt
// that has moved on, changes nothing.
function applyLive(held: SessionState | null, live: LiveResult): SessionState | null {
  if (!held || live.sessionId !== held.id || live.version <= held.version) return held;
  if (held.phase !== 'open' || held.prompt?.id !== live.promptId) return held;
  return { ...held, result: live.result, version: live.version };
}

function applyProgress(held: SessionState | null, progress: Progress): SessionState | null {
  if (!held || progress.sessionId !== held.id || progress.version < held.version) return held;
  const samePrompt = progress.promptId === (held.prompt?.id ?? null);
  // Counts for another prompt belong to a state we have not received yet: keep only the head count.
  const answered = samePrompt ? progress.answered : held.answered;
  const finished = samePrompt ? progress.finished : held.finished;
  if (held.participants === progress.participants && held.answered === answered && held.finished === finished) return held;
  return { ...held, participants: progress.participants, answered, finished };
}
