import type { AuditEvent, LoginInfo } from '@candor/shared';
import { randomInt, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { beforeEach, describe, expect, vi } from 'vitest';
import { test } from './fixtures.js';
import { connect } from './live-client.js';
import { allKindsDeck, createSession, expectOk, signUp, startServer, type Facilitator } from './utils.js';

// Logins run on the machine's clock: idle logoff after 12 seconds here, the sweep every second. The
// audit log's retention runs on the server's clock, which this file moves (CANDOR_TEST_CLOCK_FILE).
const IDLE_SECONDS = 12;
const IDLE_MS = IDLE_SECONDS * 1000;
const CLOCK_FILE = join(mkdtempSync(join(tmpdir(), 'candor-clock-')), 'offset');
const DAY = 24 * 3600 * 1000;
const setClock = (offsetMs: number) => writeFileSync(CLOCK_FILE, String(offsetMs));
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
test.override('serverEnv', {
  CANDOR_IDLE_MINUTES: String(IDLE_SECONDS / 60),
  CANDOR_RETENTION_SWEEP_SECONDS: '1',
  CANDOR_TEST_CLOCK_FILE: CLOCK_FILE,
  CANDOR_AUDIT_RETENTION_DAYS: '30',
});
beforeEach(() => setClock(0));

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
const PHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const PASSWORD = 'correct horse battery';

// A second browser of the same account: its own login cookie.
async function logInAgain(url: string, email: string, userAgent: string): Promise<Facilitator> {
  const res = await request(url).post('/api/auth/login').set('User-Agent', userAgent).send({ email, password: PASSWORD });
  expect(res.status).toBe(200);
  const cookie = (res.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
  return { email, cookie, api: request.agent(url).set('Cookie', cookie) };
}

const loginsOf = async (f: Facilitator) => {
  const res = await f.api.get('/api/auth/logins');
  expect(res.status).toBe(200);
  return res.body.logins as LoginInfo[];
};
const auditOf = async (f: Facilitator) => {
  const res = await f.api.get('/api/auth/audit');
  expect(res.status).toBe(200);
  return res.body.events as AuditEvent[];
};

describe('logins, idle logoff and the audit log', () => {
  test('lists the account\'s logins by device, and ends one elsewhere: its cookie and its console stop at once', async ({ server }) => {
    const laptop = await signUp(server.url);
    const phone = await logInAgain(server.url, laptop.email, PHONE);
    const logins = await loginsOf(phone);
    expect(logins).toHaveLength(2);
    const [mine, other] = [logins.find((l) => l.current)!, logins.find((l) => !l.current)!];
    expect(mine.device).toBe('Safari on iOS');
    expect(other).toMatchObject({ current: false, device: expect.any(String) });
    // Nothing of the cookie, the token or its hash is in the list.
    expect(JSON.stringify(logins)).not.toContain(laptop.cookie.split('=')[1]);

    const session = await createSession(laptop);
    const console_ = await connect(server.url, { role: 'facilitator', sessionId: session.state.id }, laptop.cookie);
    expect((await phone.api.delete(`/api/auth/logins/${other.id}`)).status).toBe(204);
    expect((await laptop.api.get('/api/auth/me')).status).toBe(401);
    // The laptop's next command is refused and its socket closed. The gateway's login sweep may close the
    // socket first (every second here): then the command goes unheard, which is as good.
    const closed = new Promise<'closed'>((resolve) => console_.socket.once('disconnect', () => resolve('closed')));
    const outcome = console_.socket.connected ? await Promise.race([console_.send('session:sync', {}), closed]) : 'closed';
    if (outcome !== 'closed') expect(outcome).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    await vi.waitFor(() => expect(console_.socket.connected).toBe(false));
    expect(await loginsOf(phone)).toHaveLength(1);
    // Ended already, or another account's: nothing to end.
    expect((await phone.api.delete(`/api/auth/logins/${other.id}`)).status).toBe(404);
    const stranger = await signUp(server.url);
    expect((await stranger.api.delete(`/api/auth/logins/${mine.id}`)).status).toBe(404);
    expect((await phone.api.get('/api/auth/me')).status).toBe(200);
    expect((await stranger.api.get('/api/auth/logins')).body.logins).toHaveLength(1);
    expect((await phone.api.delete('/api/auth/logins/not-a-uuid')).status).toBe(400);
    console_.close();
  });

  test('a login idle for longer than CANDOR_IDLE_MINUTES ends; requests and console commands keep it; an idle console is closed', async ({ server }) => {
    const f = await signUp(server.url);
    expect((await f.api.get('/api/auth/me')).body.idleMinutes).toBe(IDLE_SECONDS / 60);
    // Activity at gaps under the idle time, for longer than it in all: the login lasts.
    await sleep(IDLE_MS / 2);
    expect((await f.api.post('/api/auth/activity')).status).toBe(204);
    await sleep(IDLE_MS / 2);
    expect((await f.api.get('/api/auth/me')).status).toBe(200);
    // A console's commands are activity too.
    const session = await createSession(f);
    const console_ = await connect(server.url, { role: 'facilitator', sessionId: session.state.id }, f.cookie);
    await sleep(IDLE_MS / 2);
    expectOk(await console_.send('session:sync', {}));
    await sleep(IDLE_MS / 2);
    expect((await f.api.get('/api/auth/me')).status).toBe(200);

    // Then nothing: the sweep ends the login, and the gateway's check (as often as the sweep, at most a
    // minute apart) closes the console, which sent nothing.
    await vi.waitFor(() => expect(console_.socket.connected).toBe(false), { timeout: IDLE_MS + 10_000, interval: 250 });
    expect((await f.api.get('/api/auth/me')).status).toBe(401);
    const events = await auditOf(await logInAgain(server.url, f.email, FIREFOX));
    expect(events.filter((e) => e.action === 'logged-off-idle')).toHaveLength(1);
    console_.close();
  }, 60_000);

  test('the audit log records sign-in, failures, exports and deletions: never an answer, only to its owner', async ({ server, clients }) => {
    const f = await signUp(server.url);
    expect((await request(server.url).post('/api/auth/login').send({ email: f.email, password: 'not the password' })).status).toBe(401);
    const again = await logInAgain(server.url, f.email, FIREFOX);

    const deck = await again.api.post('/api/decks/import').send(allKindsDeck());
    const session = await createSession(again, { deckId: deck.body.deck.id });
    const marker = `secret${randomInt(1e9)}`;
    const host = await clients.host(session.state.id, again);
    const phones = [await clients.join(session.state.code), await clients.join(session.state.code), await clients.join(session.state.code)];
    expectOk(await host.send('prompt:open', { promptId: 'one-word' }));
    for (const phone of phones) expectOk(await phone.send('answer:submit', { promptId: 'one-word', clientId: randomUUID(), value: { kind: 'text', text: marker } }));
    expectOk(await host.send('prompt:close', {}));
    expectOk(await host.send('results:release', {}));
    for (const format of ['json', 'csv', 'md']) expect((await again.api.get(`/api/sessions/${session.state.id}/export?format=${format}`)).status).toBe(200);
    expect((await again.api.delete(`/api/sessions/${session.state.id}`)).status).toBe(204);
    const copy = await again.api.post('/api/decks').send({ copyOf: 'consent-and-boundaries' });
    expect((await again.api.get(`/api/decks/${copy.body.deck.id}/export`)).status).toBe(200);
    expect((await again.api.delete(`/api/decks/${copy.body.deck.id}`)).status).toBe(204);
    expect((await again.api.post('/api/auth/logout')).status).toBe(204);

    const reader = await logInAgain(server.url, f.email, PHONE);
    const events = await auditOf(reader);
    expect(events.map((e) => e.action).reverse()).toEqual([
      'signed-up',
      'login-failed',
      'logged-in',
      'session-exported',
      'session-exported',
      'session-exported',
      'session-deleted',
      'deck-exported',
      'deck-deleted',
      'logged-out',
      'logged-in',
    ]);
    expect(events.find((e) => e.action === 'login-failed')!.detail).toBe('Unknown browser');
    expect(events.filter((e) => e.action === 'session-exported').map((e) => /\((\w+)\)$/.exec(e.detail ?? '')?.[1])).toEqual(['MD', 'CSV', 'JSON']);
    const text = JSON.stringify(events);
    expect(text).not.toContain(marker);
    expect(text).not.toContain('127.0.0.1');
    expect(text).not.toContain(session.screenToken);
    // Another facilitator reads their own log only.
    const stranger = await signUp(server.url);
    expect((await auditOf(stranger)).map((e) => e.action)).toEqual(['signed-up']);
    expect((await request(server.url).get('/api/auth/audit')).status).toBe(401);
  });
});

describe('the audit log\'s retention', () => {
  test('events older than CANDOR_AUDIT_RETENTION_DAYS are deleted by the sweep; newer ones stay', async ({ server }) => {
    const f = await signUp(server.url);
    expect((await f.api.post('/api/auth/logout')).status).toBe(204);
    // Thirty-one days later by the server's clock: the sign-up and the logout are past retention.
    setClock(31 * DAY);
    const later = await logInAgain(server.url, f.email, FIREFOX);
    await vi.waitFor(async () => expect((await auditOf(later)).map((e) => e.action)).toEqual(['logged-in']), { timeout: 10_000 });
  });
});

describe('brute force on login', () => {
  test('an account waits after 10 failures in 15 minutes, even with the right password; another account does not', async ({ server }) => {
    const victim = await signUp(server.url);
    const bystander = await signUp(server.url);
    // Ten wrong guesses at once: each is counted.
    const guesses = await Promise.all(
      Array.from({ length: 10 }, (_, i) => request(server.url).post('/api/auth/login').send({ email: victim.email.toUpperCase(), password: `guess number ${i}` })),
    );
    expect(guesses.map((g) => g.status)).toEqual(Array(10).fill(401));
    const right = await request(server.url).post('/api/auth/login').send({ email: victim.email, password: PASSWORD });
    expect(right.status).toBe(429);
    expect(right.body).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/wait 1[45] minutes/) });
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(800);
    expect(right.headers['set-cookie']).toBeUndefined();
    expect((await request(server.url).post('/api/auth/login').send({ email: bystander.email, password: PASSWORD })).status).toBe(200);
    // The victim's log says once that logins were held back; the login already held works on.
    const events = await auditOf(victim);
    expect(events.filter((e) => e.action === 'login-throttled')).toHaveLength(1);
    expect(events.filter((e) => e.action === 'login-failed')).toHaveLength(10);
  });

  test('an address waits after its failures, whichever accounts it tries', async () => {
    // Behind a trusted proxy, so that this run's address is its own (with REDIS_URL counts outlive a run).
    const server = await startServer({ env: { CANDOR_LOGIN_FAILURES_PER_ADDRESS: '4', CANDOR_TRUST_PROXY: 'loopback' } });
    const address = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
    const login = (email: string, password: string, from = address) =>
      request(server.url).post('/api/auth/login').set('X-Forwarded-For', from).send({ email, password });
    try {
      const someone = await signUp(server.url);
      for (let i = 0; i < 4; i += 1) expect((await login(`nobody-${randomUUID()}@example.test`, 'a wrong password')).status).toBe(401);
      const res = await login(someone.email, PASSWORD);
      expect(res.status).toBe(429);
      expect(res.body.code).toBe('RATE_LIMITED');
      // From another address the same account logs in.
      expect((await login(someone.email, PASSWORD, '192.0.2.7')).status).toBe(200);
    } finally {
      await server.stop();
    }
  });
});

