import type { AnswerValue, CreatedSession, Deck, Prompt, YnmChoice } from '@candor/shared';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, vi } from 'vitest';
import { DESKTOP, PHONE, test, type Browsing } from './browser-utils.js';
import type { Clients } from './fixtures.js';
import type { LiveClient } from './live-client.js';
import { createSession, expectOk, type Facilitator, type RunningServer } from './utils.js';

// The results as a room, a phone and a facilitator read them (issue 12): bars for yes / maybe / no on the
// projector, check-in charts that use the screen, a couple's reveal that fits, phone charts whose wrapped
// labels never collide, and formulas only behind the console's "How is this computed?".

const PROJECTORS = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

const LONG = 'Something else entirely, which I would rather describe in my own words';

// Items answered by three people so that every group has something: agreed yes, agreed no, split,
// most maybe, and one that a person passed (two answers, below k = 3: withheld).
const PLAN: Record<string, readonly [YnmChoice, YnmChoice, YnmChoice]> = {
  hugs: ['yes', 'yes', 'yes'],
  'hand-holding': ['yes', 'yes', 'yes'],
  tickling: ['no', 'no', 'no'],
  'surprise-touch': ['no', 'no', 'no'],
  // 67% yes, 33% maybe: in no group (mixed), so in the table only.
  massage: ['yes', 'yes', 'maybe'],
  'pet-names': ['yes', 'no', 'yes'],
  'being-watched': ['maybe', 'maybe', 'no'],
  'trying-new-things': ['maybe', 'maybe', 'yes'],
  'lights-on': ['yes', 'pass', 'no'],
};

const DECK = {
  format: 'candor-deck',
  version: 1,
  deck: {
    id: 'charts',
    title: 'Charts',
    language: 'en',
    prompts: [
      {
        id: 'inventory',
        kind: 'ynm',
        title: 'Which of these feel like a yes?',
        items: Object.keys(PLAN).map((id) => ({ id, label: id === 'surprise-touch' ? 'Being touched by surprise, without a word first' : id.replace(/-/g, ' ') })),
      },
      {
        id: 'how-to-say',
        kind: 'single',
        title: 'How would you most like to say no?',
        options: [
          { id: 'short', label: 'Short and clear' },
          { id: 'reason', label: 'With a reason, so that the other person understands why' },
          { id: 'else', label: LONG },
          { id: 'later', label: 'Later, in writing, once I have had time to think it over' },
        ],
      },
      {
        id: 'energy',
        kind: 'checkin',
        title: 'How is your energy?',
        moment: 'start',
        levels: [
          { id: 'low', label: 'Low' },
          { id: 'some', label: 'Some' },
          { id: 'good', label: 'Good' },
          { id: 'high', label: 'High' },
        ],
      },
    ],
  },
};

// The presenter screen at each projector size, each waiting in the lobby with the join code.
async function openProjectors(browsing: Browsing, url: string, session: CreatedSession): Promise<Page[]> {
  const screens: Page[] = [];
  for (const viewport of PROJECTORS) {
    const screen = await browsing.newPage({ viewport, reducedMotion: 'reduce' });
    await screen.goto(`${url}/screen/${session.state.id}#${session.screenToken}`);
    await screen.locator('.join-code').getByText(session.state.code).waitFor();
    screens.push(screen);
  }
  return screens;
}

function answerFor(prompt: Prompt, i: number): AnswerValue {
  if (prompt.kind === 'ynm') return { kind: 'ynm', items: Object.fromEntries(Object.entries(PLAN).map(([id, plan]) => [id, plan[i]])) };
  if (prompt.kind === 'single') return { kind: 'single', optionId: prompt.options[[2, 2, 1][i]].id };
  if (prompt.kind === 'checkin') return { kind: 'checkin', levelId: prompt.levels[[1, 2, 2][i]].id };
  throw new Error(`no answer for ${prompt.kind}`);
}

// Whether the page scrolls, in CSS pixels beyond the window.
const overflow = (page: Page) =>
  page.evaluate(() => {
    const root = document.documentElement;
    return { x: Math.max(0, root.scrollWidth - root.clientWidth), y: Math.max(0, root.scrollHeight - root.clientHeight) };
  });

