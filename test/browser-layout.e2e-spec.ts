import type { AnswerValue, Deck, Prompt, SessionState } from '@candor/shared';
import { randomUUID } from 'node:crypto';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { PHONE, test, type Browsing } from './browser-utils.js';
import { connect, send, type ClientSocket } from './live-client.js';
import { createSession, expectOk, joinSession, type Facilitator, type RunningServer } from './utils.js';

const PROJECTORS = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

// How far the page reaches beyond the window, in CSS pixels (0 when it fits).
async function overflow(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    return { x: Math.max(0, root.scrollWidth - root.clientWidth), y: Math.max(0, root.scrollHeight - root.clientHeight) };
  });
}

// Visible elements that reach outside the window (to the right, or also below it when `below` is set):
// text or controls a person cannot see without scrolling.
async function outsideWindow(page: Page, below = false): Promise<string[]> {
  return page.evaluate((checkBelow) => {
    const { clientWidth: width, clientHeight: height } = document.documentElement;
    const outside: string[] = [];
    for (const element of Array.from(document.querySelectorAll<HTMLElement>('main *'))) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.right > width + 1 || box.left < -1 || (checkBelow && box.bottom > height + 1)) {
        outside.push(`${element.tagName.toLowerCase()}.${element.className}: ${element.textContent?.slice(0, 40)}`);
      }
    }
    return outside;
  }, below);
}

