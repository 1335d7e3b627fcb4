import type { CreatedSession } from '@candor/shared';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { test } from './fixtures.js';
import { connect } from './live-client.js';
import { createSession, signUp, type Facilitator, type RunningServer } from './utils.js';

describe('facilitator accounts and access to sessions', () => {
  let server: RunningServer;
  let alice: Facilitator;
  let bob: Facilitator;
  let aliceSession: CreatedSession;

  test.beforeAll(async ({ server: running, facilitator }) => {
    server = running;
    alice = facilitator;
    bob = await signUp(server.url);
    aliceSession = await createSession(alice);
  });

  it('sets an httpOnly, SameSite=Strict login cookie at sign-up', async () => {
    const res = await request(server.url)
      .post('/api/auth/signup')
      .send({ email: `new-${Date.now()}@example.test`, password: 'a long enough password' });
    expect(res.status).toBe(201);
    const cookie = (res.headers['set-cookie'] as unknown as string[])[0];
    expect(cookie).toMatch(/^candor_login=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(res.body).toEqual({ facilitator: { id: expect.any(String), email: expect.stringMatching(/^new-/) }, idleMinutes: 30 });
  });

  it('refuses a second account with the same email', async () => {
    const res = await request(server.url)
      .post('/api/auth/signup')
      .send({ email: alice.email.toUpperCase(), password: 'another long password' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('EMAIL_TAKEN');
    // Five sign-ups with one new email at once: one account, four told it exists.
    const email = `race-${Date.now()}@example.test`;
    const raced = await Promise.all(
      Array.from({ length: 5 }, () => request(server.url).post('/api/auth/signup').send({ email, password: 'correct horse battery' })),
    );
    expect(raced.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(raced.filter((r) => r.status === 409).every((r) => r.body.code === 'EMAIL_TAKEN')).toBe(true);
  });

  it('refuses a wrong password and an unknown email with the same answer', async () => {
    const wrong = await request(server.url).post('/api/auth/login').send({ email: alice.email, password: 'not the password' });
    const unknown = await request(server.url)
      .post('/api/auth/login')
      .send({ email: 'nobody@example.test', password: 'not the password' });
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ code: 'INVALID_CREDENTIALS', message: 'The email or the password is not right.' });
      expect(res.headers['set-cookie']).toBeUndefined();
    }
  });

  it('logs in with the right password', async () => {
    const res = await request(server.url).post('/api/auth/login').send({ email: alice.email, password: 'correct horse battery' });
    expect(res.status).toBe(200);
    expect(res.body.facilitator.email).toBe(alice.email);
  });

  it('rejects invalid bodies with a list of what is wrong', async () => {
    const res = await request(server.url).post('/api/auth/signup').send({ email: 'not-an-email', password: 'short' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('INVALID_PAYLOAD');
    expect(res.body.issues).toEqual(expect.arrayContaining([expect.stringMatching(/^email:/), expect.stringMatching(/^password:/)]));
    // The same problems, structured for a client to put into words in its own language.
    expect(res.body.fields).toEqual([
      { path: 'email', code: 'invalid_format', format: 'email' },
      { path: 'password', code: 'too_small', origin: 'string', minimum: 10 },
    ]);
    const malformed = await request(server.url).post('/api/auth/login').set('Content-Type', 'application/json').send('{"email":');
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('INVALID_PAYLOAD');
    expect(JSON.stringify(malformed.body)).not.toMatch(/at .*\.js/);
  });

  it('refuses unauthenticated access to facilitator routes', async () => {
    const anonymous = request(server.url);
    for (const res of [
      await anonymous.get('/api/auth/me'),
      await anonymous.get('/api/decks'),
      await anonymous.get('/api/sessions'),
      await anonymous.post('/api/sessions').send({ deckId: 'consent-and-boundaries' }),
      await anonymous.get(`/api/sessions/${aliceSession.state.id}`),
      await anonymous.post(`/api/sessions/${aliceSession.state.id}/screen-link`),
    ]) {
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ code: 'UNAUTHENTICATED', message: 'Please log in first.' });
    }
    const forged = await request(server.url).get('/api/auth/me').set('Cookie', 'candor_login=forged-token-value');
    expect(forged.status).toBe(401);
  });

  it("hides one facilitator's sessions from another", async () => {
    const id = aliceSession.state.id;
    const read = await bob.api.get(`/api/sessions/${id}`);
    expect(read.status).toBe(404);
    expect(read.body.code).toBe('SESSION_NOT_FOUND');
    const rotate = await bob.api.post(`/api/sessions/${id}/screen-link`);
    expect(rotate.status).toBe(404);
    const list = await bob.api.get('/api/sessions');
    expect(list.body.sessions).toEqual([]);
    const own = await alice.api.get(`/api/sessions/${id}`);
    expect(own.status).toBe(200);
    expect(own.body.state.id).toBe(id);
  });

  it("refuses a socket of another facilitator, or without login, on a session's facilitator channel", async () => {
    const sessionId = aliceSession.state.id;
    await expect(connect(server.url, { role: 'facilitator', sessionId }, bob.cookie)).rejects.toMatchObject({
      message: 'SESSION_NOT_FOUND',
    });
    await expect(connect(server.url, { role: 'facilitator', sessionId })).rejects.toMatchObject({
      message: 'UNAUTHENTICATED',
    });
    await expect(connect(server.url, { role: 'participant', token: 'x'.repeat(32) })).rejects.toMatchObject({
      message: 'UNAUTHENTICATED',
    });
    await expect(connect(server.url, { role: 'nobody' } as never)).rejects.toMatchObject({ message: 'INVALID_PAYLOAD' });
    const own = await connect(server.url, { role: 'facilitator', sessionId }, alice.cookie);
    own.socket.close();
  });

  it('stops a rotated presenter link from working', async () => {
    const res = await alice.api.post(`/api/sessions/${aliceSession.state.id}/screen-link`);
    expect(res.status).toBe(201);
    await expect(connect(server.url, { role: 'screen', token: aliceSession.screenToken })).rejects.toMatchObject({
      message: 'UNAUTHENTICATED',
    });
    const fresh = await connect(server.url, { role: 'screen', token: res.body.screenToken as string });
    fresh.socket.close();
  });

  it('ends the login at logout', async () => {
    const f = await signUp(server.url);
    expect((await f.api.get('/api/auth/me')).status).toBe(200);
    const out = await f.api.post('/api/auth/logout');
    expect(out.status).toBe(204);
    expect((await f.api.get('/api/auth/me')).status).toBe(401);
  });

  it('joins anonymously only with consent and a running code', async () => {
    const code = aliceSession.state.code;
    const info = await request(server.url).get(`/api/join/${code.toLowerCase()}`);
    expect(info.status).toBe(200);
    expect(info.body).toMatchObject({ sessionId: aliceSession.state.id, k: 3, mode: 'group', phase: 'lobby' });
    const seats = async () => (await alice.api.get(`/api/sessions/${aliceSession.state.id}`)).body.state.participants as number;
    const before = await seats();
    // Without agreeing to the privacy statement (refused, or not asked): its own code, and no seat.
    for (const body of [{ code, consent: false }, { code }]) {
      const noConsent = await request(server.url).post('/api/join').send(body);
      expect([noConsent.status, noConsent.body.code]).toEqual([400, 'CONSENT_REQUIRED']);
    }
    expect(await seats()).toBe(before);
    const unknown = await request(server.url).post('/api/join').send({ code: 'ZZZZZZ', consent: true });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('SESSION_NOT_FOUND');
    const joined = await request(server.url).post('/api/join').send({ code, consent: true });
    expect(joined.status).toBe(201);
    // 192 random bits, base64url.
    expect(joined.body.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('reports its health and serves the OpenAPI document', async () => {
    const health = await request(server.url).get('/api/health');
    expect(health.body).toEqual({ status: 'ok', database: 'up' });
    const docs = await request(server.url).get('/api/docs');
    expect(docs.body.openapi).toBe('3.1.0');
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/api/sessions', '/api/join']));
  });
});
