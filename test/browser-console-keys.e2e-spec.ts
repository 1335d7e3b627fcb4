import type { SessionState } from '@candor/shared';
import type { Locator, Page } from 'playwright-core';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { DESKTOP, signUpInBrowser, test, type Browsing } from './browser-utils.js';
import { connect, type LiveClient } from './live-client.js';
import { joinSession, type RunningServer } from './utils.js';

// The commands that move a session; anything else the console sends (a sync, a moderation list) is left out.
const CONTROL_COMMANDS = new Set(['prompt:open', 'prompt:close', 'results:release', 'session:pause', 'session:end', 'session:settings']);

// The session commands a page sent over its socket, in order, read from the socket.io frames on the wire.
function recordCommands(page: Page): string[] {
  const sent: string[] = [];
  page.on('websocket', (ws) => {
    ws.on('framesent', ({ payload }) => {
      // An event with an acknowledgement: 42<ack id>["name", payload].
      const match = /^42\d*(\[.*)$/s.exec(typeof payload === 'string' ? payload : payload.toString('utf8'));
      if (!match) return;
      const [name] = JSON.parse(match[1]) as [string, unknown];
      if (CONTROL_COMMANDS.has(name)) sent.push(name);
    });
  });
  return sent;
}

describe('keyboard shortcuts in the live console', () => {
  let server: RunningServer;
  let browsing: Browsing;
  let participant: LiveClient | undefined;

  test.beforeAll(({ server: running, browsing: opened }) => {
    server = running;
    browsing = opened;
  });

  afterAll(() => participant?.close());

  it('steers a real session with single keys, never while typing, with a modifier, or for a control that is off', async () => {
    const facilitator = await browsing.newPage(DESKTOP);
    const sent = recordCommands(facilitator);
    await signUpInBrowser(facilitator, server.url, 'keys');
    await facilitator.getByLabel('Privacy threshold (k)').fill('3');
    // Consent and boundaries has two prompts, so Open has nothing left after the second.
    await facilitator.getByRole('button', { name: 'Start session: Consent and boundaries' }).click();
    await facilitator.waitForURL('**/console/sessions/*');
    const phase = facilitator.getByTestId('phase');
    await phase.getByText('Lobby: waiting to start').waitFor();
    const code = (await facilitator.locator('.join-code').textContent())?.trim() ?? '';

    // A participant's own socket shows what the room sees.
    const seat = await joinSession(server.url, code);
    const phone = await connect(server.url, { role: 'participant', token: seat.token });
    participant = phone;
    // A state the phone receives from now on, read from the frames it recorded: the wait cannot start late,
    // and a key that first waits for its button (pressFor) does not eat into it.
    const participantSees = (predicate: (state: SessionState) => boolean) => {
      const from = phone.received('session:updated').length;
      return vi.waitFor(
        () => {
          const state = phone.received('session:updated').slice(from).find(predicate);
          if (!state) throw new Error('the participant has not seen that state');
          return state;
        },
        { timeout: 15_000, interval: 50 },
      );
    };
    await facilitator.getByTestId('answered').getByText('0 of 1 answered').waitFor();

    const button = (name: string) => facilitator.getByRole('button', { name, exact: true });
    const open = button('Open next prompt');
    const close = button('Close prompt');
    const release = button('Release results');
    const pause = button('Pause for everyone');
    const end = button('End session');
    const resume = button('Resume');
    // A key, pressed once its button is on, as a person would: right after a command the phase may show the
    // new state while the console still waits for the acknowledgement, and every control rests until then.
    const whenOn = (control: Locator) => expect.poll(() => control.isEnabled(), { timeout: 5_000 }).toBe(true);
    const pressFor = async (control: Locator, key: string) => {
      await whenOn(control);
      await facilitator.keyboard.press(key);
    };

    // Each button names its key for assistive technology and shows it on screen; the page lists them all.
    for (const [control, key] of [
      [open, 'O'],
      [close, 'C'],
      [release, 'R'],
      [pause, 'P'],
      [end, 'E'],
    ] as const) {
      await expect(control.getAttribute('aria-keyshortcuts')).resolves.toBe(key);
      await expect(control.locator('kbd').textContent()).resolves.toBe(key);
      await expect(control.locator('kbd').isVisible()).resolves.toBe(true);
    }
    const list = facilitator.getByTestId('shortcuts');
    await list.getByRole('heading', { name: 'Keyboard shortcuts' }).waitFor();
    await expect(list.getByRole('listitem').allTextContents()).resolves.toEqual([
      'O Open next prompt',
      'C Close prompt',
      'R Release results',
      'P Pause for everyone, or resume',
      'E End session (asks first)',
      'Esc Keep going instead of ending',
    ]);

    // The list and the hints are translated; the keys stay the same.
    await facilitator.getByLabel('Language').selectOption('de');
    await list.getByRole('heading', { name: 'Tastenkürzel' }).waitFor();
    await expect(button('Nächste Frage öffnen').getAttribute('aria-keyshortcuts')).resolves.toBe('O');
    await expect(list.getByRole('listitem').first().textContent()).resolves.toBe('O Nächste Frage öffnen');
    await facilitator.getByLabel('Sprache').selectOption('en');
    await list.getByRole('heading', { name: 'Keyboard shortcuts' }).waitFor();
    await facilitator.getByRole('heading', { level: 1 }).click();

    // In the lobby Close and Release are off, so their keys do nothing.
    await expect(close.isDisabled()).resolves.toBe(true);
    await expect(release.isDisabled()).resolves.toBe(true);
    await facilitator.keyboard.press('c');
    await facilitator.keyboard.press('r');
    // Pause and End are on, but not with Ctrl, Meta or Alt held (End would ask at once, on this very key press).
    await whenOn(pause);
    await whenOn(end);
    for (const key of ['Alt+p', 'Meta+p', 'Alt+o', 'Meta+o', 'Control+o']) await facilitator.keyboard.press(key);
    for (const key of ['Control+e', 'Alt+e', 'Meta+e']) {
      await facilitator.keyboard.press(key);
      await expect(button('Yes, end session').count()).resolves.toBe(0);
    }
    // O then opens the first prompt: had any key above sent a command, it would stand before this one.
    const opened = participantSees((state) => state.phase === 'open');
    await pressFor(open, 'o');
    await phase.getByText('Prompt open').waitFor();
    expect((await opened).promptIndex).toBe(0);
    expect(sent).toEqual(['prompt:open']);

    // A key typed into a field belongs to the field: the presenter link input takes C, R, P and E without effect.
    const linkField = facilitator.getByLabel('Presenter link');
    const link = await linkField.inputValue();
    await whenOn(close);
    await linkField.focus();
    for (const key of ['c', 'r', 'p', 'e', 'C']) await facilitator.keyboard.press(key);
    await expect(linkField.inputValue()).resolves.toBe(link);
    await expect(button('Yes, end session').count()).resolves.toBe(0);
    // Ctrl+C copies instead of closing: P then pauses (and resumes) an open prompt, with no close before it.
    await facilitator.getByRole('heading', { level: 1 }).click();
    await facilitator.keyboard.press('Control+c');
    await facilitator.keyboard.press('Alt+c');
    await pressFor(pause, 'p');
    await pressFor(resume, 'p');
    await whenOn(pause);
    await expect(phase.textContent()).resolves.toBe('Prompt open');
    expect(sent).toEqual(['prompt:open', 'session:pause', 'session:pause']);
    const closed = participantSees((state) => state.phase === 'closed');
    await pressFor(close, 'c');
    await phase.getByText('Prompt closed').waitFor();
    await closed;
    const firstPrompt = ['prompt:open', 'session:pause', 'session:pause', 'prompt:close'];
    expect(sent).toEqual(firstPrompt);

    const released = participantSees((state) => state.phase === 'released');
    await pressFor(release, 'R');
    await phase.getByText('Results released').waitFor();
    await released;

    // The second and last prompt, with Shift held (or Caps Lock on): the same keys.
    const secondOpen = participantSees((state) => state.phase === 'open');
    await pressFor(open, 'Shift+O');
    expect((await secondOpen).promptIndex).toBe(1);
    await phase.getByText('Prompt open').waitFor();
    await pressFor(close, 'c');
    await phase.getByText('Prompt closed').waitFor();
    await pressFor(release, 'r');
    await phase.getByText('Results released').waitFor();
    const twoPrompts = [...firstPrompt, 'results:release', 'prompt:open', 'prompt:close', 'results:release'];
    expect(sent).toEqual(twoPrompts);

    // No prompt is left: Open is off and O does nothing. P pauses, and P again resumes.
    await whenOn(pause);
    await expect(open.isDisabled()).resolves.toBe(true);
    await facilitator.keyboard.press('o');
    const paused = participantSees((state) => state.paused);
    await pressFor(pause, 'p');
    await paused;
    await expect(resume.getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(resume.getAttribute('aria-keyshortcuts')).resolves.toBe('P');
    const resumed = participantSees((state) => !state.paused);
    await pressFor(resume, 'p');
    await resumed;
    await whenOn(pause);
    expect(sent).toEqual([...twoPrompts, 'session:pause', 'session:pause']);

    // E asks first, as the button does, with the focus on the choice that changes nothing; Esc keeps going.
    await pressFor(end, 'e');
    const confirm = button('Yes, end session');
    await confirm.waitFor();
    await expect.poll(() => facilitator.evaluate(() => document.activeElement?.getAttribute('aria-keyshortcuts'))).toBe('Escape');
    await expect(end.count()).resolves.toBe(0);
    await facilitator.keyboard.press('e');
    await facilitator.keyboard.press('Escape');
    await end.waitFor();
    await expect(confirm.count()).resolves.toBe(0);
    await expect(phase.textContent()).resolves.toBe('Results released');

    // Ending itself takes the confirming button; the room sees the end.
    await pressFor(end, 'E');
    const ended = participantSees((state) => state.phase === 'ended');
    await confirm.click();
    await phase.getByText('Ended').waitFor();
    await ended;
    expect(sent).toEqual([...twoPrompts, 'session:pause', 'session:pause', 'session:end']);
    await expect(facilitator.getByRole('alert').count()).resolves.toBe(0);
    await browsing.shot(facilitator, 'console-keys-ended');
  }, 120_000);
});
