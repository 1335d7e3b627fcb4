import type { PromptResult, SessionState, Snapshot, YnmChoice } from '@candor/shared';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import request from 'supertest';
import { describe, expect, it, vi } from 'vitest';
import { liveClients, test } from './fixtures.js';
import { connect, send, waitFor, type LiveClient } from './live-client.js';
import { switchLiveOnWhileAnswering } from './live-switch.js';
import { allKindsDeck, expectOk, ROOT, signUp, startServer } from './utils.js';

const deckFile = allKindsDeck();
const ynm = (items: Record<string, YnmChoice>) => ({
  promptId: 'yes-maybe-no',
  clientId: randomUUID(),
  value: { kind: 'ynm' as const, items },
});
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

describe('the privacy rules, tried the way an attacker would', () => {
  test('sends live results at most once a second and only after three changed answers, to the console and the screen only', async ({ server, clients }) => {
    const s = await clients.room({ phones: 6, liveResults: true });
    // Whoever is about to join is told, before agreeing, that totals show while questions are open.
    expect((await request(server.url).get(`/api/join/${s.code}`)).body).toMatchObject({ liveResults: true });
    const plain = await clients.room({ phones: 0 });
    expect((await request(server.url).get(`/api/join/${plain.code}`)).body).toMatchObject({ liveResults: false });
    expectOk(await send(s.host.socket, 'prompt:open', {}));
    const results = () => s.screen.received('results:live');

    for (let i = 0; i < 3; i += 1) expectOk(await send(s.phones[i].socket, 'answer:submit', ynm({ hugs: 'yes' })));
    // Frames are recorded from the connection on, so none can slip by before a wait begins.
    await vi.waitFor(() => expect(results()).toHaveLength(1), { timeout: 5_000 });
    expect(results()[0].result.respondents).toBe(3);

    // One more answer: the timing of an update would point at this person, so none comes.
    expectOk(await send(s.phones[3].socket, 'answer:submit', ynm({ hugs: 'no' })));
    await sleep(1_800);
    expect(results()).toHaveLength(1);
    // Neither does asking for a fresh snapshot reveal it.
    const synced = expectOk<Snapshot>(await send(s.host.socket, 'session:sync', {}));
    expect(synced.state.result?.respondents).toBe(3);
    expect(synced.state.answered).toBe(4);

    // Two more changes make three since the last update.
    expectOk(await send(s.phones[4].socket, 'answer:submit', ynm({ hugs: 'maybe' })));
    expectOk(await send(s.phones[0].socket, 'answer:submit', ynm({ hugs: 'no' })));
    await vi.waitFor(() => expect(results()).toHaveLength(2), { timeout: 5_000 });
    expect(results()[1].result.respondents).toBe(5);
    expect(results()[1].result.distribution).not.toBeNull();
    expect(s.host.received('results:live').map((live) => live.result.respondents)).toEqual([3, 5]);
    // A live update is only the result: no whole state goes out with it (the one state is the opening's).
    expect(s.screen.received('session:updated').map((st) => st.phase)).toEqual(['open']);

    // Closing sends the final count at once, even after a single change.
    expectOk(await send(s.phones[5].socket, 'answer:submit', ynm({ hugs: 'yes' })));
    const closedOnPhones = Promise.all(s.phones.map((phone) => waitFor(phone.socket, 'session:updated', 5_000, (st) => st.phase === 'closed')));
    const closed = expectOk<SessionState>(await send(s.host.socket, 'prompt:close', {}));
    expect(closed.result?.respondents).toBe(6);
    await closedOnPhones;

    // The phones were shown nothing of it: no live frame, and no result in any state, snapshot or sync.
    const resync = expectOk<Snapshot>(await send(s.phones[1].socket, 'session:sync', {}));
    expect(resync.state.result).toBeNull();
    for (const phone of s.phones) {
      expect(phone.received('results:live')).toEqual([]);
      for (const frame of phone.frames) {
        const state = frame.event === 'session:snapshot' ? (frame.args[0] as Snapshot).state : (frame.args[0] as SessionState);
        if (frame.event === 'session:snapshot' || frame.event === 'session:updated') expect(state.result, frame.event).toBeNull();
      }
    }
  });

  test('shows live results on the phones only when the facilitator turns that on, on the same timing', async ({ clients }) => {
    const s = await clients.room({ phones: 4, liveResults: true });
    const on = expectOk<SessionState>(await send(s.host.socket, 'session:settings', { livePhones: true }));
    expect(on).toMatchObject({ liveResults: true, livePhones: true });
    expectOk(await send(s.host.socket, 'prompt:open', {}));
    for (let i = 0; i < 3; i += 1) expectOk(await send(s.phones[i].socket, 'answer:submit', ynm({ hugs: 'yes' })));
    await vi.waitFor(() => expect(s.phones.map((phone) => phone.received('results:live').length)).toEqual([1, 1, 1, 1]), { timeout: 5_000 });
    const seen = s.phones.map((phone) => phone.received('results:live')[0]);
    expect(seen.map((live) => live.result.respondents)).toEqual([3, 3, 3, 3]);
    // What the screen got, and nothing more.
    expect(s.screen.received('results:live')).toEqual([seen[0]]);
    const synced = expectOk<Snapshot>(await send(s.phones[3].socket, 'session:sync', {}));
    expect(synced.state.result?.respondents).toBe(3);

    // Turned off again: the next update reaches the console and the screen, not the phones.
    expectOk(await send(s.host.socket, 'session:settings', { livePhones: false }));
    expectOk(await send(s.phones[3].socket, 'answer:submit', ynm({ hugs: 'no' })));
    expectOk(await send(s.phones[0].socket, 'answer:submit', ynm({ hugs: 'no' })));
    expectOk(await send(s.phones[1].socket, 'answer:submit', ynm({ hugs: 'maybe' })));
    await vi.waitFor(() => expect(s.screen.received('results:live').map((live) => live.result.respondents)).toEqual([3, 4]), { timeout: 5_000 });
    for (const phone of s.phones) expect(phone.received('results:live')).toHaveLength(1);
    expect(expectOk<Snapshot>(await send(s.phones[3].socket, 'session:sync', {})).state.result).toBeNull();
  });

  test('switched on mid-prompt while answers are in flight, live results come, exact, on the same rules', async ({ clients }) => {
    const s = await clients.room({ phones: 6 });
    await switchLiveOnWhileAnswering({ host: s.host, screen: s.screen, phones: s.phones });
  });

  test('withdraws a participant: answers deleted, results recomputed, the seat gone, nobody told who', async ({ server, clients }) => {
    const s = await clients.room({ phones: 4 });
    expectOk(await send(s.host.socket, 'prompt:open', {}));
    const choices = ['yes', 'yes', 'no', 'yes'] as const;
    for (const [i, phone] of s.phones.entries()) expectOk(await send(phone.socket, 'answer:submit', ynm({ hugs: choices[i] })));
    expectOk(await send(s.host.socket, 'prompt:close', {}));
    const released = expectOk<SessionState>(await send(s.host.socket, 'results:release', {}));
    expect(released.result?.respondents).toBe(4);

    const updated = waitFor(s.screen.socket, 'session:updated', 5_000, (st) => st.participants === 3);
    const leaving = s.phones[2];
    const disconnected = new Promise((ok) => leaving.socket.once('disconnect', ok));
    expect(await send(leaving.socket, 'participant:withdraw', {})).toEqual({ ok: true, data: { withdrawn: true } });
    const after = await updated;
    await disconnected;
    expect(after.result?.respondents).toBe(3);
    expect(after.result?.distribution).toMatchObject({ items: expect.arrayContaining([expect.objectContaining({ id: 'hugs', yes: 3, no: 0 })]) });
    await expect(connect(server.url, { role: 'participant', token: leaving.token })).rejects.toMatchObject({ message: 'UNAUTHENTICATED' });
    expect(await send(s.host.socket, 'participant:withdraw', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  test('withdraws a seat once when two tabs of it withdraw at the same moment', async ({ facilitator: f, clients }) => {
    const s = await clients.room({ phones: 3 });
    const secondTab = await clients.open({ role: 'participant', token: s.phones[0].token });
    const acks = await Promise.all([s.phones[0], secondTab].map((tab) => send(tab.socket, 'participant:withdraw', {})));
    expect(acks.filter((a) => a.ok)).toHaveLength(1);
    expect(acks.find((a) => !a.ok)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect((await f.api.get(`/api/sessions/${s.sessionId}`)).body.state.participants).toBe(2);
  });

  test('tells the facilitator how many stepped out, never who, and nobody else', async ({ clients }) => {
    const s = await clients.room({ phones: 3 });
    const away = waitFor(s.host.socket, 'stepout:updated', 5_000, (p) => p.away === 2);
    expectOk(await send(s.phones[0].socket, 'participant:step-out', { away: true }));
    expectOk(await send(s.phones[1].socket, 'participant:step-out', { away: true }));
    expect(await away).toEqual({ away: 2 });
    const back = waitFor(s.host.socket, 'stepout:updated', 5_000, (p) => p.away === 1);
    expectOk(await send(s.phones[0].socket, 'participant:step-out', { away: false }));
    expect(await back).toEqual({ away: 1 });
    // A console that reloads (a new facilitator socket) is told the count right away.
    const reloaded = await clients.host(s.sessionId);
    await expect
      .poll(() => reloaded.frames.find((fr) => fr.event === 'stepout:updated')?.args[0], { timeout: 5_000 })
      .toEqual({ away: 1 });
    for (const c of [s.screen, ...s.phones]) expect(c.frames.map((fr) => fr.event)).not.toContain('stepout:updated');
    expect(await send(s.host.socket, 'participant:step-out', { away: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  test("keeps the facilitator's preview of a closed prompt off the screen and the phones until release, with k and moderation in force", async ({ server, clients }) => {
    const s = await clients.room({ phones: 4 });
    expectOk(await send(s.host.socket, 'prompt:open', {}));
    const touch = ['yes', 'yes', 'no', 'maybe'] as const;
    for (const [i, phone] of s.phones.entries()) {
      // One person also answers "stop-word": below k = 3, it stays withheld in the preview too.
      const items: Record<string, YnmChoice> = i === 0 ? { 'asked-before-touch': touch[i], 'stop-word': 'yes' } : { 'asked-before-touch': touch[i] };
      expectOk(await send(phone.socket, 'answer:submit', ynm(items)));
    }
    expectOk(await send(s.host.socket, 'prompt:close', {}));
    const observers = [s.screen, ...s.phones];
    // The screen and the phones ask for it themselves: refused.
    for (const observer of observers) {
      expect(await send(observer.socket, 'results:preview', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }

    const preview = expectOk<PromptResult>(await send(s.host.socket, 'results:preview', {}));
    expect(preview).toMatchObject({ promptId: 'yes-maybe-no', respondents: 4 });
    const items = (preview.distribution as { items: { id: string; yes: number; no: number; maybe: number; withheld: boolean }[] }).items;
    expect(items.find((item) => item.id === 'asked-before-touch')).toMatchObject({ yes: 2, no: 1, maybe: 1, withheld: false });
    expect(items.find((item) => item.id === 'stop-word')).toMatchObject({ yes: 0, withheld: true });
    // Asked again (a reload), the same; and the console's own state still carries no result: the preview is the ack only.
    expect(expectOk<PromptResult>(await send(s.host.socket, 'results:preview', {})).respondents).toBe(4);
    expect(expectOk<Snapshot>(await send(s.host.socket, 'session:sync', {})).state.result).toBeNull();

    // Everything the screen and the phones can get, over sockets and REST, before release: no result anywhere.
    for (const observer of observers) expect(expectOk<Snapshot>(await send(observer.socket, 'session:sync', {})).state.result).toBeNull();
    const anonymous = request(server.url);
    const rest = [
      await anonymous.get(`/api/join/${s.code}`),
      await anonymous.get(`/api/sessions/${s.sessionId}`),
      await anonymous.get(`/api/sessions/${s.sessionId}/summary`),
      await anonymous.get(`/api/sessions/${s.sessionId}/export?format=json`),
      await anonymous.get(`/api/sessions/${s.sessionId}/export?format=csv`),
    ];
    expect(rest.map((res) => res.status)).toEqual([200, 401, 401, 401, 401]);
    for (const res of rest) expect(res.text).not.toMatch(/respondents|asked-before-touch/);
    const beforeRelease = (observer: LiveClient) => JSON.stringify(observer.frames);
    for (const observer of observers) {
      expect(observer.frames.length).toBeGreaterThan(0);
      expect(beforeRelease(observer)).not.toMatch(/"respondents"|"withheld"/);
    }

    // Released: now they get it, so the check above is one that can fail.
    const seen = Promise.all(observers.map((o) => waitFor(o.socket, 'session:updated', 5_000, (st) => st.phase === 'released')));
    expectOk(await send(s.host.socket, 'results:release', {}));
    for (const state of await seen) expect(state.result).toMatchObject({ respondents: 4 });
    for (const observer of observers) expect(beforeRelease(observer)).toMatch(/"respondents"/);
  });

  test('freezes answering while the facilitator pauses', async ({ clients }) => {
    const s = await clients.room({ phones: 2 });
    expectOk(await send(s.host.socket, 'prompt:open', {}));
    expect(await send(s.phones[0].socket, 'session:pause', { paused: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const seen = waitFor(s.phones[1].socket, 'session:updated', 5_000, (st) => st.paused);
    expect(expectOk<SessionState>(await send(s.host.socket, 'session:pause', { paused: true })).paused).toBe(true);
    await seen;
    expect(await send(s.phones[0].socket, 'answer:submit', ynm({ hugs: 'yes' }))).toMatchObject({
      ok: false,
      error: { code: 'SESSION_PAUSED' },
    });
    expectOk(await send(s.host.socket, 'session:pause', { paused: false }));
    expectOk(await send(s.phones[0].socket, 'answer:submit', ynm({ hugs: 'yes' })));
  });

  test('deletes a session with everything in it and closes its sockets', async ({ server, facilitator: f, clients }) => {
    const s = await clients.room({ phones: 1 });
    const closed = new Promise((ok) => s.phones[0].socket.once('disconnect', ok));
    expect((await f.api.delete(`/api/sessions/${s.sessionId}`)).status).toBe(204);
    await closed;
    expect((await f.api.get(`/api/sessions/${s.sessionId}/summary`)).status).toBe(404);
    expect((await request(server.url).get(`/api/join/${s.code}`)).status).toBe(404);
    await expect(connect(server.url, { role: 'participant', token: s.phones[0].token })).rejects.toMatchObject({
      message: 'UNAUTHENTICATED',
    });
  });
});

describe('retention and the canary', () => {
  it('deletes raw answers after the retention time, keeps aggregates, and writes no answer, token, address or device anywhere else', async () => {
    const canaryText = `cn${randomUUID().slice(0, 8)}`;
    const canaryToken = `canary-token-${randomUUID()}`;
    const canaryAgent = `CanaryAgent/${randomUUID()}`;
    const server = await startServer({
      env: { CANDOR_ANSWER_RETENTION_HOURS: '0.0003', CANDOR_RETENTION_SWEEP_SECONDS: '1', CANDOR_LOG_LEVEL: 'debug' },
    });
    const f = await signUp(server.url);
    const clients = liveClients(server.url, f);
    try {
      const imported = await f.api.post('/api/decks/import').send(deckFile);
      const s = await clients.room({ phones: 3, deckId: imported.body.deck.id as string });
      await request(server.url).get(`/api/join/${s.code}`).set('User-Agent', canaryAgent);
      await request(server.url).post('/api/join').set('User-Agent', canaryAgent).send({ code: s.code, consent: true });
      await expect(connect(server.url, { role: 'participant', token: canaryToken })).rejects.toMatchObject({ message: 'UNAUTHENTICATED' });

      expectOk(await send(s.host.socket, 'prompt:open', { promptId: 'one-word' }));
      const texts = [canaryText, 'slow and kind', 'tea'];
      for (const [i, phone] of s.phones.entries()) {
        expectOk(await send(phone.socket, 'answer:submit', { promptId: 'one-word', clientId: randomUUID(), value: { kind: 'text', text: texts[i] } }));
      }
      expectOk(await send(s.host.socket, 'prompt:close', {}));
      expectOk(await send(s.host.socket, 'results:release', {}));
      expectOk(await send(s.host.socket, 'session:end', {}));

      // After the retention time (about a second, swept every second) the seats and their answers are
      // gone; the released result stays.
      await vi.waitFor(async () => expect((await f.api.get(`/api/sessions/${s.sessionId}`)).body.state.participants).toBe(0), {
        timeout: 15_000,
        interval: 200,
      });
      await expect(connect(server.url, { role: 'participant', token: s.phones[0].token })).rejects.toMatchObject({
        message: 'UNAUTHENTICATED',
      });
      const summary = await f.api.get(`/api/sessions/${s.sessionId}/summary`);
      expect(summary.body.results).toHaveLength(1);
      expect(summary.body.results[0]).toMatchObject({ promptId: 'one-word', respondents: 3 });

      clients.closeAll();
      await server.stop();
      const log = server.output();
      for (const secret of [canaryText, canaryToken, canaryAgent, '127.0.0.1', ...s.phones.map((p) => p.token)]) {
        expect(log).not.toContain(secret);
      }

      // Every row of every table but the answers, as text: no canary, no token, no address, no device.
      const { openDataSource } = (await import(join(ROOT, 'apps/server/dist/database/data-source.js'))) as {
        openDataSource: (c: { databaseUrl?: string; dataDir: string }) => Promise<{ query(sql: string): Promise<unknown[]>; destroy(): Promise<void> }>;
      };
      const db = await openDataSource({ databaseUrl: process.env.DATABASE_URL, dataDir: server.dataDir });
      try {
        const tables = (await db.query(
          "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'answers'",
        )) as { table_name: string }[];
        expect(tables.length).toBeGreaterThan(5);
        for (const { table_name } of tables) {
          const dump = JSON.stringify(await db.query(`SELECT * FROM "${table_name}"`));
          for (const secret of [canaryText, canaryToken, canaryAgent, '127.0.0.1', ...s.phones.map((p) => p.token)]) {
            expect(dump, `${table_name} holds ${secret}`).not.toContain(secret);
          }
        }
        const left = (await db.query(`SELECT count(*)::int AS n FROM answers WHERE session_id = '${s.sessionId}'`)) as { n: number }[];
        expect(left[0].n).toBe(0);
      } finally {
        await db.destroy();
      }
    } finally {
      clients.closeAll();
      await server.stop();
    }
  });
});
