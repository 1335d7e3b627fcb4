import { JOIN_CODE_ALPHABET } from '@candor/shared';
import { request as httpRequest } from 'node:http';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { test } from './fixtures.js';
import { connect, send, waitFor } from './live-client.js';
import { createSession, joinSession, signUp, startServer, type Facilitator, type RunningServer } from './utils.js';

// The default limits (startServer lifts them for the other suites; an empty value is unset): 600 joins
// per IP and minute, 20 different codes of them failed, and 20 socket messages in a burst.
const DEFAULT_LIMITS = { CANDOR_JOIN_RATE_PER_MINUTE: '', CANDOR_JOIN_FAILURES_PER_MINUTE: '', CANDOR_SOCKET_RATE_PER_SECOND: '' };
const FAILURES = 20;
const STACK = /\bat .+:\d+:\d+|node_modules|\.ts:\d+|\.js:\d+/;

// Addresses for the clients of one run. With REDIS_URL the join counters are shared (and live a minute),
// so each run takes fresh ones: Linux answers the whole 127.0.0.0/8 on loopback, and 198.18.0.0/15 is
// what a proxy may name (a range for benchmarks, never a real client).
const octet = () => 1 + Math.floor(Math.random() * 250);
const loopback = () => `127.${octet()}.${octet()}.${octet()}`;
const forwarded = () => `198.${18 + Math.floor(Math.random() * 2)}.${octet()}.${octet()}`;
const [guesser, other, spoofer, proxy, direct, hall, typos] = [loopback(), loopback(), loopback(), loopback(), loopback(), loopback(), loopback()];

function getFrom(ip: string, url: string, path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((ok, fail) => {
    const req = httpRequest(`${url}${path}`, { localAddress: ip }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown> }));
    });
    req.once('error', fail);
    req.end();
  });
}

function postFrom(
  ip: string,
  url: string,
  path: string,
  body: unknown,
  forwardedFor?: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const data = JSON.stringify(body);
  return new Promise((ok, fail) => {
    const req = httpRequest(
      `${url}${path}`,
      {
        method: 'POST',
        localAddress: ip,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(data),
          ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => ok({ status: res.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown> }));
      },
    );
    req.once('error', fail);
    req.end(data);
  });
}

function wrongCode(i: number, real: string): string {
  let code = '';
  for (let n = 0; n < 6; n++) code += JOIN_CODE_ALPHABET[(i * 7 + n * 13 + 5) % JOIN_CODE_ALPHABET.length];
  return code === real ? wrongCode(i + 1, real) : code;
}

// This file's server keeps the default limits.
test.override('serverEnv', DEFAULT_LIMITS);

