import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, signUpInBrowser, test, type Browsing } from './browser-utils.js';
import type { RunningServer } from './utils.js';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// Every page, checked with axe-core against WCAG 2.2 AA in the light theme, and for contrast in the dark one.
describe('accessibility of every page', () => {
  let server: RunningServer;
  let browsing: Browsing;
  const found: string[] = [];

  const check = async (page: Page, name: string) => {
    await page.waitForLoadState('networkidle');
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      // The dark theme changes colours only: there, contrast is what needs checking again.
      const axe = new AxeBuilder({ page });
      const { violations } = await (colorScheme === 'light' ? axe.withTags(WCAG) : axe.withRules(['color-contrast'])).analyze();
      for (const v of violations) {
        found.push(`${name} (${colorScheme}): ${v.id} — ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
      }
    }
    await page.emulateMedia({ colorScheme: 'light' });
  };

  test.beforeAll(({ server: running, browsing: opened }) => {
    server = running;
    browsing = opened;
  });

  it('has no WCAG 2.2 AA violations on any page', async () => {
    const anonymous = await browsing.newPage(PHONE);
    for (const path of ['/', '/login', '/signup']) {
      await anonymous.goto(`${server.url}${path}`);
      await check(anonymous, path);
    }

    const facilitator = await browsing.newPage(DESKTOP);
    await signUpInBrowser(facilitator, server.url, 'a11y');
    await check(facilitator, '/console');

    const copy = await facilitator.request.post(`${server.url}/api/decks`, { data: { copyOf: 'aftercare-preferences' } });
    const deckId = ((await copy.json()) as { deck: { id: string } }).deck.id;
    await facilitator.goto(`${server.url}/console/decks`);
    await check(facilitator, '/console/decks');
    await facilitator.goto(`${server.url}/console/decks/${deckId}/edit`);
    await check(facilitator, 'deck editor');

    await facilitator.goto(`${server.url}/console`);
    await facilitator.getByLabel('Privacy threshold (k)').fill('3');
    await facilitator.getByRole('button', { name: 'Start session: Consent and boundaries' }).click();
    await facilitator.waitForURL('**/console/sessions/*');
    const code = ((await facilitator.locator('.join-code').first().textContent()) ?? '').trim();
    await check(facilitator, 'live console (lobby)');

    const screen = await browsing.newPage({ viewport: { width: 1280, height: 720 } });
    await screen.goto(await facilitator.getByLabel('Presenter link').inputValue());
    await screen.getByText(code).first().waitFor();
    await check(screen, 'screen (lobby)');

    const phone = await browsing.newPage(PHONE);
    await phone.goto(`${server.url}/j/${code}`);
    await phone.getByLabel('I have read this and want to join').waitFor();
    await check(phone, 'join');
    await phone.getByLabel('I have read this and want to join').check();
    await phone.getByRole('button', { name: 'Join session' }).click();
    await phone.getByRole('heading', { name: 'Waiting for the facilitator to start' }).waitFor();
    await check(phone, 'play (lobby)');

    await facilitator.getByRole('button', { name: 'Open next prompt' }).click();
    const showQuestion = phone.getByRole('button', { name: 'Show the question' });
    await showQuestion.waitFor();
    await check(phone, 'play (content note)');
    await showQuestion.click();
    await phone.getByRole('radiogroup', { name: 'Hugs' }).getByRole('radio', { name: 'Yes' }).check();
    await phone.getByRole('button', { name: 'Save answers' }).click();
    await phone.getByTestId('save-status').getByText('Saved').waitFor();
    await check(phone, 'play (answered)');
    await check(facilitator, 'live console (open)');

    await facilitator.getByRole('button', { name: 'Close prompt' }).click();
    await facilitator.getByRole('heading', { name: 'Preview — only you see this' }).waitFor();
    await check(facilitator, 'live console (closed, preview)');
    await facilitator.getByRole('button', { name: 'Release results' }).click();
    await screen.getByText(/hidden until at least 3/i).first().waitFor();
    await check(screen, 'screen (results withheld)');
    await check(phone, 'play (results)');
    await facilitator.getByRole('link', { name: 'Session summary' }).click();
    await facilitator.waitForURL('**/summary');
    await check(facilitator, 'session summary');

    expect(found).toEqual([]);
  }, 240_000);
});
