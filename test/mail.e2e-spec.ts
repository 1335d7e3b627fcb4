import type { AuditEvent } from '@candor/shared';
import { generate } from 'otplib';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeEach, describe, expect } from 'vitest';
import { test } from './fixtures.js';
import { linkOf, startMailbox, type ReceivedMail } from './mailbox.js';
import { signUp, startServer, type Facilitator } from './utils.js';

// Password reset and e-mail change by e-mail, against a real SMTP server (test/mailbox.ts) that the
// Candor server sends to with nodemailer; the tests read the mails it received and follow their links.
// Links run on the server's clock, which this file moves (CANDOR_TEST_CLOCK_FILE); logins keep the machine's.
const PASSWORD = 'correct horse battery';
const NEW_PASSWORD = 'a brand new passphrase';
const PUBLIC_URL = 'https://candor.example.test';
const CLOCK_FILE = join(mkdtempSync(join(tmpdir(), 'candor-clock-')), 'offset');
const MINUTE = 60_000;
const setClock = (offsetMs: number) => writeFileSync(CLOCK_FILE, String(offsetMs));
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

const mailbox = await startMailbox();
afterAll(() => mailbox.close());
test.override('serverEnv', { CANDOR_SMTP_URL: mailbox.url, CANDOR_PUBLIC_URL: PUBLIC_URL, CANDOR_TEST_CLOCK_FILE: CLOCK_FILE });
beforeEach(() => setClock(0));

const cookieOf = (res: request.Response) =>
  ((res.headers['set-cookie'] as unknown as string[] | undefined) ?? []).find((c) => c.startsWith('candor_login='))?.split(';')[0];

async function logIn(url: string, email: string, password = PASSWORD): Promise<request.Response> {
  return request(url).post('/api/auth/login').send({ email, password });
}

async function auditOf(url: string, email: string, password: string): Promise<AuditEvent[]> {
  const cookie = cookieOf(await logIn(url, email, password))!;
  const res = await request(url).get('/api/auth/audit').set('Cookie', cookie);
  expect(res.status).toBe(200);
  return res.body.events as AuditEvent[];
}

// Asks for a reset link and reads it from the mailbox.
async function resetMail(url: string, email: string, language?: 'en' | 'de'): Promise<{ mail: ReceivedMail; token: string; link: string }> {
  const after = mailbox.received.length;
  const res = await request(url).post('/api/auth/forgot').send({ email, ...(language ? { language } : {}) });
  expect(res.status).toBe(202);
  const mail = await mailbox.next(email, { after });
  return { mail, ...linkOf(mail) };
}

const resetWith = (url: string, body: object) => request(url).post('/api/auth/reset/mail').send(body);

