import type { AuditEvent, PasskeyInfo } from '@candor/shared';
import { generate } from 'otplib';
import request from 'supertest';
import { describe, expect } from 'vitest';
import { test } from './fixtures.js';
import { signUp, startServer, type Facilitator } from './utils.js';
import { challengeOf, SoftAuthenticator } from './webauthn-authenticator.js';

// Passkeys over REST, with a passkey made and used in node (test/webauthn-authenticator.ts): what the
// options routes need, that a challenge works once and for its own login only, that a counter only goes
// forward, that a credential is one account's, and the recovery codes that come with the first second
// factor. test/browser-passkeys.e2e-spec.ts does the same with Chromium's virtual authenticator.
const PASSWORD = 'correct horse battery';

const cookieOf = (res: request.Response, name: string) =>
  ((res.headers['set-cookie'] as unknown as string[] | undefined) ?? []).find((c) => c.startsWith(`${name}=`))?.split(';')[0];
// The browser's origin for this server: passkeys without CANDOR_PUBLIC_URL are localhost's.
const originOf = (url: string) => `http://localhost:${new URL(url).port}`;

async function auditOf(f: Facilitator): Promise<AuditEvent[]> {
  return (await f.api.get('/api/auth/audit')).body.events as AuditEvent[];
}

// Adds a passkey made by `key` to the account; answers the server's answer.
async function addPasskey(f: Facilitator, key: SoftAuthenticator, name = 'Laptop'): Promise<request.Response> {
  const options = await f.api.post('/api/auth/passkeys/options').send({ password: PASSWORD });
  expect(options.status).toBe(200);
  return f.api.post('/api/auth/passkeys').send({ name, credential: key.register(challengeOf(options.body)) });
}

// The password step of an account with a second factor: the candor_2fa cookie.
async function passwordStep(url: string, email: string): Promise<string> {
  const res = await request(url).post('/api/auth/login').send({ email, password: PASSWORD });
  expect(res.body).toEqual({ secondFactor: true });
  return cookieOf(res, 'candor_2fa')!;
}

const loginOptions = async (url: string, pending: string) => {
  const res = await request(url).post('/api/auth/login/passkey/options').set('Cookie', pending);
  expect(res.status).toBe(200);
  return challengeOf(res.body);
};
const withPasskey = (url: string, pending: string, credential: object) => request(url).post('/api/auth/login/passkey').set('Cookie', pending).send({ credential });

