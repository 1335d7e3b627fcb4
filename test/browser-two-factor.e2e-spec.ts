import { AxeBuilder } from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { generate } from 'otplib';
import { describe, expect } from 'vitest';
import { DESKTOP, test } from './browser-utils.js';

const PASSWORD = 'a long enough password';
// A code for the step `offset` steps of 30 s from now, as the authenticator app on a phone computes it.
const codeAt = (secret: string, offset: number) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + offset * 30 });

describe('two-step login in the browser', () => {
  test('set up on the account page, recovery codes shown once, then a login with a code, a reset and a login with recovery codes', async ({ server, browsing }) => {
    const { newPage, shot } = browsing;
    const page = await newPage(DESKTOP);
    const email = `two-step-${Date.now()}@example.test`;
    await page.goto(`${server.url}/signup`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL('**/console');
    await page.getByRole('link', { name: 'Account and activity' }).click();
    await page.waitForURL('**/console/account');

    // Set up: the password, then the QR code and the key, then a code from the key.
    await page.getByTestId('two-factor-status').getByText('Two-step login is off.').waitFor();
    await page.locator('#totp-password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Set up two-step login' }).click();
    const secret = (await page.getByTestId('totp-secret').textContent())!;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(violations.map((v) => v.id)).toEqual([]);
    await shot(page, 'two-factor-setup');
    await page.getByLabel('The 6-digit code your app shows now').fill('000000' === (await codeAt(secret, 0)) ? '111111' : '000000');
    await page.getByRole('button', { name: 'Turn on' }).click();
    await page.getByRole('alert').getByText('That code is not right.').waitFor();
    await page.getByLabel('The 6-digit code your app shows now').fill(await codeAt(secret, 0));
    await page.getByRole('button', { name: 'Turn on' }).click();

    // The recovery codes, once: ten of them, as a file too.
    const shown = page.getByTestId('recovery-code');
    await expect.poll(() => shown.count()).toBe(10);
    const codes = await shown.allTextContents();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download the codes' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('candor-recovery-codes.txt');
    const saved = readFileSync(await file.path(), 'utf8');
    for (const code of codes) expect(saved).toContain(code);
    await shot(page, 'two-factor-recovery-codes');
    await page.getByRole('button', { name: 'I have kept them' }).click();
    await page.getByTestId('two-factor-status').getByText('Recovery codes left: 10').waitFor();
    await page.getByTestId('audit-event').first().getByText('Two-step login turned on').waitFor();
    // Not again after a reload: only the hashes are kept.
    await page.reload();
    await page.getByTestId('two-factor-status').getByText('Two-step login is on.').waitFor();
    await expect(page.getByTestId('recovery-code').count()).resolves.toBe(0);
    expect(await page.content()).not.toContain(codes[0]);
    expect(await page.content()).not.toContain(secret);

    // Log out here, and in again: the password, then the code.
    await page.getByTestId('login').filter({ hasText: 'this browser' }).getByRole('button', { name: 'Log out here' }).click();
    await page.waitForURL('**/login');
    await page.getByRole('heading', { name: 'Facilitator log in' }).waitFor();
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    const codeField = page.getByLabel('Enter the 6-digit code from your authenticator app');
    await codeField.waitFor();
    await expect(page.evaluate(() => fetch('/api/auth/me').then((r) => r.status))).resolves.toBe(401);
    await shot(page, 'two-factor-login');
    await codeField.fill(await codeAt(secret, 1));
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL('**/console');

    // Forgot the password: reset with a recovery code; this browser's login ends.
    const other = await newPage(DESKTOP);
    await other.goto(`${server.url}/login`);
    await other.getByRole('link', { name: 'Forgot your password?' }).click();
    await other.waitForURL('**/reset');
    await other.getByLabel('Email').fill(email);
    await other.getByLabel('Recovery code').fill('aaaa-bbbb-cccc-dddd');
    await other.getByLabel('New password').fill('a new long password');
    await other.getByRole('button', { name: 'Reset password' }).click();
    await other.getByRole('alert').getByText('The email or the recovery code is not right.').waitFor();
    await other.getByLabel('Recovery code').fill(codes[0]);
    await other.getByRole('button', { name: 'Reset password' }).click();
    await other.getByRole('status').getByText('Your password is reset.').waitFor();
    await expect(page.evaluate(() => fetch('/api/auth/me').then((r) => r.status))).resolves.toBe(401);

    // In German, with the new password and another recovery code instead of the app's code.
    await other.getByRole('link', { name: 'Log in' }).click();
    await other.waitForURL('**/login');
    await other.locator('#language-select').selectOption('de');
    await other.getByLabel('E-Mail-Adresse').fill(email);
    await other.getByLabel('Passwort', { exact: true }).fill('a new long password');
    await other.getByRole('button', { name: 'Anmelden' }).click();
    await other.getByText('Gib den 6-stelligen Code aus deiner Authenticator-App ein').waitFor();
    await other.getByRole('button', { name: 'Stattdessen einen Wiederherstellungscode benutzen' }).click();
    await other.getByLabel('Wiederherstellungscode').fill(codes[0]);
    await other.getByRole('button', { name: 'Anmelden' }).click();
    await other.getByRole('alert').getByText('Dieser Code stimmt nicht.').waitFor();
    await other.getByLabel('Wiederherstellungscode').fill(codes[1]);
    await other.getByRole('button', { name: 'Anmelden' }).click();
    await other.waitForURL('**/console');
    await other.goto(`${server.url}/console/account`);
    await other.getByTestId('two-factor-status').getByText('Übrige Wiederherstellungscodes: 8.').waitFor();
    await other.getByText('Passwort mit einem Wiederherstellungscode zurückgesetzt').waitFor();
  });
});
