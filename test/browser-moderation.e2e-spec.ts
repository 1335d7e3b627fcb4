import { AxeBuilder } from '@axe-core/playwright';
import type { ModerationQueue, SessionState } from '@candor/shared';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, describe, expect, vi } from 'vitest';
import { DESKTOP, SHOTS, signUpInBrowser, test, type Browsing } from './browser-utils.js';
import { connect, type LiveClient } from './live-client.js';
import { expectOk, joinSession, type RunningServer } from './utils.js';

// The console's open-text queue with a room of 45 (issue 12): the count while texts arrive, the private
// preview, keys, "Approve all", and what the room sees after release. Phones are real participant sockets.

const PROMPT = 'take-with-you';
const PHONES = 45;
const textOf = (i: number) => `Something I take with me today, note ${String(i + 1).padStart(2, '0')}`;

describe('the moderation queue in the live console', () => {
  let server: RunningServer;
  let browsing: Browsing;
  const opened: LiveClient[] = [];

  test.beforeAll(({ server: running, browsing: started }) => {
    server = running;
    browsing = started;
  });
  afterAll(() => opened.forEach((client) => client.close()));

  test('counts 45 texts as they arrive, previews privately, moderates by key and approves all that it shows', async () => {
    const page = await browsing.newPage({ ...DESKTOP, viewport: { width: 1280, height: 720 } });
    await signUpInBrowser(page, server.url, 'queue');
    await page.getByLabel('Privacy threshold (k)').fill('3');
    await page.getByRole('button', { name: 'Start session: Workshop check-in and check-out' }).click();
    await page.waitForURL('**/console/sessions/*');
    await page.getByTestId('phase').getByText('Lobby: waiting to start').waitFor();
    const sessionId = page.url().split('/').at(-1) ?? '';
    const code = (await page.locator('.join-code').textContent())?.trim() ?? '';

    // A second console socket of the same login, to jump to the text prompt and to read the queue as stored.
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const host = await connect(server.url, { role: 'facilitator', sessionId }, cookie);
    opened.push(host);
    const phones: LiveClient[] = [];
    for (let i = 0; i < PHONES; i += 1) {
      const seat = await joinSession(server.url, code);
      phones.push(await connect(server.url, { role: 'participant', token: seat.token }));
    }
    opened.push(...phones);
    expectOk(await host.send('prompt:open', { promptId: PROMPT }));
    await page.getByTestId('phase').getByText('Prompt open').waitFor();

    // The console's count follows the texts without a reload: a few first, then the rest all at once.
    const written = page.getByTestId('moderation-written');
    for (let i = 0; i < 3; i += 1) {
      expectOk(await phones[i].send('answer:submit', { promptId: PROMPT, clientId: randomUUID(), value: { kind: 'text', text: textOf(i) } }));
    }
    await written.getByText('At least 3 written so far.').waitFor();
    const acks = await Promise.all(
      phones.slice(3).map((phone, i) =>
        phone.send('answer:submit', { promptId: PROMPT, clientId: randomUUID(), value: { kind: 'text', text: textOf(i + 3) } }),
      ),
    );
    expect(acks.every((ack) => ack.ok)).toBe(true);
    await written.getByText(`At least ${PHONES} written so far.`).waitFor();

    await page.getByRole('button', { name: 'Close prompt', exact: true }).click();
    const counts = page.getByTestId('moderation-counts');
    await counts.getByText(`0 approved · 0 hidden · ${PHONES} waiting`).waitFor();
    const rows = page.getByTestId('moderation-row');
    await expect(rows.count()).resolves.toBe(PHONES);
    // The preview is there, labelled, near the controls; with nothing approved it shows no text.
    const preview = page.getByTestId('result-preview');
    await preview.getByRole('heading', { name: 'Preview — only you see this' }).waitFor();
    await preview.getByText('No texts have been approved for the room.').waitFor();
    // The keys are written out, and each row says which it answers to.
    await page.getByTestId('moderation-keys').getByText('approve').waitFor();
    await expect(rows.first().getAttribute('aria-keyshortcuts')).resolves.toBe('J K ArrowDown ArrowUp A H');
    await page.getByRole('button', { name: `Approve all ${PHONES}` }).waitFor();
    await rows.first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'moderation-queue-1280x720.png') });
    await browsing.shot(page, 'moderation-queue-full');

    // Keys: A approves the current row and moves on, H hides, J/K and the arrows move.
    const statusOf = (n: number) => rows.nth(n).locator('.moderation-status').textContent();
    await page.keyboard.press('a');
    await counts.getByText(`1 approved · 0 hidden · ${PHONES - 1} waiting`).waitFor();
    await expect.poll(() => rows.nth(1).getAttribute('aria-current')).toBe('true');
    await page.keyboard.press('h');
    await counts.getByText(`1 approved · 1 hidden · ${PHONES - 2} waiting`).waitFor();
    await page.keyboard.press('j');
    await expect.poll(() => rows.nth(3).getAttribute('aria-current')).toBe('true');
    await page.keyboard.press('k');
    await expect.poll(() => rows.nth(2).getAttribute('aria-current')).toBe('true');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => rows.nth(3).getAttribute('aria-current')).toBe('true');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('moderation-row');
    await page.keyboard.press('a');
    await counts.getByText(`2 approved · 1 hidden · ${PHONES - 3} waiting`).waitFor();
    expect([await statusOf(0), await statusOf(1), await statusOf(2), await statusOf(3)]).toEqual(['Approved', 'Hidden', 'Waiting', 'Approved']);
    // Not while typing in a field, nor with a modifier: a moment later nothing has changed.
    await page.locator('#presenter-link').focus();
    await page.keyboard.press('a');
    await rows.nth(4).focus();
    await page.keyboard.press('Control+a');
    // Ctrl+A did what the browser does with it (selected the page); undone, so that the screenshots read.
    await page.evaluate(() => getSelection()?.removeAllRanges());
    await page.waitForTimeout(500);
    await expect(counts.textContent()).resolves.toBe(`2 approved · 1 hidden · ${PHONES - 3} waiting`);
    expect(await statusOf(4)).toBe('Waiting');
    await page.keyboard.press('h');
    await counts.getByText(`2 approved · 2 hidden · ${PHONES - 4} waiting`).waitFor();
    expect(await statusOf(4)).toBe('Hidden');
    // The queue with every status and a current row meets WCAG 2.2 AA, in both themes (as the a11y suite checks pages).
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const axe = new AxeBuilder({ page }).include('.moderation').include('[data-testid="result-preview"]');
      const { violations } = await (colorScheme === 'light' ? axe.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']) : axe.withRules(['color-contrast'])).analyze();
      expect(violations.map((v) => `${colorScheme}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    const hidden = [1, 4].map((n) => rows.nth(n).locator('.moderation-text').textContent());
    const hiddenTexts = await Promise.all(hidden);

    // Approve all: exactly the 41 still waiting (its ids go to the server), none of the hidden ones.
    const waiting = PHONES - 4;
    await page.getByRole('button', { name: `Approve all ${waiting}` }).click();
    await counts.getByText(`${PHONES - 2} approved · 2 hidden · 0 waiting`).waitFor();
    const stored = expectOk<ModerationQueue>(await host.send('moderation:list', { promptId: PROMPT }));
    expect(stored.items?.filter((item) => item.status === 'approved')).toHaveLength(PHONES - 2);
    expect(stored.items?.filter((item) => item.status === 'rejected').map((item) => item.text).sort()).toEqual([...hiddenTexts].sort());
    await preview.getByText(`${PHONES - 2} texts shared.`, { exact: false }).waitFor();

    // Until release the phones got no text and no result; then the room gets exactly the approved ones.
    for (const phone of phones) expect(JSON.stringify(phone.frames)).not.toMatch(/take with me|"respondents"/);
    const released = phones.map((phone) =>
      vi.waitFor(
        () => {
          const state = phone.received('session:updated').find((s: SessionState) => s.phase === 'released');
          if (!state) throw new Error('not released yet');
          return state;
        },
        { timeout: 10_000 },
      ),
    );
    await page.getByRole('button', { name: 'Release results', exact: true }).click();
    const shared = ((await released[0]).result?.distribution as { texts: string[] }).texts;
    expect(shared).toHaveLength(PHONES - 2);
    for (const text of hiddenTexts) expect(shared).not.toContain(text);
    await Promise.all(released);
    await page.getByRole('heading', { name: 'Result', exact: true }).waitFor();
    await page.getByText(`${PHONES - 2} texts shared.`, { exact: false }).first().waitFor();
    await expect(preview.count()).resolves.toBe(0);
    await browsing.shot(page, 'moderation-released');
  });
});
