import { AxeBuilder } from '@axe-core/playwright';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect } from 'vitest';
import { DESKTOP, flakyNetwork, PHONE, signUpInBrowser, test, type FlakyNetwork } from './browser-utils.js';
import { connect } from './live-client.js';
import { expectOk, ROOT } from './utils.js';

// The server's clock runs ahead by what this file says (CANDOR_TEST_CLOCK_FILE): "day 2" is a day later.
const CLOCK_FILE = join(mkdtempSync(join(tmpdir(), 'candor-clock-')), 'offset');
const DAY = 24 * 3600 * 1000;
const setClock = (offsetMs: number) => writeFileSync(CLOCK_FILE, String(offsetMs));
setClock(0);
test.override('serverEnv', { CANDOR_TEST_CLOCK_FILE: CLOCK_FILE });

const DECK = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/all-kinds.deck.json'), 'utf8')) as unknown;
// What the partners write in the open-text prompt (its policy is private): nobody else may ever see these.
const MARK_A = 'marker-alpha-only-mine';
const MARK_B = 'marker-bravo-only-yours';

// Everything a page receives from the server: REST bodies and socket frames, read once the page settles.
function record(page: Page): () => Promise<string> {
  const bodies: Promise<string>[] = [];
  const frames: string[] = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/api/')) bodies.push(response.text().catch(() => ''));
  });
  page.on('websocket', (socket) => socket.on('framereceived', (frame) => frames.push(String(frame.payload))));
  return async () => (await Promise.all(bodies)).join('\n') + frames.join('\n');
}

