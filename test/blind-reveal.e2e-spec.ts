import type { CoupleResult, SessionState, YnmPrompt } from '@candor/shared';
import { BlindParty, ynmReveal, ynmSlots } from '@candor/shared/blind';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import request from 'supertest';
import { describe, expect } from 'vitest';
import { compare, phone, type Sheet } from './blind-phones.js';
import { test } from './fixtures.js';
import { waitFor, type LiveClient } from './live-client.js';
import { expectOk, ROOT, type RunningServer } from './utils.js';

// The blind couple reveal (issue 15): the partners' phones compare a yes/no/maybe list between themselves
// through the server, which relays blinded points and never holds an answer. Here the two "phones" are
// node sockets running @candor/shared/blind, as the client does; the therapist's console and the screen
// record every frame, as an attacker with their access would.

async function rowsOf(server: RunningServer, sessionId: string): Promise<Record<string, unknown[]>> {
  const { openDataSource } = (await import(join(ROOT, 'apps/server/dist/database/data-source.js'))) as {
    openDataSource: (c: { databaseUrl?: string; dataDir: string }) => Promise<{ query(sql: string, p?: unknown[]): Promise<unknown[]>; destroy(): Promise<void> }>;
  };
  const db = await openDataSource({ databaseUrl: process.env.DATABASE_URL, dataDir: server.dataDir });
  try {
    const rows: Record<string, unknown[]> = {};
    for (const table of ['answers', 'blind_messages', 'prompt_results', 'participants', 'text_reviews']) {
      rows[table] = await db.query(`SELECT * FROM "${table}" WHERE session_id = $1`, [sessionId]);
    }
    rows.live_sessions = await db.query('SELECT * FROM live_sessions WHERE id = $1', [sessionId]);
    return rows;
  } finally {
    await db.destroy();
  }
}