describe('password reset by e-mail', () => {
  test('says mail is configured; the link resets the password once and ends every login of the account', async ({ server }) => {
    expect((await request(server.url).get('/api/auth/options')).body).toEqual({ mail: true });
    const f = await signUp(server.url);
    const otherLogin = cookieOf(await logIn(server.url, f.email))!;

    const { mail, token, link } = await resetMail(server.url, f.email);
    expect(mail.from).toMatch(/^"?Candor"? <no-reply@candor\.example\.test>$/);
    expect(mail.subject).toBe('Reset your Candor password');
    // The link is made from CANDOR_PUBLIC_URL, with the token in the fragment.
    expect(link).toBe(`${PUBLIC_URL}/reset#token=${token}`);
    expect(mail.text).toContain('If you did not ask for this');
    expect(mail.text).not.toMatch(/session|participant/i);
    expect(mail.html).toContain(`href="${link}"`);

    expect((await request(server.url).post('/api/auth/reset/link').send({ token })).body).toEqual({ twoStep: false });
    // The password rule holds; a refused body uses nothing up.
    expect((await resetWith(server.url, { token, newPassword: 'short' })).status).toBe(400);
    expect((await resetWith(server.url, { token, newPassword: NEW_PASSWORD })).status).toBe(204);

    // Every login of the account has ended; the old password is gone, the new one logs in.
    expect((await f.api.get('/api/auth/me')).status).toBe(401);
    expect((await request(server.url).get('/api/auth/me').set('Cookie', otherLogin)).status).toBe(401);
    expect((await logIn(server.url, f.email)).status).toBe(401);
    expect((await logIn(server.url, f.email, NEW_PASSWORD)).status).toBe(200);

    // The link works once.
    const again = await resetWith(server.url, { token, newPassword: 'yet another passphrase' });
    expect(again.status).toBe(410);
    expect(again.body.code).toBe('LINK_INVALID');
    expect((await request(server.url).post('/api/auth/reset/link').send({ token })).body.code).toBe('LINK_INVALID');
    expect((await logIn(server.url, f.email, NEW_PASSWORD)).status).toBe(200);

    const events = await auditOf(server.url, f.email, NEW_PASSWORD);
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['password-reset-requested', 'password-reset-by-email']));
    expect(JSON.stringify(events)).not.toContain(token);
  });

  test('answers an unknown address exactly as a known one, and mails nothing to it', async ({ server }) => {
    const f = await signUp(server.url);
    const unknown = `nobody-${randomUUID()}@example.test`;
    const after = mailbox.received.length;
    const forUnknown = await request(server.url).post('/api/auth/forgot').send({ email: unknown });
    const forKnown = await request(server.url).post('/api/auth/forgot').send({ email: f.email });
    expect([forUnknown.status, forKnown.status]).toEqual([202, 202]);
    expect(forUnknown.text).toBe(forKnown.text);
    await mailbox.next(f.email, { after });
    await sleep(500);
    expect(mailbox.to(unknown)).toEqual([]);
  });

  test('refuses an expired link, an older link once a newer one is sent, and links sent before a password change', async ({ server }) => {
    const f = await signUp(server.url);
    const { token: expiring } = await resetMail(server.url, f.email);
    // 29 minutes after it was sent, the link still works; after 30 it does not.
    setClock(29 * MINUTE);
    expect((await request(server.url).post('/api/auth/reset/link').send({ token: expiring })).status).toBe(200);
    setClock(31 * MINUTE);
    expect((await resetWith(server.url, { token: expiring, newPassword: NEW_PASSWORD })).body.code).toBe('LINK_INVALID');
    setClock(0);
    // A newer link voids the one before.
    const { token: older } = await resetMail(server.url, f.email);
    const { token: newer } = await resetMail(server.url, f.email);
    expect((await request(server.url).post('/api/auth/reset/link').send({ token: older })).body.code).toBe('LINK_INVALID');
    expect((await request(server.url).post('/api/auth/reset/link').send({ token: newer })).status).toBe(200);
    // A new address waits too.
    const next = `waiting-${randomUUID()}@example.test`;
    const after = mailbox.received.length;
    expect((await f.api.put('/api/auth/email').send({ email: next, password: PASSWORD })).status).toBe(200);
    const { token: confirmation } = linkOf(await mailbox.next(next, { after }));
    // The password changed meanwhile: the links sent before are void, the new address's too.
    expect((await f.api.put('/api/auth/password').send({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(204);
    expect((await resetWith(server.url, { token: newer, newPassword: 'yet another passphrase' })).body.code).toBe('LINK_INVALID');
    expect((await request(server.url).post('/api/auth/email/confirm').send({ token: confirmation })).body.code).toBe('LINK_INVALID');
    expect((await f.api.get('/api/auth/email')).body).toEqual({ email: f.email, pending: null });
    expect((await logIn(server.url, f.email, NEW_PASSWORD)).status).toBe(200);
  });

  test('two requests with one link at once: exactly one resets', async ({ server }) => {
    const f = await signUp(server.url);
    const { token } = await resetMail(server.url, f.email);
    const answers = await Promise.all([
      resetWith(server.url, { token, newPassword: 'first new passphrase' }),
      resetWith(server.url, { token, newPassword: 'second new passphrase' }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([204, 410]);
    const winner = answers[0].status === 204 ? 'first new passphrase' : 'second new passphrase';
    expect((await logIn(server.url, f.email, winner)).status).toBe(200);
  });

  test('with two-step login on, the link alone is not enough: a current code or a recovery code too', async ({ server }) => {
    const f = await signUp(server.url);
    const setup = await f.api.post('/api/auth/totp/setup').send({ password: PASSWORD });
    const secret = setup.body.secret as string;
    const epoch = Math.floor(Date.now() / 1000) - 30;
    const enabled = await f.api.post('/api/auth/totp/enable').send({ code: await generate({ secret, epoch }) });
    const recoveryCodes = enabled.body.recoveryCodes as string[];

    const { mail, token } = await resetMail(server.url, f.email);
    expect(mail.text).toContain('Two-step login is on');
    expect((await request(server.url).post('/api/auth/reset/link').send({ token })).body).toEqual({ twoStep: true });
    const withoutCode = await resetWith(server.url, { token, newPassword: NEW_PASSWORD });
    expect(withoutCode.status).toBe(401);
    expect(withoutCode.body.code).toBe('INVALID_CREDENTIALS');
    expect((await resetWith(server.url, { token, newPassword: NEW_PASSWORD, code: 'aaaa-bbbb-cccc-dddd' })).status).toBe(401);
    // Nothing changed, and the link still works.
    expect((await f.api.get('/api/auth/me')).status).toBe(200);
    expect((await logIn(server.url, f.email)).body).toEqual({ secondFactor: true });
    expect((await resetWith(server.url, { token, newPassword: NEW_PASSWORD, code: recoveryCodes[0] })).status).toBe(204);
    expect((await f.api.get('/api/auth/me')).status).toBe(401);
    expect((await logIn(server.url, f.email, NEW_PASSWORD)).body).toEqual({ secondFactor: true });

    // Whoever holds the mailbox cannot guess codes: a link takes three wrong ones, then it is void.
    const { token: guessed } = await resetMail(server.url, f.email);
    for (let i = 0; i < 3; i += 1) expect((await resetWith(server.url, { token: guessed, newPassword: 'a guessed passphrase', code: `wrong-code-${i}` })).status).toBe(401);
    expect((await request(server.url).post('/api/auth/reset/link').send({ token: guessed })).body.code).toBe('LINK_INVALID');
    expect((await resetWith(server.url, { token: guessed, newPassword: 'a guessed passphrase', code: recoveryCodes[1] })).body.code).toBe('LINK_INVALID');
  });

  test('writes the mail in the language of the page that asked', async ({ server }) => {
    const f = await signUp(server.url);
    const { mail } = await resetMail(server.url, f.email, 'de');
    expect(mail.subject).toBe('Dein Candor-Passwort zurücksetzen');
    expect(mail.text).toContain('Wenn du das nicht warst');
  });

  test('limits the reset mails one address gets', async ({ server }) => {
    const email = `flooded-${randomUUID()}@example.test`;
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await request(server.url).post('/api/auth/forgot').send({ email })).status);
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
    // Another address is not limited by it.
    expect((await request(server.url).post('/api/auth/forgot').send({ email: `other-${randomUUID()}@example.test` })).status).toBe(202);
  });

  test('refuses a malformed link and a malformed address', async ({ server }) => {
    expect((await request(server.url).post('/api/auth/forgot').send({ email: 'not an address' })).status).toBe(400);
    expect((await request(server.url).post('/api/auth/reset/link').send({ token: 'short' })).status).toBe(400);
    expect((await resetWith(server.url, { token: 'A'.repeat(43), newPassword: NEW_PASSWORD })).body.code).toBe('LINK_INVALID');
  });
});

describe('e-mail change by e-mail', () => {
  const changeTo = (f: Facilitator, email: string, password = PASSWORD) => f.api.put('/api/auth/email').send({ email, password });

  test('mails a link to the new address and a notice to the old one; the address changes only once confirmed', async ({ server }) => {
    const f = await signUp(server.url);
    const next = `moved-${randomUUID()}@example.test`;
    const after = mailbox.received.length;
    expect((await changeTo(f, next, 'not the password')).status).toBe(401);

    const res = await changeTo(f, next);
    expect(res.status).toBe(200);
    expect(res.body.facilitator.email).toBe(f.email);
    expect(res.body.pending).toMatchObject({ email: next });
    const confirm = await mailbox.next(next, { after });
    const notice = await mailbox.next(f.email, { after });
    expect(confirm.subject).toBe('Confirm your new e-mail address for Candor');
    const { link, token } = linkOf(confirm);
    expect(link).toBe(`${PUBLIC_URL}/confirm-email#token=${token}`);
    expect(notice.subject).toBe('The e-mail address of your Candor account is being changed');
    expect(notice.text).not.toContain(token);
    expect(notice.text).toContain(`${PUBLIC_URL}/login`);

    // Not yet: the old address logs in, the new one does not.
    expect((await f.api.get('/api/auth/email')).body).toEqual({ email: f.email, pending: { email: next, expiresAt: res.body.pending.expiresAt } });
    expect((await logIn(server.url, next)).status).toBe(401);
    expect((await f.api.get('/api/auth/me')).body.facilitator.email).toBe(f.email);

    const confirmed = await request(server.url).post('/api/auth/email/confirm').send({ token });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toEqual({ email: next });
    expect((await f.api.get('/api/auth/me')).body.facilitator.email).toBe(next);
    expect((await f.api.get('/api/auth/email')).body).toEqual({ email: next, pending: null });
    expect((await logIn(server.url, next)).status).toBe(200);
    expect((await logIn(server.url, f.email)).status).toBe(401);
    expect((await request(server.url).post('/api/auth/email/confirm').send({ token })).body.code).toBe('LINK_INVALID');
    const actions = (await auditOf(server.url, next, PASSWORD)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['email-change-requested', 'email-changed']));
    expect(mailbox.to(next).filter((m) => m.subject.startsWith('Reset'))).toEqual([]);
  });

  test('a link whose address another account took meanwhile says so, and changes nothing', async ({ server }) => {
    const f = await signUp(server.url);
    const wanted = `wanted-${randomUUID()}@example.test`;
    const after = mailbox.received.length;
    expect((await changeTo(f, wanted)).status).toBe(200);
    const { token } = linkOf(await mailbox.next(wanted, { after }));
    expect((await request(server.url).post('/api/auth/signup').send({ email: wanted, password: PASSWORD })).status).toBe(201);
    const confirmed = await request(server.url).post('/api/auth/email/confirm').send({ token });
    expect(confirmed.status).toBe(409);
    expect(confirmed.body.code).toBe('EMAIL_TAKEN');
    expect((await f.api.get('/api/auth/me')).body.facilitator.email).toBe(f.email);
    // An address taken already is refused at once.
    expect((await changeTo(f, wanted)).body.code).toBe('EMAIL_TAKEN');
  });

  test('an expired link changes nothing; the current address again cancels a change that waits', async ({ server }) => {
    const f = await signUp(server.url);
    const next = `later-${randomUUID()}@example.test`;
    let after = mailbox.received.length;
    expect((await changeTo(f, next)).status).toBe(200);
    const { token: expired } = linkOf(await mailbox.next(next, { after }));
    setClock(25 * 60 * MINUTE);
    expect((await request(server.url).post('/api/auth/email/confirm').send({ token: expired })).body.code).toBe('LINK_INVALID');
    expect((await f.api.get('/api/auth/email')).body.pending).toBeNull();
    setClock(0);
    after = mailbox.received.length;
    expect((await changeTo(f, next)).status).toBe(200);
    const { token } = linkOf(await mailbox.next(next, { after }));
    expect((await changeTo(f, f.email)).body).toMatchObject({ facilitator: { email: f.email } });
    expect((await f.api.get('/api/auth/email')).body.pending).toBeNull();
    expect((await request(server.url).post('/api/auth/email/confirm').send({ token })).body.code).toBe('LINK_INVALID');
    expect((await f.api.get('/api/auth/me')).body.facilitator.email).toBe(f.email);
  });
});

describe('without SMTP', () => {
  test('says so: no reset by mail, and a new address applies at once', async () => {
    const plain = await startServer();
    try {
      expect((await request(plain.url).get('/api/auth/options')).body).toEqual({ mail: false });
      const refused = await request(plain.url).post('/api/auth/forgot').send({ email: 'someone@example.test' });
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('MAIL_NOT_CONFIGURED');
      const f = await signUp(plain.url);
      const next = `now-${randomUUID()}@example.test`;
      const changed = await f.api.put('/api/auth/email').send({ email: next, password: PASSWORD });
      expect(changed.body.facilitator.email).toBe(next);
      expect(changed.body.pending).toBeUndefined();
      expect((await f.api.get('/api/auth/email')).body).toEqual({ email: next, pending: null });
    } finally {
      await plain.stop();
    }
  });
});
