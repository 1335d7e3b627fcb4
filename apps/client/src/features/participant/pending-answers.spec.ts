import type { AnswerValue } from '@candor/shared';
import { describe, expect, it } from 'vitest';
import {
  acknowledgeAnswer,
  dropAnswer,
  emptyQueue,
  enqueueAnswer,
  latestPending,
  requeueAll,
  requeueAnswer,
  takeQueued,
} from './pending-answers';

const yes: AnswerValue = { kind: 'ynm', items: { kissing: 'yes' } };
const no: AnswerValue = { kind: 'ynm', items: { kissing: 'no' } };
const pass: AnswerValue = { kind: 'pass' };

const ids = (queue: readonly { clientId: string }[]) => queue.map((entry) => entry.clientId);

describe('pending answers', () => {
  it('replaces an unsent answer to the same prompt with the newer one', () => {
    let queue = enqueueAnswer(emptyQueue, { promptId: 'p1', clientId: 'a', value: yes });
    queue = enqueueAnswer(queue, { promptId: 'p1', clientId: 'b', value: no });
    expect(queue).toEqual([{ promptId: 'p1', clientId: 'b', value: no, status: 'queued' }]);
  });

  it('keeps unsent answers to other prompts when replacing', () => {
    let queue = enqueueAnswer(emptyQueue, { promptId: 'p1', clientId: 'a', value: yes });
    queue = enqueueAnswer(queue, { promptId: 'p2', clientId: 'b', value: pass });
    queue = enqueueAnswer(queue, { promptId: 'p1', clientId: 'c', value: no });
    expect(ids(queue)).toEqual(['b', 'c']);
  });

  it('keeps an answer that is already on the wire and queues the newer one after it', () => {
    let queue = enqueueAnswer(emptyQueue, { promptId: 'p1', clientId: 'a', value: yes });
    queue = takeQueued(queue).queue;
    queue = enqueueAnswer(queue, { promptId: 'p1', clientId: 'b', value: no });
    expect(queue.map((e) => [e.clientId, e.status])).toEqual([
      ['a', 'sent'],
      ['b', 'queued'],
    ]);
    expect(latestPending(queue, 'p1')?.clientId).toBe('b');
  });

  it('hands out queued answers once, oldest first', () => {
    let queue = enqueueAnswer(emptyQueue, { promptId: 'p1', clientId: 'a', value: yes });
    queue = enqueueAnswer(queue, { promptId: 'p2', clientId: 'b', value: pass });
    const first = takeQueued(queue);
    expect(ids(first.toSend)).toEqual(['a', 'b']);
    expect(takeQueued(first.queue).toSend).toEqual([]);
  });

  it('resends the newest answer of each prompt in the original order with the same clientIds after a disconnect', () => {
    let queue = enqueueAnswer(emptyQueue, { promptId: 'p1', clientId: 'a', value: yes });
    queue = takeQueued(queue).queue;
    queue = enqueueAnswer(queue, { promptId: 'p1', clientId: 'b', value: no });
    queue = enqueueAnswer(queue, { promptId: 'p2', clientId: 'c', value: pass });
    queue = takeQueued(queue).queue;

    const resend = takeQueued(requeueAll(queue)).toSend;
    // 'a' is superseded by 'b': sent again late, it would overwrite the newer answer.
    expect(resend.map((e) => [e.clientId, e.value])).toEqual([
      ['b', no],
      ['c', pass],
    ]);
  });

  it('removes an answer once it is acknowledged', () => {
    let queue = enqueueAnswer(emptyQueue, { promptId: 'p1', clientId: 'a', value: yes });
    queue = enqueueAnswer(queue, { promptId: 'p2', clientId: 'b', value: pass });
    queue = takeQueued(queue).queue;
    const result = acknowledgeAnswer(queue, 'a');
    expect(result.accepted).toBe(true);
    expect(ids(result.queue)).toEqual(['b']);
    expect(latestPending(result.queue, 'p1')).toBeUndefined();
  });

  it('drops older answers to the same prompt when a newer one is acknowledged first', () => {
    let queue = enqueueAnswer(emptyQueue, { promptId: 'p1', clientId: 'a', value: yes });
    queue = takeQueued(queue).queue;
    queue = enqueueAnswer(queue, { promptId: 'p1', clientId: 'b', value: no });
    queue = takeQueued(queue).queue;

    const afterNewer = acknowledgeAnswer(queue, 'b');
    expect(afterNewer.queue).toEqual([]);
    // The late ack of the superseded answer must not count as the saved value.
    expect(acknowledgeAnswer(afterNewer.queue, 'a').accepted).toBe(false);
  });

  it('keeps a newer answer when an older one to the same prompt is acknowledged', () => {
    let queue = enqueueAnswer(emptyQueue, { promptId: 'p1', clientId: 'a', value: yes });
    queue = takeQueued(queue).queue;
    queue = enqueueAnswer(queue, { promptId: 'p1', clientId: 'b', value: no });
    expect(ids(acknowledgeAnswer(queue, 'a').queue)).toEqual(['b']);
  });

  it('queues a timed-out answer again without touching the others', () => {
    let queue = enqueueAnswer(emptyQueue, { promptId: 'p1', clientId: 'a', value: yes });
    queue = enqueueAnswer(queue, { promptId: 'p2', clientId: 'b', value: pass });
    queue = takeQueued(queue).queue;
    queue = requeueAnswer(queue, 'a');
    expect(ids(takeQueued(queue).toSend)).toEqual(['a']);
  });

  it('drops a timed-out answer instead of resending it when a newer answer to that prompt is on its way', () => {
    let queue = enqueueAnswer(emptyQueue, { promptId: 'p1', clientId: 'a', value: yes });
    queue = takeQueued(queue).queue;
    queue = enqueueAnswer(queue, { promptId: 'p1', clientId: 'b', value: no });
    queue = takeQueued(queue).queue;
    queue = requeueAnswer(queue, 'a');
    expect(queue.map((e) => [e.clientId, e.status])).toEqual([['b', 'sent']]);
    expect(takeQueued(queue).toSend).toEqual([]);
  });

  it('forgets an answer the server refused', () => {
    let queue = enqueueAnswer(emptyQueue, { promptId: 'p1', clientId: 'a', value: yes });
    queue = enqueueAnswer(queue, { promptId: 'p2', clientId: 'b', value: pass });
    expect(ids(dropAnswer(queue, 'a'))).toEqual(['b']);
  });
});