describe('security limits and headers', () => {
  let server: RunningServer;
  let facilitator: Facilitator;
  let code: string;
  let sessionId: string;

  test.beforeAll(async ({ server: running, facilitator: account }) => {
    server = running;
    facilitator = account;
    const created = await createSession(facilitator);
    code = created.state.code;
    sessionId = created.state.id;
  });

  it('seats 300 phones behind one address with the default limits, each reading the join info first', async () => {
    const own = await createSession(facilitator);
    const statuses: number[] = [];
    // Thirty at a time, as a lecture hall fills up: every phone's two requests, from one NAT address.
    for (let wave = 0; wave < 10; wave++) {
      const joined = await Promise.all(
        Array.from({ length: 30 }, async () => {
          const info = await getFrom(hall, server.url, `/api/join/${own.state.code}`);
          const seat = await postFrom(hall, server.url, '/api/join', { code: own.state.code, consent: true });
          return [info.status, seat.status];
        }),
      );
      statuses.push(...joined.flat());
    }
    expect(statuses).toEqual(Array(600).fill(0).map((_, i) => (i % 2 === 0 ? 200 : 201)));
    const { body } = await facilitator.api.get(`/api/sessions/${own.state.id}`);
    expect(body.state.participants).toBe(300);
  });

  it('counts a typo the room repeats once: the phones behind it still join', async () => {
    const typo = wrongCode(99, code);
    const repeated: number[] = [];
    for (let i = 0; i < FAILURES * 2; i++) repeated.push((await postFrom(typos, server.url, '/api/join', { code: typo, consent: true })).status);
    expect(repeated).toEqual(Array(FAILURES * 2).fill(404));
    expect((await postFrom(typos, server.url, '/api/join', { code, consent: true })).status).toBe(201);
  });

  it('throttles a wrong-code brute force from one IP while a valid join from elsewhere still works', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < FAILURES + 5; i++) {
      // A guesser may read the join info instead: its failures count the same.
      const guess = wrongCode(i, code);
      statuses.push((i % 2 === 0 ? await postFrom(guesser, server.url, '/api/join', { code: guess, consent: true }) : await getFrom(guesser, server.url, `/api/join/${guess}`)).status);
    }
    expect(statuses.slice(0, FAILURES)).toEqual(Array(FAILURES).fill(404));
    expect(statuses.slice(FAILURES)).toEqual(Array(5).fill(429));
    const blocked = await postFrom(guesser, server.url, '/api/join', { code, consent: true });
    expect(blocked).toMatchObject({ status: 429, body: { code: 'RATE_LIMITED' } });
    expect(Object.keys(blocked.body).sort()).toEqual(['code', 'message']);
    // It blames nobody: the people behind a school's one address did nothing wrong.
    expect(blocked.body.message).toBe('Many people are joining from this network right now. Please wait a moment and try again.');

    // The code that was guessed at is not locked: someone else still joins with it.
    const valid = await postFrom(other, server.url, '/api/join', { code, consent: true });
    expect(valid.status).toBe(201);
    expect(valid.body.sessionId).toBe(sessionId);
  });

  it('ignores X-Forwarded-For when no proxy is trusted: a limited client cannot claim to be another', async () => {
    for (let i = 0; i < FAILURES; i++) await postFrom(spoofer, server.url, '/api/join', { code: wrongCode(i, code), consent: true });
    const spoofed = await postFrom(spoofer, server.url, '/api/join', { code, consent: true }, forwarded());
    expect(spoofed.status).toBe(429);
  });

  it('answers a socket flood with RATE_LIMITED acks, and the others hear nothing', async () => {
    const flooder = await joinSession(server.url, code);
    const other = await joinSession(server.url, code);
    const a = await connect(server.url, { role: 'participant', token: flooder.token });
    const b = await connect(server.url, { role: 'participant', token: other.token });
    const f = await connect(server.url, { role: 'facilitator', sessionId }, facilitator.cookie);
    await new Promise((ok) => setTimeout(ok, 600));
    const seenByB = b.frames.length;
    const seenByF = f.frames.length;

    const acks = await Promise.all(Array.from({ length: 80 }, () => send(a.socket, 'participant:step-out', { away: true })));
    const limited = acks.filter((ack) => !ack.ok && ack.error.code === 'RATE_LIMITED');
    const handled = acks.filter((ack) => ack.ok);
    expect(limited.length).toBeGreaterThanOrEqual(50);
    expect(handled.length).toBeLessThanOrEqual(25);
    expect(a.socket.connected).toBe(true);

    await new Promise((ok) => setTimeout(ok, 600));
    expect(b.frames.slice(seenByB)).toEqual([]);
    // The facilitator hears at most one count per message handled, none for the refused ones.
    expect(f.frames.slice(seenByF).length).toBeLessThanOrEqual(handled.length);

    // Once its bucket refills, the socket is heard again.
    await vi.waitFor(async () => expect(await send(a.socket, 'session:sync', {})).toMatchObject({ ok: true }), { timeout: 5_000, interval: 100 });
    for (const c of [a, b, f]) c.socket.close();
  });

  it('refuses a state-changing request from a foreign Origin and changes nothing', async () => {
    const before = (await facilitator.api.get('/api/sessions')).body as { sessions: unknown[] };
    const create = await facilitator.api
      .post('/api/sessions')
      .set('Origin', 'https://evil.example')
      .send({ deckId: 'consent-and-boundaries', k: 3 });
    expect(create.status).toBe(403);
    expect(create.body).toEqual({ code: 'FORBIDDEN', message: expect.any(String) });
    const remove = await facilitator.api.delete(`/api/sessions/${sessionId}`).set('Origin', 'https://evil.example');
    expect(remove.status).toBe(403);
    const after = (await facilitator.api.get('/api/sessions')).body as { sessions: unknown[] };
    expect(after.sessions.length).toBe(before.sessions.length);
    expect((await facilitator.api.get(`/api/sessions/${sessionId}`)).status).toBe(200);

    // No CORS headers for a site that is not allowlisted.
    const cors = await request(server.url).get('/api/health').set('Origin', 'https://evil.example');
    expect(cors.headers['access-control-allow-origin']).toBeUndefined();

    // The server's own origin is fine.
    const own = await facilitator.api.post('/api/sessions').set('Origin', server.url).send({ deckId: 'consent-and-boundaries', k: 3 });
    expect(own.status).toBe(201);
  });

  it('sends a content security policy and the other headers', async () => {
    for (const path of ['/', '/api/health', '/api/docs']) {
      const res = await request(server.url).get(path);
      const csp = res.headers['content-security-policy'];
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'none'");
      expect(csp).toContain(`ws://127.0.0.1:${server.port}`);
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      // Plain HTTP here (CANDOR_SECURE_COOKIES unset): no HSTS.
      expect(res.headers['strict-transport-security']).toBeUndefined();
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
    const docs = await request(server.url).get('/api/docs');
    expect(docs.status).toBe(200);
    expect((docs.body as { openapi: string }).openapi).toMatch(/^3\./);
  });

  it("compresses the client's files and lets phones keep the hashed ones; API answers are neither", async () => {
    const page = await request(server.url).get('/').set('Accept-Encoding', 'gzip');
    expect(page.headers['content-encoding']).toBe('gzip');
    expect(page.headers['cache-control']).toBe('no-cache');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(page.text)?.[1];
    expect(script).toBeDefined();
    const asset = await request(server.url).get(script ?? '').set('Accept-Encoding', 'gzip');
    expect(asset.status).toBe(200);
    expect(asset.headers['content-encoding']).toBe('gzip');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const api = await request(server.url).get('/api/deck-format/schema').set('Accept-Encoding', 'gzip');
    expect(api.status).toBe(200);
    expect(api.headers['content-encoding']).toBeUndefined();
  });

  it('never sends a stack trace in an error', async () => {
    const responses = [
      await request(server.url).post('/api/join').set('content-type', 'application/json').send('{not json'),
      await request(server.url).post('/api/join').send({ code: 42 }),
      await request(server.url).get('/api/nowhere'),
      await request(server.url).get('/api/sessions/not-a-uuid'),
      await facilitator.api.get('/api/sessions/not-a-uuid'),
      await request(server.url).post('/api/auth/login').send({ email: [], password: {} }),
      await request(server.url).post('/api/decks/import').set('Cookie', facilitator.cookie).send({ format: 'candor-deck', version: 1, deck: { prompts: 'x' } }),
      await request(server.url).post('/api/join').set('content-type', 'application/json').send(`{"code":"${'A'.repeat(70_000)}"}`),
    ];
    for (const res of responses) {
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      expect(res.text).not.toMatch(STACK);
      expect(res.body).toEqual(expect.objectContaining({ code: expect.any(String), message: expect.any(String) }));
      expect(Object.keys(res.body as object).every((k) => ['code', 'message', 'issues', 'fields'].includes(k))).toBe(true);
    }
  });
});

