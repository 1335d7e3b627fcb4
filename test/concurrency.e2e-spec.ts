import type { Ack, JoinResult, SessionState, Snapshot } from '@candor/shared';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { describe, expect, onTestFailed } from 'vitest';
import { AnsweringParticipant, allSettled, BURST_PROMPT, burstValue, storedAnswers } from './answering.js';
import { test } from './fixtures.js';
import { send, waitFor } from './live-client.js';
import { createSession, expectOk, joinSession } from './utils.js';

// Requests that overlap in time, on the embedded database as on PostgreSQL: a transaction that
// fails must undo only its own statements, one that succeeds must commit only its own, and a
// couple never gets a third person however many join at once.
// One round of a group prompt's commands: close, release, open again.
const ROUND = [
  ['prompt:close', {}],
  ['results:release', {}],
  ['prompt:open', { promptId: BURST_PROMPT }],
] as const;

describe('concurrent requests', () => {
  test('seats exactly two people in each couple session, however many join at once', async ({ server, facilitator: f, clients }) => {
    // Ten self-run couples (the starter holds the first seat) and three run by a therapist.
    const selfRun = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const res = await request(server.url).post('/api/join/couple').send({ deckId: 'consent-and-boundaries' });
        expect(res.status).toBe(201);
        return res.body as JoinResult;
      }),
    );
    const therapist = await Promise.all(
      Array.from({ length: 3 }, async () => {
        const res = await f.api.post('/api/sessions').send({ deckId: 'consent-and-boundaries', mode: 'couple' });
        expect(res.status).toBe(201);
        return (res.body as { state: SessionState }).state;
      }),
    );
    // Four at once at each self-run couple, five at each of the therapist's, all interleaved.
    const attempts = [
      ...selfRun.flatMap((s) => Array.from({ length: 4 }, () => ({ sessionId: s.sessionId, code: s.code }))),
      ...therapist.flatMap((s) => Array.from({ length: 5 }, () => ({ sessionId: s.id, code: s.code }))),
    ].sort(() => Math.random() - 0.5);
    const responses = await Promise.all(attempts.map((a) => request(server.url).post('/api/join').send({ code: a.code, consent: true })));

    for (const session of [...selfRun.map((s) => ({ id: s.sessionId, free: 1 })), ...therapist.map((s) => ({ id: s.id, free: 2 }))]) {
      const mine = responses.filter((_, i) => attempts[i].sessionId === session.id);
      expect(mine.filter((r) => r.status === 201).map((r) => (r.body as JoinResult).sessionId)).toEqual(Array(session.free).fill(session.id));
      expect(mine.filter((r) => r.status !== 201).map((r) => [r.status, (r.body as { code: string }).code])).toEqual(
        Array(mine.length - session.free).fill([409, 'SESSION_FULL']),
      );
    }
    // The sessions count two seats, and the seats that were handed out open a socket.
    for (const s of selfRun) {
      const { socket, frames } = await clients.open({ role: 'participant', token: s.token });
      const snapshot = (frames.find((fr) => fr.event === 'session:snapshot')?.args[0] as Snapshot | undefined) ?? (await waitFor(socket, 'session:snapshot'));
      expect(snapshot.state.participants).toBe(2);
    }
    for (const s of therapist) expect((await f.api.get(`/api/sessions/${s.id}`)).body.state.participants).toBe(2);
    const seated = responses.filter((r) => r.status === 201);
    await Promise.all(seated.map((r) => clients.open({ role: 'participant', token: r.body.token as string })));
  });

  test("a facilitator's commands go through while live results and withdrawals keep changing the session row", async ({ facilitator: f, clients, server }) => {
    // A live result stored, or a seat withdrawn, gives the row a new version without moving the session:
    // a close or an open sent meanwhile means the same on the new row and is applied (not STALE_STATE).
    const s = await createSession(f, { k: 3, liveResults: true });
    const host = await clients.host(s.state.id);
    const seat = async () => (await clients.open({ role: 'participant', token: (await joinSession(server.url, s.state.code)).token })).socket;
    const answering = await Promise.all(Array.from({ length: 20 }, async () => new AnsweringParticipant(await seat())));
    const leaving = await Promise.all(Array.from({ length: 40 }, seat));
    expectOk(await send(host.socket, 'prompt:open', { promptId: BURST_PROMPT }));
    let running = true;
    const flooding = async () => {
      for (let i = 0; running; i += 1) {
        for (const p of answering) p.submit(i);
        await new Promise((ok) => setTimeout(ok, 15));
      }
      await allSettled(answering, 30_000);
    };
    const withdrawing = async () => {
      for (const socket of leaving) {
        if (!running) break;
        expectOk(await send(socket, 'participant:withdraw', {}));
        await new Promise((ok) => setTimeout(ok, 10));
      }
    };
    const commanding = async () => {
      const acks: Ack<unknown>[] = [];
      for (let round = 0; round < 8; round += 1) {
        for (const [event, payload] of ROUND) {
          acks.push(await send(host.socket, event, payload));
          await new Promise((ok) => setTimeout(ok, 20));
        }
      }
      running = false;
      return acks;
    };
    const [acks] = await Promise.all([commanding(), flooding(), withdrawing()]);
    expect(acks.filter((ack) => !ack.ok)).toEqual([]);
    expect(acks).toHaveLength(24);
  });

  test('keeps every acknowledged answer while other transactions fail and succeed around it', async ({ server, facilitator: f, clients }) => {
    onTestFailed(() => console.log(`server output:\n${server.output().slice(-20_000)}`));
    // Session A: a room answering as fast as it can.
    const a = await createSession(f, 3);
    const hostA = await clients.open({ role: 'facilitator', sessionId: a.state.id }, f.cookie);
    const answering = await Promise.all(
      Array.from({ length: 30 }, async () => {
        const seat = await joinSession(server.url, a.state.code);
        return new AnsweringParticipant((await clients.open({ role: 'participant', token: seat.token })).socket);
      }),
    );
    expectOk(await send(hostA.socket, 'prompt:open', {}));

    // Session B: two consoles that race every command (the loser's transaction rolls back after
    // writing), and seats that withdraw from two tabs at once (one commits, the other rolls back).
    const b = await createSession(f, 3);
    const consoles = await Promise.all([0, 1].map(() => clients.open({ role: 'facilitator', sessionId: b.state.id }, f.cookie)));
    const seatsB = await Promise.all(
      Array.from({ length: 12 }, async () => {
        const seat = await joinSession(server.url, b.state.code);
        const tabs = await Promise.all([0, 1].map(() => clients.open({ role: 'participant', token: seat.token })));
        return { token: seat.token, tabs: tabs.map((t) => t.socket) };
      }),
    );
    expectOk(await send(consoles[0].socket, 'prompt:open', { promptId: BURST_PROMPT }));
    for (const [i, seat] of seatsB.entries()) {
      expectOk(await send(seat.tabs[0], 'answer:submit', { promptId: BURST_PROMPT, clientId: randomUUID(), value: burstValue(i) }));
    }
    const versionBefore = (await f.api.get(`/api/sessions/${b.state.id}`)).body.state.version as number;

    // Each step is sent by both consoles at once; when both are stale (a withdrawal moved the session
    // meanwhile), both send it again, as a console would.
    const racing = async (): Promise<{ acks: Ack<unknown>[]; applied: number[] }> => {
      const acks: Ack<unknown>[] = [];
      const applied: number[] = [];
      for (let round = 0; round < 8; round += 1) {
        for (const [event, payload] of ROUND) {
          for (let attempt = 0; attempt < 10; attempt += 1) {
            const pair = await Promise.all(consoles.map((c) => send(c.socket, event, payload)));
            acks.push(...pair);
            const ok = pair.filter((ack) => ack.ok).length;
            if (ok > 0 || pair.some((ack) => !ack.ok && ack.error.code !== 'STALE_STATE')) {
              applied.push(ok);
              break;
            }
          }
        }
      }
      return { acks, applied };
    };
    const withdrawing = async (): Promise<Ack<unknown>[][]> => {
      const pairs: Ack<unknown>[][] = [];
      for (const seat of seatsB) {
        pairs.push(await Promise.all(seat.tabs.map((tab) => send(tab, 'participant:withdraw', {}))));
        await new Promise((ok) => setTimeout(ok, 15));
      }
      return pairs;
    };
    const flooding = async () => {
      for (let i = 0; i < 15; i += 1) {
        for (const p of answering) p.submit(i);
        await new Promise((ok) => setTimeout(ok, 20));
      }
      await allSettled(answering, 30_000);
    };
    const [{ acks: commandAcks, applied: appliedPerStep }, withdrawals] = await Promise.all([racing(), withdrawing(), flooding()]);

    // Every command either applied or was turned away as stale or out of turn; of each step exactly
    // one console's command applied; and the session moved once per command that applied and per
    // seat that withdrew.
    const failed = commandAcks.filter((ack) => !ack.ok);
    expect(new Set(failed.map((ack) => (ack.ok ? '' : ack.error.code)))).toSatisfy((codes: Set<string>) =>
      [...codes].every((code) => code === 'STALE_STATE' || code === 'INVALID_TRANSITION'),
    );
    expect(appliedPerStep).toEqual(Array(24).fill(1));
    const applied = commandAcks.length - failed.length;
    for (const pair of withdrawals) {
      expect(pair.filter((ack) => ack.ok)).toHaveLength(1);
      expect(pair.find((ack) => !ack.ok)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    }
    const viewB = (await f.api.get(`/api/sessions/${b.state.id}`)).body.state as SessionState;
    expect(viewB.version).toBe(versionBefore + applied + seatsB.length);
    expect(viewB.participants).toBe(0);
    expect(viewB.phase).toBe('open');

    // Session A: nothing refused, and what was acknowledged last is what is stored, for everyone.
    for (const p of answering) expect(p.refusals).toEqual([]);
    const rowsA = await storedAnswers(a.state.id, server);
    expect(rowsA).toHaveLength(answering.length);
    expect(new Set(rowsA.map((r) => r.client_id))).toEqual(new Set(answering.map((p) => p.sent.at(-1)?.clientId)));
    // Session B: every withdrawn seat took its answers with it.
    expect(await storedAnswers(b.state.id, server)).toEqual([]);
  }, 120_000);
});
