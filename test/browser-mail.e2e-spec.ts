import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, describe, expect } from 'vitest';
import { DESKTOP, test } from './browser-utils.js';
import { linkOf, startMailbox } from './mailbox.js';
import { randomUUID } from 'node:crypto';
import { signUp } from './utils.js';

// A forgotten password in the browser, with the mail read from a real SMTP server (test/mailbox.ts).
// The link is made from CANDOR_PUBLIC_URL, an origin of its own here; the test opens its path and
// fragment on the test server, as a browser at that origin would.
const PUBLIC_URL = 'https://candor.example.test';
const NEW_PASSWORD = 'a brand new passphrase';
const mailbox = await startMailbox();
afterAll(() => mailbox.close());
test.override('serverEnv', { CANDOR_SMTP_URL: mailbox.url, CANDOR_PUBLIC_URL: PUBLIC_URL });

describe('password reset by e-mail in the browser', () => {
  test('login page → forgot → the mailed link → a new password → login with it', async ({ server, browsing }) => {
    const { newPage, shot } = browsing;
    const f = await signUp(server.url);
    const page = await newPage(DESKTOP);
    await page.goto(`${server.url}/login`);
    // The link leads to the reset by e-mail once the page knows this server sends mail (GET /api/auth/options).
    await page.locator('a[href="/forgot"]', { hasText: 'Forgot your password?' }).click();
    await page.waitForURL('**/forgot');
    await page.getByLabel('Email').fill(f.email);
    const after = mailbox.received.length;
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByRole('status').getByText(`If an account exists for ${f.email}, an e-mail with a link is on its way.`).waitFor();
    await shot(page, 'mail-forgot-sent');

    const mail = await mailbox.next(f.email, { after });
    const { link } = linkOf(mail);
    expect(link.startsWith(`${PUBLIC_URL}/reset#token=`)).toBe(true);
    await page.goto(`${server.url}${link.slice(PUBLIC_URL.length)}`);
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    // No two-step login on this account: no code is asked for.
    expect(await page.getByLabel(/Two-step login is on/).count()).toBe(0);
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(violations.map((v) => v.id)).toEqual([]);
    await page.getByLabel('New password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.waitForURL('**/login');
    await page.getByRole('status').getByText('Your password is changed, and every login of your account has ended.').waitFor();
    await shot(page, 'mail-reset-done');

    // The REST login that signed up has ended; the new password logs in here.
    expect((await f.api.get('/api/auth/me')).status).toBe(401);
    await page.getByLabel('Email').fill(f.email);
    await page.getByLabel('Password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL('**/console');

    // The link works once: opened again, the page says so and offers a new one.
    await page.goto(`${server.url}${link.slice(PUBLIC_URL.length)}`);
    await page.getByRole('alert').getByText('This link has expired or has been used already.').waitFor();
    await page.getByRole('link', { name: 'Ask for a new link' }).waitFor();
  });

  test('account page: a new address waits for its link, which the confirmation page applies', async ({ server, browsing }) => {
    const { newPage, shot } = browsing;
    const f = await signUp(server.url);
    const next = `moved-${randomUUID()}@example.test`;
    const page = await newPage(DESKTOP);
    await page.goto(`${server.url}/login`);
    await page.getByLabel('Email').fill(f.email);
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL('**/console');
    await page.goto(`${server.url}/console/account`);
    await page.locator('#new-email').fill(next);
    await page.locator('#email-password').fill('correct horse battery');
    const after = mailbox.received.length;
    await page.getByRole('button', { name: 'Change email' }).click();
    await page.getByRole('status').getByText(`We sent a link to ${next}.`).waitFor();
    await page.getByRole('status').getByText(`Waiting for confirmation: ${next} becomes your email`).waitFor();
    await shot(page, 'mail-email-pending');
    expect((await f.api.get('/api/auth/me')).body.facilitator.email).toBe(f.email);

    const { link } = linkOf(await mailbox.next(next, { after }));
    expect(link.startsWith(`${PUBLIC_URL}/confirm-email#token=`)).toBe(true);
    await page.goto(`${server.url}${link.slice(PUBLIC_URL.length)}`);
    await page.getByRole('button', { name: 'Confirm the new address' }).click();
    await page.getByRole('status').getByText(`Your e-mail address is now ${next}.`).waitFor();
    expect((await f.api.get('/api/auth/me')).body.facilitator.email).toBe(next);
    expect((await f.api.get('/api/auth/email')).body).toEqual({ email: next, pending: null });
  });
});