// The smallest font size of any visible text on the page, in CSS pixels.
async function smallestText(page: Page, selector: string): Promise<number> {
  return page.evaluate((within) => {
    let smallest = Infinity;
    for (const element of Array.from(document.querySelectorAll<HTMLElement>(`${within} *`))) {
      const ownText = Array.from(element.childNodes).some((node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim());
      if (!ownText || element.getClientRects().length === 0) continue;
      if (element.closest('.visually-hidden, [hidden]')) continue;
      smallest = Math.min(smallest, parseFloat(getComputedStyle(element).fontSize));
    }
    return smallest;
  }, selector);
}

// One answer per kind, different for each participant, so that results are spread out.
function answerFor(prompt: Prompt, i: number): AnswerValue {
  switch (prompt.kind) {
    case 'ynm':
      // A third of the items agreed on, a third split, a third mostly maybe: every discussion group is full.
      return { kind: 'ynm', items: Object.fromEntries(prompt.items.map((item, j) => [item.id, ([['yes', 'yes', 'yes'], ['yes', 'no', 'yes'], ['maybe', 'maybe', 'no']] as const)[j % 3][i]])) };
    case 'single':
      return { kind: 'single', optionId: prompt.options[i % prompt.options.length].id };
    case 'multiple':
      return { kind: 'multiple', optionIds: prompt.options.slice(i % 2, (i % 2) + Math.min(prompt.maxPicks, 2)).map((o) => o.id) };
    case 'scale':
      return { kind: 'scale', value: prompt.min + ((i * 2) % (prompt.max - prompt.min + 1)) };
    case 'ranking': {
      const order = prompt.options.map((o) => o.id);
      return { kind: 'ranking', order: [...order.slice(i), ...order.slice(0, i)] };
    }
    case 'text':
      return { kind: 'text', text: ['Listening without fixing', 'A slower pace and a clear pause before we go on', 'Asking twice'][i % 3] };
    case 'checkin':
      return { kind: 'checkin', levelId: prompt.levels[(i + 1) % prompt.levels.length].id };
  }
}

describe('layout: the projector fits its screen; phones work in landscape and at 200% text', () => {
  let server: RunningServer;
  let browsing: Browsing;
  let f: Facilitator;
  const sockets: ClientSocket[] = [];

  test.beforeAll(({ server: running, browsing: opened, facilitator }) => {
    server = running;
    browsing = opened;
    f = facilitator;
  });

  afterAll(() => sockets.forEach((socket) => socket.close()));

  const deckPrompts = async (deckId: string): Promise<Prompt[]> => ((await f.api.get(`/api/decks/${deckId}`)).body as { deck: Deck }).deck.prompts;

  // A session with the facilitator and three participants on sockets, and the projector open at each size.
  async function runSession(deckId: string) {
    const created = await createSession(f, 3, deckId);
    const facilitator = (await connect(server.url, { role: 'facilitator', sessionId: created.state.id }, f.cookie)).socket;
    sockets.push(facilitator);
    const phones: ClientSocket[] = [];
    for (let i = 0; i < 3; i += 1) {
      const seat = await joinSession(server.url, created.state.code);
      const { socket } = await connect(server.url, { role: 'participant', token: seat.token });
      phones.push(socket);
      sockets.push(socket);
    }
    const screens: Page[] = [];
    for (const viewport of PROJECTORS) {
      const screen = await browsing.newPage({ viewport, reducedMotion: 'reduce' });
      await screen.goto(`${server.url}/screen/${created.state.id}#${created.screenToken}`);
      screens.push(screen);
    }
    return { created, facilitator, phones, screens };
  }

  async function expectFits(screens: Page[], what: string) {
    for (const screen of screens) {
      // A chart arrives with its own chunk; the table stands in until then.
      if ((await screen.locator('.chart-figure').count()) > 0) await screen.locator('.chart-figure canvas').first().waitFor();
      const size = screen.viewportSize();
      await browsing.shot(screen, `projector-${size?.width}-${what}`);
      await expect(overflow(screen), `${what} at ${size?.width}×${size?.height}`).resolves.toEqual({ x: 0, y: 0 });
      await expect(outsideWindow(screen, true), `${what} at ${size?.width}×${size?.height}`).resolves.toEqual([]);
      // Legible from the back of a room: nothing smaller than the body text of a laptop page.
      await expect(smallestText(screen, 'main'), `${what} at ${size?.width}×${size?.height}`).resolves.toBeGreaterThanOrEqual(14);
    }
  }

  it.each(['consent-and-boundaries', 'communication-styles', 'workshop-check-in'])(
    'the projector shows every phase of %s without scrolling at 1280×720 and 1920×1080',
    async (deckId) => {
      const { created, facilitator, phones, screens } = await runSession(deckId);
      for (const screen of screens) await screen.locator('.join-code').getByText(created.state.code).waitFor();
      await expectFits(screens, `${deckId}-lobby`);

      for (const prompt of await deckPrompts(deckId)) {
        expectOk<SessionState>(await send(facilitator, 'prompt:open', { promptId: prompt.id }));
        for (const [i, phone] of phones.entries()) {
          expectOk(await send(phone, 'answer:submit', { promptId: prompt.id, clientId: randomUUID(), value: answerFor(prompt, i) }));
        }
        for (const screen of screens) await screen.locator('.huge-count').getByText('3').waitFor();
        await expectFits(screens, `${prompt.id}-open`);

        expectOk(await send(facilitator, 'prompt:close', {}));
        if (prompt.kind === 'text') {
          const queue = expectOk(await send(facilitator, 'moderation:list', { promptId: prompt.id }));
          for (const item of queue.items ?? []) {
            expectOk(await send(facilitator, 'text:moderate', { promptId: prompt.id, textId: item.id, status: 'approved' }));
          }
        }
        expectOk(await send(facilitator, 'results:release', {}));
        for (const screen of screens) await screen.locator(`.result[data-kind="${prompt.kind}"]`).waitFor();
        await expectFits(screens, `${prompt.id}-released`);
      }
    },
    180_000,
  );

  it('the projector explains results hidden below k without scrolling', async () => {
    const { facilitator, phones, screens } = await runSession('communication-styles');
    expectOk(await send(facilitator, 'prompt:open', { promptId: 'when-to-talk' }));
    expectOk(await send(phones[0], 'answer:submit', { promptId: 'when-to-talk', clientId: randomUUID(), value: { kind: 'pass' } }));
    expectOk(await send(facilitator, 'prompt:close', {}));
    expectOk(await send(facilitator, 'results:release', {}));
    for (const screen of screens) await screen.locator('.result[data-kind="hidden"]').waitFor();
    // The room is told why, with the threshold.
    await expect(screens[0].locator('main').textContent()).resolves.toMatch(/3/);
    await expectFits(screens, 'hidden-below-k');
  });

  // Chromium's own text-size setting (as raised in the browser's settings), not a zoom: rem and em grow,
  // the layout width stays a phone's.
  async function raiseTextSize(page: Page): Promise<CDPSession> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
    return cdp;
  }

  const phoneLayouts = [
    { name: 'landscape', options: { ...PHONE, viewport: { width: 740, height: 360 } }, bigText: false },
    { name: 'text-200', options: PHONE, bigText: true },
    { name: 'landscape-text-200', options: { ...PHONE, viewport: { width: 740, height: 360 } }, bigText: true },
  ];

  it.each(phoneLayouts)('a phone in $name joins and answers every kind with nothing cut off', async ({ name, options, bigText }) => {
    const created = await createSession(f, 3, 'communication-styles');
    const facilitator = (await connect(server.url, { role: 'facilitator', sessionId: created.state.id }, f.cookie)).socket;
    sockets.push(facilitator);
    const phone = await browsing.newPage(options);
    if (bigText) await raiseTextSize(phone);
    // The start page first: joining by code, the couple start and solo mode.
    await phone.goto(server.url);
    await phone.getByLabel('Join code').waitFor();
    await browsing.shot(phone, `phone-${name}-home`);
    await expect(overflow(phone)).resolves.toMatchObject({ x: 0 });
    await expect(outsideWindow(phone)).resolves.toEqual([]);

    await phone.goto(`${server.url}/j/${created.state.code}`);
    if (bigText) {
      const rootSize = await phone.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
      expect(rootSize).toBeGreaterThanOrEqual(32);
    }
    await phone.getByLabel('I have read this and want to join').check();
    await browsing.shot(phone, `phone-${name}-join`);
    await expect(overflow(phone)).resolves.toMatchObject({ x: 0 });
    await expect(outsideWindow(phone)).resolves.toEqual([]);
    await phone.getByRole('button', { name: 'Join session' }).click();
    await phone.getByRole('heading', { name: 'Waiting for the facilitator to start' }).waitFor();

    for (const prompt of (await deckPrompts('communication-styles')).filter((p) => ['single', 'multiple', 'scale', 'ranking'].includes(p.kind)).slice(0, 4)) {
      expectOk(await send(facilitator, 'prompt:open', { promptId: prompt.id }));
      await phone.getByRole('heading', { name: prompt.title }).waitFor();
      await browsing.shot(phone, `phone-${name}-${prompt.kind}`);
      await expect(overflow(phone), `${prompt.id}`).resolves.toMatchObject({ x: 0 });
      await expect(outsideWindow(phone), `${prompt.id}`).resolves.toEqual([]);
      // Every form has a visible pass; passing must work at this size too.
      const pass = phone.getByRole('button', { name: /^Pass/ });
      await pass.scrollIntoViewIfNeeded();
      await pass.click();
      await phone.getByText('You passed this question. That is always fine.').waitFor();
      expectOk(await send(facilitator, 'prompt:close', {}));
    }
  });
});