// WCAG 2.2 AA as browser-a11y checks it (the light theme, and contrast in the dark one): what it finds, by page.
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
async function axe(page: Page, name: string): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const builder = new AxeBuilder({ page });
    const { violations } = await (colorScheme === 'light' ? builder.withTags(WCAG) : builder.withRules(['color-contrast'])).analyze();
    for (const v of violations) found.push(`${name} (${colorScheme}): ${v.id} — ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}

// A phone page is laid out for 360 px: nothing wider than the screen, so nothing scrolls sideways.
async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

async function save(phone: Page, button = 'Save answer') {
  await phone.getByRole('button', { name: button, exact: true }).click();
  await phone.getByTestId('save-status').getByText('Saved', { exact: true }).waitFor({ timeout: 20_000 });
}

async function openQuestion(phone: Page, number: number, title: string) {
  // From a question, back to the list first.
  const back = phone.getByRole('button', { name: 'All questions' });
  if ((await back.count()) > 0) await back.click();
  await phone.getByRole('button', { name: `Open question ${number}: ${title}` }).click();
  await phone.getByRole('heading', { name: title, level: 1 }).waitFor();
}

async function assign(therapist: Page, url: string, audience: string): Promise<string> {
  await therapist.goto(`${url}/console`);
  await therapist.getByRole('button', { name: 'Give a deck as homework' }).click();
  await therapist.getByLabel('Deck', { exact: true }).selectOption({ label: 'Every prompt kind' });
  await therapist.getByRole('radio', { name: audience }).click();
  // A week ahead by default, in local time.
  const closes = new Date(await therapist.getByLabel('Open until').inputValue()).getTime();
  expect(closes - Date.now()).toBeGreaterThan(6.9 * DAY);
  expect(closes - Date.now()).toBeLessThan(7.1 * DAY);
  await therapist.getByRole('button', { name: 'Assign as homework' }).click();
  await therapist.waitForURL('**/console/homework/*');
  await therapist.getByTestId('links-once').getByText(/^(These links are|This link is) shown only now\./).waitFor();
  return new URL(therapist.url()).pathname.split('/').at(-1) ?? '';
}

describe('homework in the browser', () => {
  const networks: FlakyNetwork[] = [];
  afterAll(() => networks.forEach((network) => network.close()));

  // A phone whose network comes and goes (browser-utils' flakyNetwork).
  async function flakyOrigin(port: number) {
    const network = await flakyNetwork(port);
    networks.push(network);
    return network;
  }

  test("a couple's homework over two days: both phones and the therapist, who sees only who has finished until the reveal", async ({ server, browsing }) => {
    setClock(0);
    const therapist = await browsing.newPage(DESKTOP);
    const therapistSaw = record(therapist);
    await signUpInBrowser(therapist, server.url, 'homework');
    expect((await therapist.request.post(`${server.url}/api/decks/import`, { data: DECK })).status()).toBe(201);
    const sessionId = await assign(therapist, server.url, 'A couple (two private links)');
    const linkA = await therapist.getByLabel('Link for Partner A', { exact: true }).inputValue();
    const linkB = await therapist.getByLabel('Link for Partner B', { exact: true }).inputValue();
    expect(linkA).toMatch(new RegExp(`/h/${sessionId}#invite=[\\w-]{16,}&for=couple$`));
    expect(linkB).not.toBe(linkA);
    await therapist.getByAltText('QR code to join').first().waitFor();
    await browsing.shot(therapist, 'homework-links');
    const violations = await axe(therapist, 'therapist links');
    // A reload does not bring the links back: they were shown once.
    await therapist.reload();
    await therapist.getByRole('heading', { name: 'Who has finished' }).waitFor();
    await expect(therapist.getByLabel('Link for Partner A', { exact: true }).count()).resolves.toBe(0);

    // Day 1: partner A opens the link on a phone whose network comes and goes.
    const flaky = await flakyOrigin(server.port);
    const phoneA = await browsing.newPage(PHONE);
    await phoneA.goto(linkA.replace(server.url, flaky.url));
    await phoneA.getByRole('heading', { name: 'Your privacy, in plain words' }).waitFor();
    await phoneA.getByText('if you said yes and it is not a match, your partner did not say yes').waitFor();
    await phoneA.getByText('This link opens on one phone only.').waitFor();
    await browsing.shot(phoneA, 'homework-phone-consent');
    violations.push(...(await axe(phoneA, 'phone consent')));
    await phoneA.getByLabel('I have read this and want to start').click();
    await phoneA.getByRole('button', { name: 'Open my homework' }).click();
    await phoneA.getByRole('heading', { name: 'Your questions' }).waitFor();
    // The link is not left in the address bar; the phone keeps only its own seat token.
    expect(new URL(phoneA.url()).hash).toBe('');
    expect(await phoneA.evaluate(() => Object.keys(localStorage))).toContain(`candor:token:${sessionId}`);
    await phoneA.getByTestId('open-until').getByText(/^Open until /).waitFor();
    await phoneA.getByText('0 of 8 questions answered').waitFor();
    violations.push(...(await axe(phoneA, 'phone list')));
    await expect(fitsWidth(phoneA)).resolves.toBe(true);

    // Half of the eight questions, stepping through from the first.
    await phoneA.getByRole('button', { name: 'Start with the first question' }).click();
    await phoneA.getByText('Question 1 of 8').waitFor();
    for (const [item, choice] of [['Item A', 'Yes'], ['Item B', 'Maybe'], ['Item C', 'Yes']]) {
      await phoneA.getByRole('radiogroup', { name: item, exact: true }).getByRole('radio', { name: choice }).click();
    }
    await save(phoneA, 'Save answers');
    await phoneA.getByRole('button', { name: 'Next question' }).click();
    await phoneA.getByRole('radio', { name: 'Y', exact: true }).click();
    await save(phoneA);
    await openQuestion(phoneA, 4, 'How comfortable?');
    await phoneA.getByRole('radio', { name: '2', exact: true }).click();
    await save(phoneA);
    await openQuestion(phoneA, 6, 'A few words');
    await phoneA.getByLabel('Your answer').fill(MARK_A);
    await save(phoneA);
    await browsing.shot(phoneA, 'homework-phone-question');
    violations.push(...(await axe(phoneA, 'phone question')));
    await expect(fitsWidth(phoneA)).resolves.toBe(true);

    // A reload keeps everything: the answers come back from the server, never from the phone's storage.
    await phoneA.reload();
    await phoneA.getByText('4 of 8 questions answered').waitFor();
    expect(JSON.stringify(await phoneA.evaluate(() => ({ ...localStorage })))).not.toContain(MARK_A);
    await openQuestion(phoneA, 6, 'A few words');
    await expect(phoneA.getByLabel('Your answer').inputValue()).resolves.toBe(MARK_A);

    // Offline, one more answer waits on the phone, and is saved once the network is back.
    flaky.offline();
    await phoneA.getByText('Not connected right now.').waitFor();
    await openQuestion(phoneA, 3, 'Pick up to two');
    await phoneA.getByRole('checkbox', { name: 'X', exact: true }).click();
    await phoneA.getByRole('button', { name: 'Save answer', exact: true }).click();
    await phoneA.getByTestId('save-status').getByText('Not yet saved').waitFor();
    await phoneA.getByRole('button', { name: 'All questions' }).click();
    await phoneA.locator('[data-status="pending"]').getByText('Pick up to two').waitFor();
    await browsing.shot(phoneA, 'homework-phone-offline');
    flaky.online();
    await phoneA.getByText('5 of 8 questions answered').waitFor({ timeout: 20_000 });
    await expect(phoneA.locator('[data-status="pending"]').count()).resolves.toBe(0);

    // Partner B opens their own link.
    const phoneB = await browsing.newPage(PHONE);
    const partnerSaw = record(phoneB);
    await phoneB.goto(linkB);
    await phoneB.getByLabel('I have read this and want to start').click();
    await phoneB.getByRole('button', { name: 'Open my homework' }).click();
    await phoneB.getByRole('heading', { name: 'Your questions' }).waitFor();

    // A's link opened in a third browser is refused, plainly.
    const third = await browsing.newPage(PHONE);
    await third.goto(linkA);
    await third.getByLabel('I have read this and want to start').click();
    await third.getByRole('button', { name: 'Open my homework' }).click();
    await third.getByRole('heading', { name: 'This link has already been opened' }).waitFor();
    await third.getByText('Please ask your therapist for a new link.').waitFor();
    await browsing.shot(third, 'homework-link-used');

    // Day 2: A resumes where they left off, and finishes, told first what has no answer yet.
    setClock(DAY + 3600_000);
    await phoneA.goto(`${flaky.url}/h/${sessionId}`);
    await phoneA.getByText('5 of 8 questions answered').waitFor();
    await phoneA.getByRole('button', { name: "I've finished" }).click();
    await phoneA.getByTestId('unanswered-note').getByText('3 questions have no answer yet. If you finish now, they count as not shared.').waitFor();
    await expect(phoneA.getByTestId('unanswered').getByRole('listitem').allTextContents()).resolves.toEqual([
      '5. Put these in order',
      '7. Energy now',
      '8. Energy at the end',
    ]);
    await browsing.shot(phoneA, 'homework-phone-finish');
    violations.push(...(await axe(phoneA, 'phone finish')));
    await phoneA.getByRole('button', { name: "I've finished" }).click();
    await phoneA.getByRole('heading', { name: "You've finished" }).waitFor();
    // Taking it back reopens the answers; then finished again.
    await phoneA.getByRole('button', { name: 'Not finished yet after all' }).click();
    await phoneA.getByRole('heading', { name: 'Your questions' }).waitFor();
    await phoneA.getByRole('button', { name: "I've finished" }).click();
    await phoneA.getByRole('button', { name: "I've finished" }).click();
    await phoneA.getByRole('heading', { name: "You've finished" }).waitFor();

    // The therapist's page shows who has finished, live, and nothing of what anyone answered.
    await therapist.getByTestId('homework-seats').getByText('Partner A: finished').waitFor();
    await therapist.getByTestId('homework-seats').getByText('Partner B: not finished yet').waitFor();
    await browsing.shot(therapist, 'homework-therapist-waiting');

    // B answers on day 2 and finishes.
    await phoneB.getByRole('button', { name: 'Start with the first question' }).click();
    for (const [item, choice] of [['Item A', 'Yes'], ['Item B', 'Yes'], ['Item C', 'No']]) {
      await phoneB.getByRole('radiogroup', { name: item, exact: true }).getByRole('radio', { name: choice }).click();
    }
    await save(phoneB, 'Save answers');
    await openQuestion(phoneB, 4, 'How comfortable?');
    await phoneB.getByRole('radio', { name: '5', exact: true }).click();
    await save(phoneB);
    await openQuestion(phoneB, 6, 'A few words');
    await phoneB.getByLabel('Your answer').fill(MARK_B);
    await save(phoneB);

    // Before the reveal: no answer of either partner on the therapist's page, in its REST answers or its frames.
    const before = (await therapist.locator('main').innerText()) + (await therapistSaw());
    // (An answer is `{"kind":"scale","value":…}` or `{"kind":"ynm","items":{…}}`; the deck's prompts have `"items":[`.)
    for (const secret of [MARK_A, MARK_B, '"maybe"', '"kind":"scale","value"', '"items":{']) expect(before).not.toContain(secret);

    await phoneB.getByRole('button', { name: 'All questions' }).click();
    await phoneB.getByRole('button', { name: "I've finished" }).click();
    await phoneB.getByTestId('unanswered-note').getByText('5 questions have no answer yet').waitFor();
    await phoneB.getByRole('button', { name: "I've finished" }).click();

    // Both phones show the reveal, under each prompt's policy.
    for (const phone of [phoneA, phoneB]) {
      await phone.getByRole('heading', { name: 'What you share' }).waitFor();
      await phone.getByRole('heading', { name: '1. Yes, maybe or no?' }).waitFor();
    }
    await browsing.shot(phoneA, 'homework-phone-reveal');
    violations.push(...(await axe(phoneA, 'phone reveal')));
    await expect(fitsWidth(phoneA)).resolves.toBe(true);
    // The therapist sees the same reveal, with the no-record-of-consent line.
    await therapist.getByTestId('homework-results').getByRole('heading', { name: '1. Yes, maybe or no?' }).waitFor();
    await therapist.getByTestId('not-consent').getByText(/^Not a record of consent/).waitFor();
    await therapist.getByTestId('homework-seats').getByText('Partner B: finished').waitFor();
    await browsing.shot(therapist, 'homework-therapist-reveal');
    violations.push(...(await axe(therapist, 'therapist reveal')));
    // Private answers stay private after the reveal too, and neither partner got the other's text.
    const after = (await therapist.locator('main').innerText()) + (await therapistSaw());
    for (const secret of [MARK_A, MARK_B]) expect(after).not.toContain(secret);
    expect(await partnerSaw()).not.toContain(MARK_A);

    // The console lists it as homework, revealed, not among the live sessions.
    await therapist.goto(`${server.url}/console`);
    await therapist.getByTestId('homework-row').getByText('revealed').waitFor();
    await browsing.shot(therapist, 'homework-console-list');
    await expect(therapist.getByRole('region', { name: 'Your sessions' }).getByRole('link', { name: /Every prompt kind/ }).count()).resolves.toBe(0);
    await therapist.getByTestId('homework-row').getByRole('link', { name: 'Every prompt kind' }).click();
    await therapist.waitForURL(`**/console/homework/${sessionId}`);
    violations.push(...(await axe(therapist, 'console')));
    // An old address of the live console leads to the homework's own page.
    await therapist.goto(`${server.url}/console/sessions/${sessionId}`);
    await therapist.waitForURL(`**/console/homework/${sessionId}`);
    await therapist.getByRole('heading', { name: 'Who has finished' }).waitFor();
    expect(violations).toEqual([]);
  });

  test('after the close: the phone says so, the therapist makes new links only for the seat not opened, then shows the answers', async ({ server, browsing }) => {
    setClock(0);
    const therapist = await browsing.newPage(DESKTOP);
    await signUpInBrowser(therapist, server.url, 'homework-release');
    expect((await therapist.request.post(`${server.url}/api/decks/import`, { data: DECK })).status()).toBe(201);
    await assign(therapist, server.url, 'A couple (two private links)');
    const linkA = await therapist.getByLabel('Link for Partner A', { exact: true }).inputValue();
    const oldLinkB = await therapist.getByLabel('Link for Partner B', { exact: true }).inputValue();

    const phoneA = await browsing.newPage(PHONE);
    await phoneA.goto(linkA);
    await phoneA.getByLabel('I have read this and want to start').click();
    await phoneA.getByRole('button', { name: 'Open my homework' }).click();
    await openQuestion(phoneA, 4, 'How comfortable?');
    await phoneA.getByRole('radio', { name: '4', exact: true }).click();
    await save(phoneA);

    // New links: A's stays with A's phone; B gets a new one and the old one stops working.
    await therapist.getByRole('button', { name: 'Make new links' }).click();
    await therapist.getByText('Partner A has opened their link.').waitFor();
    const linkB = await therapist.getByLabel('Link for Partner B', { exact: true }).inputValue();
    expect(linkB).not.toBe(oldLinkB);
    const stale = await browsing.newPage(PHONE);
    await stale.goto(oldLinkB);
    await stale.getByLabel('I have read this and want to start').click();
    await stale.getByRole('button', { name: 'Open my homework' }).click();
    await stale.getByRole('heading', { name: 'This link has already been opened' }).waitFor();
    const phoneB = await browsing.newPage(PHONE);
    await phoneB.goto(linkB);
    await phoneB.getByLabel('I have read this and want to start').click();
    await phoneB.getByRole('button', { name: 'Open my homework' }).click();
    await openQuestion(phoneB, 4, 'How comfortable?');
    await phoneB.getByRole('radio', { name: '2', exact: true }).click();
    await save(phoneB);

    // A week and a day later, neither has finished: the homework has closed.
    setClock(8 * DAY);
    await phoneA.reload();
    await phoneA.getByRole('heading', { name: 'This homework has closed' }).waitFor();
    await phoneA.getByText('Your therapist can show it at your next session.').waitFor();
    await browsing.shot(phoneA, 'homework-phone-closed');
    await therapist.reload();
    await therapist.getByTestId('homework-seats').getByText('Partner A: not finished yet').waitFor();
    await expect(therapist.getByRole('heading', { name: 'The private links' }).count()).resolves.toBe(0);
    await therapist.getByRole('button', { name: 'Show the answers now' }).click();
    await therapist.getByTestId('homework-results').getByRole('heading', { name: '4. How comfortable?' }).waitFor();
    // Both phones follow the release: side by side, what each saved.
    for (const phone of [phoneA, phoneB]) {
      await phone.getByRole('heading', { name: 'What you share' }).waitFor();
      await phone.getByText('Your partner').first().waitFor();
    }
    await phoneA.getByRole('heading', { name: '1. Yes, maybe or no?' }).waitFor();
    await phoneA.getByText('Nothing to compare here: this question needs an answer from both of you.').first().waitFor();
    await browsing.shot(phoneB, 'homework-phone-released');
    expect([...(await axe(phoneA, 'phone closed reveal')), ...(await axe(therapist, 'therapist released'))]).toEqual([]);
  });

  test("one client's homework, in German: finished is shown to the therapist, never an answer", async ({ server, browsing }) => {
    setClock(0);
    const therapist = await browsing.newPage(DESKTOP);
    const therapistSaw = record(therapist);
    await signUpInBrowser(therapist, server.url, 'homework-client');
    expect((await therapist.request.post(`${server.url}/api/decks/import`, { data: DECK })).status()).toBe(201);
    await assign(therapist, server.url, 'One client (one private link)');
    const link = await therapist.getByLabel('Link for Your client', { exact: true }).inputValue();
    expect(link).toMatch(/#invite=[\w-]{16,}&for=client$/);

    const phone = await browsing.newPage({ ...PHONE, locale: 'de-DE' });
    await phone.goto(link);
    await phone.getByRole('heading', { name: 'Deine Privatsphäre, in einfachen Worten' }).waitFor();
    await phone.getByText('Diese Hausaufgabe ist nur für dich.').waitFor();
    await phone.getByText('Deine Therapeutin oder dein Therapeut sieht nur, ob du fertig bist, nie deine Antworten.').waitFor();
    await browsing.shot(phone, 'homework-client-consent-de');
    await phone.getByLabel('Ich habe das gelesen und möchte anfangen').click();
    await phone.getByRole('button', { name: 'Meine Hausaufgabe öffnen' }).click();
    await phone.getByRole('heading', { name: 'Deine Fragen' }).waitFor();
    await phone.getByRole('button', { name: 'Frage 4 öffnen: How comfortable?' }).click();
    await phone.getByRole('radio', { name: '1', exact: true }).click();
    await phone.getByRole('button', { name: 'Antwort speichern', exact: true }).click();
    await phone.getByTestId('save-status').getByText('Gespeichert', { exact: true }).waitFor();
    await phone.getByRole('button', { name: 'Alle Fragen' }).click();
    await phone.getByRole('button', { name: 'Frage 6 öffnen: A few words' }).click();
    await phone.getByLabel('Deine Antwort').fill(MARK_A);
    await phone.getByRole('button', { name: 'Antwort speichern', exact: true }).click();
    await phone.getByTestId('save-status').getByText('Gespeichert', { exact: true }).waitFor();
    await phone.getByRole('button', { name: 'Alle Fragen' }).click();
    await phone.getByRole('button', { name: 'Ich bin fertig' }).click();
    await phone.getByText('6 Fragen haben noch keine Antwort. Wenn du jetzt abschließt, bleiben sie ohne Antwort, und das ist in Ordnung.').waitFor();
    await phone.getByRole('button', { name: 'Ich bin fertig' }).click();
    await phone.getByRole('heading', { name: 'Du bist fertig' }).waitFor();
    await phone.getByText('Deine Therapeutin oder dein Therapeut sieht nur, dass du fertig bist, nie deine Antworten.').waitFor();
    await browsing.shot(phone, 'homework-client-finished-de');

    await therapist.getByTestId('homework-seats').getByText('Your client: finished').waitFor();
    await therapist.getByText('A client’s homework is never shown to anyone').waitFor();
    await expect(therapist.getByTestId('homework-results').count()).resolves.toBe(0);
    await browsing.shot(therapist, 'homework-therapist-client');
    const seen = (await therapist.locator('main').innerText()) + (await therapistSaw());
    for (const secret of [MARK_A, '"kind":"scale","value"', '"kind":"text","text"']) expect(seen).not.toContain(secret);

    // After the close the phone says so, calmly.
    setClock(8 * DAY);
    await phone.reload();
    await phone.getByRole('heading', { name: 'Diese Hausaufgabe ist geschlossen' }).waitFor();
    await therapist.reload();
    await therapist.getByTestId('homework-standing').getByText(/Closed on/).waitFor();
  });
  test("a group's homework: one link for everyone, counts in threes while open, the group's results after the release", async ({ server, browsing }) => {
    setClock(0);
    const facilitator = await browsing.newPage(DESKTOP);
    const facilitatorSaw = record(facilitator);
    await signUpInBrowser(facilitator, server.url, 'homework-group');
    expect((await facilitator.request.post(`${server.url}/api/decks/import`, { data: DECK })).status()).toBe(201);
    await assign(facilitator, server.url, 'A group (one link for everyone; combined results only)');
    await facilitator.getByTestId('links-once').getByText('Send the same link to everyone in the group').waitFor();
    const link = await facilitator.getByLabel('Link for everyone in the group', { exact: true }).inputValue();
    expect(link).toMatch(/#invite=[\w-]{16,}&for=group$/);
    // A group's seats cannot be told apart: no panel to give one a new link.
    await expect(facilitator.getByRole('heading', { name: 'Seats' }).count()).resolves.toBe(0);

    // Two people in the browser, four more over sockets: each claim of the one link is a seat of its own.
    const phones = [await browsing.newPage(PHONE), await browsing.newPage(PHONE)];
    for (const [i, phone] of phones.entries()) {
      await phone.goto(link);
      await phone.getByText('Everyone in the group has the same link').waitFor();
      await phone.getByLabel('I have read this and want to start').click();
      await phone.getByRole('button', { name: 'Open my homework' }).click();
      await openQuestion(phone, 4, 'How comfortable?');
      await phone.getByRole('radio', { name: String(i + 2), exact: true }).click();
      await save(phone);
    }
    const invite = new URLSearchParams(new URL(link).hash.slice(1)).get('invite') ?? '';
    const others = [];
    for (let i = 0; i < 4; i += 1) {
      const claimed = await facilitator.request.post(`${server.url}/api/homework/claim`, { data: { invite, consent: true } });
      expect(claimed.status()).toBe(201);
      const seat = await connect(server.url, { role: 'participant', token: ((await claimed.json()) as { token: string }).token });
      expectOk(await seat.send('answer:submit', { promptId: 'comfort', clientId: crypto.randomUUID(), value: { kind: 'scale', value: 4 } }));
      expectOk(await seat.send('homework:finish', { finished: true }));
      others.push(seat);
    }
    await phones[0].getByRole('button', { name: 'All questions' }).click();
    await phones[0].getByRole('button', { name: "I've finished" }).click();
    await phones[0].getByRole('button', { name: "I've finished" }).click();
    await phones[0].getByRole('heading', { name: "You've finished" }).waitFor();
    await phones[0].getByText('After the homework closes, your facilitator can show the group’s combined results').waitFor();

    // Six opened, five finished: while open the page says 6 and 3 (steps of three), and nothing else.
    await facilitator.reload();
    await facilitator.getByTestId('homework-group-count').getByText('About 6 people have opened the link and 3 have finished.').waitFor();
    await browsing.shot(facilitator, 'homework-group-open');

    // A week and a day later it has closed: the facilitator shows the results, the phones follow.
    setClock(8 * DAY);
    await facilitator.reload();
    await facilitator.getByTestId('homework-group-count').getByText('6 people opened the link and 5 finished.').waitFor();
    // Until the release, nothing the facilitator's page received (REST bodies, socket frames) held a result.
    const before = await facilitatorSaw();
    expect(before).toContain('"audience":"group"');
    expect(before).not.toMatch(/"distribution":\{/);
    await facilitator.getByRole('button', { name: 'Show the answers now' }).click();
    const results = facilitator.getByTestId('homework-results');
    await results.getByRole('heading', { name: 'The group’s results' }).waitFor();
    await results.getByRole('heading', { name: '4. How comfortable?' }).waitFor();
    // Nobody answered the first question: fewer than k (5), so no numbers.
    await results.getByText('Fewer than 5 people answered this question, so its numbers stay hidden.').first().waitFor();
    for (const phone of phones) {
      await phone.reload();
      await phone.getByRole('heading', { name: 'The group’s results' }).waitFor();
      await phone.getByRole('heading', { name: '4. How comfortable?' }).waitFor();
    }
    await browsing.shot(phones[1], 'homework-group-phone-results');
    others.forEach((seat) => seat.close());
    expect([...(await axe(facilitator, 'group released')), ...(await axe(phones[0], 'group phone results'))]).toEqual([]);
  });
});
