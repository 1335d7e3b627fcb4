import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, signUpInBrowser, test, type Browsing } from './browser-utils.js';
import type { RunningServer } from './utils.js';

// Co-facilitators (issue 16), in chromium: the owner gives a colleague's account the session from the
// live console's "People with access", the colleague finds it in their own console marked as shared and
// opens a prompt from there; made a viewer, their console shows the session with every control off.
describe('co-facilitators in the browser', () => {
  let server: RunningServer;
  let browsing: Browsing;

  test.beforeAll(({ server: running, browsing: opened }) => {
    server = running;
    browsing = opened;
  });

  async function signUpAs(page: Page, email: string): Promise<void> {
    await page.goto(`${server.url}/signup`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('a long enough password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL('**/console');
  }

  it('the owner invites a co-runner, who opens a prompt from their own console; made a viewer, they only watch', async () => {
    const colleague = await browsing.newPage(DESKTOP);
    const colleagueEmail = `colleague-${Date.now()}@example.test`;
    await signUpAs(colleague, colleagueEmail);

    const owner = await browsing.newPage(DESKTOP);
    await signUpInBrowser(owner, server.url, 'owner');
    await owner.getByLabel('Privacy threshold (k)').fill('3');
    await owner.getByRole('button', { name: 'Start session: Consent and boundaries' }).click();
    await owner.waitForURL('**/console/sessions/*');
    await owner.getByTestId('phase').getByText('Lobby: waiting to start').waitFor();

    // An address without an account is said so; the colleague's is given access as co-runner.
    const panel = owner.getByRole('region', { name: 'People with access' });
    await panel.getByText('Only you have access.').waitFor();
    await panel.getByLabel('Their email (the one of their Candor account)').fill('nobody-here@example.test');
    await panel.getByRole('button', { name: 'Give access' }).click();
    await panel.getByRole('alert').getByText('There is no Candor account with this email. Ask them to sign up first.').waitFor();
    await panel.getByLabel('Their email (the one of their Candor account)').fill(colleagueEmail);
    await panel.getByLabel('Role', { exact: true }).selectOption('co-run');
    await panel.getByRole('button', { name: 'Give access' }).click();
    await panel.getByRole('status').getByText(`${colleagueEmail} has access now.`).waitFor();
    expect(await panel.getByLabel(`Role of ${colleagueEmail}`).inputValue()).toBe('co-run');
    await browsing.shot(owner, 'co-facilitators-owner');

    // The colleague's console lists it as shared with them, without Delete, and runs it.
    await colleague.reload();
    const row = colleague.locator('.session-list li', { hasText: 'Consent and boundaries' });
    await row.getByTestId('shared-role').getByText('shared with you: co-runner').waitFor();
    expect(await row.getByRole('button', { name: /^Delete/ }).count()).toBe(0);
    await row.getByRole('link', { name: /^Consent and boundaries/ }).click();
    await colleague.waitForURL('**/console/sessions/*');
    await colleague.getByTestId('phase').getByText('Lobby: waiting to start').waitFor();
    expect(await colleague.getByRole('region', { name: 'People with access' }).count()).toBe(0);
    await colleague.getByRole('button', { name: 'Open next prompt', exact: true }).click();
    await colleague.getByTestId('phase').getByText('Prompt open').waitFor();
    // The owner's console follows.
    await owner.getByTestId('phase').getByText('Prompt open').waitFor();

    // Made a viewer: their console closes; opened again it shows the session with every control off.
    await panel.getByLabel(`Role of ${colleagueEmail}`).selectOption('view');
    await panel.getByRole('status').getByText(`${colleagueEmail} is now: Viewer.`).waitFor();
    await colleague.reload();
    await colleague.getByTestId('view-only').waitFor();
    await colleague.getByTestId('phase').getByText('Prompt open').waitFor();
    for (const name of ['Close prompt', 'Release results', 'Pause for everyone', 'End session'])
      expect([name, await colleague.getByRole('button', { name, exact: true }).isDisabled()]).toEqual([name, true]);
    await browsing.shot(colleague, 'co-facilitators-viewer');

    // Removed, the session is gone from their list.
    await panel.getByRole('button', { name: `Remove the access of ${colleagueEmail}` }).click();
    await panel.getByText('Only you have access.').waitFor();
    await colleague.goto(`${server.url}/console`);
    await colleague.getByRole('heading', { name: 'Your sessions' }).waitFor();
    expect(await colleague.locator('.session-list li', { hasText: 'Consent and boundaries' }).count()).toBe(0);
  });

  it('the owner shares a deck from the library; the colleague finds it shared with them and starts a session of their own from it', async () => {
    const colleague = await browsing.newPage(DESKTOP);
    const colleagueEmail = `deck-colleague-${Date.now()}@example.test`;
    await signUpAs(colleague, colleagueEmail);
    const owner = await browsing.newPage(DESKTOP);
    await signUpInBrowser(owner, server.url, 'deck-owner');
    await owner.goto(`${server.url}/console/decks`);
    await owner.getByRole('button', { name: 'Duplicate: Consent and boundaries' }).click();
    const mine = owner.locator('.deck-list li', { hasText: 'Consent and boundaries (copy)' });
    await mine.getByRole('button', { name: 'Share Consent and boundaries (copy)' }).click();
    const panel = mine.getByRole('region', { name: 'People with access' });
    await panel.getByLabel('Their email (the one of their Candor account)').fill(colleagueEmail);
    await panel.getByLabel('Role', { exact: true }).selectOption('co-run');
    await panel.getByRole('button', { name: 'Give access' }).click();
    await panel.getByRole('status').getByText(`${colleagueEmail} has access now.`).waitFor();

    await colleague.goto(`${server.url}/console/decks`);
    const shared = colleague.getByTestId('shared-deck').filter({ hasText: 'Consent and boundaries (copy)' });
    await shared.getByText('Shared with you: you may start sessions from it').waitFor();
    expect(await shared.getByRole('link', { name: /^Edit/ }).count()).toBe(0);
    await colleague.goto(`${server.url}/console`);
    await colleague.getByRole('button', { name: 'Start session: Consent and boundaries (copy)' }).click();
    await colleague.waitForURL('**/console/sessions/*');
    await colleague.getByTestId('phase').getByText('Lobby: waiting to start').waitFor();
    // Their own session: theirs to share.
    await colleague.getByRole('region', { name: 'People with access' }).waitFor();
  });
});
