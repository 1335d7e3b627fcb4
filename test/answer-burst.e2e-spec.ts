import type { AnswerReceipt, Progress, SessionState, Snapshot, YnmResult } from '@candor/shared';
import { randomUUID } from 'node:crypto';
import { describe, expect, onTestFailed, vi } from 'vitest';
import { AnsweringParticipant, allSettled, BURST_PROMPT, burstValue, indexOf, storedAnswers } from './answering.js';
import { test } from './fixtures.js';
import { send } from './live-client.js';
import { createSession, expectOk } from './utils.js';

const PARTICIPANTS = 50;
const ANSWERS_EACH = 20;

// Answers are written in batches (one statement for many submissions): every ack must still be
// exactly what one-at-a-time writing would have answered.
describe('a burst of answers written in batches', () => {
  test('acknowledges every answer correctly and stores the last one of each participant', async ({ server, facilitator: f, clients }) => {
    onTestFailed(() => console.log(`server output:\n${server.output().slice(-20_000)}`));
    const created = await createSession(f, 5);
    const sessionId = created.state.id;
    const { socket: facilitator, frames: seen } = await clients.host(sessionId);
    const participants = await Promise.all(
      Array.from({ length: PARTICIPANTS }, async () => new AnsweringParticipant((await clients.join(created.state.code)).socket)),
    );
    expectOk<SessionState>(await send(facilitator, 'prompt:open', {}));

    // Everyone taps twenty times as fast as the socket allows, without waiting for acks.
    for (let i = 0; i < ANSWERS_EACH; i += 1) for (const p of participants) p.submit(i);
    await allSettled(participants, 30_000);

    for (const p of participants) {
      expect(p.refusals).toEqual([]);
      expect(p.receipts.size).toBe(ANSWERS_EACH);
      for (const s of p.sent) expect(p.receipts.get(s.clientId)).toEqual({ promptId: BURST_PROMPT, clientId: s.clientId, duplicate: false });
    }

    // A resend of what is stored is a duplicate; the answer count is one per participant.
    const resent = await Promise.all(
      participants.map((p) => {
        const last = p.sent[ANSWERS_EACH - 1];
        return send(p.socket, 'answer:submit', { promptId: last.promptId, clientId: last.clientId, value: last.value });
      }),
    );
    for (const ack of resent) expect(expectOk<AnswerReceipt>(ack).duplicate).toBe(true);
    const lastProgress = () => seen.filter((fr) => fr.event === 'progress:updated').at(-1)?.args[0] as Progress | undefined;
    await vi.waitFor(() => expect(lastProgress()?.answered).toBe(PARTICIPANTS), { timeout: 5_000 });
    expect(lastProgress()?.participants).toBe(PARTICIPANTS);
    expect(expectOk<Snapshot>(await send(facilitator, 'session:sync', {})).state).toMatchObject({ answered: PARTICIPANTS });

    // Every participant sees their last answer as their own.
    const own = await Promise.all(participants.map((p) => send(p.socket, 'session:sync', {})));
    own.forEach((ack) => expect(indexOf(expectOk<Snapshot>(ack).myAnswers?.[BURST_PROMPT])).toBe(ANSWERS_EACH - 1));

    // Closed: a burst of late answers is refused, every one of them, and changes nothing.
    expectOk(await send(facilitator, 'prompt:close', {}));
    const late = await Promise.all(
      participants.map((p) => send(p.socket, 'answer:submit', { promptId: BURST_PROMPT, clientId: randomUUID(), value: burstValue(0) })),
    );
    for (const ack of late) expect(ack).toMatchObject({ ok: false, error: { code: 'PROMPT_NOT_OPEN' } });

    const released = expectOk<SessionState>(await send(facilitator, 'results:release', {}));
    const last = burstValue(ANSWERS_EACH - 1).items;
    const items = (released.result?.distribution as YnmResult).items;
    for (const [item, choice] of Object.entries(last)) {
      expect(items.find((i) => i.id === item)).toMatchObject({ [choice]: PARTICIPANTS, answered: PARTICIPANTS });
    }

    const rows = await storedAnswers(sessionId, server);
    expect(rows).toHaveLength(PARTICIPANTS);
    expect(new Set(rows.map((r) => r.client_id))).toEqual(new Set(participants.map((p) => p.sent[ANSWERS_EACH - 1].clientId)));
    for (const r of rows) expect(indexOf(r.value)).toBe(ANSWERS_EACH - 1);
  }, 120_000);
});
