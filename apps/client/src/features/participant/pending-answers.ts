import type { AnswerValue } from '@candor/shared';

// Answers waiting for the server's acknowledgement. Kept in memory only: answers never go to browser storage.
// 'queued' waits to be sent; 'sent' is on the wire and waits for its ack.
export type PendingStatus = 'queued' | 'sent';
export type PendingAnswer = { promptId: string; clientId: string; value: AnswerValue; status: PendingStatus };
export type PendingQueue = readonly PendingAnswer[];

export const emptyQueue: PendingQueue = [];

// The newest answer to a prompt supersedes an older one that has not left the device yet.
// One already sent stays: its ack will still come and must be matched.
export function enqueueAnswer(queue: PendingQueue, answer: Omit<PendingAnswer, 'status'>): PendingQueue {
  const kept = queue.filter((entry) => !(entry.promptId === answer.promptId && entry.status === 'queued'));
  return [...kept, { ...answer, status: 'queued' }];
}

// Everything still to send, oldest first, so the server stores a prompt's answers in the order they were given.
export function takeQueued(queue: PendingQueue): { queue: PendingQueue; toSend: PendingAnswer[] } {
  const toSend = queue.filter((entry) => entry.status === 'queued');
  if (toSend.length === 0) return { queue, toSend };
  return { queue: queue.map((entry) => (entry.status === 'queued' ? { ...entry, status: 'sent' } : entry)), toSend };
}

const supersededAt = (queue: PendingQueue, index: number) =>
  queue.some((entry, i) => i > index && entry.promptId === queue[index].promptId);

// After a disconnect nothing on the wire can be trusted to arrive: send again, same clientIds, only
// the newest answer to each prompt (an older one arriving late would overwrite it).
export function requeueAll(queue: PendingQueue): PendingQueue {
  if (queue.every((entry) => entry.status === 'queued')) return queue;
  return queue.filter((_, i) => !supersededAt(queue, i)).map((entry) => ({ ...entry, status: 'queued' }));
}

// Resends one answer whose ack did not come, unless a newer answer to the same prompt is already
// waiting or on its way: then the older one is dropped, so it cannot overwrite the newer one.
export function requeueAnswer(queue: PendingQueue, clientId: string): PendingQueue {
  const index = queue.findIndex((entry) => entry.clientId === clientId);
  if (index === -1) return queue;
  if (supersededAt(queue, index)) return queue.filter((_, i) => i !== index);
  return queue.map((entry, i) => (i === index ? { ...entry, status: 'queued' } : entry));
}

// An ack stores the answer for good, which also makes every older answer to that prompt moot:
// resending one of them later would overwrite the newer answer.
export function acknowledgeAnswer(queue: PendingQueue, clientId: string): { queue: PendingQueue; accepted: boolean } {
  const index = queue.findIndex((entry) => entry.clientId === clientId);
  if (index === -1) return { queue, accepted: false };
  const promptId = queue[index].promptId;
  return { queue: queue.filter((entry, i) => i > index || entry.promptId !== promptId), accepted: true };
}

// For an answer the server refused: resending would not help.
export function dropAnswer(queue: PendingQueue, clientId: string): PendingQueue {
  return queue.filter((entry) => entry.clientId !== clientId);
}

export function latestPending(queue: PendingQueue, promptId: string): PendingAnswer | undefined {
  return queue.findLast((entry) => entry.promptId === promptId);
}
