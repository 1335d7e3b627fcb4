import type { Snapshot } from '@candor/shared';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { flakyNetwork, PHONE, test, type Browsing, type FlakyNetwork } from './browser-utils.js';
import { connect, send, type ClientSocket } from './live-client.js';
import { createSession, expectOk, signUp, type RunningServer } from './utils.js';

describe('a phone that loses its connection keeps its answer and saves it when it is back', () => {
  let server: RunningServer;
  let browsing: Browsing;
  let facilitator: ClientSocket;
  const networks: FlakyNetwork[] = [];

  test.beforeAll(({ server: running, browsing: opened }) => {
    server = running;
    browsing = opened;
  });

  afterAll(() => {
    facilitator?.close();
    networks.forEach((network) => network.close());
  });

  // A phone whose network can be cut (browser-utils' flakyNetwork).
  async function phoneWithFlakyNetwork(): Promise<{ phone: Page } & FlakyNetwork> {
    const network = await flakyNetwork(server.port);
    networks.push(network);
    return { phone: await browsing.newPage(PHONE), ...network };
  }

  // A new session with its facilitator on a socket, a phone on a flaky network joined by link, and a
  // single-choice prompt open on it.
  async function phoneOnOpenPrompt() {
    const f = await signUp(server.url);
    const created = await createSession(f, 3, 'communication-styles');
    facilitator?.close();
    facilitator = (await connect(server.url, { role: 'facilitator', sessionId: created.state.id }, f.cookie)).socket;
    const flaky = await phoneWithFlakyNetwork();
    const { phone } = flaky;
    await phone.goto(`${flaky.url}/j/${created.state.code}`);
    await phone.getByLabel('I have read this and want to join').check();
    await phone.getByRole('button', { name: 'Join session' }).click();
    await phone.getByRole('heading', { name: 'Waiting for the facilitator to start' }).waitFor();
    expectOk(await send(facilitator, 'prompt:open', { promptId: 'when-to-talk' }));
    await phone.getByRole('heading', { name: 'When is it easiest for you to talk about wishes and limits?' }).waitFor();
    return flaky;
  }

  // What the facilitator's console would show: how many answered the open prompt.
  const answered = async () => expectOk<Snapshot>(await send(facilitator, 'session:sync', {})).state.answered;

  it('offline → answer → back online: the answer is saved once and the page says so', async () => {
    const { phone, offline, online } = await phoneOnOpenPrompt();
    // The network goes away (a train tunnel): the page notices and says so calmly.
    offline();
    await phone.getByText('Reconnecting… your answers are kept on this device until they are saved').waitFor();
    await phone.getByRole('radio', { name: 'Just before' }).check();
    await phone.getByRole('button', { name: 'Save answer' }).click();
    await phone.getByTestId('save-status').getByText('Not yet saved').waitFor();
    await browsing.shot(phone, 'phone-offline-pending');
    // Nothing reached the server while offline.
    expect(await answered()).toBe(0);

    online();
    await phone.getByTestId('save-status').getByText('Saved', { exact: true }).waitFor({ timeout: 20_000 });
    await expect(phone.getByText(/^Reconnecting/).count()).resolves.toBe(0);
    await browsing.shot(phone, 'phone-back-online-saved');
    expect(await answered()).toBe(1);

    // The saved answer is the server's, not only the page's memory: a reload shows it from the snapshot.
    await phone.reload();
    await phone.getByTestId('save-status').getByText('Saved', { exact: true }).waitFor();
    await expect(phone.getByRole('radio', { name: 'Just before' }).isChecked()).resolves.toBe(true);
    expect(await answered()).toBe(1);
  });

  it('an answer changed twice while offline arrives as the last choice only', async () => {
    const { phone, offline, online } = await phoneOnOpenPrompt();

    offline();
    await phone.getByText(/^Reconnecting/).waitFor();
    await phone.getByRole('radio', { name: 'Just before' }).check();
    await phone.getByRole('button', { name: 'Save answer' }).click();
    await phone.getByRole('radio', { name: 'In the moment' }).check();
    await phone.getByRole('button', { name: 'Save answer' }).click();
    await phone.getByTestId('save-status').getByText('Not yet saved').waitFor();

    online();
    await phone.getByTestId('save-status').getByText('Saved', { exact: true }).waitFor({ timeout: 20_000 });
    expect(await answered()).toBe(1);
    await phone.reload();
    await phone.getByTestId('save-status').getByText('Saved', { exact: true }).waitFor();
    await expect(phone.getByRole('radio', { name: 'In the moment' }).isChecked()).resolves.toBe(true);

    // And the room's result counts that last choice.
    expectOk(await send(facilitator, 'prompt:close', {}));
    const released = expectOk(await send(facilitator, 'results:release', {}));
    expect(released.result?.respondents).toBe(1);
  });
});
