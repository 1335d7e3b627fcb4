import { describe, expect } from 'vitest';
import { DESKTOP, PHONE, signUpInBrowser, test } from './browser-utils.js';

describe('the console follows the room: joined count, a presenter link that survives a reload, nothing left to join once ended', () => {
  test('keeps the presenter link and the projector through reloads, opens each question at its top, and hides the code at the end', async ({ server, browsing }) => {
    const { newPage, shot } = browsing;
    const facilitator = await newPage(DESKTOP);
    await signUpInBrowser(facilitator, server.url, 'room');
    await facilitator.getByLabel('Privacy threshold (k)').fill('3');
    await facilitator.getByRole('button', { name: 'Start session: Consent and boundaries' }).click();
    await facilitator.waitForURL('**/console/sessions/*');
    const code = (await facilitator.locator('.join-code').textContent())?.trim() ?? '';
    await facilitator.getByTestId('joined').getByText('0 people joined').waitFor();
    const presenterLink = await facilitator.getByLabel('Presenter link').inputValue();

    const screen = await newPage({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    await screen.goto(presenterLink);
    await screen.getByText(code).first().waitFor();

    // A short window, so that the next (shorter) question is still taller than it: the scroll position shows.
    const phone = await newPage({ ...PHONE, viewport: { width: 360, height: 320 } });
    await phone.goto(`${server.url}/j/${code}`);
    await phone.getByLabel('I have read this and want to join').check();
    await phone.getByRole('button', { name: 'Join session' }).click();
    await phone.getByRole('heading', { name: 'Waiting for the facilitator to start' }).waitFor();
    await facilitator.getByTestId('joined').getByText('1 person joined').waitFor();
    await shot(facilitator, 'room-console-lobby');

    // A reloaded console shows the same presenter link (not a new one), and the projector keeps working.
    await facilitator.reload();
    await expect(facilitator.getByLabel('Presenter link').inputValue()).resolves.toBe(presenterLink);
    await screen.reload();
    await screen.getByText('1 joined', { exact: false }).waitFor();

    // A long list, answered at its foot; the next question opens at its top.
    await facilitator.getByRole('button', { name: 'Open next prompt' }).click();
    await phone.getByRole('button', { name: 'Show the question' }).click();
    await phone.getByRole('radiogroup', { name: 'Hugs', exact: true }).getByRole('radio', { name: 'Yes' }).check();
    const save = phone.getByRole('button', { name: 'Save answers' });
    await save.scrollIntoViewIfNeeded();
    await save.click();
    await phone.getByTestId('save-status').getByText('Saved', { exact: true }).waitFor();
    await expect(phone.evaluate(() => window.scrollY)).resolves.toBeGreaterThan(500);
    await facilitator.getByRole('button', { name: 'Close prompt' }).click();
    await facilitator.getByRole('button', { name: 'Open next prompt' }).click();
    await phone.getByText('Question 2 of', { exact: false }).waitFor();
    await expect(phone.evaluate(() => document.documentElement.scrollHeight - window.innerHeight)).resolves.toBeGreaterThan(100);
    await expect(phone.evaluate(() => window.scrollY)).resolves.toBe(0);
    await shot(phone, 'room-phone-next-question-top');

    // Ended: no code, QR or presenter link left to use, and this browser forgets the presenter token.
    await facilitator.getByRole('button', { name: 'End session' }).click();
    await facilitator.getByRole('button', { name: 'Yes, end session' }).click();
    await facilitator.getByTestId('join-ended').waitFor();
    await expect(facilitator.locator('.join-code').count()).resolves.toBe(0);
    await expect(facilitator.getByLabel('Presenter link').count()).resolves.toBe(0);
    await expect(facilitator.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('candor:presenter:')))).resolves.toEqual([]);
    await shot(facilitator, 'room-console-ended');

    // Deleted from the list, after a clear confirmation; keeping it changes nothing.
    await facilitator.goto(`${server.url}/console`);
    const row = facilitator.getByRole('listitem').filter({ hasText: code });
    await row.getByRole('button', { name: /^Delete Consent and boundaries/ }).click();
    await row.getByText('Delete this session with every answer and result in it? This cannot be undone.').waitFor();
    await row.getByRole('button', { name: 'Keep it' }).click();
    await row.getByRole('button', { name: /^Delete Consent and boundaries/ }).waitFor();
    await shot(facilitator, 'room-console-delete-kept');
    // Deleted from its summary page, which then goes back to the list.
    await row.getByRole('link', { name: /^Summary: / }).click();
    await facilitator.getByRole('button', { name: 'Delete Consent and boundaries' }).click();
    await facilitator.getByText('Delete this session with every answer and result in it? This cannot be undone.').waitFor();
    await shot(facilitator, 'room-summary-delete-confirm');
    await facilitator.getByRole('button', { name: 'Yes, delete it' }).click();
    await facilitator.waitForURL(/\/console$/);
    await facilitator.getByRole('heading', { name: 'Your sessions' }).waitFor();
    await expect(row.count()).resolves.toBe(0);
    const listed = await facilitator.evaluate(async (url) => {
      const body = (await (await fetch(url, { credentials: 'same-origin' })).json()) as { sessions: { state: { code: string } }[] };
      return body.sessions.map((s) => s.state.code);
    }, `${server.url}/api/sessions`);
    expect(listed).not.toContain(code);
    await expect(facilitator.getByText(code).count()).resolves.toBe(0);
  });
});