describe('the blind couple reveal', () => {
  test('keeps the messages for a phone that reconnects, takes a message again only as it was, and starts again on either phone', async ({ server, clients }) => {
    const { sessionId, host: therapist, partners } = await clients.couple({ blindReveal: true });
    const [seatA, seatB] = partners;
    const prompt = expectOk(await therapist.send('prompt:open', {})).prompt as YnmPrompt;
    const ids = prompt.items.map((item) => item.id);
    const a = phone(seatA, sessionId, prompt, { [ids[0]]: 'yes' });
    const b = phone(seatB, sessionId, prompt, { [ids[0]]: 'yes', [ids[1]]: 'maybe' });
    expectOk(await a.sendStep({ promptId: prompt.id, step: 'commit', ...a.party.commitment }));
    expectOk(await b.sendStep({ promptId: prompt.id, step: 'commit', ...b.party.commitment }));
    const offer = a.party.offer(b.party.commitment);
    expectOk(await a.sendStep({ promptId: prompt.id, step: 'offer', ...offer }));
    // The same offer again (an acknowledgement lost on the way) is fine; another one is not.
    expectOk(await a.sendStep({ promptId: prompt.id, step: 'offer', ...offer }));
    const other = new BlindParty({ sessionId, promptId: prompt.id }, [], ynmSlots(ids.length)).offer(b.party.commitment);
    expect(await a.sendStep({ promptId: prompt.id, step: 'offer', ...other })).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });

    // B's phone was away: on reconnecting it reads what A sent, and which of its own steps the server holds.
    seatB.close();
    const backB = await clients.open({ role: 'participant', token: seatB.token });
    const synced = expectOk(await backB.send('blind:sync', { promptId: prompt.id }));
    expect(synced.mine).toEqual(['commit']);
    expect(synced.partner.map((m) => m.step)).toEqual(['commit', 'offer']);
    expect(synced.partner[1]).toEqual({ promptId: prompt.id, step: 'offer', ...offer });
    // The therapist cannot read them, and nor can a phone of another session.
    expect(await therapist.send('blind:sync', { promptId: prompt.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const stranger = await clients.couple();
    expect(await stranger.partners[0].send('blind:sync', { promptId: prompt.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // B lost its secrets with the reload: it starts again, and both phones hear so.
    const heardA = waitFor(seatA.socket, 'blind:restarted', 5_000);
    expect(await backB.send('blind:restart', { promptId: prompt.id })).toEqual({ ok: true, data: { restarted: true } });
    expect(await heardA).toEqual({ promptId: prompt.id });
    expect(expectOk(await seatA.send('blind:sync', { promptId: prompt.id }))).toEqual({ promptId: prompt.id, partner: [], mine: [] });
    // Closed, the prompt takes no more steps.
    expectOk(await therapist.send('prompt:close', {}));
    expect(await a.sendStep({ promptId: prompt.id, step: 'commit', ...a.party.commitment })).toMatchObject({ ok: false, error: { code: 'PROMPT_NOT_OPEN' } });
    void server;
  });

  test('a couple on their own compares on their phones, moves on once both are done, and the server keeps neither the answers nor the reveal', async ({
    server,
    clients,
  }) => {
    expect((await request(server.url).post('/api/join/couple').send({ deckId: 'consent-and-boundaries', blindReveal: 'yes' })).status).toBe(400);
    const started = await request(server.url).post('/api/join/couple').send({ deckId: 'consent-and-boundaries', blindReveal: true });
    expect(started.status).toBe(201);
    const { sessionId, code, token } = started.body as { sessionId: string; code: string; token: string };
    const seatA = await clients.open({ role: 'participant', token });
    const seatB = await clients.join(code);
    const opened = expectOk(await seatB.send('prompt:open', {}));
    expect(opened).toMatchObject({ selfRun: true, blindReveal: true, phase: 'open' });
    const prompt = opened.prompt as YnmPrompt;
    const ids = prompt.items.map((item) => item.id);

    // Not before both phones are done comparing: going on would cut the partner off mid-list.
    expect(await seatA.send('prompt:open', {})).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
    const a = phone(seatA, sessionId, prompt, { [ids[0]]: 'yes', [ids[1]]: 'maybe', [ids[2]]: 'yes' });
    const b = phone(seatB, sessionId, prompt, { [ids[0]]: 'yes', [ids[1]]: 'yes', [ids[2]]: 'no' });
    const { sharedA, sharedB } = await compare(a, b, prompt.id);
    const expected = { matches: [ids[0]], explore: [ids[1]], notShared: ids.length - 2 };
    expect(ynmReveal(ids, sharedA)).toEqual(expected);
    expect(ynmReveal(ids, sharedB)).toEqual(expected);
    // There is nobody to show it to: the server refuses to hear it.
    expect(await seatA.send('blind:show', { promptId: prompt.id, matches: expected.matches, explore: expected.explore })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });

    // Either partner goes on; the list compared is gone from the server with it, and nothing was released.
    const next = expectOk(await seatA.send('prompt:open', {}));
    expect(next).toMatchObject({ phase: 'open', promptIndex: 1, finished: 0, result: null });
    expect(expectOk(await seatB.send('blind:sync', { promptId: prompt.id }))).toEqual({ promptId: prompt.id, partner: [], mine: [] });
    for (const seat of [seatA, seatB]) {
      const states = seat.received('session:updated');
      expect(states.some((state) => state.phase === 'released')).toBe(false);
      expect(states.every((state) => state.result === null)).toBe(true);
    }
    expect(expectOk(await seatB.send('session:end', {})).phase).toBe('ended');
  });

  // Last in the file: it stops the server to read its database.
  test('compares a list on the two phones: the server relays points, never holds an answer, and shows the reveal only when both phones send it', async ({
    server,
    facilitator,
    clients,
  }) => {
    const { session, sessionId, host: therapist, partners } = await clients.couple({ blindReveal: true });
    const screen = await clients.screen(session.screenToken);
    const [seatA, seatB] = partners;
    expect(session.state).toMatchObject({ mode: 'couple', blindReveal: true });

    const opened = expectOk(await therapist.send('prompt:open', {}));
    const prompt = opened.prompt as YnmPrompt;
    expect(prompt.kind).toBe('ynm');
    const ids = prompt.items.map((item) => item.id);
    // Every pair of answers on the first items: a match, worth exploring, and the kinds of "not shared".
    const sheetA: Sheet = { [ids[0]]: 'yes', [ids[1]]: 'yes', [ids[2]]: 'maybe', [ids[3]]: 'yes', [ids[4]]: 'no', [ids[5]]: 'pass' };
    const sheetB: Sheet = { [ids[0]]: 'yes', [ids[1]]: 'maybe', [ids[2]]: 'maybe', [ids[3]]: 'no', [ids[4]]: 'yes', [ids[5]]: 'yes' };

    // The server takes no answer to this prompt, not even once, and no "I'm finished" for it.
    for (const seat of [seatA, seatB]) {
      const refused = await seat.send('answer:submit', { promptId: prompt.id, clientId: randomUUID(), value: { kind: 'ynm', items: sheetA } });
      expect(refused).toMatchObject({ ok: false, error: { code: 'BLIND_REVEAL' } });
      expect(await seat.send('answer:finish', { promptId: prompt.id, finished: true })).toMatchObject({ ok: false, error: { code: 'BLIND_REVEAL' } });
    }
    // An offer before both commitments is refused, as is a message of the wrong size or from the therapist.
    const a = phone(seatA, sessionId, prompt, sheetA);
    const b = phone(seatB, sessionId, prompt, sheetB);
    expect(await a.sendStep({ promptId: prompt.id, step: 'offer', ...a.party.offer(b.party.commitment) })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION' },
    });
    const short = { promptId: prompt.id, step: 'offer' as const, key: 'ab'.repeat(32), points: ['cd'.repeat(32), 'ef'.repeat(32)] };
    expect(await therapist.send('blind:send', short)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await screen.send('blind:send', short)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const { codes, sharedA, sharedB } = await compare(a, b, prompt.id);
    expect(codes[0]).toMatch(/^\d{6}$/);
    expect(codes[0]).toBe(codes[1]);
    const expected = { matches: [ids[0]], explore: [ids[1], ids[2]], notShared: ids.length - 3 };
    expect(ynmReveal(ids, sharedA)).toEqual(expected);
    expect(ynmReveal(ids, sharedB)).toEqual(expected);
    // Both phones are done comparing: the console counts them finished, and knows nothing else yet.
    await expect.poll(() => therapist.received('session:updated').at(-1)?.finished, { timeout: 5_000 }).toBe(2);
    expect(therapist.received('session:updated').every((state) => state.result === null)).toBe(true);

    // Before the couple shows it, nothing the therapist or the screen got names an item.
    for (const listener of [therapist, screen]) {
      expect(listener.frames.map((frame) => frame.event)).not.toContain('blind:message');
      const heard = JSON.stringify(listener.frames.filter((frame) => frame.event !== 'session:snapshot' && !(frame.event === 'session:updated')));
      for (const id of ids) expect(heard).not.toContain(`"${id}"`);
    }

    // A phone whose reveal differs from its partner's is told, and nothing is shown.
    const show = (seat: LiveClient, reveal: { matches: string[]; explore: string[] }) => seat.send('blind:show', { promptId: prompt.id, ...reveal });
    expect(await show(seatA, { matches: [ids[0], ids[1]], explore: [ids[2]] })).toEqual({ ok: true, data: { shown: false } });
    expect(await show(seatB, { matches: expected.matches, explore: expected.explore })).toMatchObject({ ok: false, error: { code: 'BLIND_MISMATCH' } });
    expect(await show(seatA, { matches: [ids[0], 'not-an-item'], explore: [] })).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });

    // Both choose to show the same reveal: it is released to the therapist, the screen and the phones.
    const released = waitFor(therapist.socket, 'session:updated', 5_000, (state: SessionState) => state.phase === 'released');
    expect(await show(seatA, { matches: expected.matches, explore: expected.explore })).toEqual({ ok: true, data: { shown: false } });
    expect(await show(seatB, { matches: expected.matches, explore: expected.explore })).toEqual({ ok: true, data: { shown: true } });
    const result = (await released).result?.distribution as CoupleResult;
    expect(result).toMatchObject({ kind: 'couple', policy: 'mutual-only', notShared: expected.notShared, answers: null });
    expect(result.matches.map((item) => item.id)).toEqual(expected.matches);
    expect(result.explore.map((item) => item.id)).toEqual(expected.explore);
    // The summary holds the shown reveal, and nothing per partner.
    const summary = await facilitator.api.get(`/api/sessions/${sessionId}/summary`);
    expect(summary.status).toBe(200);
    expect(JSON.stringify(summary.body)).not.toMatch(/"(yes|maybe|no|pass)"/);

    // What the database holds: no answer to the prompt; the phones' messages are hex points only.
    clients.closeAll();
    await server.stop();
    const rows = await rowsOf(server, sessionId);
    expect(rows.answers.filter((row) => (row as { prompt_id: string }).prompt_id === prompt.id)).toEqual([]);
    const messages = rows.blind_messages as { step: string; message: Record<string, string | string[]> }[];
    expect(messages.map((m) => m.step).sort()).toEqual(['commit', 'commit', 'offer', 'offer', 'reply', 'reply', 'show', 'show']);
    for (const { step, message } of messages.filter((m) => m.step !== 'show')) {
      const strings = Object.values(message).flat();
      expect(strings.length, step).toBeGreaterThan(0);
      for (const value of strings) expect(value).toMatch(/^[0-9a-f]{64}$/);
      // Padded: every offer and reply has as many points whatever was answered.
      if (step !== 'commit') expect(message.points).toHaveLength(2 * ids.length);
    }
    expect(rows.prompt_results).toHaveLength(1);
  });

});