describe('passkeys', () => {
  test('the options need a login (or a pending login) and the password; made-up answers are refused and change nothing', async ({ server }) => {
    const anonymous = request(server.url);
    for (const [method, path] of [
      ['get', '/api/auth/passkeys'],
      ['post', '/api/auth/passkeys/options'],
      ['post', '/api/auth/passkeys'],
      ['delete', '/api/auth/passkeys/00000000-0000-4000-8000-000000000000'],
      ['post', '/api/auth/recovery-codes'],
    ] as const) {
      expect((await anonymous[method](path).send({ password: PASSWORD })).status).toBe(401);
    }
    // The second step's routes need the candor_2fa cookie of a right password.
    expect((await anonymous.get('/api/auth/login/factors')).body.code).toBe('UNAUTHENTICATED');
    expect((await anonymous.post('/api/auth/login/passkey/options')).body.code).toBe('UNAUTHENTICATED');
    expect((await anonymous.post('/api/auth/login/passkey/options').set('Cookie', 'candor_2fa=00000000-0000-4000-8000-000000000000.forged')).body.code).toBe('UNAUTHENTICATED');

    const f = await signUp(server.url);
    const key = new SoftAuthenticator(originOf(server.url));
    expect((await f.api.get('/api/auth/passkeys')).body).toEqual({ passkeys: [] });
    expect((await f.api.post('/api/auth/passkeys/options').send({ password: 'not the password' })).status).toBe(401);
    const options = await f.api.post('/api/auth/passkeys/options').send({ password: PASSWORD });
    expect(options.status).toBe(200);
    expect(options.body.options).toMatchObject({ rp: { id: 'localhost', name: 'Candor' }, user: { name: f.email }, attestation: 'none', excludeCredentials: [] });
    const challenge = challengeOf(options.body);
    expect(challenge).toMatch(/^[A-Za-z0-9_-]{40,}$/);

    // A made-up challenge, one from another site, and garbage signed for the right challenge: refused.
    expect((await f.api.post('/api/auth/passkeys').send({ name: 'Laptop', credential: key.register('bWFkZS11cA') })).body.code).toBe('INVALID_TRANSITION');
    expect((await f.api.post('/api/auth/passkeys').send({ name: 'Laptop', credential: key.register(challenge, 'https://evil.example.org') })).body.code).toBe('INVALID_TRANSITION');
    const garbage = key.register(challenge);
    garbage.response.attestationObject = Buffer.from('not cbor at all').toString('base64url');
    const refused = await f.api.post('/api/auth/passkeys').send({ name: 'Laptop', credential: garbage });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('WRONG_CODE');
    // That used the challenge up: the right answer to it now comes too late.
    expect((await f.api.post('/api/auth/passkeys').send({ name: 'Laptop', credential: key.register(challenge) })).body.code).toBe('INVALID_TRANSITION');
    // A body that is no WebAuthn answer at all.
    expect((await f.api.post('/api/auth/passkeys').send({ name: 'Laptop', credential: { id: 'x' } })).status).toBe(400);
    expect((await f.api.post('/api/auth/passkeys').send({ name: '', credential: key.register(challenge) })).status).toBe(400);
    expect((await f.api.get('/api/auth/passkeys')).body).toEqual({ passkeys: [] });
    // Still no second step: the password alone logs in.
    expect(cookieOf(await request(server.url).post('/api/auth/login').send({ email: f.email, password: PASSWORD }), 'candor_login')).toBeDefined();
    expect((await f.api.get('/api/auth/totp')).body).toEqual({ enabled: false, recoveryCodesLeft: 0 });
    // Nothing to renew without a second factor.
    expect((await f.api.post('/api/auth/recovery-codes').send({ password: PASSWORD })).body.code).toBe('INVALID_TRANSITION');
  });

  test('a challenge is bound to the login that asked for it', async ({ server }) => {
    const f = await signUp(server.url);
    const key = new SoftAuthenticator(originOf(server.url));
    const options = await f.api.post('/api/auth/passkeys/options').send({ password: PASSWORD });
    // The same account in another browser: its login did not ask for this challenge.
    const other = cookieOf(await request(server.url).post('/api/auth/login').send({ email: f.email, password: PASSWORD }), 'candor_login')!;
    const foreign = await request(server.url).post('/api/auth/passkeys').set('Cookie', other).send({ name: 'Laptop', credential: key.register(challengeOf(options.body)) });
    expect(foreign.body.code).toBe('INVALID_TRANSITION');
    // A newer challenge replaces the older one of the same login.
    const newer = await f.api.post('/api/auth/passkeys/options').send({ password: PASSWORD });
    expect((await f.api.post('/api/auth/passkeys').send({ name: 'Laptop', credential: key.register(challengeOf(options.body)) })).body.code).toBe('INVALID_TRANSITION');
    expect((await f.api.post('/api/auth/passkeys').send({ name: 'Laptop', credential: key.register(challengeOf(newer.body)) })).status).toBe(201);
  });

  test('add a passkey (recovery codes come with it), log in with it once per challenge, a copy and another account are refused, renew the codes, remove it', async ({ server }) => {
    const f = await signUp(server.url);
    const key = new SoftAuthenticator(originOf(server.url));
    const added = await addPasskey(f, key, '  Laptop ');
    expect(added.status).toBe(201);
    const passkey = added.body.passkey as PasskeyInfo;
    expect(passkey).toMatchObject({ name: 'Laptop', lastUsedAt: null });
    const codes = added.body.recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    expect((await f.api.get('/api/auth/totp')).body).toEqual({ enabled: false, recoveryCodesLeft: 10 });
    // The same credential again is refused; a second passkey brings no new codes.
    const again = await addPasskey(f, key);
    expect(again.body.code).toBe('INVALID_TRANSITION');
    const phone = new SoftAuthenticator(originOf(server.url));
    const second = await addPasskey(f, phone, 'Phone');
    expect(second.status).toBe(201);
    expect(second.body.recoveryCodes).toEqual([]);
    expect(((await f.api.get('/api/auth/passkeys')).body.passkeys as PasskeyInfo[]).map((p) => p.name)).toEqual(['Laptop', 'Phone']);
    // The account's export lists them as the account page does, without their credential or key.
    const exported = await f.api.get('/api/auth/export');
    expect(exported.body.security).toMatchObject({ twoStepLogin: { enabled: false, recoveryCodesLeft: 10 }, passkeys: [{ name: 'Laptop' }, { name: 'Phone' }] });
    for (const secret of [key.id, phone.id]) expect(JSON.stringify(exported.body)).not.toContain(secret);
    // The options exclude the account's passkeys.
    const more = await f.api.post('/api/auth/passkeys/options').send({ password: PASSWORD });
    expect((more.body.options.excludeCredentials as { id: string }[]).map((c) => c.id).sort()).toEqual([key.id, phone.id].sort());

    // The password now leads to the second step, which offers the passkey (no TOTP).
    const pending = await passwordStep(server.url, f.email);
    expect((await request(server.url).get('/api/auth/login/factors').set('Cookie', pending)).body).toEqual({ totp: false, passkey: true });
    const challenge = await loginOptions(server.url, pending);
    const options = await request(server.url).post('/api/auth/login/passkey/options').set('Cookie', pending);
    expect((options.body.options.allowCredentials as { id: string }[]).map((c) => c.id).sort()).toEqual([key.id, phone.id].sort());
    expect(options.body.options.rpId).toBe('localhost');
    // Only the newest challenge of a pending login works.
    const stale = await withPasskey(server.url, pending, key.assert(challenge));
    expect(stale.status).toBe(401);
    expect(stale.body).toMatchObject({ code: 'INVALID_CREDENTIALS', message: expect.stringMatching(/not for this login, or was used already/) });
    // A made-up assertion of an unknown credential, and a signature that is not the key's.
    const made = key.assert(challengeOf(options.body));
    const unknown = await withPasskey(server.url, pending, { ...made, id: 'AAAAAAAAAAAAAAAAAAAAAA', rawId: 'AAAAAAAAAAAAAAAAAAAAAA' });
    expect(unknown.body).toMatchObject({ code: 'INVALID_CREDENTIALS', message: expect.stringMatching(/not one of this account/) });
    const forged = phone.assert(challengeOf(options.body));
    const badSignature = await withPasskey(server.url, pending, { ...forged, response: { ...forged.response, signature: made.response.signature } });
    expect(badSignature.body).toMatchObject({ code: 'INVALID_CREDENTIALS', message: expect.stringMatching(/signature is not right/) });
    // That used the challenge up; with a new one the passkey logs in.
    const fresh = await loginOptions(server.url, pending);
    const answer = key.assert(fresh);
    const done = await withPasskey(server.url, pending, answer);
    expect(done.status).toBe(200);
    expect(done.body.facilitator.email).toBe(f.email);
    const login = cookieOf(done, 'candor_login')!;
    expect((await request(server.url).get('/api/auth/me').set('Cookie', login)).status).toBe(200);
    // The pending login is used up; the same answer with a new pending login is refused (its challenge is gone).
    expect((await withPasskey(server.url, pending, answer)).body.code).toBe('UNAUTHENTICATED');
    const next = await passwordStep(server.url, f.email);
    await loginOptions(server.url, next);
    expect((await withPasskey(server.url, next, answer)).body).toMatchObject({ code: 'INVALID_CREDENTIALS', message: expect.stringMatching(/used already/) });
    const listed = (await f.api.get('/api/auth/passkeys')).body.passkeys as PasskeyInfo[];
    expect(listed.find((p) => p.name === 'Laptop')!.lastUsedAt).not.toBeNull();
    expect(listed.find((p) => p.name === 'Phone')!.lastUsedAt).toBeNull();

    // A copy of the authenticator answers with a counter that is not past the last one.
    const copy = await withPasskey(server.url, next, key.assert(await loginOptions(server.url, next), { counter: key.counter }));
    expect(copy.body).toMatchObject({ code: 'INVALID_CREDENTIALS', message: expect.stringMatching(/counter went backwards/) });

    // Another account's pending login with this account's passkey is refused.
    const g = await signUp(server.url);
    expect((await addPasskey(g, new SoftAuthenticator(originOf(server.url)))).status).toBe(201);
    const theirs = await passwordStep(server.url, g.email);
    const crossed = await withPasskey(server.url, theirs, key.assert(await loginOptions(server.url, theirs)));
    expect(crossed.body).toMatchObject({ code: 'INVALID_CREDENTIALS', message: expect.stringMatching(/not one of this account/) });

    // Recovery codes still log in (with the passkey on); renewing them needs the password and ends the old set.
    expect((await request(server.url).post('/api/auth/login/totp').set('Cookie', next).send({ recoveryCode: codes[0] })).status).toBe(200);
    expect((await f.api.post('/api/auth/recovery-codes').send({ password: 'not the password' })).status).toBe(401);
    const renewed = await f.api.post('/api/auth/recovery-codes').send({ password: PASSWORD });
    expect(renewed.status).toBe(200);
    const newCodes = renewed.body.recoveryCodes as string[];
    expect(newCodes).toHaveLength(10);
    expect(newCodes.some((c) => codes.includes(c))).toBe(false);
    const afterRenewal = await passwordStep(server.url, f.email);
    expect((await request(server.url).post('/api/auth/login/totp').set('Cookie', afterRenewal).send({ recoveryCode: codes[1] })).status).toBe(401);
    expect((await request(server.url).post('/api/auth/login/totp').set('Cookie', afterRenewal).send({ recoveryCode: newCodes[0] })).status).toBe(200);

    // Removing needs the password; another facilitator cannot remove it (404); the last one takes the codes with it.
    expect((await f.api.delete(`/api/auth/passkeys/${passkey.id}`).send({ password: 'not the password' })).status).toBe(401);
    expect((await g.api.delete(`/api/auth/passkeys/${passkey.id}`).send({ password: PASSWORD })).body.code).toBe('NOT_FOUND');
    expect((await f.api.delete('/api/auth/passkeys/not-a-uuid').send({ password: PASSWORD })).status).toBe(400);
    expect((await f.api.delete(`/api/auth/passkeys/${passkey.id}`).send({ password: PASSWORD })).status).toBe(204);
    expect((await f.api.delete(`/api/auth/passkeys/${passkey.id}`).send({ password: PASSWORD })).body.code).toBe('NOT_FOUND');
    expect((await f.api.get('/api/auth/totp')).body.recoveryCodesLeft).toBe(9);
    expect((await f.api.delete(`/api/auth/passkeys/${second.body.passkey.id}`).send({ password: PASSWORD })).status).toBe(204);
    expect((await f.api.get('/api/auth/totp')).body.recoveryCodesLeft).toBe(0);
    expect(cookieOf(await request(server.url).post('/api/auth/login').send({ email: f.email, password: PASSWORD }), 'candor_login')).toBeDefined();

    // The audit log names the passkeys, never a key, a challenge or a code.
    const events = await auditOf(f);
    const actions = events.map((e) => e.action);
    for (const action of ['passkey-added', 'passkey-used', 'passkey-removed', 'recovery-codes-renewed', 'recovery-code-used'] as const) expect(actions).toContain(action);
    expect(events.find((e) => e.action === 'passkey-used')!.detail).toBe('Laptop');
    const logged = JSON.stringify(events);
    for (const secret of [key.id, fresh, ...codes, ...newCodes]) expect(logged).not.toContain(secret);
  });

  test('with TOTP and a passkey: one set of recovery codes; turning TOTP off keeps them while the passkey stays', async ({ server }) => {
    const f = await signUp(server.url);
    const key = new SoftAuthenticator(originOf(server.url));
    const codes = (await addPasskey(f, key)).body.recoveryCodes as string[];
    const setup = await f.api.post('/api/auth/totp/setup').send({ password: PASSWORD });
    const secret = setup.body.secret as string;
    const enabled = await f.api.post('/api/auth/totp/enable').send({ code: await generate({ secret, epoch: Math.floor(Date.now() / 1000) - 30 }) });
    expect(enabled.status).toBe(200);
    expect(enabled.body.recoveryCodes).toEqual([]);
    expect((await f.api.get('/api/auth/totp')).body).toEqual({ enabled: true, recoveryCodesLeft: 10 });
    const pending = await passwordStep(server.url, f.email);
    expect((await request(server.url).get('/api/auth/login/factors').set('Cookie', pending)).body).toEqual({ totp: true, passkey: true });
    expect((await f.api.post('/api/auth/totp/disable').send({ password: PASSWORD, code: codes[0] })).status).toBe(204);
    expect((await f.api.get('/api/auth/totp')).body).toEqual({ enabled: false, recoveryCodesLeft: 9 });
    // The passkey still guards the login.
    const after = await passwordStep(server.url, f.email);
    expect((await request(server.url).get('/api/auth/login/factors').set('Cookie', after)).body).toEqual({ totp: false, passkey: true });
    // A TOTP-only account has no passkey to offer.
    const g = await signUp(server.url);
    const gSecret = (await g.api.post('/api/auth/totp/setup').send({ password: PASSWORD })).body.secret as string;
    await g.api.post('/api/auth/totp/enable').send({ code: await generate({ secret: gSecret }) });
    const gPending = await passwordStep(server.url, g.email);
    expect((await request(server.url).post('/api/auth/login/passkey/options').set('Cookie', gPending)).body.code).toBe('INVALID_TRANSITION');
  });

  test('wrong passkey answers count under the login limits per account: past ten, the right one waits too', async ({ server }) => {
    const f = await signUp(server.url);
    const key = new SoftAuthenticator(originOf(server.url));
    expect((await addPasskey(f, key)).status).toBe(201);
    const pending = await passwordStep(server.url, f.email);
    // A passkey of no account is refused before the challenge is looked at: the challenge stays live.
    const challenge = await loginOptions(server.url, pending);
    const stranger = new SoftAuthenticator(originOf(server.url));
    for (let i = 0; i < 10; i += 1) expect((await withPasskey(server.url, pending, stranger.assert(challenge))).status).toBe(401);
    expect((await request(server.url).post('/api/auth/login/passkey/options').set('Cookie', pending)).status).toBe(429);
    const held = await withPasskey(server.url, pending, key.assert(challenge));
    expect(held.status).toBe(429);
    expect(held.headers['retry-after']).toMatch(/^\d+$/);
    expect((await auditOf(f)).map((e) => e.action)).toContain('login-throttled');
  });

  test('with CANDOR_PUBLIC_URL the passkeys are that site’s, and answers from localhost are refused', async () => {
    const site = 'https://candor.example.org';
    const server = await startServer({ env: { CANDOR_PUBLIC_URL: site } });
    try {
      const f = await signUp(server.url);
      const options = await f.api.post('/api/auth/passkeys/options').send({ password: PASSWORD });
      expect(options.body.options.rp).toEqual({ id: 'candor.example.org', name: 'Candor' });
      const local = new SoftAuthenticator(originOf(server.url), 'candor.example.org');
      expect((await f.api.post('/api/auth/passkeys').send({ name: 'Laptop', credential: local.register(challengeOf(options.body)) })).body.code).toBe('INVALID_TRANSITION');
      const key = new SoftAuthenticator(site);
      const added = await addPasskey(f, key);
      expect(added.status).toBe(201);
      const pending = await passwordStep(server.url, f.email);
      const challenge = await loginOptions(server.url, pending);
      // Signed for localhost's RP ID, from the right origin: the RP ID hash does not match.
      const elsewhere = new SoftAuthenticator(site, 'localhost');
      Object.assign(elsewhere, { credentialId: key.credentialId, privateKey: key.privateKey });
      expect((await withPasskey(server.url, pending, elsewhere.assert(challenge))).status).toBe(401);
      expect((await withPasskey(server.url, pending, key.assert(await loginOptions(server.url, pending)))).status).toBe(200);
    } finally {
      await server.stop();
    }
  });
});
