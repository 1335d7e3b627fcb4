import type { SessionState, Snapshot, YnmResult } from '@candor/shared';
import { randomUUID } from 'node:crypto';
import { createServer, connect as tcpConnect, type Server, type Socket } from 'node:net';
import { Client } from 'pg';
import { createClient } from 'redis';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { AnsweringParticipant, allSettled, BURST_PROMPT, burstValue, indexOf } from './answering.js';
import { connect, send, waitFor, type ClientSocket, type Frame, type LiveClient } from './live-client.js';
import { switchLiveOnWhileAnswering } from './live-switch.js';
import { allKindsDeck, createSession, expectOk, joinSession, signUp, startServer, type RunningServer } from './utils.js';

// Collected only when DATABASE_URL and REDIS_URL are set (test/vitest.config.ts): two processes
// cannot share PGlite, and broadcasts between instances go through Redis.

// A stand-in for the load balancer in front of instance B: when B dies, it sends new connections to A.
function balancer(targetPort: () => number): Promise<{ port: number; server: Server; close: () => void }> {
  const open = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = tcpConnect(targetPort(), '127.0.0.1');
    open.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () =>
      ok({
        port: (server.address() as { port: number }).port,
        server,
        close: () => {
          open.forEach((s) => s.destroy());
          server.close();
        },
      }),
    ),
  );
}

const EVENTS_FOR_OBSERVERS = new Set(['session:snapshot', 'session:updated', 'progress:updated', 'stepout:updated']);
const PARTICIPANTS = 10;

describe('two server instances sharing PostgreSQL and Redis', () => {
  let a: RunningServer;
  let b: RunningServer;
  let proxy: Awaited<ReturnType<typeof balancer>>;
  const sockets: ClientSocket[] = [];
  // A second pair for the live-results switch (the first test kills one of its pair).
  let c: RunningServer;
  let d: RunningServer;

  afterAll(async () => {
    sockets.forEach((s) => s.close());
    proxy?.close();
    await Promise.all([a?.stop(), b?.stop(), c?.stop(), d?.stop()]);
  });

  it('switches live results on from one instance while the phones answer on the other', async () => {
    [c, d] = await Promise.all([startServer(), startServer()]);
    const f = await signUp(c.url);
    const created = await createSession(f, 3);
    const open = async (client: Promise<LiveClient>) => {
      const opened = await client;
      sockets.push(opened.socket);
      return opened;
    };
    const host = await open(connect(c.url, { role: 'facilitator', sessionId: created.state.id }, f.cookie));
    const screen = await open(connect(d.url, { role: 'screen', token: created.screenToken }));
    const phones: LiveClient[] = [];
    for (let i = 0; i < 6; i += 1) {
      const seat = await joinSession(d.url, created.state.code);
      phones.push(await open(connect(d.url, { role: 'participant', token: seat.token })));
    }
    await switchLiveOnWhileAnswering({ host, screen, phones });
  }, 60_000);

  it('runs one session across both, and loses nothing when one instance dies', async () => {
    [a, b] = await Promise.all([startServer(), startServer()]);
    let bAlive = true;
    proxy = await balancer(() => (bAlive ? b.port : a.port));
    const viaB = `http://127.0.0.1:${proxy.port}`;

    const f = await signUp(a.url);
    const created = await createSession(f, 3);
    const sessionId = created.state.id;
    const facilitator = await connect(a.url, { role: 'facilitator', sessionId }, f.cookie);
    const screen = await connect(viaB, { role: 'screen', token: created.screenToken });
    sockets.push(facilitator.socket, screen.socket);

    // Participants join through either instance and connect to either, alternately.
    const tokens: string[] = [];
    const participants: AnsweringParticipant[] = [];
    for (let i = 0; i < PARTICIPANTS; i += 1) {
      const seat = await joinSession(i % 2 === 0 ? b.url : a.url, created.state.code);
      tokens.push(seat.token);
      const { socket } = await connect(i % 2 === 0 ? a.url : viaB, { role: 'participant', token: seat.token });
      sockets.push(socket);
      participants.push(new AnsweringParticipant(socket));
    }
    const onB = participants.filter((_, i) => i % 2 === 1);
    // A second tab on B of a participant's seat, in German: across instances it gets the deck's German only.
    const german = await connect(viaB, { role: 'participant', token: tokens[1], language: 'de' });
    sockets.push(german.socket);

    // A command on A reaches the screen and the participants on B.
    const screenSawOpen = waitFor(screen.socket, 'session:updated', 10_000, (s) => s.phase === 'open');
    const bSawOpen = onB.map((p) => waitFor(p.socket, 'session:updated', 10_000, (s) => s.phase === 'open'));
    const germanSawOpen = waitFor(german.socket, 'session:updated', 10_000, (s) => s.phase === 'open');
    const opened = expectOk<SessionState>(await send(facilitator.socket, 'prompt:open', {}));
    const onScreen = await screenSawOpen;
    expect(onScreen.version).toBe(opened.version);
    expect(Object.keys(onScreen.prompt?.translations ?? {})).toEqual(['de']);
    for (const state of await Promise.all(bSawOpen)) expect(state.prompt).not.toHaveProperty('translations');
    expect((await germanSawOpen).prompt?.translations?.de?.title).toBe('Was ist für dich ein Ja, ein Vielleicht oder ein Nein?');
    german.socket.close();

    // Answers through both instances: counts are right on both sides.
    participants.forEach((p, i) => p.submit(i % 3));
    await allSettled(participants, 15_000);
    const lastProgress = (frames: Frame[]) =>
      frames.filter((fr) => fr.event === 'progress:updated').at(-1)?.args[0] as { answered: number } | undefined;
    // The facilitator on A and the screen on B count every answer.
    await vi.waitFor(() => expect(lastProgress(facilitator.frames)?.answered).toBe(PARTICIPANTS), { timeout: 10_000 });
    await vi.waitFor(() => expect(lastProgress(screen.frames)?.answered).toBe(PARTICIPANTS), { timeout: 10_000 });

    // Released on A, shown on B.
    const screenSawRelease = waitFor(screen.socket, 'session:updated', 10_000, (s) => s.phase === 'released');
    expectOk(await send(facilitator.socket, 'prompt:close', {}));
    expectOk(await send(facilitator.socket, 'results:release', {}));
    const first = (await screenSawRelease).result?.distribution as YnmResult;
    const expected = { yes: 0, maybe: 0, no: 0 } as Record<string, number>;
    participants.forEach((_, i) => (expected[burstValue(i % 3).items.hugs] += 1));
    expect(first.items.find((it) => it.id === 'hugs')).toMatchObject(expected);

    // B dies without warning; its participants and the screen come back through A.
    const resumed = [...onB.map((p) => p.socket), screen.socket].map((s) => waitFor(s, 'session:snapshot', 30_000));
    bAlive = false;
    await b.stop('SIGKILL');
    const snapshots = await Promise.all(resumed);
    for (const [i, snap] of snapshots.slice(0, onB.length).entries()) {
      expect(snap.state).toMatchObject({ phase: 'released', participants: PARTICIPANTS });
      expect(indexOf(snap.myAnswers?.[BURST_PROMPT])).toBe((2 * i + 1) % 3);
    }
    expect(snapshots.at(-1)?.state.result?.distribution).toEqual(first);

    // The next prompt runs on A alone, with everyone.
    const next = expectOk<SessionState>(await send(facilitator.socket, 'prompt:open', {}));
    const nextPrompt = next.prompt;
    if (!nextPrompt) throw new Error('the deck has a second prompt');
    const pass = await Promise.all(
      participants.map((p) =>
        send(p.socket, 'answer:submit', { promptId: nextPrompt.id, clientId: randomUUID(), value: { kind: 'pass' } }),
      ),
    );
    pass.forEach((ack) => expectOk(ack));
    const after = expectOk<Snapshot>(await send(screen.socket, 'session:sync', {})).state;
    expect(after).toMatchObject({ answered: PARTICIPANTS, participants: PARTICIPANTS, promptIndex: next.promptIndex });

    // Privacy held across instances: the observers got counts and aggregates, never a token,
    // a participant id, a client id or a single answer.
    const db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    const ids = (await db.query<{ id: string }>('SELECT id FROM participants WHERE session_id = $1', [sessionId])).rows.map((r) => r.id);
    await db.end();
    expect(ids).toHaveLength(PARTICIPANTS);
    const secrets = [...tokens, ...ids, ...participants.flatMap((p) => p.sent.map((s) => s.clientId))];
    for (const observer of [facilitator, screen]) {
      for (const frame of observer.frames) expect(EVENTS_FOR_OBSERVERS).toContain(frame.event);
      const seen = JSON.stringify(observer.frames);
      for (const secret of secrets) expect(seen).not.toContain(secret);
      expect(seen).not.toMatch(/myAnswers|clientId|participantId|token/);
    }
  }, 120_000);
});

