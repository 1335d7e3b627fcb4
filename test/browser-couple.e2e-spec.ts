import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE, test, type Browsing } from './browser-utils.js';
import type { RunningServer } from './utils.js';

const NOT_A_MATCH = 'if you said yes to something and it is not a match, your partner did not say yes';

describe('a couple on two phones, and one person on their own', () => {
  let server: RunningServer;
  let browsing: Browsing;
  // Downloads are on for the solo summary's files.
  const newPage = () => browsing.newPage({ ...PHONE, acceptDownloads: true });
  const shot = (page: Page, name: string) => browsing.shot(page, name);

  test.beforeAll(({ server: running, browsing: opened }) => {
    server = running;
    browsing = opened;
  });

  it('starts from the home page, lets the partner in by link and nobody else, and reveals only what both share', async () => {
    // How many items the list has, from the deck file the client serves for solo mode.
    const deckFile = (await (await fetch(`${server.url}/decks/consent-and-boundaries.json`)).json()) as {
      deck: { prompts: { items?: unknown[] }[] };
    };
    const itemCount = deckFile.deck.prompts[0].items?.length ?? 0;
    expect(itemCount).toBeGreaterThan(4);

    const mine = await newPage();
    await mine.goto(server.url);
    await mine.getByRole('radio', { name: /^Consent and boundaries/ }).check();
    await mine.getByText('your partner did not say yes').waitFor();
    await mine.getByLabel('I have read this and want to start').check();
    await mine.getByRole('button', { name: 'Start a couple session' }).click();
    await mine.getByRole('heading', { name: 'Share this code with your partner' }).waitFor();
    const link = await mine.getByLabel('Link for your partner').inputValue();
    expect(link).toMatch(/\/j\/[A-Z2-9]{6}$/);
    await mine.getByAltText('QR code to join').waitFor();
    await shot(mine, 'couple-share-code');

    const partner = await newPage();
    await partner.goto(link);
    await partner.getByRole('heading', { name: 'Your privacy, in plain words' }).waitFor();
    await partner.getByText('if you said yes and it is not a match, your partner did not say yes').waitFor();
    await shot(partner, 'couple-join-privacy');
    await partner.getByLabel('I have read this and want to join').check();
    await partner.getByRole('button', { name: 'Join session' }).click();
    for (const phone of [mine, partner]) await phone.getByRole('heading', { name: "You're both here" }).waitFor();

    // A third person with the link is turned away with a clear message.
    const third = await newPage();
    await third.goto(link);
    await third.getByLabel('I have read this and want to join').check();
    await third.getByRole('button', { name: 'Join session' }).click();
    await third.getByRole('alert').getByText('Both seats in this couple session are already taken').waitFor();

    // Either partner moves on.
    await partner.getByRole('button', { name: 'Next question' }).click();
    const answers = [
      { Hugs: 'Yes', Kissing: 'Yes', Cuddling: 'Maybe', Massage: 'Yes' },
      { Hugs: 'Yes', Kissing: 'No', Cuddling: 'Yes', Massage: 'Pass' },
    ];
    // Each partner's list comes in an order of their own, kept across a reload.
    const orders: string[][] = [];
    for (const [i, phone] of [mine, partner].entries()) {
      await phone.getByRole('button', { name: 'Show the question' }).click();
      await phone.getByText('Your partner sees only what you share').waitFor();
      const order = await phone.locator('.ynm-label').allTextContents();
      orders.push(order);
      if (i === 0) {
        await phone.reload();
        await phone.getByRole('button', { name: 'Show the question' }).click();
        await expect(phone.locator('.ynm-label').allTextContents()).resolves.toEqual(order);
      }
      for (const [item, choice] of Object.entries(answers[i])) {
        await phone.getByRole('radiogroup', { name: item, exact: true }).getByRole('radio', { name: choice }).check();
      }
      await phone.getByRole('button', { name: 'Save answers' }).click();
      // Four of the list saved: the phone says what the rest will count as before "I'm finished".
      await phone.getByText(`${itemCount - 4} items have no answer yet. If you finish now, they count as not shared.`).waitFor();
      if (i === 1) await partner.getByRole('status').getByText('Your partner has finished.').waitFor();
      await phone.getByRole('button', { name: "I'm finished" }).click();
      if (i === 0) {
        await mine.getByRole('status').getByText('You said you are finished. Waiting for your partner to finish too.').waitFor();
        await shot(mine, 'couple-finished-waiting');
        // Taken back and said again: nothing is revealed meanwhile.
        await mine.getByRole('button', { name: 'Not finished yet' }).click();
        await mine.getByRole('button', { name: "I'm finished" }).click();
        await mine.getByRole('button', { name: 'Not finished yet' }).waitFor();
        await expect(mine.getByRole('region', { name: 'Matches' }).count()).resolves.toBe(0);
      }
    }

    expect(orders[0]).toHaveLength(itemCount);
    expect([...orders[1]].sort()).toEqual([...orders[0]].sort());
    expect(orders[1]).not.toEqual(orders[0]);

    // The same reveal on both phones: one match, one to explore, and the rest only counted.
    for (const [i, phone] of [mine, partner].entries()) {
      const matches = phone.getByRole('region', { name: 'Matches' });
      await matches.waitFor();
      await expect(matches.getByRole('listitem').first().textContent()).resolves.toMatch(/^Hugs/);
      await expect(phone.getByRole('region', { name: 'Worth exploring' }).getByText(/^Cuddling/).count()).resolves.toBe(1);
      await expect(phone.getByTestId('not-shared').textContent()).resolves.toBe(`${itemCount - 2} items not shared`);
      await phone.getByRole('note').getByText(NOT_A_MATCH).waitFor();
      await expect(phone.getByText(/^(Kissing|Massage)/).count()).resolves.toBe(0);
      await shot(phone, `couple-reveal-${i === 0 ? 'starter' : 'partner'}`);
    }

    // The last prompt (one choice, mutual-only): the same option on both phones.
    await mine.getByRole('button', { name: 'Next question' }).click();
    for (const phone of [mine, partner]) {
      await phone.getByRole('radio', { name: 'With a written list, like this one' }).check();
      await phone.getByRole('button', { name: 'Save answer' }).click();
      await phone.getByRole('button', { name: "I'm finished" }).click();
    }
    for (const phone of [mine, partner]) {
      await phone.getByRole('heading', { name: 'You both chose' }).waitFor();
      await phone.getByText('That was the last question.').waitFor();
    }
    await partner.getByRole('button', { name: 'End session' }).click();
    await partner.getByRole('button', { name: 'Yes, end it for both of us' }).click();
    for (const phone of [mine, partner]) await phone.getByRole('heading', { name: 'The session has ended. Thank you both.' }).waitFor();
  });

  it('runs a deck alone without sending anything to the API or a socket', async () => {
    const page = await newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));

    await page.goto(server.url);
    await page.getByRole('link', { name: 'Reflect on your own' }).click();
    await page.getByRole('link', { name: 'Begin on my own: Consent and boundaries' }).click();
    await page.getByRole('heading', { name: 'Just for you' }).waitFor();
    await page.getByRole('button', { name: 'Begin' }).click();
    await page.getByRole('button', { name: 'Show the question' }).click();
    for (const [item, choice] of Object.entries({ Hugs: 'Yes', Kissing: 'Maybe', Cuddling: 'Yes', Massage: 'No' })) {
      await page.getByRole('radiogroup', { name: item, exact: true }).getByRole('radio', { name: choice }).check();
    }
    await page.getByRole('button', { name: 'Save answers' }).click();
    await page.getByRole('radio', { name: 'In a calm conversation beforehand' }).check();
    await page.getByRole('button', { name: 'Save answer' }).click();

    await page.getByRole('heading', { name: 'Your answers' }).waitFor();
    const list = page.getByRole('region', { name: /^1\. / });
    await expect(list.getByRole('list').first().getByRole('listitem').allTextContents()).resolves.toEqual(['Hugs', 'Cuddling']);
    await page.getByText('In a calm conversation beforehand').waitFor();
    await shot(page, 'solo-summary');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download as text' }).click()]);
    expect(download.suggestedFilename()).toBe('candor-consent-and-boundaries-my-answers.md');
    const markdown = readFileSync(await download.path(), 'utf8');
    expect(markdown).toContain('# Consent and boundaries: my answers');
    expect(markdown).toContain('**Maybe**\n\n- Kissing');

    // Not kept unless the person chooses; forgotten at once when they ask.
    const stored = () => page.evaluate(() => Object.keys(localStorage));
    await expect(stored()).resolves.toEqual([]);
    await page.getByRole('button', { name: 'Keep on this device' }).click();
    await expect(stored()).resolves.toEqual(['candor:solo:consent-and-boundaries']);
    await page.getByRole('button', { name: 'Forget it now' }).click();
    await expect(stored()).resolves.toEqual([]);

    await page.emulateMedia({ media: 'print' });
    await shot(page, 'solo-summary-print');

    // Only the page, its scripts and styles, and the static deck files: no API call, no socket.
    expect(requests.filter((path) => path.startsWith('/api') || path.startsWith('/socket.io'))).toEqual([]);
    expect(requests.filter((path) => !(path === '/' || path.startsWith('/assets/') || path.startsWith('/decks/')))).toEqual([]);
    expect(requests).toContain('/decks/consent-and-boundaries.json');
  });

  it('judges kept answers and deck files from this device with the shared deck schema, loaded only in solo mode', async () => {
    const page = await newPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.endsWith('.js')) scripts.push(path);
    });
    const schemaLoaded = () => scripts.some((path) => path.startsWith('/assets/deck-schema-'));
    const { deck } = (await (await fetch(`${server.url}/decks/consent-and-boundaries.json`)).json()) as {
      deck: { id: string; title: string; prompts: { id: string; items?: { category?: string }[] }[] };
    };

    // A join link's page does not load the schema.
    await page.goto(`${server.url}/j/ABCDEF`);
    await page.getByRole('heading').first().waitFor();
    expect(scripts.length).toBeGreaterThan(0);
    expect(schemaLoaded()).toBe(false);

    // Two kept records: one as this page keeps them (with an answer the schema refuses), one whose deck has an
    // empty category, which the server would refuse too.
    const drifted = structuredClone(deck);
    drifted.id = 'drifted';
    drifted.title = 'Drifted deck';
    (drifted.prompts[0].items ?? [])[0].category = '';
    const [first, second] = deck.prompts.map((prompt) => prompt.id);
    await page.evaluate(
      ([good, bad, firstId, secondId]) => {
        const kept = (d: unknown) =>
          JSON.stringify({ format: 'candor-solo-kept', version: 1, deck: d, answers: { [firstId]: { kind: 'pass' }, [secondId]: { kind: 'scale', value: 1.5 } } });
        localStorage.setItem('candor:solo:consent-and-boundaries', kept(good));
        localStorage.setItem('candor:solo:drifted', kept(bad));
      },
      [deck, drifted, first, second] as const,
    );

    await page.goto(`${server.url}/solo`);
    const keptList = page.getByRole('region', { name: 'Kept on this device' });
    await keptList.getByText(deck.title).waitFor();
    expect(schemaLoaded()).toBe(true);
    await expect(keptList.getByRole('listitem').count()).resolves.toBe(1);

    // The kept copy is offered with the deck, and opens at its summary: the pass kept, the refused answer not.
    await page.goto(`${server.url}/solo/consent-and-boundaries`);
    await page.getByRole('heading', { name: 'You kept answers for this deck on this device' }).waitFor();
    await page.getByRole('button', { name: 'Open my kept answers' }).click();
    await page.getByRole('heading', { name: 'Your answers' }).waitFor();
    await page.getByText('You passed this question.').waitFor();
    await expect(page.getByText('Not answered.').count()).resolves.toBe(deck.prompts.length - 1);

    // A deck file chosen from this device: refused when the server would refuse it, else run.
    await page.goto(`${server.url}/solo`);
    const chooseFile = (file: unknown) =>
      page.getByLabel('Deck file (.json)').setInputFiles({ name: 'deck.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await chooseFile({ format: 'candor-deck', version: 1, deck: drifted });
    await page.getByRole('alert').getByText('This file is not a Candor deck file, or it is from a version this page cannot read.').waitFor();
    await chooseFile({ format: 'candor-deck', version: 1, deck });
    await page.getByRole('heading', { name: 'Just for you' }).waitFor();
  });
});
