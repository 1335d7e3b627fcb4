import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, signUpInBrowser, test, type Browsing } from './browser-utils.js';
import type { RunningServer } from './utils.js';

const MODE_COUPLE = /couple/i;

describe("care: a moment out, a pause that keeps an unsent answer, withdrawing, and a partner's request to talk alone", () => {
  let server: RunningServer;
  let browsing: Browsing;
  const shot = (page: Page, name: string) => browsing.shot(page, name);

  test.beforeAll(({ server: running, browsing: opened }) => {
    server = running;
    browsing = opened;
  });

  it('shows the facilitator a count only, freezes answering during a pause and resends after it, and deletes on withdraw', async () => {
    const facilitator = await browsing.newPage(DESKTOP);
    await signUpInBrowser(facilitator, server.url, 'care');
    await facilitator.getByLabel('Privacy threshold (k)').fill('3');
    await facilitator.getByLabel('Live results').check();
    await facilitator.getByRole('button', { name: 'Start session: Consent and boundaries' }).click();
    await facilitator.waitForURL('**/console/sessions/*');
    const code = (await facilitator.locator('.join-code').textContent())?.trim() ?? '';
    const settings = facilitator.getByTestId('privacy-settings');
    await settings.getByText('k = 3').waitFor();
    await facilitator.getByTestId('live-results').getByText('On:').waitFor();

    const phone = await browsing.newPage(PHONE);
    const phoneContext = phone.context();
    await phone.goto(`${server.url}/j/${code}`);
    await phone.getByText('the facilitator sees how many people are taking a moment, never who').waitFor();
    await phone.getByLabel('I have read this and want to join').check();
    await phone.getByRole('button', { name: 'Join session' }).click();
    await phone.getByRole('heading', { name: 'Waiting for the facilitator to start' }).waitFor();

    await phone.getByRole('button', { name: 'I need a moment' }).click();
    await phone.getByRole('heading', { name: 'Take the moment you need' }).waitFor();
    await facilitator.getByTestId('away').getByText('1 person needs a moment').waitFor();
    // And it stands out at the top of the console, not only in the table.
    await facilitator.getByTestId('away-banner').getByText('1 person needs a moment').waitFor();
    await shot(phone, 'care-phone-moment');
    await phone.getByRole('button', { name: "I'm back" }).click();
    await facilitator.getByTestId('away').getByText('Nobody right now').waitFor();
    await expect(facilitator.getByTestId('away-banner').count()).resolves.toBe(0);

    await facilitator.getByRole('button', { name: 'Open next prompt' }).click();
    await phone.getByRole('button', { name: 'Show the question' }).click();
    const hugsYes = phone.getByRole('radiogroup', { name: 'Hugs', exact: true }).getByRole('radio', { name: 'Yes' });
    await hugsYes.check();
    // Saved while offline: the answer waits on the phone; the server then refuses it during the pause.
    await phoneContext.setOffline(true);
    await phone.getByRole('button', { name: 'Save answers' }).click();
    await phone.getByTestId('save-status').getByText('Not yet saved').waitFor();
    await facilitator.getByRole('button', { name: 'Pause for everyone' }).click();
    await facilitator.getByRole('button', { name: 'Resume' }).waitFor();
    await phoneContext.setOffline(false);
    await phone.getByRole('heading', { name: 'A pause for everyone' }).waitFor();
    await phone.getByText('Your last answer is kept on this phone').waitFor();
    await expect(phone.getByRole('button', { name: 'Save answers' }).isVisible()).resolves.toBe(false);
    await shot(phone, 'care-phone-paused');
    await expect(facilitator.getByTestId('answered').textContent()).resolves.toBe('0 of 1 answered');

    await facilitator.getByRole('button', { name: 'Resume' }).click();
    await phone.getByTestId('save-status').getByText('Saved').waitFor();
    await facilitator.getByTestId('answered').getByText('1 of 1 answered').waitFor();
    await expect(hugsYes.isChecked()).resolves.toBe(true);

    await phone.getByRole('button', { name: 'Withdraw my answers' }).click();
    await phone.getByRole('heading', { name: 'Withdraw from this session?' }).waitFor();
    await phone.getByRole('button', { name: 'Yes, delete my answers and leave' }).click();
    await phone.getByRole('heading', { name: 'Your answers are deleted' }).waitFor();
    await expect(phone.evaluate(() => Object.keys(localStorage))).resolves.toEqual([]);
    await facilitator.getByTestId('answered').getByText('0 of 0 answered').waitFor();
    await shot(phone, 'care-phone-withdrawn');
    await shot(facilitator, 'care-console');
  });
  it("lets a partner ask, behind 'I need a moment', to talk to the therapist alone: the therapist is told, the other partner's phone shows nothing", async () => {
    const therapist = await browsing.newPage(DESKTOP);
    await signUpInBrowser(therapist, server.url, 'care-couple');
    await therapist.getByRole('radio', { name: MODE_COUPLE }).check();
    await therapist.getByRole('button', { name: 'Start session: Consent and boundaries' }).click();
    await therapist.waitForURL('**/console/sessions/*');
    const code = (await therapist.locator('.join-code').textContent())?.trim() ?? '';
    const [asker, other] = [await browsing.newPage(PHONE), await browsing.newPage(PHONE)];
    for (const phone of [asker, other]) {
      await phone.goto(`${server.url}/j/${code}`);
      await phone.getByLabel('I have read this and want to join').check();
      await phone.getByRole('button', { name: 'Join session' }).click();
      await phone.getByRole('button', { name: 'I need a moment' }).waitFor();
    }

    await asker.getByRole('button', { name: 'I need a moment' }).click();
    await asker.getByRole('button', { name: "I'd like to talk to the therapist alone" }).click();
    await asker.getByRole('status').getByText('Your therapist has been told that one of you would like to talk alone.').waitFor();
    const banner = therapist.getByTestId('talk-alone-banner');
    await banner.getByText('One of them would like to talk to you alone.').waitFor();
    await shot(asker, 'care-talk-alone-phone');
    await shot(therapist, 'care-talk-alone-console');
    // The other phone shows nothing of it.
    await expect(other.getByText(/alone/i).count()).resolves.toBe(0);
    await expect(other.getByTestId('talk-alone').count()).resolves.toBe(0);

    // Back from the moment, then a reload: the request stands until the partner takes it back.
    await asker.getByRole('button', { name: "I'm back" }).click();
    await asker.reload();
    await asker.getByRole('button', { name: 'I need a moment' }).click();
    await asker.getByRole('button', { name: 'Take it back' }).click();
    await asker.getByRole('button', { name: "I'd like to talk to the therapist alone" }).waitFor();
    await expect.poll(() => banner.count()).toBe(0);
    await expect(other.getByText(/alone/i).count()).resolves.toBe(0);
  });
});
