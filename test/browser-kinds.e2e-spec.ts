import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { DESKTOP, PHONE, signUpInBrowser, test } from './browser-utils.js';
import { ROOT } from './utils.js';

const FIXTURE = join(ROOT, 'test/fixtures/every-kind.deck.json');
const cells = (row: Locator) => row.getByRole('cell').allTextContents();

describe('every prompt kind in the browser: deck import and editing, answering, moderation, results, summary', () => {
  test('runs one prompt of each kind through three phones and shows discussion-ready results', async ({ server, browsing }) => {
    const { newPage, shot } = browsing;
    const facilitator = await newPage(DESKTOP);
    await signUpInBrowser(facilitator, server.url, 'kinds');

    // A broken file is refused with every problem listed, and creates nothing.
    await facilitator.getByRole('link', { name: 'Deck library' }).click();
    await facilitator.getByRole('heading', { name: 'Your decks' }).waitFor();
    const broken = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { deck: { prompts: Record<string, unknown>[] } };
    broken.deck.prompts[4].max = 40;
    broken.deck.prompts[5].options = [{ id: 'same', label: 'A' }, { id: 'same', label: 'B' }];
    const brokenPath = join(mkdtempSync(join(tmpdir(), 'candor-deck-')), 'broken.json');
    writeFileSync(brokenPath, JSON.stringify(broken));
    await facilitator.getByLabel('Import deck file').setInputFiles(brokenPath);
    const alert = facilitator.getByRole('alert');
    await alert.getByText('was not imported, and nothing was created').waitFor();
    const issues = await alert.getByRole('listitem').allTextContents();
    expect(issues.length).toBeGreaterThanOrEqual(2);
    // Each problem names the prompt it is about.
    expect(issues.some((issue) => issue.startsWith('Prompt 5 (“How easy is it for you to ask for what you need?”), highest value:'))).toBe(true);
    expect(issues.some((issue) => issue.startsWith('Prompt 6 (“What helps you most after an intense conversation?”), options:'))).toBe(true);
    // Each problem is a sentence, never the schema's own words.
    expect(issues.join(' ')).not.toMatch(/Too big|Too small|expected|Invalid/);
    expect(issues.every((issue) => /[.!?]$/.test(issue))).toBe(true);
    await expect(facilitator.getByText('None yet.').isVisible()).resolves.toBe(true);
    await shot(facilitator, 'kinds-import-refused');

    await facilitator.getByLabel('Import deck file').setInputFiles(FIXTURE);
    await facilitator.getByText('Imported “Every kind” with 8 prompts.').waitFor();
    await facilitator.getByRole('button', { name: 'Export: Every kind' }).waitFor();

    await facilitator.getByRole('link', { name: '← Console' }).click();
    await facilitator.getByLabel('Privacy threshold (k)').fill('3');
    await facilitator.getByRole('button', { name: 'Start session: Every kind' }).click();
    await facilitator.waitForURL('**/console/sessions/*');
    const code = (await facilitator.locator('.join-code').textContent())?.trim() ?? '';
    expect(code).toMatch(/^[A-Z2-9]{6}$/);

    const presenterLink = await facilitator.getByLabel('Presenter link').inputValue();
    const screen = await newPage({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    await screen.goto(presenterLink);
    await screen.getByText(code).first().waitFor();

    const phones: Page[] = [];
    for (let i = 0; i < 3; i += 1) {
      const phone = await newPage(PHONE);
      await phone.goto(`${server.url}/j/${code}`);
      await phone.getByLabel('I have read this and want to join').check();
      await phone.getByRole('button', { name: 'Join session' }).click();
      await phone.getByRole('heading', { name: 'Waiting for the facilitator to start' }).waitFor();
      phones.push(phone);
    }
    await facilitator.getByTestId('answered').getByText(/of 3/).waitFor();

    // The three phones answer at the same time, as in a room.
    const eachPhone = (work: (phone: Page, i: number) => Promise<void>) => Promise.all(phones.map(work));
    const open = async (title: string) => {
      await facilitator.getByRole('button', { name: 'Open next prompt' }).click();
      await facilitator.getByTestId('phase').getByText('Prompt open').waitFor();
      await eachPhone((phone) => phone.getByRole('heading', { name: title }).waitFor());
    };
    const saved = (phone: Page) => phone.getByTestId('save-status').getByText('Saved').waitFor();
    const close = async () => {
      await facilitator.getByTestId('answered').getByText('3 of 3 answered').waitFor();
      await facilitator.getByRole('button', { name: 'Close prompt' }).click();
      await facilitator.getByTestId('phase').getByText('Prompt closed').waitFor();
    };
    const release = async (kind: string) => {
      await facilitator.getByRole('button', { name: 'Release results' }).click();
      await facilitator.getByTestId('phase').getByText('Results released').waitFor();
      for (const page of [screen, phones[0]]) await page.locator(`.result[data-kind="${kind}"]`).waitFor();
      // The chart chunk arrives lazily: wait for the canvas before the screenshots.
      if (kind !== 'ynm' && kind !== 'text') await screen.locator('.result canvas').first().waitFor();
    };
    const screenshots = async (name: string) => {
      await shot(screen, `kinds-${name}-screen`);
      await shot(phones[0], `kinds-${name}-phone`);
    };
    // The facilitator's result as a table: the accessible toggle, then the rows.
    const tableRow = async (name: string | RegExp, nth = 0) => {
      const toggles = facilitator.getByRole('button', { name: 'Show as table' });
      while ((await toggles.count()) > 0) await toggles.first().click();
      return facilitator.locator('.result').getByRole('row', { name }).nth(nth);
    };
    const chartLabel = async (page: Page) => (await page.locator('.result canvas').first().getAttribute('aria-label')) ?? '';

    // 1. Check-in at the start.
    await open('How much energy do you bring today?');
    await eachPhone(async (phone, i) => {
      const level = ['Running low', 'Steady', 'Steady'][i];
      await phone.getByRole('radio', { name: level }).check();
      await phone.getByRole('button', { name: 'Save answer' }).click();
      await saved(phone);
    });
    await close();
    await release('checkin');
    expect(await chartLabel(screen)).toContain('Steady: 2 people (67%)');
    await expect(cells(await tableRow(/^Running low/))).resolves.toEqual(['1', '33%']);
    await expect(cells(await tableRow(/^Steady/))).resolves.toEqual(['2', '67%']);
    await screenshots('checkin-start');

    // 2. Yes / maybe / no inventory.
    await open('Which kinds of aftercare feel like a yes for you?');
    const inventory = [
      { 'Cuddling or being held': 'Yes', 'Quiet time together': 'Yes', 'A snack and a glass of water': 'Maybe' },
      { 'Cuddling or being held': 'Yes', 'Quiet time together': 'No', 'A snack and a glass of water': 'Maybe' },
      { 'Cuddling or being held': 'Yes', 'Quiet time together': 'Yes', 'A snack and a glass of water': 'No' },
    ];
    await eachPhone(async (phone, i) => {
      for (const [item, choice] of Object.entries(inventory[i])) {
        await phone.getByRole('radiogroup', { name: item }).getByRole('radio', { name: choice }).check();
      }
      await phone.getByRole('button', { name: 'Save answers' }).click();
      await saved(phone);
    });
    await close();
    await release('ynm');
    const group = (name: string) => facilitator.locator('.result-group', { has: facilitator.getByRole('heading', { name, exact: true }) });
    await expect(group('Agreed yes').getByRole('listitem').allTextContents()).resolves.toEqual(['Cuddling or being held · 100% yes']);
    await group('Agreed no').getByText('None').waitFor();
    await expect(group('Split').getByRole('listitem').allTextContents()).resolves.toEqual(['Quiet time together · 67% yes, 33% no']);
    await expect(group('Most maybe').getByRole('listitem').allTextContents()).resolves.toEqual(['A snack and a glass of water · 67% maybe']);
    // The formula is the console's, behind "How is this computed?"; the room and the phones never see it.
    await facilitator.getByText('How is this computed?').click();
    await facilitator.getByText(/polarisation = 4 × share of yes × share of no/).waitFor();
    for (const page of [screen, phones[0]]) await expect(page.locator('main').textContent()).resolves.not.toMatch(/polari/i);
    await expect(cells(facilitator.getByRole('row', { name: /^Quiet time together/ }))).resolves.toEqual(['2', '0', '1', '0']);
    await screenshots('ynm');

    // 3. Single choice.
    await open('How do you like to process a workshop like this?');
    await eachPhone(async (phone, i) => {
      const option = ['Talking it through', 'Talking it through', 'Writing it down'][i];
      await phone.getByRole('radio', { name: option }).check();
      await phone.getByRole('button', { name: 'Save answer' }).click();
      await saved(phone);
    });
    await close();
    await release('single');
    expect(await chartLabel(screen)).toBe(
      'Bar chart of 3 people answering. Talking it through: 2 people (67%); Writing it down: 1 person (33%); Going for a walk: 0 people (0%).',
    );
    await screen.getByText('Most often chosen: Talking it through (67%).').waitFor();
    await expect(cells(await tableRow(/^Talking it through/))).resolves.toEqual(['2', '67%']);
    await expect(cells(await tableRow(/^Going for a walk/))).resolves.toEqual(['0', '0%']);
    await screenshots('single');

    // 4. Multiple choice, at most two picks: a third is refused on the phone.
    await open('Which kinds of care matter most to you?');
    await phones[0].getByRole('checkbox', { name: 'Touch' }).check();
    await phones[0].getByRole('checkbox', { name: 'Kind words' }).check();
    // aria-disabled, not disabled: it stays focusable and clickable, and a click explains the limit.
    await phones[0].getByRole('checkbox', { name: 'Space to myself' }).click({ force: true });
    await phones[0].getByText('You can pick up to 2. Untick one to choose another.').waitFor();
    await expect(phones[0].getByRole('checkbox', { name: 'Space to myself' }).isChecked()).resolves.toBe(false);
    await shot(phones[0], 'kinds-multiple-refused-phone');
    const picks = [[], ['Kind words', 'Space to myself'], ['Kind words']];
    await eachPhone(async (phone, i) => {
      for (const option of picks[i]) await phone.getByRole('checkbox', { name: option }).check();
      await phone.getByRole('button', { name: 'Save answer' }).click();
      await saved(phone);
    });
    await close();
    await release('multiple');
    expect(await chartLabel(screen)).toContain('Kind words: 3 people (100%)');
    await facilitator.getByText('can add up to more than 100%').waitFor();
    await expect(cells(await tableRow(/^Kind words/))).resolves.toEqual(['3', '100%']);
    await expect(cells(await tableRow(/^Touch/))).resolves.toEqual(['1', '33%']);
    await expect(cells(await tableRow(/^Food and drink/))).resolves.toEqual(['0', '0%']);
    await screenshots('multiple');

    // 5. Scale 1–5.
    await open('How easy is it for you to ask for what you need?');
    await eachPhone(async (phone, i) => {
      const value = ['2', '4', '4'][i];
      await phone.getByRole('radio', { name: value, exact: true }).check();
      await phone.getByRole('button', { name: 'Save answer' }).click();
      await saved(phone);
    });
    await close();
    await release('scale');
    await expect(facilitator.getByTestId('scale-median').textContent()).resolves.toBe('4');
    await expect(facilitator.getByTestId('scale-mean').textContent()).resolves.toBe('3.3');
    await expect(facilitator.getByTestId('scale-spread').textContent()).resolves.toBe('0.9');
    expect(await chartLabel(screen)).toContain('1 (Very hard): 0 people; 2: 1 person; 3: 0 people; 4: 2 people; 5 (Very easy): 0 people');
    await expect(cells(await tableRow(/^4 /))).resolves.toEqual(['2']);
    await screenshots('scale');

    // 6. Ranking: the first phone keeps the given order, the others move one option each.
    await open('What helps you most after an intense conversation?');
    // Dragging by the handle reorders too; the first phone drags one option to the top and moves it back.
    const rows = phones[0].locator('.ranking li');
    const handle = await rows.nth(2).locator('.drag-handle').boundingBox();
    const target = await rows.nth(0).boundingBox();
    if (!handle || !target) throw new Error('ranking rows are not laid out');
    await phones[0].mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await phones[0].mouse.down();
    await phones[0].mouse.move(handle.x + handle.width / 2, target.y + target.height / 2, { steps: 8 });
    await phones[0].mouse.up();
    await expect(phones[0].locator('.ranking .rank-label').allTextContents()).resolves.toEqual([
      'Something to eat',
      'Time to rest',
      'Someone to talk to',
    ]);
    await phones[0].getByRole('button', { name: 'Move Something to eat down' }).click();
    await phones[0].getByRole('button', { name: 'Move Something to eat down' }).click();
    await phones[1].getByRole('button', { name: 'Move Something to eat up' }).click();
    await phones[2].getByRole('button', { name: 'Move Someone to talk to up' }).click();
    // Focus stays on the moved option's button, so a keyboard user can keep moving it.
    await expect(phones[1].evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toBe('Move Something to eat up');
    await expect(phones[2].locator('.ranking .rank-label').allTextContents()).resolves.toEqual([
      'Someone to talk to',
      'Time to rest',
      'Something to eat',
    ]);
    await eachPhone(async (phone) => {
      await phone.getByRole('button', { name: 'Save ranking' }).click();
      await saved(phone);
    });
    await close();
    await release('ranking');
    expect(await chartLabel(screen)).toContain('1. Time to rest: Borda score 5, average rank 1.3');
    await expect(cells(await tableRow(/Time to rest/))).resolves.toEqual(['1', '5', '1.3']);
    await expect(cells(await tableRow(/Someone to talk to/))).resolves.toEqual(['2', '3', '2']);
    await expect(cells(await tableRow(/Something to eat/))).resolves.toEqual(['3', '1', '2.7']);
    await screenshots('ranking');

    // 7. Open text behind a content note, then moderation.
    await facilitator.getByRole('button', { name: 'Open next prompt' }).click();
    await eachPhone((phone) => phone.getByRole('heading', { name: 'Before this question' }).waitFor());
    await shot(phones[0], 'kinds-content-note-phone');
    const texts = [
      'I need some quiet time before I can talk',
      'Please check in with me the next day',
      'A warm drink and a blanket help me land',
    ];
    await eachPhone(async (phone, i) => {
      await phone.getByRole('button', { name: 'Show the question' }).click();
      await phone.getByRole('heading', { name: 'One thing you would like a partner to know about your aftercare' }).waitFor();
      await phone.getByLabel('Your answer').fill(texts[i]);
      await phone.getByText(`${texts[i].length} of 140 characters`).waitFor();
      await phone.getByRole('button', { name: 'Save answer' }).click();
      await saved(phone);
    });
    await close();
    await facilitator.getByRole('heading', { name: 'Open-text answers' }).waitFor();
    await facilitator.getByTestId('moderation-counts').getByText('0 approved · 0 hidden · 3 waiting').waitFor();
    await shot(facilitator, 'kinds-moderation');
    await facilitator.getByRole('button', { name: 'Approve: I need some quiet time before…' }).click();
    await facilitator.getByRole('button', { name: 'Approve: Please check in with me the…' }).click();
    await facilitator.getByRole('button', { name: 'Hide: A warm drink and a blanket…' }).click();
    await facilitator.getByTestId('moderation-counts').getByText('2 approved · 1 hidden · 0 waiting').waitFor();
    await release('text');
    const cards = await screen.locator('.text-card').allTextContents();
    expect(cards.sort()).toEqual([texts[0], texts[1]].sort());
    // Approving the third after release reaches the room at once.
    await facilitator.getByRole('button', { name: 'Approve: A warm drink and a blanket…' }).click();
    await screen.locator('.text-card').nth(2).waitFor();
    await expect(screen.locator('.text-card').allTextContents().then((all) => all.sort())).resolves.toEqual([...texts].sort());
    await screen.getByText('3 texts shared.').waitFor();
    await screenshots('text');

    // 8. Check-in at the end, shown beside the start.
    await open('How much energy do you have now?');
    await eachPhone(async (phone, i) => {
      const level = ['Steady', 'Full of energy', 'Full of energy'][i];
      await phone.getByRole('radio', { name: level }).check();
      await phone.getByRole('button', { name: 'Save answer' }).click();
      await saved(phone);
    });
    await close();
    await release('checkin');
    await screen.getByText('Average level went up from 1.7 of 3 at the start to 2.7 of 3 at the end.').waitFor();
    await screen.getByRole('heading', { name: 'At the start' }).waitFor();
    await screen.getByRole('heading', { name: 'At the end' }).waitFor();
    await expect(screen.locator('.result canvas').count()).resolves.toBe(2);
    expect(await screen.locator('.result canvas').nth(1).getAttribute('aria-label')).toContain('Full of energy: 2 people (67%)');
    await expect(cells(await tableRow(/^Full of energy/, 1))).resolves.toEqual(['2', '67%']);
    await expect(cells(await tableRow(/^Running low/, 0))).resolves.toEqual(['1', '33%']);
    await screenshots('checkin-end');

    // The summary: every released result on one page, downloads, and a print layout without buttons.
    await facilitator.getByRole('link', { name: 'Session summary' }).click();
    await facilitator.getByRole('heading', { name: 'Summary: Every kind' }).waitFor();
    await expect(facilitator.locator('.summary-item .result').count()).resolves.toBe(8);
    const [download] = await Promise.all([
      facilitator.waitForEvent('download'),
      facilitator.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv).toContain('Talking it through');
    expect(csv).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    await facilitator.locator('.summary-item canvas').first().waitFor();
    await shot(facilitator, 'kinds-summary');
    await facilitator.emulateMedia({ media: 'print' });
    await expect(facilitator.getByRole('button', { name: 'Download CSV' }).isVisible()).resolves.toBe(false);
    await expect(facilitator.locator('.summary-item .print-only table').first().isVisible()).resolves.toBe(true);
    await shot(facilitator, 'kinds-summary-print');
    // About 35 s on an idle 2-core machine; the margin is for a loaded CI run.
  }, 150_000);

  test('copies a built-in deck, edits it in the deck editor, exports and deletes it', async ({ server, browsing }) => {
    const { newPage, shot } = browsing;
    const page = await newPage(DESKTOP);
    await signUpInBrowser(page, server.url, 'editor');
    await page.goto(`${server.url}/console/decks`);
    await page.getByRole('button', { name: 'Copy to edit: Workshop check-in and check-out' }).click();
    await page.waitForURL('**/console/decks/*/edit');
    const deckId = decodeURIComponent(page.url().split('/').at(-2) ?? '');
    await page.getByLabel('Title', { exact: true }).fill('Our check-in');
    const promptCount = await page.locator('fieldset.prompt-editor').count();

    // A new ranking prompt: focus lands in its question field.
    await page.getByLabel('Kind of prompt').selectOption('ranking');
    await page.getByRole('button', { name: 'Add prompt' }).click();
    const ranking = page.getByRole('group', { name: `Prompt ${promptCount + 1}: Ranking` });
    await expect(page.evaluate(() => document.activeElement?.id.startsWith('title-'))).resolves.toBe(true);
    await page.keyboard.type('What matters most today?');
    for (const [i, label] of ['Time to rest', 'A good talk', 'Time to rest'].entries()) {
      await ranking.getByLabel(`Option ${i + 1}`, { exact: true }).fill(label);
    }
    await ranking.getByRole('button', { name: 'Move option 3 up' }).click();
    // A scale with an impossible range is refused by the server, and the problem names the prompt.
    await page.getByLabel('Kind of prompt').selectOption('scale');
    await page.getByRole('button', { name: 'Add prompt' }).click();
    const scale = page.getByRole('group', { name: `Prompt ${promptCount + 2}: Scale` });
    await scale.getByLabel('Question', { exact: true }).fill('How settled do you feel?');
    await scale.getByLabel('Highest value', { exact: true }).fill('20');
    await page.getByRole('button', { name: 'Save deck' }).click();
    const problem = page.getByRole('alert');
    await problem.getByText('Not saved yet. Please fix these problems:').waitFor();
    await expect(problem.getByRole('listitem').first().textContent()).resolves.toContain(`Prompt ${promptCount + 2} (“How settled do you feel?”)`);
    await shot(page, 'kinds-editor-refused');
    await scale.getByLabel('Highest value', { exact: true }).fill('5');

    // Delete with undo, then move the first prompt down.
    await page.getByRole('button', { name: 'Delete prompt 1' }).click();
    await page.getByRole('button', { name: 'Undo delete' }).click();
    await expect(page.locator('fieldset.prompt-editor').count()).resolves.toBe(promptCount + 2);
    await page.getByRole('button', { name: 'Move prompt 1 down' }).click();
    await page.getByRole('button', { name: 'Save deck' }).click();
    await page.getByText('All changes saved').waitFor();

    const saved = await page.evaluate(async (id) => {
      const response = await fetch(`/api/decks/${encodeURIComponent(id)}`);
      return (await response.json()) as { deck: { title: string; prompts: { id: string; kind: string; options?: { id: string; label: string }[] }[] } };
    }, deckId);
    expect(saved.deck.title).toBe('Our check-in');
    const added = saved.deck.prompts.find((p) => p.kind === 'ranking');
    expect(added?.id).toBe('what-matters-most-today');
    // Ids come from the labels, unique within the prompt, in the order shown.
    expect(added?.options).toEqual([
      { id: 'time-to-rest', label: 'Time to rest' },
      { id: 'time-to-rest-2', label: 'Time to rest' },
      { id: 'a-good-talk', label: 'A good talk' },
    ]);
    await shot(page, 'kinds-editor-saved');

    await page.getByRole('link', { name: '← Deck library' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export: Our check-in' }).click()]);
    const file = JSON.parse(readFileSync(await download.path(), 'utf8')) as { format: string; deck: { title: string } };
    expect(file).toMatchObject({ format: 'candor-deck', deck: { title: 'Our check-in' } });
    await page.getByRole('button', { name: 'Delete: Our check-in' }).click();
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Keep it');
    await page.getByRole('button', { name: 'Yes, delete' }).click();
    await page.getByText('Deleted “Our check-in”.').waitFor();
    await expect(page.getByRole('button', { name: 'Export: Our check-in' }).count()).resolves.toBe(0);
  });
});
