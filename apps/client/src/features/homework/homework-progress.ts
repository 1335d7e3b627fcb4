import type { AnswerValue, Prompt } from '@candor/shared';
import { latestPending, type PendingQueue } from '../participant/pending-answers';

// Where one homework question stands on this phone: saved (an answer or a pass), waiting to be saved, or not
// yet; or a list compared on the two phones (the blind reveal), which has nothing saved to count.
export type PromptStatus = 'answered' | 'passed' | 'pending' | 'notYet' | 'onPhones';

const NONE: ReadonlySet<string> = new Set();

export function promptStatus(
  promptId: string,
  saved: Readonly<Record<string, AnswerValue>>,
  queue: PendingQueue,
  onPhones: ReadonlySet<string> = NONE,
): PromptStatus {
  if (onPhones.has(promptId)) return 'onPhones';
  if (latestPending(queue, promptId)) return 'pending';
  const answer = saved[promptId];
  if (!answer) return 'notYet';
  return answer.kind === 'pass' ? 'passed' : 'answered';
}

// The questions with nothing saved and nothing on its way, in deck order: what "I've finished" lists first.
export function unansweredPrompts(
  prompts: readonly Prompt[],
  saved: Readonly<Record<string, AnswerValue>>,
  queue: PendingQueue,
  onPhones: ReadonlySet<string> = NONE,
): Prompt[] {
  return prompts.filter((prompt) => promptStatus(prompt.id, saved, queue, onPhones) === 'notYet');
}

// Reading a private homework link's fragment: `#invite=…&for=couple`. A bare `#…` is taken as the invitation
// (the server's documented link), with the audience unknown.
export type HomeworkLink = { invite: string | null; audience: string | null };

export function readHomeworkLink(hash: string): HomeworkLink {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!fragment) return { invite: null, audience: null };
  if (!fragment.includes('=')) return { invite: fragment, audience: null };
  const params = new URLSearchParams(fragment);
  return { invite: params.get('invite') || null, audience: params.get('for') || null };
}

// The link a seat's person gets; its invitation and audience stay in the fragment, which no server sees.
export function homeworkLink(origin: string, sessionId: string, invite: string, audience: string): string {
  return `${origin}/h/${encodeURIComponent(sessionId)}#${new URLSearchParams({ invite, for: audience }).toString()}`;
}
