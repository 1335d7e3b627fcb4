import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect } from 'vitest';
import { DESKTOP, PHONE, test } from './browser-utils.js';

const PASSWORD = 'a long enough password';

describe('the facilitator account: automatic logoff, where it is logged in, its activity log', () => {
  test('warns before the idle logoff, keeps the login for a tap, then logs off and says why', async ({ server, browsing }) => {
    const { newPage, shot } = browsing;
    const page = await newPage(DESKTOP);
    // The page's own clock runs fake, so half an hour passes at once (the server's default idle time, 30 minutes).
    await page.clock.install();
    const email = `idle-${Date.now()}@example.test`;
    await page.goto(`${server.url}/signup`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL('**/console');
    await page.getByRole('heading', { name: 'Start a session' }).waitFor();

    await page.clock.fastForward('28:05');
    const warning = page.getByRole('alertdialog', { name: 'Still there?' });
    await warning.waitFor();
    await expect(warning.textContent()).resolves.toMatch(/logged out in 1:5\d/);
    await expect(page.getByRole('button', { name: 'Stay logged in' }).evaluate((b) => b === document.activeElement)).resolves.toBe(true);
    await shot(page, 'account-idle-warning');
    await page.getByRole('button', { name: 'Stay logged in' }).click();
    await warning.waitFor({ state: 'detached' });

    // Twenty-nine minutes after the tap: still logged in. Then past thirty: logged off.
    await page.clock.fastForward('29:00');
    await expect(page.getByRole('heading', { name: 'Start a session' }).isVisible()).resolves.toBe(true);
    await page.clock.fastForward('01:10');
    await page.waitForURL('**/login');
    await page.getByRole('status').getByText('You were logged out because nothing happened').waitFor();
    await shot(page, 'account-logged-off');
    // The login really ended on the server, not only in this page.
    await expect(page.evaluate(() => fetch('/api/auth/me').then((r) => r.status))).resolves.toBe(401);
  });

  test('lists the logins, ends the one on another device, and shows the activity log without answers', async ({ server, browsing }) => {
    const { newPage, shot } = browsing;
    const laptop = await newPage(DESKTOP);
    const email = `account-${Date.now()}@example.test`;
    await laptop.goto(`${server.url}/signup`);
    await laptop.getByLabel('Email').fill(email);
    await laptop.getByLabel('Password').fill(PASSWORD);
    await laptop.getByRole('button', { name: 'Create account' }).click();
    await laptop.waitForURL('**/console');

    const phone = await newPage(PHONE);
    await phone.goto(`${server.url}/login`);
    await phone.getByLabel('Email').fill(email);
    await phone.getByLabel('Password').fill('not the password');
    await phone.getByRole('button', { name: 'Log in' }).click();
    await phone.getByRole('alert').waitFor();
    await phone.getByLabel('Password').fill(PASSWORD);
    await phone.getByRole('button', { name: 'Log in' }).click();
    await phone.waitForURL('**/console');

    await laptop.getByRole('link', { name: 'Account and activity' }).click();
    await laptop.waitForURL('**/console/account');
    const logins = laptop.getByTestId('login');
    await laptop.getByTestId('login').filter({ hasText: 'this browser' }).waitFor();
    await expect(logins.count()).resolves.toBe(2);
    const rows = laptop.getByTestId('audit-event');
    await expect(rows.allTextContents()).resolves.toEqual([
      expect.stringContaining('Logged in'),
      expect.stringContaining('Wrong password'),
      expect.stringContaining('Account created'),
    ]);
    const { violations } = await new AxeBuilder({ page: laptop }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(violations.map((v) => v.id)).toEqual([]);
    await shot(laptop, 'account-page');

    await logins.filter({ hasNotText: 'this browser' }).getByRole('button', { name: 'Log out there' }).click();
    await expect.poll(() => logins.count()).toBe(1);
    await laptop.getByTestId('audit-event').first().getByText('Login ended from another browser').waitFor();
    await expect(phone.evaluate(() => fetch('/api/auth/me').then((r) => r.status))).resolves.toBe(401);
    await phone.reload();
    await phone.waitForURL('**/login');

    // Everything as one file, then the account deleted (with its password and a confirmation).
    const download = laptop.waitForEvent('download');
    await laptop.getByRole('button', { name: 'Download everything' }).click();
    expect((await download).suggestedFilename()).toMatch(/^candor-account-\d{4}-\d{2}-\d{2}\.json$/);
    await laptop.getByTestId('audit-event').first().getByText('All data downloaded').waitFor();
    await laptop.getByLabel('Current password').fill(PASSWORD);
    await laptop.getByLabel('New password').fill('another long password');
    await laptop.getByRole('button', { name: 'Change password' }).click();
    await laptop.getByText('Your password is changed.').waitFor();

    // In German.
    await laptop.locator('#language-select').selectOption('de');
    await laptop.getByRole('heading', { name: 'Wo du angemeldet bist' }).waitFor();
    await laptop.getByText('Anmeldung von einem anderen Browser beendet').waitFor();
    await laptop.getByLabel('Ich verstehe, dass das nicht rückgängig gemacht werden kann').check();
    await laptop.locator('#delete-password').fill('another long password');
    await laptop.getByRole('button', { name: 'Konto und alles darin löschen' }).click();
    await laptop.waitForURL(`${server.url}/`);
    await expect(laptop.evaluate(() => fetch('/api/auth/me').then((r) => r.status))).resolves.toBe(401);
  });
});