describe('own data: password, email, export, deletion', () => {
  test('a password change needs the current one and ends every other login; an email change needs the password', async ({ server }) => {
    const f = await signUp(server.url);
    const elsewhere = await logInAgain(server.url, f.email, PHONE);
    const wrong = await f.api.put('/api/auth/password').send({ currentPassword: 'not my password', newPassword: 'a brand new password' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    expect((await f.api.put('/api/auth/password').send({ currentPassword: PASSWORD, newPassword: 'short' })).status).toBe(400);
    expect((await elsewhere.api.get('/api/auth/me')).status).toBe(200);

    expect((await f.api.put('/api/auth/password').send({ currentPassword: PASSWORD, newPassword: 'a brand new password' })).status).toBe(204);
    expect((await elsewhere.api.get('/api/auth/me')).status).toBe(401);
    expect((await f.api.get('/api/auth/me')).status).toBe(200);
    expect((await request(server.url).post('/api/auth/login').send({ email: f.email, password: PASSWORD })).status).toBe(401);
    expect((await request(server.url).post('/api/auth/login').send({ email: f.email, password: 'a brand new password' })).status).toBe(200);

    const taken = await signUp(server.url);
    expect((await f.api.put('/api/auth/email').send({ email: taken.email, password: 'a brand new password' })).body.code).toBe('EMAIL_TAKEN');
    expect((await f.api.put('/api/auth/email').send({ email: `moved-${randomUUID()}@example.test`, password: PASSWORD })).status).toBe(401);
    const email = `Moved-${randomUUID()}@example.test`;
    const moved = await f.api.put('/api/auth/email').send({ email, password: 'a brand new password' });
    expect(moved.status).toBe(200);
    expect(moved.body.facilitator.email).toBe(email.toLowerCase());
    expect((await request(server.url).post('/api/auth/login').send({ email, password: 'a brand new password' })).status).toBe(200);
    const actions = (await auditOf(f)).map((e) => e.action);
    expect(actions).toContain('password-changed');
    expect(actions).toContain('email-changed');
    // The log names neither password nor email.
    expect(JSON.stringify(await auditOf(f))).not.toMatch(/brand new|moved-/i);
  });

  test('the export holds the account, its decks, its sessions\' released results and its log; nothing unreleased, no secret', async ({ server, clients }) => {
    const f = await signUp(server.url);
    const deck = await f.api.post('/api/decks/import').send(allKindsDeck());
    const session = await createSession(f, { deckId: deck.body.deck.id });
    const host = await clients.host(session.state.id, f);
    const phones = [await clients.join(session.state.code), await clients.join(session.state.code), await clients.join(session.state.code)];
    expectOk(await host.send('prompt:open', { promptId: 'comfort' }));
    for (const phone of phones) expectOk(await phone.send('answer:submit', { promptId: 'comfort', clientId: randomUUID(), value: { kind: 'scale', value: 4 } }));
    expectOk(await host.send('prompt:close', {}));
    expectOk(await host.send('results:release', {}));
    // Two texts only (k = 3): never released, so never exported.
    const unreleased = `unshared${randomInt(1e9)}`;
    expectOk(await host.send('prompt:open', { promptId: 'one-word' }));
    for (const phone of phones.slice(0, 2)) expectOk(await phone.send('answer:submit', { promptId: 'one-word', clientId: randomUUID(), value: { kind: 'text', text: unreleased } }));
    expectOk(await host.send('prompt:close', {}));

    const res = await f.api.get('/api/auth/export');
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="?candor-account-\d{4}-\d{2}-\d{2}\.json"?$/);
    expect(res.body).toMatchObject({
      format: 'candor-account',
      version: 1,
      account: { email: f.email },
      security: { twoStepLogin: { enabled: false, recoveryCodesLeft: 0 }, passkeys: [], logins: [{ current: true, device: expect.any(String) }] },
      decks: [{ id: deck.body.deck.id, title: deck.body.deck.title }],
      sessions: [{ id: session.state.id, results: [{ promptId: 'comfort', respondents: 3, distribution: expect.anything() }] }],
    });
    expect(res.body.audit[0]).toMatchObject({ action: 'account-exported' });
    const text = JSON.stringify(res.body);
    for (const secret of [unreleased, session.screenToken, ...phones.map((p) => p.token), f.cookie.split('=')[1], '$argon2']) expect(text).not.toContain(secret);
  });

  test('deleting the account needs the password, ends its running sessions for everyone in them, and leaves nothing', async ({ server, clients }) => {
    const f = await signUp(server.url);
    const deck = await f.api.post('/api/decks').send({ copyOf: 'consent-and-boundaries' });
    const session = await createSession(f);
    const phone = await clients.join(session.state.code);
    const wrong = await f.api.delete('/api/auth/account').send({ password: 'not my password' });
    expect(wrong.status).toBe(401);
    expect((await f.api.get(`/api/decks/${deck.body.deck.id}`)).status).toBe(200);

    const res = await f.api.delete('/api/auth/account').send({ password: PASSWORD });
    expect(res.status).toBe(204);
    expect((res.headers['set-cookie'] as unknown as string[])[0]).toMatch(/^candor_login=;/);
    expect((await f.api.get('/api/auth/me')).status).toBe(401);
    expect((await request(server.url).post('/api/auth/login').send({ email: f.email, password: PASSWORD })).status).toBe(401);
    // The session is gone for its phone too, and its code leads nowhere.
    await vi.waitFor(() => expect(phone.socket.connected).toBe(false));
    expect((await request(server.url).get(`/api/join/${session.state.code}`)).status).toBe(404);
    // The email is free again: a new account, with none of the old one's decks or sessions.
    const again = await request(server.url).post('/api/auth/signup').send({ email: f.email, password: PASSWORD });
    expect(again.status).toBe(201);
    const cookie = (again.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
    const fresh = request.agent(server.url).set('Cookie', cookie);
    expect((await fresh.get('/api/sessions')).body.sessions).toEqual([]);
    expect(((await fresh.get('/api/decks')).body.decks as { builtIn: boolean }[]).filter((d) => !d.builtIn)).toEqual([]);
    expect(((await fresh.get('/api/auth/audit')).body.events as AuditEvent[]).map((e) => e.action)).toEqual(['signed-up']);
  });
});
