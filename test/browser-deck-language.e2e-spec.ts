import { AxeBuilder } from '@axe-core/playwright';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { DESKTOP, PHONE, SHOTS, signUpInBrowser, test, type Browsing } from './browser-utils.js';
import { connect, send, type ClientSocket } from './live-client.js';
import { createSession, expectOk, joinSession, signUp, type RunningServer } from './utils.js';

// A built-in deck in a German browser: the deck's own German reaches the join page, the question, the
// projector, the results and solo mode, and switching to English shows the deck's English again. (The
// buttons are found by role or class: their German is another suite's business.)
describe('deck content in the language of the page', () => {
  let server: RunningServer;
  let browsing: Browsing;
  const sockets: ClientSocket[] = [];

  test.beforeAll(({ server: running, browsing: opened }) => {
    server = running;
    browsing = opened;
  });

  afterAll(() => sockets.forEach((s) => s.close()));

  it('shows a German phone, projector and solo page the German of a built-in deck', async () => {
    const f = await signUp(server.url);
    const created = await createSession(f, 3, 'consent-and-boundaries');
    const facilitator = await connect(server.url, { role: 'facilitator', sessionId: created.state.id }, f.cookie);
    sockets.push(facilitator.socket);

    const phone = await browsing.newPage({ ...PHONE, locale: 'de-DE' });
    await phone.goto(`${server.url}/j/${created.state.code}`);
    await phone.getByRole('heading', { name: 'Konsens und Grenzen' }).waitFor();
    await phone.getByText('Diese Fragen handeln von Nähe, Berührung und Intimität').waitFor();
    await phone.getByRole('checkbox').check();
    await phone.locator('form button[type="submit"]').click();
    await phone.locator('.session-name', { hasText: 'Konsens und Grenzen' }).waitFor();

    const screen = await browsing.newPage({ ...DESKTOP, locale: 'de-DE' });
    await screen.goto(`${server.url}/screen/${created.state.id}#${created.screenToken}`);

    expectOk(await send(facilitator.socket, 'prompt:open', { promptId: 'yes-maybe-no' }));
    await phone.getByText('Diese Liste erwähnt körperliche und sexuelle Nähe sowie Safer Sex').waitFor();
    await phone.locator('.content-gate button.primary').click();
    await phone.getByRole('heading', { name: 'Was ist für dich ein Ja, ein Vielleicht oder ein Nein?' }).waitFor();
    await phone.getByRole('heading', { name: 'Berührung und Nähe' }).waitFor();
    await phone.getByRole('radiogroup', { name: 'Umarmungen', exact: true }).waitFor();
    await screen.getByRole('heading', { name: 'Was ist für dich ein Ja, ein Vielleicht oder ein Nein?' }).waitFor();

    // Three other phones answer, so that the result reaches k.
    for (let i = 0; i < 3; i += 1) {
      const seat = await joinSession(server.url, created.state.code);
      const other = await connect(server.url, { role: 'participant', token: seat.token });
      sockets.push(other.socket);
      expectOk(
        await send(other.socket, 'answer:submit', { promptId: 'yes-maybe-no', clientId: randomUUID(), value: { kind: 'ynm', items: { hugs: 'yes' } } }),
      );
    }
    expectOk(await send(facilitator.socket, 'prompt:close', {}));
    expectOk(await send(facilitator.socket, 'results:release', {}));
    await phone.getByRole('row', { name: /^Umarmungen/ }).waitFor();

    // Switching the page to English shows the deck's own text, with nothing reloaded.
    await phone.locator('#language-select').selectOption('en');
    await phone.getByRole('heading', { name: 'What feels like a yes, a maybe or a no for you?' }).waitFor();
    await phone.getByRole('row', { name: /^Hugs/ }).waitFor();
    await phone.locator('.session-name', { hasText: 'Consent and boundaries' }).waitFor();
    // And back: the server sends a phone its own language only, so the page fetches the German again.
    await phone.locator('#language-select').selectOption('de');
    await phone.getByRole('row', { name: /^Umarmungen/ }).waitFor();
    await phone.locator('.session-name', { hasText: 'Konsens und Grenzen' }).waitFor();

    const solo = await browsing.newPage({ ...PHONE, locale: 'de-DE' });
    await solo.goto(`${server.url}/solo`);
    await solo.getByRole('heading', { name: 'Aftercare-Vorlieben' }).waitFor();
    await solo.goto(`${server.url}/solo/workshop-check-in`);
    await solo.locator('.session-name', { hasText: 'Check-in und Check-out im Workshop' }).waitFor();
  });

  // The interface itself in German: chosen from the browser's language, marked as German for screen
  // readers and hyphenation, accessible (axe, WCAG 2.2 AA), and a switch to English is remembered.
  it('speaks German to a German browser, passes axe in German, and remembers a switch to English', async () => {
    const violations = async (page: Page) =>
      (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations.map(
        (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
      );
    const f = await signUp(server.url);
    const created = await createSession(f, 3, 'communication-styles');
    const facilitator = await connect(server.url, { role: 'facilitator', sessionId: created.state.id }, f.cookie);
    sockets.push(facilitator.socket);

    const phone = await browsing.newPage({ ...PHONE, locale: 'de-DE' });
    await phone.goto(server.url);
    await phone.getByRole('heading', { name: 'An einer Sitzung teilnehmen' }).waitFor();
    await expect(phone.evaluate(() => document.documentElement.lang)).resolves.toBe('de');
    await expect(violations(phone)).resolves.toEqual([]);
    await browsing.shot(phone, 'phone-de-home');

    await phone.getByLabel('Beitrittscode').fill(created.state.code);
    await phone.getByRole('button', { name: 'Teilnehmen', exact: true }).click();
    await phone.getByLabel('Ich habe das gelesen und möchte teilnehmen').check();
    await expect(violations(phone)).resolves.toEqual([]);
    await browsing.shot(phone, 'phone-de-join');
    await phone.getByRole('button', { name: 'Sitzung beitreten' }).click();
    await phone.getByRole('heading', { name: 'Warten, bis die Moderation beginnt' }).waitFor();

    expectOk(await send(facilitator.socket, 'prompt:open', { promptId: 'directness' }));
    await phone.getByRole('heading', { name: 'Wie sollen andere dir am liebsten ihre Wünsche und Grenzen sagen?' }).waitFor();
    await phone.getByRole('button', { name: 'Frage überspringen' }).waitFor();
    await expect(violations(phone)).resolves.toEqual([]);
    await browsing.shot(phone, 'phone-de-scale');

    // The switcher, then a reload: English stays.
    await phone.getByLabel('Sprache').selectOption('en');
    await expect(phone.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
    await phone.reload();
    await phone.getByLabel('Language').waitFor();
    await expect(phone.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
    await phone.getByRole('heading', { name: 'How do you like other people to tell you their wishes and limits?' }).waitFor();
    await phone.getByRole('button', { name: 'Pass this question' }).waitFor();
  });

  // The deck editor tells a facilitator which German no longer matches its English, and keeps telling after
  // a save and a reload until the German is edited or confirmed.
  it('marks German as needing an update when the English changes, and up to date once it is edited, through a save and a reload', async () => {
    const page = await browsing.newPage(DESKTOP);
    await signUpInBrowser(page, server.url, 'translations');
    const copy = await page.request.post(`${server.url}/api/decks`, { data: { copyOf: 'workshop-check-in' } });
    const deckId = ((await copy.json()) as { deck: { id: string } }).deck.id;
    await page.goto(`${server.url}/console/decks/${deckId}/edit`);
    await page.getByText('Every prompt has its German.').waitFor();
    const first = page.locator('.prompt-editor').first();
    const second = page.locator('.prompt-editor').nth(1);
    await expect(first.locator('.translation-status').textContent()).resolves.toBe('✓ German: up to date');

    await first.getByLabel('Question', { exact: true }).fill('How much energy do you have this morning?');
    await first.getByText('German: needs update — the English changed').waitFor();
    await page.getByText('1 prompt needs German: number 1.').waitFor();
    await first.getByText('Edit the German of prompt 1').click();
    // The German beside the English it translates.
    await first.getByText('English: How much energy do you have this morning?').waitFor();
    await expect(first.getByLabel('Question in German').inputValue()).resolves.toBe('Wie viel Energie hast du gerade?');
    await browsing.shot(page, 'deck-editor-translation-stale');
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).include('.prompt-translations').include('.translation-summary').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
    // The prompt and the summary up close, for a person to look at.
    await first.locator('.prompt-translations').screenshot({ path: join(SHOTS, 'deck-editor-translation-prompt.png') });
    await page.locator('.translation-summary').screenshot({ path: join(SHOTS, 'deck-editor-translation-summary.png') });

    await first.getByLabel('Question in German').fill('Wie viel Energie hast du heute Morgen?');
    await first.getByText('German: up to date').waitFor();
    // The second prompt's English changes too, but its German stays as it was.
    await second.getByLabel('Question', { exact: true }).fill('How comfortable are you with today’s topic?');
    await second.getByText('German: needs update — the English changed').waitFor();
    await page.getByRole('button', { name: 'Save deck' }).click();
    await page.getByText('All changes saved').waitFor();

    await page.reload();
    await page.getByText('1 prompt needs German: number 2.').waitFor();
    await expect(first.locator('.translation-status').textContent()).resolves.toBe('✓ German: up to date');
    await first.getByText('Edit the German of prompt 1').click();
    await expect(first.getByLabel('Question in German').inputValue()).resolves.toBe('Wie viel Energie hast du heute Morgen?');
    await second.getByText('German: needs update — the English changed').waitFor();

    // The German still fits: confirming it is enough.
    await second.getByRole('button', { name: 'Mark the German of prompt 2 as up to date' }).click();
    await second.getByText('German: up to date').waitFor();
    await page.getByText('Every prompt has its German.').waitFor();
    await browsing.shot(page, 'deck-editor-translation-current');
    await page.getByRole('button', { name: 'Save deck' }).click();
    await page.getByText('All changes saved').waitFor();
    await page.reload();
    await page.getByText('Every prompt has its German.').waitFor();
    await expect(second.locator('.translation-status').textContent()).resolves.toBe('✓ German: up to date');

    // In German, the editor says the same in German.
    await page.locator('#language-select').selectOption('de');
    await page.getByText('Jede Frage ist übersetzt (Deutsch).').waitFor();
    await expect(first.locator('.translation-status').textContent()).resolves.toBe('✓ Deutsch: aktuell');
  });
});
