import type { AuditEvent } from '@candor/shared';
import { generate } from 'otplib';
import request from 'supertest';
import { describe, expect } from 'vitest';
import { test } from './fixtures.js';
import { signUp, type Facilitator } from './utils.js';

// Two-step login as an authenticator app does it: the codes are computed here, from the secret the
// setup answers, with the same TOTP library (RFC 6238, 30-second steps, 6 digits).
const PASSWORD = 'correct horse battery';
const STEP = 30;

// A code for the step `offset` steps from now (the server accepts one step either side).
const codeAt = (secret: string, offset: number) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + offset * STEP });
const cookieOf = (res: request.Response, name: string) =>
  ((res.headers['set-cookie'] as unknown as string[] | undefined) ?? []).find((c) => c.startsWith(`${name}=`))?.split(';')[0];
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

// The test uses codes of the steps around now; it waits out the last seconds of a step, so that the
// step does not turn over in the middle of it.
async function freshStep(): Promise<void> {
  const into = (Date.now() / 1000) % STEP;
  if (into > STEP - 8) await sleep((STEP - into + 0.5) * 1000);
}

async function auditOf(f: Facilitator): Promise<string[]> {
  const res = await f.api.get('/api/auth/audit');
  expect(res.status).toBe(200);
  return (res.body.events as AuditEvent[]).map((e) => e.action);
}

// Sets up and turns on two-step login; answers the secret and the recovery codes.
async function turnOn(f: Facilitator, offset = -1): Promise<{ secret: string; recoveryCodes: string[] }> {
  const setup = await f.api.post('/api/auth/totp/setup').send({ password: PASSWORD });
  expect(setup.status).toBe(200);
  const secret = setup.body.secret as string;
  const enabled = await f.api.post('/api/auth/totp/enable').send({ code: await codeAt(secret, offset) });
  expect(enabled.status).toBe(200);
  return { secret, recoveryCodes: enabled.body.recoveryCodes as string[] };
}

// The password step: answers the second step's cookie (and no login cookie).
async function passwordStep(url: string, email: string): Promise<string> {
  const res = await request(url).post('/api/auth/login').send({ email, password: PASSWORD });
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ secondFactor: true });
  expect(cookieOf(res, 'candor_login')).toBeUndefined();
  const pending = cookieOf(res, 'candor_2fa');
  expect(pending).toBeDefined();
  return pending!;
}

const secondStep = (url: string, cookie: string, body: object) => request(url).post('/api/auth/login/totp').set('Cookie', cookie).send(body);

