import type { SessionSummary } from '@candor/shared';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { DESKTOP, PHONE, test } from './browser-utils.js';
import { expectOk } from './utils.js';

// Words of zod's own messages that must never reach a person.
const SCHEMA_WORDS = /Invalid|expected|Too small|discriminator|email:|password:/;

// The CSV's quoted fields, row by row.
const csvRows = (csv: string) =>
  csv
    .trimEnd()
    .split('\r\n')
    .map((line) => [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1].replace(/""/g, '"')));

const countOf = async (page: Page, text: string) => (await page.locator('main').innerText()).split(text).length - 1;

describe('exports and the words people read', () => {
  test('a refused sign-up says per field what to change, in English and in German', async ({ server, browsing }) => {
    const page = await browsing.newPage(DESKTOP);
    await page.goto(`${server.url}/signup`);
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText('Please enter a valid email address, such as name@example.org.').waitFor();
    await expect(alert.innerText()).resolves.toContain('The password needs at least 10 characters.');
    await expect(alert.innerText()).resolves.not.toMatch(SCHEMA_WORDS);
    await browsing.shot(page, 'exports-signup-refused-en');

    await page.locator('#language-select').selectOption('de');
    await alert.getByText('Bitte gib eine gültige E-Mail-Adresse ein, etwa name@example.org.').waitFor();
    await expect(alert.innerText()).resolves.toContain('Das Passwort braucht mindestens 10 Zeichen.');
    await expect(alert.innerText()).resolves.not.toMatch(SCHEMA_WORDS);
    await browsing.shot(page, 'exports-signup-refused-de');
  });

  test('solo: "Pick up to 3." is said once, and open text says it stays on the device', async ({ server, browsing }) => {
    const page = await browsing.newPage(PHONE);
    await page.goto(`${server.url}/solo/communication-styles`);
    await page.getByRole('button', { name: 'Begin' }).click();
    const showQuestion = page.getByRole('button', { name: 'Show the question' });
    if (await showQuestion.isVisible()) await showQuestion.click();
    await page.getByRole('button', { name: 'Skip for now' }).click();
    await page.getByRole('heading', { name: 'What helps you say what you want or do not want?' }).waitFor();
    await expect(countOf(page, 'Pick up to 3.')).resolves.toBe(1);
    await browsing.shot(page, 'exports-solo-pick-up-to');
    for (let i = 0; i < 5; i += 1) await page.getByRole('button', { name: 'Skip for now' }).click();
    await page.getByRole('heading', { name: 'What is one thing that helps you speak up about what you need?' }).waitFor();
    await page.getByText('It stays on this device. Nothing you write here is sent anywhere.').waitFor();
    await expect(page.getByText('The facilitator reads it first').count()).resolves.toBe(0);
    await browsing.shot(page, 'exports-solo-text');
  });

  test('the facilitator sees the answer key while running myths and facts; the downloads name the deck and the day', async ({
    server,
    browsing,
    facilitator,
    clients,
  }) => {
    const { sessionId, host, screen, phones } = await clients.room({ deckId: 'consent-myths-and-facts' });
    const page = await browsing.newPage(DESKTOP);
    await page.context().addCookies([{ name: 'candor_login', value: facilitator.cookie.split('=')[1], url: server.url }]);

    expectOk(await host.send('prompt:open', {}));
    await page.goto(`${server.url}/console/sessions/${sessionId}`);
    const notes = page.getByRole('region', { name: 'About this deck' });
    await notes.getByText('Answer key for the facilitator: facts are 2 (consent can be taken back), 4 (very drunk) and 7 (freezing)').waitFor();
    await notes.getByText('Only you see this.').waitFor();
    await browsing.shot(page, 'exports-console-answer-key');
    await page.locator('#language-select').selectOption('de');
    await page.getByRole('region', { name: 'Über dieses Deck' }).getByText('Lösung für die Moderation: Fakten sind 2').waitFor();
    await page.locator('#language-select').selectOption('en');
    // Never on a phone or the screen.
    const seen = JSON.stringify([screen.frames, ...phones.map((p) => p.frames)]);
    expect(seen).toContain('If someone does not say no, that means yes.');
    expect(seen).not.toContain('Answer key');

    // Three answers to the first statement, released; the other seven stay unreleased.
    for (const [i, optionId] of ['myth', 'myth', 'not-sure'].entries()) {
      expectOk(await phones[i].send('answer:submit', { promptId: 'silence-means-yes', clientId: randomUUID(), value: { kind: 'single', optionId } }));
    }
    expectOk(await host.send('prompt:close', {}));
    expectOk(await host.send('results:release', {}));
    expectOk(await host.send('session:end', {}));
    const summaryDate = ((await facilitator.api.get(`/api/sessions/${sessionId}/summary`)).body as SessionSummary).date;
    expect(summaryDate).toBe(new Date().toISOString().slice(0, 10));

    await page.goto(`${server.url}/console/sessions/${sessionId}/summary`);
    await page.getByRole('heading', { name: 'Summary: Consent: myth or fact?' }).waitFor();
    const day = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${summaryDate}T00:00:00Z`));
    await page.getByText(`held on ${day}`).waitFor();
    // Nothing here reads like a consent record.
    await expect(page.getByTestId('not-consent').textContent()).resolves.toContain('anyone can change their mind at any time');
    await browsing.shot(page, 'exports-summary');

    const download = async (button: string) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
      return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
    };
    const csv = await download('Download CSV');
    expect(csv.name).toBe(`Consent myth or fact ${summaryDate}.csv`);
    const [header, ...rows] = csvRows(csv.text);
    expect(header.slice(0, 9)).toEqual(['Date', 'No.', 'Prompt', 'Type', 'Item', 'Answered', 'Passed', 'Count', 'Share']);
    expect(rows.map((r) => r.slice(0, 9))).toEqual([
      [summaryDate, '1', 'If someone does not say no, that means yes.', 'Single choice', '', '3', '0', '', ''],
      [summaryDate, '1', 'If someone does not say no, that means yes.', 'Single choice', 'Myth', '', '', '2', '67%'],
      [summaryDate, '1', 'If someone does not say no, that means yes.', 'Single choice', 'Fact', '', '', '0', '0%'],
      [summaryDate, '1', 'If someone does not say no, that means yes.', 'Single choice', 'Not sure', '', '', '1', '33%'],
      [summaryDate, '', '', '', '', '', '', '', ''],
    ]);
    expect(rows[rows.length - 1][header.indexOf('Note')]).toMatch(/^Not a record of consent: .* anyone can change their mind at any time\.$/);

    const md = await download('Download Markdown');
    expect(md.name).toBe(`Consent myth or fact ${summaryDate}.md`);
    expect(md.text).toMatch(new RegExp(`^# Consent: myth or fact\\?\\n\\nGroup session on ${summaryDate}\\. 1 of 8 prompts have released results`));
    expect(md.text).toContain('*Not a record of consent: these answers say how people felt when they gave them');
    expect(md.text).toContain('## 1. If someone does not say no, that means yes.\n\n*Single choice.* 3 people answered, 0 people passed.');
    expect(md.text).toContain('| Item | Count | Share |\n|---|---|---|\n| Myth | 2 | 67% |');
    for (const text of [csv.text, md.text]) {
      expect(text).not.toMatch(/\d{2}:\d{2}/);
      expect(text).not.toMatch(/\bynm\b|"single"|not-sure/);
    }
  }, 60_000);
});
