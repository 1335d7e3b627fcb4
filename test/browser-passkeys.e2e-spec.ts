import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { DESKTOP, test } from './browser-utils.js';

const PASSWORD = 'a long enough password';

// Chromium's virtual authenticator (CDP's WebAuthn domain) on this page's browser context: a platform
// authenticator with user verification, as a laptop's fingerprint reader is.
async function withAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
  });
  const credentials = async () => (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials;
  return { cdp, authenticatorId, credentials };
}

async function logIn(page: Page, base: string, email: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
}

describe('passkeys in the browser', () => {
  test('add a passkey, log in with it, a browser without it cannot, a copy is refused, renew the recovery codes, remove it', async ({ server, browsing }) => {
    const { newPage, shot } = browsing;
    // WebAuthn takes no IP address as its site: the browser opens the server as localhost.
    const base = server.url.replace('127.0.0.1', 'localhost');
    const page = await newPage(DESKTOP);
    const { cdp, authenticatorId, credentials } = await withAuthenticator(page);
    const email = `passkeys-${Date.now()}@example.test`;
    await page.goto(`${base}/signup`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL('**/console');
    await page.goto(`${base}/console/account`);
    await page.getByTestId('passkeys-none').getByText('No passkeys yet.').waitFor();
    await expect(page.getByRole('heading', { name: 'Recovery codes' }).count()).resolves.toBe(0);

    // A wrong password adds nothing; the right one, a name and the authenticator add "Laptop".
    await page.getByLabel('A name for it').fill('Laptop');
    await page.locator('#passkey-password').fill('not the password');
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await page.getByRole('alert').getByText('That is not your current password.').waitFor();
    expect(await credentials()).toEqual([]);
    await page.getByLabel('A name for it').fill('Laptop');
    await page.locator('#passkey-password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    // The first second factor brings the recovery codes, shown once.
    const shown = page.getByTestId('recovery-code');
    await expect.poll(() => shown.count()).toBe(10);
    const codes = await shown.allTextContents();
    await shot(page, 'passkeys-recovery-codes');
    await page.getByRole('button', { name: 'I have kept them' }).click();
    const listed = page.getByTestId('passkey');
    await listed.filter({ hasText: 'Laptop' }).getByText('not used yet').waitFor();
    await page.getByRole('status').getByText('Passkey “Laptop” added.').waitFor();
    const [made] = await credentials();
    expect(made.rpId).toBe('localhost');
    // The authenticator counts its uses; the server keeps the count of the last one.
    expect(made.signCount).toBeGreaterThanOrEqual(0);
    await page.getByTestId('recovery-status').getByText('Recovery codes left: 10.').waitFor();
    await page.getByTestId('audit-event').first().getByText('Passkey added').waitFor();
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(violations.map((v) => v.id)).toEqual([]);
    await shot(page, 'passkeys-account');

    // Log out, and in again: the password, then the passkey (no code field: TOTP is off).
    await page.getByTestId('login').filter({ hasText: 'this browser' }).getByRole('button', { name: 'Log out here' }).click();
    await page.waitForURL('**/login');
    await logIn(page, base, email);
    const usePasskey = page.getByRole('button', { name: 'Use a passkey' });
    await usePasskey.waitFor();
    await expect(page.getByLabel('Enter the 6-digit code from your authenticator app').count()).resolves.toBe(0);
    await expect(page.evaluate(() => fetch('/api/auth/me').then((r) => r.status))).resolves.toBe(401);
    await shot(page, 'passkeys-login');
    const sent = page.waitForRequest((r) => r.url().endsWith('/api/auth/login/passkey') && r.method() === 'POST');
    await usePasskey.click();
    await page.waitForURL('**/console');
    const assertion = (await sent).postData()!;
    expect((await credentials())[0].signCount).toBe(made.signCount + 1);
    await page.goto(`${base}/console/account`);
    await listed.filter({ hasText: 'Laptop' }).getByText(/last used/).waitFor();
    await page.getByText('Logged in with a passkey').waitFor();

    // Another browser, without the authenticator: the password step, then no way past the passkey; and
    // the first browser's answer, sent again from here, is refused (its challenge is used up and was not this login's).
    const other = await newPage(DESKTOP);
    await other.context().newCDPSession(other).then(async (c) => {
      await c.send('WebAuthn.enable');
      await c.send('WebAuthn.addVirtualAuthenticator', { options: { protocol: 'ctap2', transport: 'usb', hasResidentKey: false, hasUserVerification: false } });
    });
    // Its authenticator has no passkey of this account: the browser's prompt waits (until its timeout) and
    // nothing logs in meanwhile. A reload ends the prompt; the password step starts again.
    await logIn(other, base, email);
    await other.getByRole('button', { name: 'Use a passkey' }).click();
    await other.waitForTimeout(2_000);
    await other.getByRole('heading', { name: 'Two-step login' }).waitFor();
    await expect(other.evaluate(() => fetch('/api/auth/me').then((r) => r.status))).resolves.toBe(401);
    // Again, in German this time.
    await other.reload();
    await other.goto(`${base}/login`);
    await other.locator('#language-select').selectOption('de');
    await other.getByLabel('E-Mail-Adresse').fill(email);
    await other.getByLabel('Passwort', { exact: true }).fill(PASSWORD);
    await other.getByRole('button', { name: 'Anmelden' }).click();
    await other.getByRole('button', { name: 'Einen Passkey benutzen' }).waitFor();
    const secondStep = await new AxeBuilder({ page: other }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(secondStep.violations.map((v) => v.id)).toEqual([]);
    const replayed = await other.evaluate(
      (body) => fetch('/api/auth/login/passkey', { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then(async (r) => ({ status: r.status, body: await r.json() })),
      assertion,
    );
    expect(replayed).toMatchObject({ status: 401, body: { code: 'INVALID_CREDENTIALS', message: expect.stringMatching(/used already/) } });
    await expect(other.evaluate(() => fetch('/api/auth/me').then((r) => r.status))).resolves.toBe(401);

    // A copy of the authenticator whose counter is behind the last use is refused.
    await cdp.send('WebAuthn.removeCredential', { authenticatorId, credentialId: made.credentialId });
    await cdp.send('WebAuthn.addCredential', { authenticatorId, credential: { ...made, signCount: 0 } });
    await page.getByTestId('login').filter({ hasText: 'this browser' }).getByRole('button', { name: 'Log out here' }).click();
    await page.waitForURL('**/login');
    await logIn(page, base, email);
    await usePasskey.click();
    await page.getByRole('alert').getByText(/could not log you in/).waitFor();
    // The real one, ahead of the last use, logs in.
    await cdp.send('WebAuthn.removeCredential', { authenticatorId, credentialId: made.credentialId });
    await cdp.send('WebAuthn.addCredential', { authenticatorId, credential: { ...made, signCount: made.signCount + 5 } });
    await usePasskey.click();
    await page.waitForURL('**/console');

    // New recovery codes: the old ones stop working, the new ones are shown once.
    await page.goto(`${base}/console/account`);
    await page.locator('#recovery-password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Get new recovery codes' }).click();
    await expect.poll(() => shown.count()).toBe(10);
    const renewed = await shown.allTextContents();
    expect(renewed.some((code) => codes.includes(code))).toBe(false);
    await page.getByRole('button', { name: 'I have kept them' }).click();
    await page.getByTestId('audit-event').first().getByText('New recovery codes made').waitFor();
    // The other browser, still at its second step, tries an old code, then a new one.
    await other.getByRole('button', { name: 'Stattdessen einen Wiederherstellungscode benutzen' }).click();
    await other.getByLabel('Wiederherstellungscode').fill(codes[0]);
    await other.getByRole('button', { name: 'Anmelden' }).click();
    await other.getByRole('alert').getByText('Dieser Code stimmt nicht. Bitte versuche den aktuellen Code.').waitFor();
    await other.getByLabel('Wiederherstellungscode').fill(renewed[0]);
    await other.getByRole('button', { name: 'Anmelden' }).click();
    await other.waitForURL('**/console');

    // Remove it (with the password): no passkey, no recovery codes, and the password alone logs in again.
    await page.reload();
    await page.getByRole('button', { name: 'Remove the passkey Laptop' }).click();
    await page.locator('#passkey-remove-password').fill('not the password');
    await page.getByRole('button', { name: 'Remove passkey' }).click();
    await page.getByRole('alert').getByText('That is not your current password.').waitFor();
    await page.locator('#passkey-remove-password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Remove passkey' }).click();
    await page.getByTestId('passkeys-none').waitFor();
    await page.getByTestId('audit-event').first().getByText('Passkey removed').waitFor();
    await expect(page.getByRole('heading', { name: 'Recovery codes' }).count()).resolves.toBe(0);
    await page.getByTestId('login').filter({ hasText: 'this browser' }).getByRole('button', { name: 'Log out here' }).click();
    await page.waitForURL('**/login');
    await logIn(page, base, email);
    await page.waitForURL('**/console');

  });
});