describe('two-step login', () => {
  test('setup, enable with a wrong then a right code, login needs a code that works once, disable', async ({ server }) => {
    await freshStep();
    const f = await signUp(server.url);
    expect((await f.api.get('/api/auth/totp')).body).toEqual({ enabled: false, recoveryCodesLeft: 0 });
    expect((await f.api.post('/api/auth/totp/setup').send({ password: 'not the password' })).status).toBe(401);

    const setup = await f.api.post('/api/auth/totp/setup').send({ password: PASSWORD });
    expect(setup.status).toBe(200);
    const secret = setup.body.secret as string;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.body.uri as string).toMatch(/^otpauth:\/\/totp\/Candor:/);
    expect(setup.body.uri as string).toContain(`secret=${secret}`);
    // Nothing is on yet: the password alone logs in.
    const before = await request(server.url).post('/api/auth/login').send({ email: f.email, password: PASSWORD });
    expect(cookieOf(before, 'candor_login')).toBeDefined();

    // A wrong code (and a malformed one) turns nothing on.
    const right = await codeAt(secret, -1);
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    expect((await f.api.post('/api/auth/totp/enable').send({ code: wrong })).body.code).toBe('WRONG_CODE');
    expect((await f.api.post('/api/auth/totp/enable').send({ code: '12ab56' })).status).toBe(400);
    expect((await f.api.get('/api/auth/totp')).body.enabled).toBe(false);

    const enabled = await f.api.post('/api/auth/totp/enable').send({ code: right });
    expect(enabled.status).toBe(200);
    const codes = enabled.body.recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect((await f.api.get('/api/auth/totp')).body).toEqual({ enabled: true, recoveryCodesLeft: 10 });
    // A second setup while it is on is refused (the secret stays).
    expect((await f.api.post('/api/auth/totp/setup').send({ password: PASSWORD })).status).toBe(409);

    // The password alone no longer logs in; the second step does, with the current code.
    const pending = await passwordStep(server.url, f.email);
    expect((await secondStep(server.url, pending, { code: wrong })).status).toBe(401);
    // The code that turned it on is used up already.
    expect((await secondStep(server.url, pending, { code: right })).status).toBe(401);
    const now = await codeAt(secret, 0);
    const done = await secondStep(server.url, pending, { code: now });
    expect(done.status).toBe(200);
    expect(done.body.facilitator.email).toBe(f.email);
    const login = cookieOf(done, 'candor_login')!;
    expect((await request(server.url).get('/api/auth/me').set('Cookie', login)).status).toBe(200);
    // The pending login is used up, and the code cannot be replayed with a new one.
    expect((await secondStep(server.url, pending, { code: await codeAt(secret, 1) })).status).toBe(401);
    const again = await passwordStep(server.url, f.email);
    const replay = await secondStep(server.url, again, { code: now });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('INVALID_CREDENTIALS');
    // Without the cookie, or with a forged one, there is nothing to complete.
    expect((await request(server.url).post('/api/auth/login/totp').send({ code: now })).status).toBe(401);
    expect((await secondStep(server.url, `candor_2fa=${again.split('=')[1].split('.')[0]}.forged`, { code: now })).body.code).toBe('UNAUTHENTICATED');

    // Turning it off needs the password and a current code.
    const later = await codeAt(secret, 1);
    expect((await f.api.post('/api/auth/totp/disable').send({ password: 'not the password', code: later })).status).toBe(401);
    expect((await f.api.post('/api/auth/totp/disable').send({ password: PASSWORD, code: wrong })).body.code).toBe('WRONG_CODE');
    expect((await f.api.post('/api/auth/totp/disable').send({ password: PASSWORD, code: later })).status).toBe(204);
    expect((await f.api.get('/api/auth/totp')).body).toEqual({ enabled: false, recoveryCodesLeft: 0 });
    const after = await request(server.url).post('/api/auth/login').send({ email: f.email, password: PASSWORD });
    expect(cookieOf(after, 'candor_login')).toBeDefined();
    // The old recovery codes went with it.
    expect((await request(server.url).post('/api/auth/reset').send({ email: f.email, recoveryCode: codes[0], newPassword: 'a brand new password' })).status).toBe(401);

    const actions = await auditOf(f);
    expect(actions.filter((a) => a === 'totp-enabled')).toHaveLength(1);
    expect(actions.filter((a) => a === 'totp-disabled')).toHaveLength(1);
    // Three wrong second steps (the wrong code, the used one, the replay) are failed logins.
    expect(actions.filter((a) => a === 'login-failed')).toHaveLength(3);
    // Nothing of the secret or a code is in the log.
    expect(JSON.stringify((await f.api.get('/api/auth/audit')).body)).not.toContain(secret);
  });

  test('a recovery code logs in once, in any case and without dashes; disabling with one works too', async ({ server }) => {
    await freshStep();
    const f = await signUp(server.url);
    const { recoveryCodes } = await turnOn(f);
    const first = await passwordStep(server.url, f.email);
    const typed = recoveryCodes[3].toUpperCase().replaceAll('-', ' ');
    const done = await secondStep(server.url, first, { recoveryCode: typed });
    expect(done.status).toBe(200);
    expect((await f.api.get('/api/auth/totp')).body.recoveryCodesLeft).toBe(9);
    const second = await passwordStep(server.url, f.email);
    expect((await secondStep(server.url, second, { recoveryCode: recoveryCodes[3] })).status).toBe(401);
    // Another account's code is not this account's.
    const other = await signUp(server.url);
    const theirs = await turnOn(other);
    expect((await secondStep(server.url, second, { recoveryCode: theirs.recoveryCodes[0] })).status).toBe(401);
    expect((await other.api.get('/api/auth/totp')).body.recoveryCodesLeft).toBe(10);

    expect((await f.api.post('/api/auth/totp/disable').send({ password: PASSWORD, code: recoveryCodes[5] })).status).toBe(204);
    const actions = await auditOf(f);
    expect(actions.filter((a) => a === 'recovery-code-used')).toHaveLength(2);
    expect(actions[0]).toBe('totp-disabled');
  });

  test('brute force on the code is throttled per account: the right code waits too', async ({ server }) => {
    await freshStep();
    const f = await signUp(server.url);
    const { secret } = await turnOn(f);
    const pending = await passwordStep(server.url, f.email);
    const right = await codeAt(secret, 0);
    const guesses = Array.from({ length: 10 }, (_, i) => String((Number(right) + 1 + i) % 1_000_000).padStart(6, '0'));
    const answers = await Promise.all(guesses.map((code) => secondStep(server.url, pending, { code })));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(401));
    const held = await secondStep(server.url, pending, { code: right });
    expect(held.status).toBe(429);
    expect(held.body.code).toBe('RATE_LIMITED');
    expect(cookieOf(held, 'candor_login')).toBeUndefined();
    // A new pending login of the same account waits as well (the count is the account's, not the cookie's).
    const fresh = await passwordStep(server.url, f.email);
    expect((await secondStep(server.url, fresh, { code: right })).status).toBe(429);
    const actions = await auditOf(f);
    expect(actions.filter((a) => a === 'login-throttled')).toHaveLength(1);
  });

  test('a forgotten password is reset with a recovery code: every login ends, the code is used up', async ({ server }) => {
    await freshStep();
    const f = await signUp(server.url);
    const { secret, recoveryCodes } = await turnOn(f);
    const phone = await passwordStep(server.url, f.email);
    const phoneLogin = cookieOf(await secondStep(server.url, phone, { code: await codeAt(secret, 0) }), 'candor_login')!;
    const stranger = await signUp(server.url);
    const reset = (body: object) => request(server.url).post('/api/auth/reset').send(body);
    const newPassword = 'a brand new password';

    // A wrong code and an unknown email get the same answer, and change nothing.
    const wrongCode = await reset({ email: f.email, recoveryCode: 'aaaa-bbbb-cccc-dddd', newPassword });
    const noAccount = await reset({ email: 'nobody@example.test', recoveryCode: recoveryCodes[0], newPassword });
    const notTheirs = await reset({ email: stranger.email, recoveryCode: recoveryCodes[0], newPassword });
    for (const res of [wrongCode, noAccount, notTheirs]) expect([res.status, res.body]).toEqual([401, wrongCode.body]);
    expect((await reset({ email: f.email, recoveryCode: recoveryCodes[0], newPassword: 'short' })).status).toBe(400);
    expect((await f.api.get('/api/auth/me')).status).toBe(200);

    expect((await reset({ email: f.email.toUpperCase(), recoveryCode: recoveryCodes[0], newPassword })).status).toBe(204);
    // Both logins ended; the old password is gone, the new one leads to the second step.
    expect((await f.api.get('/api/auth/me')).status).toBe(401);
    expect((await request(server.url).get('/api/auth/me').set('Cookie', phoneLogin)).status).toBe(401);
    expect((await request(server.url).post('/api/auth/login').send({ email: f.email, password: PASSWORD })).status).toBe(401);
    const next = await request(server.url).post('/api/auth/login').send({ email: f.email, password: newPassword });
    expect(next.body).toEqual({ secondFactor: true });
    // The code is used up; the stranger's account is untouched.
    expect((await reset({ email: f.email, recoveryCode: recoveryCodes[0], newPassword: 'yet another password' })).status).toBe(401);
    expect((await stranger.api.get('/api/auth/me')).status).toBe(200);
    const back = await secondStep(server.url, cookieOf(next, 'candor_2fa')!, { code: await codeAt(secret, 1) });
    expect(back.status).toBe(200);
    const account = { ...f, api: request.agent(server.url).set('Cookie', cookieOf(back, 'candor_login')!) };
    const actions = await auditOf(account);
    expect(actions).toContain('password-reset');
    expect(actions).toContain('recovery-code-used');
  });
});
