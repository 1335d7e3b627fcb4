import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { PHONE, signUpInBrowser, test } from './browser-utils.js';

describe('a whole prompt in the browser: facilitator, screen and three phones', () => {
  test('runs from sign-up to released results, and resumes a phone after a reload', async ({ server, browsing }) => {
    const { newPage, shot } = browsing;
    const facilitator = await newPage({ viewport: { width: 1280, height: 800 } });
    await signUpInBrowser(facilitator, server.url, 'browser');
    await facilitator.getByLabel('Privacy threshold (k)').fill('3');
    await facilitator.getByRole('button', { name: 'Start session: Consent and boundaries' }).click();
    await facilitator.waitForURL('**/console/sessions/*');
    const code = (await facilitator.locator('.join-code').textContent())?.trim() ?? '';
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    await facilitator.getByAltText('QR code to join').waitFor();
    await shot(facilitator, 'console-lobby');

    const presenterLink = await facilitator.getByLabel('Presenter link').inputValue();
    const screen = await newPage({ viewport: { width: 1280, height: 720 } });
    await screen.goto(presenterLink);
    await screen.getByText(code).first().waitFor();

    const phones: Page[] = [];
    for (let i = 0; i < 3; i += 1) {
      const phone = await newPage(PHONE);
      if (i === 0) {
        // By typing the code on the home page.
        await phone.goto(server.url);
        await phone.getByLabel('Join code').fill(code.toLowerCase());
        await phone.getByRole('button', { name: 'Join', exact: true }).click();
      } else {
        await phone.goto(`${server.url}/j/${code}`);
      }
      const join = phone.getByRole('button', { name: 'Join session' });
      await expect(join.isDisabled()).resolves.toBe(true);
      await phone.getByLabel('I have read this and want to join').check();
      await join.click();
      await phone.getByRole('heading', { name: 'Waiting for the facilitator to start' }).waitFor();
      phones.push(phone);
    }
    await shot(phones[0], 'phone-lobby');
    await facilitator.getByTestId('answered').getByText(/of 3/).waitFor();

    await facilitator.getByRole('button', { name: 'Open next prompt' }).click();
    await facilitator.getByTestId('phase').getByText('Prompt open').waitFor();
    const choices = [
      { Hugs: 'Yes', Kissing: 'Maybe' },
      { Hugs: 'Yes', Kissing: 'No' },
      { Hugs: 'Yes', Kissing: 'Maybe' },
    ];
    for (const [i, phone] of phones.entries()) {
      // The prompt's content note comes first; the participant chooses to see the question.
      await phone.getByRole('heading', { name: 'Before this question' }).waitFor();
      if (i === 0) await shot(phone, 'phone-content-note');
      await phone.getByRole('button', { name: 'Show the question' }).click();
      await phone.getByRole('heading', { name: 'What feels like a yes, a maybe or a no for you?' }).waitFor();
      for (const [item, choice] of Object.entries(choices[i])) {
        await phone.getByRole('radiogroup', { name: item }).getByRole('radio', { name: choice }).check();
      }
      await phone.getByRole('button', { name: 'Save answers' }).click();
      await phone.getByTestId('save-status').getByText('Saved', { exact: true }).waitFor();
    }
    await shot(phones[1], 'phone-answered');

    // A reload resumes the seat from the stored token and shows the saved answer.
    await phones[2].reload();
    await phones[2].getByTestId('save-status').getByText('Saved', { exact: true }).waitFor();
    await expect(
      phones[2].getByRole('radiogroup', { name: 'Kissing' }).getByRole('radio', { name: 'Maybe' }).isChecked(),
    ).resolves.toBe(true);
    const stored = await phones[2].evaluate(() => Object.keys(localStorage));
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatch(/^candor:token:/);

    await facilitator.getByTestId('answered').getByText('3 of 3 answered').waitFor();
    await screen.getByText('3 answered').waitFor();
    await facilitator.getByRole('button', { name: 'Close prompt' }).click();
    await phones[0].getByRole('heading', { name: 'Answers are closed' }).waitFor();
    await facilitator.getByRole('button', { name: 'Release results' }).click();

    // The projector shows the discussion groups: what everyone agreed on, and what many were unsure about.
    const group = (name: string) => screen.locator('.result-group', { has: screen.getByRole('heading', { name, exact: true }) });
    await group('Agreed yes').getByText(/^Hugs/).waitFor();
    await expect(group('Agreed yes').getByText(/^Kissing/).count()).resolves.toBe(0);
    await group('Most maybe').getByText(/^Kissing/).waitFor();
    // The console and the phones have the full table.
    for (const page of [facilitator, phones[0]]) {
      const hugs = page.getByRole('row', { name: /^Hugs/ });
      await hugs.waitFor();
      await expect(hugs.getByRole('cell').allTextContents()).resolves.toEqual(['3', '0', '0', '0']);
      const kissing = page.getByRole('row', { name: /^Kissing/ });
      await expect(kissing.getByRole('cell').allTextContents()).resolves.toEqual(['0', '2', '1', '0']);
    }
    // On the console the released result comes first, above the join and run panels.
    const resultBox = await facilitator.getByRole('heading', { name: 'Result', exact: true }).boundingBox();
    const joinBox = await facilitator.getByRole('heading', { name: 'How people join' }).boundingBox();
    expect(resultBox && joinBox && resultBox.y < joinBox.y).toBe(true);
    await shot(screen, 'screen-results');
    await shot(facilitator, 'console-results');
    await shot(phones[0], 'phone-results');
  });
});