describe('what the instances share through Redis', () => {
  it("never puts a phone's own packets in the Redis stream: its snapshot (with its answers) goes to it alone", async () => {
    const [a, b] = await Promise.all([startServer(), startServer()]);
    const redis = createClient({ url: process.env.REDIS_URL });
    await redis.connect();
    const sockets: LiveClient[] = [];
    try {
      const f = await signUp(a.url);
      const deck = await f.api.post('/api/decks/import').send(allKindsDeck());
      const session = await createSession(f, { deckId: deck.body.deck.id });
      const host = await connect(a.url, { role: 'facilitator', sessionId: session.state.id }, f.cookie);
      sockets.push(host);
      const seat = await joinSession(b.url, session.state.code);
      const phone = await connect(b.url, { role: 'participant', token: seat.token });
      sockets.push(phone);
      expectOk(await send(host.socket, 'prompt:open', { promptId: 'one-word' }));
      const mine = `mine-${randomUUID().slice(0, 18)}`;
      expectOk(await send(phone.socket, 'answer:submit', { promptId: 'one-word', clientId: randomUUID(), value: { kind: 'text', text: mine } }));
      // The phone comes back, on the other instance: its snapshot holds its answer, for it alone.
      const again = await connect(a.url, { role: 'participant', token: seat.token });
      sockets.push(again);
      await vi.waitFor(() => {
        const snapshot = again.frames.find((frame) => frame.event === 'session:snapshot')?.args[0] as Snapshot | undefined;
        expect(snapshot?.myAnswers?.['one-word']).toEqual({ kind: 'text', text: mine });
      });
      // The session's broadcasts are in the stream (the prompt opened, for both instances); the answer is not.
      const stream = JSON.stringify(await redis.sendCommand(['XRANGE', 'socket.io', '-', '+']));
      expect(stream.includes(session.state.id)).toBe(true);
      expect(stream.includes(mine)).toBe(false);
    } finally {
      sockets.forEach((s) => s.socket.close());
      await redis.quit();
      await Promise.all([a.stop(), b.stop()]);
    }
  }, 60_000);
});
