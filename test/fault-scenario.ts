import type { SessionState, Snapshot, YnmResult } from '@candor/shared';
import { expect, onTestFailed, vi } from 'vitest';
import { AnsweringParticipant, allSettled, BURST_PROMPT, burstValue, indexOf, storedAnswers } from './answering.js';
import { connect, send, waitFor, type ClientSocket, type Frame } from './live-client.js';
import { createSession, expectOk, joinSession, signUp, type RunningServer } from './utils.js';

export const PARTICIPANTS = 50;
// Two server starts, fifty joins and a thousand answers: generous on a busy 2-core machine.
export const FAULT_TEST_TIMEOUT_MS = 180_000;
export const ANSWERS_EACH = 20;
// The burst is spread over about half a second, so that a fault lands in the middle of it.
const SPACING_MS = 25;

export type FaultRun = {
  server: RunningServer;
  sockets: ClientSocket[];
};

// 50 participants answer 20 times each; when a quarter of the answers are acknowledged, `fault`
// strikes (and returns the server that serves afterwards). Then: no acknowledged answer is lost,
// every unacknowledged one is resent by its client and stored once, and every client ends on the
// state the database holds.
export async function burstThroughFault(
  run: FaultRun,
  fault: (server: RunningServer) => Promise<RunningServer>,
): Promise<{ unackedAtFault: number; ackedAtFault: number }> {
  const { server } = run;
  // On failure, show what the server said (it logs no answers, tokens or addresses).
  onTestFailed(() => console.log(`server output:\n${run.server.output().slice(-20_000)}`));
  const f = await signUp(server.url);
  const created = await createSession(f, 5);
  const sessionId = created.state.id;
  const facilitator = await connect(server.url, { role: 'facilitator', sessionId }, f.cookie);
  const screen = await connect(server.url, { role: 'screen', token: created.screenToken });
  run.sockets.push(facilitator.socket, screen.socket);
  const participants = await Promise.all(
    Array.from({ length: PARTICIPANTS }, async () => {
      const seat = await joinSession(server.url, created.state.code);
      const { socket } = await connect(server.url, { role: 'participant', token: seat.token });
      run.sockets.push(socket);
      return new AnsweringParticipant(socket);
    }),
  );
  const opened = expectOk<SessionState>(await send(facilitator.socket, 'prompt:open', {}));

  participants.forEach((p, n) => {
    for (let i = 0; i < ANSWERS_EACH; i += 1) setTimeout(() => p.submit(i), i * SPACING_MS + (n % 5));
  });
  const acked = () => participants.reduce((sum, p) => sum + p.receipts.size, 0);
  // A quarter of the answers acknowledged.
  await vi.waitFor(() => expect(acked()).toBeGreaterThanOrEqual((PARTICIPANTS * ANSWERS_EACH) / 4), { timeout: 20_000 });

  const snapshotsBefore = participants.map((p) => p.snapshots.length);
  const observersBefore = [facilitator, screen].map((o) => snapshotCount(o.frames));
  const after = await fault(server);
  run.server = after;
  // What each client knew was durable when the fault struck.
  const lastAckedAtFault = participants.map((p) => p.lastAcked);
  const ackedAtFault = acked();
  const unackedAtFault = participants.reduce((sum, p) => sum + p.unacked.length, 0);

  await vi.waitFor(() => expect(participants.map((p) => p.sent.length)).toEqual(participants.map(() => ANSWERS_EACH)), { timeout: 10_000 });
  await allSettled(participants, 45_000);

  for (const [i, p] of participants.entries()) {
    expect(p.refusals).toEqual([]);
    // Each answer was acknowledged, or made moot by the ack of a later one; the last always counts.
    expect(p.receipts.size + p.superseded.size).toBe(ANSWERS_EACH);
    expect(p.receipts.has(p.sent[ANSWERS_EACH - 1].clientId)).toBe(true);
    // Reconnected or not, the first snapshot after the fault never shows less than was acknowledged.
    const resumed = p.snapshots[snapshotsBefore[i]];
    if (resumed) expect(indexOf(resumed.myAnswers?.[BURST_PROMPT])).toBeGreaterThanOrEqual(lastAckedAtFault[i]);
  }

  // Every client ends on the database's state: the last answer of each participant, counted once.
  const own = await Promise.all(participants.map((p) => send(p.socket, 'session:sync', {})));
  own.forEach((ack) => expect(indexOf(expectOk<Snapshot>(ack).myAnswers?.[BURST_PROMPT])).toBe(ANSWERS_EACH - 1));
  for (const observer of [facilitator, screen]) {
    const state = expectOk<Snapshot>(await send(observer.socket, 'session:sync', {})).state;
    expect(state).toMatchObject({ id: sessionId, phase: 'open', participants: PARTICIPANTS, answered: PARTICIPANTS });
    expect(state.version).toBe(opened.version);
  }
  // Observers that lost their connection were sent a fresh snapshot on reconnect.
  [facilitator, screen].forEach((o, i) => {
    if (!o.socket.recovered && snapshotCount(o.frames) > observersBefore[i]) {
      expect((lastOf(o.frames, 'session:snapshot') as Snapshot).state.version).toBe(opened.version);
    }
  });

  const released = waitFor(screen.socket, 'session:updated', 10_000, (s) => s.phase === 'released');
  expectOk(await send(facilitator.socket, 'prompt:close', {}));
  expectOk(await send(facilitator.socket, 'results:release', {}));
  const items = ((await released).result?.distribution as YnmResult).items;
  for (const [item, choice] of Object.entries(burstValue(ANSWERS_EACH - 1).items)) {
    expect(items.find((it) => it.id === item)).toMatchObject({ [choice]: PARTICIPANTS, answered: PARTICIPANTS });
  }

  // In the database: one row per participant, holding the last answer they sent, with its client id.
  const rows = await storedAnswers(sessionId, run.server);
  expect(rows).toHaveLength(PARTICIPANTS);
  expect(new Set(rows.map((r) => r.client_id))).toEqual(new Set(participants.map((p) => p.sent[ANSWERS_EACH - 1].clientId)));
  return { unackedAtFault, ackedAtFault };
}

function snapshotCount(frames: Frame[]): number {
  return frames.filter((f) => f.event === 'session:snapshot').length;
}

function lastOf(frames: Frame[], event: string): unknown {
  return frames.filter((f) => f.event === event).at(-1)?.args[0];
}
