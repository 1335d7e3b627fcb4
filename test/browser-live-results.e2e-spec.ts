import { randomUUID } from 'node:crypto';
import { describe, expect } from 'vitest';
import { DESKTOP, PHONE, signUpInBrowser, test } from './browser-utils.js';
import { send } from './live-client.js';
import { expectOk } from './utils.js';

const ynm = (items: Record<string, 'yes' | 'maybe' | 'no'>) => ({
  promptId: 'yes-maybe-no',
  clientId: randomUUID(),
  value: { kind: 'ynm' as const, items },
});

describe('live results in the room: the projector draws them while a prompt is open, the phones when asked to', () => {
  test('shows the coalesced result on the screen, and on a phone once the facilitator turns phones on', async ({ server, browsing, clients }) => {
    const { newPage, shot } = browsing;
    const facilitator = await newPage(DESKTOP);
    await signUpInBrowser(facilitator, server.url, 'live');
    await facilitator.getByLabel('Privacy threshold (k)').fill('3');
    await facilitator.getByLabel('Live results').check();
    await facilitator.getByRole('button', { name: 'Start session: Consent and boundaries' }).click();
    await facilitator.waitForURL('**/console/sessions/*');
    const code = (await facilitator.locator('.join-code').textContent())?.trim() ?? '';
    const phonesSwitch = facilitator.getByLabel('Show live results on the phones too');
    await expect(phonesSwitch.isChecked()).resolves.toBe(false);

    const screen = await newPage({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    await screen.goto(await facilitator.getByLabel('Presenter link').inputValue());
    await screen.getByText(code).first().waitFor();

    const phone = await newPage(PHONE);
    await phone.goto(`${server.url}/j/${code}`);
    await phone.getByLabel('I have read this and want to join').check();
    await phone.getByRole('button', { name: 'Join session' }).click();
    await phone.getByRole('heading', { name: 'Waiting for the facilitator to start' }).waitFor();
    const others = [await clients.join(code), await clients.join(code)];

    await facilitator.getByRole('button', { name: 'Open next prompt' }).click();
    await phone.getByRole('button', { name: 'Show the question' }).click();
    await phone.getByText('Totals are shown live on the shared screen while this question is open').waitFor();
    await phone.getByRole('radiogroup', { name: 'Hugs', exact: true }).getByRole('radio', { name: 'Yes' }).check();
    await phone.getByRole('button', { name: 'Save answers' }).click();
    await phone.getByTestId('save-status').getByText('Saved', { exact: true }).waitFor();
    expectOk(await send(others[0].socket, 'answer:submit', ynm({ hugs: 'yes' })));
    expectOk(await send(others[1].socket, 'answer:submit', ynm({ hugs: 'yes' })));

    // Three answers: the screen draws the live result under the question, and still fits the projector.
    const live = screen.getByTestId('screen-live-result');
    await live.getByText('Live totals, updated at most once a second').waitFor();
    // All three said yes to hugs: agreed on.
    await live.getByText('Hugs').first().waitFor();
    await live.getByText('3 answered').waitFor();
    await expect(screen.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight)).resolves.toBe(true);
    await shot(screen, 'live-screen-result');
    await facilitator.getByRole('heading', { name: 'Live results' }).waitFor();
    // The phone was not asked to: it shows no totals.
    await expect(phone.getByTestId('phone-live-result').count()).resolves.toBe(0);

    // A controlled switch: it shows the server's setting once the command is acknowledged.
    await phonesSwitch.click();
    await facilitator.getByTestId('live-results').getByText('the shared screen and the phones').waitFor();
    await phone.getByText('Totals are shown live on the shared screen and below').waitFor();
    // The next update (three more changes, a second after the last) reaches the phone too.
    expectOk(await send(others[0].socket, 'answer:submit', ynm({ hugs: 'no' })));
    expectOk(await send(others[1].socket, 'answer:submit', ynm({ hugs: 'no' })));
    expectOk(await send(others[1].socket, 'answer:submit', ynm({ hugs: 'yes' })));
    const totals = phone.getByTestId('phone-live-result');
    await totals.getByRole('heading', { name: 'Live totals from the room' }).waitFor();
    await totals.getByText('3 answered').waitFor();
    await totals.scrollIntoViewIfNeeded();
    await shot(phone, 'live-phone-totals');

    // Closing: the phone shows the calm closed screen, no totals until the release.
    await facilitator.getByRole('button', { name: 'Close prompt' }).click();
    await phone.getByRole('heading', { name: 'Answers are closed' }).waitFor();
    await expect(totals.count()).resolves.toBe(0);
  });
});