// Visible elements that reach below or beside the window.
const outsideWindow = (page: Page) =>
  page.evaluate(() => {
    const { clientWidth: width, clientHeight: height } = document.documentElement;
    return Array.from(document.querySelectorAll<HTMLElement>('main *'))
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return box.width > 0 && box.height > 0 && (box.right > width + 1 || box.bottom > height + 1);
      })
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}: ${element.textContent?.slice(0, 40)}`);
  });

type Box = { top: number; bottom: number; left: number; right: number };
const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

// Where Chart.js drew a horizontal chart's axis labels and bars (bar-chart.tsx writes it to data-layout).
async function chartLayout(page: Page): Promise<{ width: number; height: number; labels: Box[]; bars: Box[] }> {
  const canvas = page.locator('.result canvas').first();
  await vi.waitFor(async () => expect(await canvas.getAttribute('data-layout')).toBeTruthy(), { timeout: 10_000 });
  return JSON.parse((await canvas.getAttribute('data-layout')) ?? '{}') as { width: number; height: number; labels: Box[]; bars: Box[] };
}

function expectNoCollisions({ width, height, labels, bars }: { width: number; height: number; labels: Box[]; bars: Box[] }) {
  expect(labels.length).toBe(bars.length);
  for (const [i, label] of labels.entries()) {
    // Inside the canvas, not cut at its edges.
    expect(label.top, `label ${i} top`).toBeGreaterThanOrEqual(0);
    expect(label.bottom, `label ${i} bottom`).toBeLessThanOrEqual(height);
    expect(label.left, `label ${i} left`).toBeGreaterThanOrEqual(0);
    expect(label.right).toBeLessThanOrEqual(width);
    for (const other of labels.slice(i + 1)) expect(overlaps(label, other), `label ${i} and a later label`).toBe(false);
    for (const bar of bars) expect(overlaps(label, bar), `label ${i} and a bar`).toBe(false);
  }
}

describe('charts: the projector read from 10 m, the phone at 390 px, and the console that explains', () => {
  // One group session of the charts deck: the console in a browser, the projector at both sizes, one phone
  // in a browser and two on sockets; the facilitator moves it over its own socket.
  async function groupRoom(server: RunningServer, browsing: Browsing, f: Facilitator, clients: Clients) {
    const imported = await f.api.post('/api/decks/import').send(DECK);
    expect(imported.status).toBe(201);
    const deck = imported.body.deck as Deck;
    const session = await createSession(f, 3, deck.id);
    const host = await clients.host(session.state.id);
    const consolePage = await browsing.newPage(DESKTOP);
    const [name, value] = f.cookie.split('=');
    await consolePage.context().addCookies([{ name, value, url: server.url }]);
    await consolePage.goto(`${server.url}/console/sessions/${session.state.id}`);
    await consolePage.locator('.join-code').getByText(session.state.code).waitFor();
    const screens = await openProjectors(browsing, server.url, session);
    const phone = await browsing.newPage({ ...PHONE, viewport: { width: 390, height: 844 } });
    await phone.goto(`${server.url}/j/${session.state.code}`);
    await phone.getByLabel('I have read this and want to join').click();
    await phone.getByRole('button', { name: 'Join session' }).click();
    await phone.getByRole('heading', { name: 'Waiting for the facilitator to start' }).waitFor();
    const sockets: LiveClient[] = [];
    for (let i = 0; i < 3; i += 1) sockets.push(await clients.join(session.state.code));

    // Opens a prompt; the browser's phone passes (it is there to read the results), the three socket
    // phones answer; then closes and releases it.
    const run = async (prompt: Prompt) => {
      expectOk(await host.send('prompt:open', { promptId: prompt.id }));
      await phone.getByRole('heading', { name: prompt.title }).waitFor();
      const pass = phone.getByRole('button', { name: /^Pass/ });
      await pass.click();
      await phone.getByText('You passed this question. That is always fine.').waitFor();
      for (const [i, socket] of sockets.entries()) {
        expectOk(await socket.send('answer:submit', { promptId: prompt.id, clientId: randomUUID(), value: answerFor(prompt, i) }));
      }
      expectOk(await host.send('prompt:close', {}));
      expectOk(await host.send('results:release', {}));
      for (const page of [...screens, phone, consolePage]) await page.locator(`.result[data-kind="${prompt.kind}"]`).waitFor();
    };
    return { deck, run, screens, phone, consolePage };
  }

  test('draws yes / maybe / no as labelled bars in four groups on the projector, and keeps formulas to the console', async ({
    server,
    browsing,
    facilitator,
    clients,
  }) => {
    const { deck, run, screens, phone, consolePage } = await groupRoom(server, browsing, facilitator, clients);
    await run(deck.prompts[0]);

    for (const screen of screens) {
      const size = `${screen.viewportSize()?.width}`;
      await browsing.shot(screen, `charts-ynm-projector-${size}`);
      const group = (name: string) => screen.locator('.result-group', { has: screen.getByRole('heading', { name, exact: true }) });
      // The four groups, consensus split by what was agreed on.
      await expect(group('Agreed yes').locator('.ynm-label').allTextContents()).resolves.toEqual(['hugs', 'hand holding']);
      await expect(group('Agreed no').locator('.ynm-label').allTextContents()).resolves.toEqual(['tickling', 'Being touched by surprise, without a word first']);
      await expect(group('Split').locator('.ynm-label').allTextContents()).resolves.toEqual(['pet names']);
      await expect(group('Most maybe').locator('.ynm-label').allTextContents()).resolves.toEqual(['being watched', 'trying new things']);
      // A mixed item is in no group; the withheld one is counted, never drawn.
      await expect(screen.locator('.ynm-row').getByText(/massage|lights on/).count()).resolves.toBe(0);
      await screen.getByText('1 item hidden: fewer than 3 answers.').waitFor();

      // Each bar: its segments in order, each with its share written in it, and a text for screen readers.
      const hugs = group('Agreed yes').locator('.ynm-row').first();
      await expect(hugs.locator('.ynm-seg').evaluateAll((segs) => segs.map((s) => s.getAttribute('data-choice')))).resolves.toEqual(['yes']);
      await expect(hugs.locator('.ynm-seg-label:visible').allTextContents()).resolves.toEqual(['100%']);
      const pets = group('Split').locator('.ynm-row').first();
      await expect(pets.locator('.ynm-seg').evaluateAll((segs) => segs.map((s) => s.getAttribute('data-choice')))).resolves.toEqual(['yes', 'no']);
      await expect(pets.locator('.ynm-seg-label:visible').allTextContents()).resolves.toEqual(['67%', '33%']);
      await expect(pets.getByRole('img').getAttribute('aria-label')).resolves.toBe('pet names: 67% yes, 0% maybe, 33% no');
      // The legend names each colour and pattern.
      await expect(screen.locator('.ynm-legend li').allTextContents()).resolves.toEqual([' Yes', ' Maybe', ' No']);
      // The three segments differ by pattern too (solid, striped, dotted), never by colour alone.
      const patterns = await screen.locator('.ynm-legend .swatch').evaluateAll((swatches) => swatches.map((s) => getComputedStyle(s).backgroundImage));
      expect(patterns[0]).toBe('none');
      expect(patterns[1]).toContain('repeating-linear-gradient');
      expect(patterns[2]).toContain('radial-gradient');

      // Read from 10 m: item labels at least 22 px at 1280×720.
      const labelSize = await screen.locator('.ynm-label').first().evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
      expect(labelSize).toBeGreaterThanOrEqual(22);
      // No formulas for the room, and the screen fits.
      await expect(screen.locator('main').textContent()).resolves.not.toMatch(/polari|standard dev|\bSD\b/i);
      await expect(overflow(screen)).resolves.toEqual({ x: 0, y: 0 });
      await expect(outsideWindow(screen)).resolves.toEqual([]);
    }

    // The same bars in a dark room (the system's dark scheme): lighter blue and orange, dark text.
    await screens[0].emulateMedia({ colorScheme: 'dark' });
    await browsing.shot(screens[0], 'charts-ynm-projector-1280-dark');

    // The phone has the groups and the table in words, without the formula.
    await phone.getByRole('heading', { name: 'Agreed no', exact: true }).waitFor();
    await expect(phone.locator('main').textContent()).resolves.not.toMatch(/polari|standard dev|\bSD\b|How is this computed/i);
    await browsing.shot(phone, 'charts-ynm-phone');

    // The console explains, behind a disclosure that starts closed.
    const method = consolePage.locator('details.result-method');
    await expect(method.getAttribute('open')).resolves.toBeNull();
    await expect(method.getByText(/polarisation = 4 × share of yes × share of no/).isVisible()).resolves.toBe(false);
    await method.getByText('How is this computed?').click();
    await method.getByText(/polarisation = 4 × share of yes × share of no/).waitFor();
    await method.getByText('“Agreed yes” and “Agreed no”: at least 75% of them gave that answer.').waitFor();
    await browsing.shot(consolePage, 'charts-ynm-console');
  });

  test('keeps wrapped option labels apart on a 390 px phone, and check-in charts use the projector', async ({ server, browsing, facilitator, clients }) => {
    const { deck, run, screens, phone } = await groupRoom(server, browsing, facilitator, clients);
    await run(deck.prompts[1]);
    await phone.locator('.result canvas').first().waitFor();
    const layout = await chartLayout(phone);
    // The long option wraps onto several lines, and no label runs into another or into a bar.
    expect(layout.labels[2].bottom - layout.labels[2].top).toBeGreaterThan(3 * 14);
    expectNoCollisions(layout);
    await browsing.shot(phone, 'charts-choice-phone-390');
    await expect(overflow(phone)).resolves.toMatchObject({ x: 0 });
    for (const screen of screens) {
      expectNoCollisions(await chartLayout(screen));
      await browsing.shot(screen, `charts-choice-projector-${screen.viewportSize()?.width}`);
    }

    await run(deck.prompts[2]);
    for (const screen of screens) {
      const viewport = screen.viewportSize() ?? { width: 0, height: 0 };
      await screen.locator('.result canvas').first().waitFor();
      await browsing.shot(screen, `charts-checkin-projector-${viewport.width}`);
      const height = await screen.locator('.result .chart-box').first().evaluate((box) => box.getBoundingClientRect().height);
      // Today's 150 px strip became most of the screen (what the title, the counts and the footer leave).
      expect(height, `check-in chart at ${viewport.width}`).toBeGreaterThan(viewport.height * 0.45);
      expectNoCollisions(await chartLayout(screen));
      await expect(overflow(screen)).resolves.toEqual({ x: 0, y: 0 });
      await expect(outsideWindow(screen)).resolves.toEqual([]);
    }
  });

  test("fits a couple's long reveal on the projector at both sizes, with a count of what is left out", async ({ server, browsing, facilitator, clients }) => {
    const session = await createSession(facilitator, { mode: 'couple', deckId: 'consent-and-boundaries' });
    const host = await clients.host(session.state.id);
    const partners = [await clients.join(session.state.code), await clients.join(session.state.code)];
    const screens = await openProjectors(browsing, server.url, session);
    const deck = ((await facilitator.api.get('/api/decks/consent-and-boundaries')).body as { deck: Deck }).deck;
    const prompt = deck.prompts.find((p) => p.kind === 'ynm');
    if (prompt?.kind !== 'ynm') throw new Error('the consent deck has a yes/no/maybe list');
    expectOk(await host.send('prompt:open', { promptId: prompt.id }));
    // Both say yes to most things and maybe to a few: long lists of matches and of things worth exploring.
    for (const [p, partner] of partners.entries()) {
      const items = Object.fromEntries(prompt.items.map((item, j) => [item.id, (j % 4 === 0 ? (p === 0 ? 'maybe' : 'yes') : j % 7 === 0 ? 'no' : 'yes') as YnmChoice]));
      expectOk(await partner.send('answer:submit', { promptId: prompt.id, clientId: randomUUID(), value: { kind: 'ynm', items } }));
    }
    for (const partner of partners) expectOk(await partner.send('answer:finish', { promptId: prompt.id, finished: true }));
    await vi.waitFor(() => expect(host.received('session:updated').some((state) => state.phase === 'released')).toBe(true), { timeout: 10_000 });
    const released = host.received('session:updated').find((state) => state.phase === 'released');
    const reveal = released?.result?.distribution;
    if (reveal?.kind !== 'couple') throw new Error('a couple reveal');
    expect(reveal.matches.length).toBeGreaterThan(20);

    for (const screen of screens) {
      const size = screen.viewportSize() ?? { width: 0, height: 0 };
      await screen.locator('.result[data-kind="couple"] .couple-matches').waitFor();
      await browsing.shot(screen, `charts-couple-projector-${size.width}`);
      await expect(overflow(screen), `${size.width}`).resolves.toEqual({ x: 0, y: 0 });
      await expect(outsideWindow(screen), `${size.width}`).resolves.toEqual([]);
      // What is shown plus what is counted as more is exactly the reveal's list, nothing else.
      const matches = screen.locator('.couple-matches .couple-things li:not(.couple-more)');
      const shown = await matches.count();
      expect(shown).toBeGreaterThan(0);
      const more = await screen.locator('.couple-matches .couple-more').textContent();
      expect(more).toBe(`and ${reveal.matches.length - shown} more`);
      const labels = (await matches.allTextContents()).map((text) => text.split(' · ')[0]);
      expect(labels).toEqual(reveal.matches.slice(0, shown).map((thing) => thing.label));
      // The count not shared stays a number.
      await expect(screen.getByTestId('not-shared').textContent()).resolves.toBe(`${reveal.notShared} items not shared`);
    }
  });
});