// When the limits refuse a join for a running session, its facilitators hear that joins are being limited:
// how long, never who or from where; its screen and phones, and other sessions' consoles, hear nothing.
describe('a refused join tells the facilitators', () => {
  let server: RunningServer;
  let facilitator: Facilitator;

  beforeAll(async () => {
    server = await startServer({ env: { ...DEFAULT_LIMITS, CANDOR_JOIN_RATE_PER_MINUTE: '2' } });
    facilitator = await signUp(server.url);
  });
  afterAll(() => server?.stop());

  it("sends joins:limited to the session's facilitators only", async () => {
    const session = await createSession(facilitator);
    const elsewhere = await createSession(facilitator);
    const host = await connect(server.url, { role: 'facilitator', sessionId: session.state.id }, facilitator.cookie);
    const otherHost = await connect(server.url, { role: 'facilitator', sessionId: elsewhere.state.id }, facilitator.cookie);
    const screen = await connect(server.url, { role: 'screen', token: session.screenToken });
    const school = loopback();
    const seat = await postFrom(school, server.url, '/api/join', { code: session.state.code, consent: true });
    const phone = await connect(server.url, { role: 'participant', token: seat.body.token as string });
    expect((await postFrom(school, server.url, '/api/join', { code: session.state.code, consent: true })).status).toBe(201);

    const heard = waitFor(host.socket, 'joins:limited', 5_000);
    const refused = await postFrom(school, server.url, '/api/join', { code: session.state.code, consent: true });
    expect(refused.status).toBe(429);
    const notice = await heard;
    expect(notice).toEqual({ forSeconds: expect.any(Number) as number });
    expect(notice.forSeconds).toBeGreaterThanOrEqual(1);
    expect(notice.forSeconds).toBeLessThanOrEqual(60);
    // The same event was emitted to the facilitators' room only; a sync round trip on each other socket
    // proves that anything sent before it has arrived.
    for (const other of [screen, phone, otherHost]) {
      expect(await send(other.socket, 'session:sync', {})).toMatchObject({ ok: true });
      expect(other.frames.filter((f) => f.event === 'joins:limited')).toEqual([]);
    }
    expect(JSON.stringify(host.frames)).not.toContain(school);
    for (const c of [host, otherHost, screen, phone]) c.close();
  });
});

// Behind a proxy (docker-compose's nginx), every request comes from the proxy: the limits must count the
// client the trusted proxy names, or one lecture hall would share one budget.
describe('join limits behind a trusted proxy', () => {
  let server: RunningServer;
  let code: string;

  beforeAll(async () => {
    server = await startServer({ env: { ...DEFAULT_LIMITS, CANDOR_JOIN_RATE_PER_MINUTE: '6', CANDOR_TRUST_PROXY: proxy } });
    code = (await createSession(await signUp(server.url))).state.code;
  });
  afterAll(() => server?.stop());

  it('counts each client the proxy names, and only a trusted proxy may name one', async () => {
    const fromClient = (client: string) => postFrom(proxy, server.url, '/api/join', { code, consent: true }, client);
    const first: number[] = [];
    const [one, two] = [forwarded(), forwarded()];
    for (let i = 0; i < 7; i++) first.push((await fromClient(one)).status);
    expect(first).toEqual([201, 201, 201, 201, 201, 201, 429]);
    // Another person in the same room, through the same proxy, still joins.
    expect((await fromClient(two)).status).toBe(201);
    // A connection that is not the trusted proxy is counted by its own address, whatever it claims.
    const fromElsewhere: number[] = [];
    for (let i = 0; i < 7; i++) fromElsewhere.push((await postFrom(direct, server.url, '/api/join', { code, consent: true }, forwarded())).status);
    expect(fromElsewhere.at(-1)).toBe(429);
  });
});
