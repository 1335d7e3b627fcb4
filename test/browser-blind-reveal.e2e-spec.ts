import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, signUpInBrowser, startOwnCouple, test, type Browsing } from './browser-utils.js';
import { allKindsDeck, type RunningServer } from './utils.js';

// Every socket.io event a page sent, with its payload as text (42<ack id>["name", payload]).
function recordSent(page: Page): { event: string; text: string }[] {
  const sent: { event: string; text: string }[] = [];
  page.on('websocket', (ws) => {
    ws.on('framesent', ({ payload }) => {
      const text = typeof payload === 'string' ? payload : payload.toString('utf8');
      const match = /^42\d*(\[.*)$/s.exec(text);
      if (match) sent.push({ event: (JSON.parse(match[1]) as [string])[0], text: match[1] });
    });
  });
  return sent;
}

describe('the blind couple reveal in the browser', () => {
  let server: RunningServer;
  let browsing: Browsing;

  test.beforeAll(({ server: running, browsing: opened }) => {
    server = running;
    browsing = opened;
  });

  it('two phones compare a list with a pairing code, and the therapist sees the reveal only once both show it', async () => {
    const therapist = await browsing.newPage(DESKTOP);
    await signUpInBrowser(therapist, server.url, 'blind');
    await therapist.getByRole('radio', { name: 'Couple' }).check();
    await therapist.getByLabel('Compare yes / maybe / no lists on the partners’ phones (blind reveal)').check();
    await therapist.getByRole('button', { name: 'Start session: Consent and boundaries' }).click();
    await therapist.waitForURL('**/console/sessions/*');
    const code = (await therapist.locator('.join-code').textContent())?.trim() ?? '';

    const phones: Page[] = [];
    const sent: { event: string; text: string }[][] = [];
    for (let i = 0; i < 2; i += 1) {
      const phone = await browsing.newPage(PHONE);
      sent.push(recordSent(phone));
      await phone.goto(`${server.url}/j/${code}`);
      await phone.getByLabel('I have read this and want to join').check();
      await phone.getByRole('button', { name: 'Join session' }).click();
      phones.push(phone);
    }
    await therapist.getByTestId('joined').getByText('2').waitFor();
    const open = therapist.getByRole('button', { name: 'Open next prompt', exact: true });
    await expect.poll(() => open.isEnabled(), { timeout: 10_000 }).toBe(true);
    await open.click();
    await therapist.getByTestId('phase').getByText('Prompt open').waitFor();

    const answers = [
      { Hugs: 'Yes', Kissing: 'Yes', Cuddling: 'Maybe', Massage: 'No' },
      { Hugs: 'Yes', Kissing: 'Maybe', Cuddling: 'No', Massage: 'Yes' },
    ];
    for (const [i, phone] of phones.entries()) {
      await phone.getByRole('button', { name: 'Show the question' }).click();
      await phone.getByText('Your answers to this list stay on this phone').waitFor();
      for (const [item, choice] of Object.entries(answers[i])) {
        await phone.getByRole('radiogroup', { name: item, exact: true }).getByRole('radio', { name: choice }).check();
      }
      await phone.getByRole('button', { name: 'Save answers' }).click();
      await phone.getByRole('button', { name: 'I’m finished: compare on our phones' }).click();
    }
    // Both phones show the same six-digit code; the partners check it in the room.
    const codes = await Promise.all(phones.map(async (phone) => (await phone.getByTestId('pairing-code').textContent())?.replace(/\s/g, '')));
    expect(codes[0]).toMatch(/^\d{6}$/);
    expect(codes[1]).toBe(codes[0]);
    await browsing.shot(phones[0], 'blind-pairing-code');
    for (const phone of phones) await phone.getByRole('button', { name: 'Our codes are the same' }).click();

    // Each phone worked out the same reveal: Hugs a match, Kissing worth exploring, the rest not shared.
    for (const phone of phones) {
      const result = phone.getByTestId('blind-result');
      await result.getByRole('heading', { name: 'What your phones found' }).waitFor();
      await result.getByText('Hugs').waitFor();
      await result.getByText('Kissing').waitFor();
      await expect(result.getByText('Cuddling').count()).resolves.toBe(0);
      await expect(result.getByText('Massage').count()).resolves.toBe(0);
    }
    await browsing.shot(phones[1], 'blind-result');
    // Nothing reached the therapist yet.
    await expect(therapist.getByText('Hugs').count()).resolves.toBe(0);

    // Both choose to show it: the therapist's console shows the reveal.
    await phones[0].getByRole('button', { name: 'Show it to our therapist' }).click();
    await phones[0].getByText('You chose to show it').waitFor();
    await expect(therapist.getByText('Kissing').count()).resolves.toBe(0);
    await phones[1].getByRole('button', { name: 'Show it to our therapist' }).click();
    await therapist.getByTestId('phase').getByText('Results released').waitFor();
    await therapist.getByText('Hugs').first().waitFor();
    await therapist.getByText('Kissing').first().waitFor();

    // No phone ever sent an answer to the list: only blind steps, points in hex.
    for (const frames of sent) {
      expect(frames.filter((frame) => frame.event === 'answer:submit')).toEqual([]);
      const steps = frames.filter((frame) => frame.event === 'blind:send').map((frame) => (JSON.parse(frame.text) as [string, { step: string }])[1].step);
      expect(steps).toEqual(['commit', 'offer', 'reply']);
      for (const frame of frames.filter((f) => f.event === 'blind:send')) {
        for (const choice of ['"yes"', '"maybe"', '"no"', '"pass"', 'hugs', 'kissing']) expect(frame.text).not.toContain(choice);
      }
    }
  });

  it('a couple on their own compares on their phones, goes on once both are done, and keeps the reveal in What we shared', async () => {
    const mine = await browsing.newPage(PHONE);
    const sentMine = recordSent(mine);
    const partner = await browsing.newPage({ ...PHONE, locale: 'de-DE' });
    const sentPartner = recordSent(partner);
    await startOwnCouple(mine, partner, server.url, { blindReveal: true });
    await mine.getByRole('button', { name: 'Next question' }).click();

    await mine.getByRole('button', { name: 'Show the question' }).click();
    await mine.getByText('Candor’s server never sees them').waitFor();
    for (const [item, choice] of Object.entries({ Hugs: 'Yes', Kissing: 'Maybe', Massage: 'Yes' })) {
      await mine.getByRole('radiogroup', { name: item, exact: true }).getByRole('radio', { name: choice }).check();
    }
    await mine.getByRole('button', { name: 'Save answers' }).click();
    await mine.getByRole('button', { name: 'I’m finished: compare on our phones' }).click();
    // Nobody can go on while the partner is still on the list.
    await expect(mine.getByRole('button', { name: 'Next question' }).count()).resolves.toBe(0);

    await partner.locator('.content-gate button.primary').click();
    await partner.getByText('Candors Server sieht sie nie').waitFor();
    for (const [item, choice] of Object.entries({ Umarmungen: 'Ja', Küssen: 'Ja', Massage: 'Nein' })) {
      await partner.getByRole('radiogroup', { name: item, exact: true }).getByRole('radio', { name: choice }).check();
    }
    await partner.getByRole('button', { name: 'Antworten speichern' }).click();
    await partner.getByRole('button', { name: 'Ich bin fertig: auf unseren Handys vergleichen' }).click();
    const codes = await Promise.all([mine, partner].map(async (phone) => (await phone.getByTestId('pairing-code').textContent())?.replace(/\s/g, '')));
    expect(codes[1]).toBe(codes[0]);
    await mine.getByRole('button', { name: 'Our codes are the same' }).click();
    await partner.getByRole('button', { name: 'Unsere Codes sind gleich' }).click();

    // Worked out on the phones: Hugs a match, Kissing worth exploring; nothing to show anybody.
    const result = mine.getByTestId('blind-result');
    await result.getByText('Candor’s server never saw it').waitFor();
    await result.getByText('Hugs').waitFor();
    await result.getByText('Kissing').waitFor();
    await expect(result.getByText('Massage').count()).resolves.toBe(0);
    await expect(mine.getByRole('button', { name: 'Show it to our therapist' }).count()).resolves.toBe(0);
    await partner.getByTestId('blind-result').getByText('Umarmungen').waitFor();

    // Both are done: either goes on, and at the end the reveal is in "What we shared", from the phone alone.
    await mine.getByRole('button', { name: 'Next question' }).click();
    await mine.getByText(/^Question 2 of/).waitFor();
    await mine.getByRole('button', { name: 'End session' }).click();
    await mine.getByRole('button', { name: 'Yes, end it for both of us' }).click();
    const shared = mine.getByRole('region', { name: 'What we shared' });
    await shared.waitFor();
    await expect(shared.getByRole('region', { name: 'Matches' }).locator('.couple-things li').allTextContents()).resolves.toEqual(['Hugs · Touch and closeness']);
    await shared.getByText(/^Kissing/).waitFor();
    await expect(shared.getByText(/^Massage/).count()).resolves.toBe(0);
    await browsing.shot(mine, 'blind-self-run-what-we-shared');
    await partner.getByRole('region', { name: 'Was wir geteilt haben' }).getByText(/^Umarmungen/).waitFor();

    // Neither phone sent an answer to the list or its reveal: only the blind steps.
    for (const frames of [sentMine, sentPartner]) {
      expect(frames.filter((frame) => frame.event === 'answer:submit' || frame.event === 'blind:show')).toEqual([]);
      expect(frames.filter((frame) => frame.event === 'blind:send')).toHaveLength(3);
    }
  });

  it("a couple's homework: both phones on a list compare it, show it, and the therapist sees it with the homework's reveal", async () => {
    const therapist = await browsing.newPage(DESKTOP);
    await signUpInBrowser(therapist, server.url, 'blind-homework');
    expect((await therapist.request.post(`${server.url}/api/decks/import`, { data: allKindsDeck() })).status()).toBe(201);
    await therapist.goto(`${server.url}/console`);
    await therapist.getByRole('button', { name: 'Give a deck as homework' }).click();
    await therapist.getByLabel('Deck', { exact: true }).selectOption({ label: 'Every prompt kind' });
    await therapist.getByRole('radio', { name: 'A couple (two private links)' }).click();
    await therapist.getByLabel('Yes / maybe / no lists compared on the partners’ phones (blind reveal)').check();
    await therapist.getByRole('button', { name: 'Assign as homework' }).click();
    await therapist.waitForURL('**/console/homework/*');
    const links = await Promise.all(['A', 'B'].map((seat) => therapist.getByLabel(`Link for Partner ${seat}`, { exact: true }).inputValue()));

    const phones: Page[] = [];
    const sent: { event: string; text: string }[][] = [];
    for (const link of links) {
      const phone = await browsing.newPage(PHONE);
      sent.push(recordSent(phone));
      await phone.goto(link);
      await phone.getByLabel('I have read this and want to start').click();
      await phone.getByRole('button', { name: 'Open my homework' }).click();
      await phone.getByRole('heading', { name: 'Your questions' }).waitFor();
      await phone.getByRole('button', { name: 'Open question 1: Yes, maybe or no?' }).getByText('Compared on your phones').waitFor();
      phones.push(phone);
    }
    const answers = [
      { 'Item A': 'Yes', 'Item B': 'Maybe', 'Item C': 'Yes' },
      { 'Item A': 'Yes', 'Item B': 'Yes', 'Item C': 'No' },
    ];
    for (const [i, phone] of phones.entries()) {
      await phone.getByRole('button', { name: 'Open question 1: Yes, maybe or no?' }).click();
      await phone.getByText('Compare this list when you are both on it at the same time').waitFor();
      for (const [item, choice] of Object.entries(answers[i])) {
        await phone.getByRole('radiogroup', { name: item, exact: true }).getByRole('radio', { name: choice }).check();
      }
      await phone.getByRole('button', { name: 'Save answers' }).click();
      await phone.getByRole('button', { name: 'I’m finished: compare on our phones' }).click();
    }
    const codes = await Promise.all(phones.map(async (phone) => (await phone.getByTestId('pairing-code').textContent())?.replace(/\s/g, '')));
    expect(codes[1]).toBe(codes[0]);
    for (const phone of phones) await phone.getByRole('button', { name: 'Our codes are the same' }).click();
    for (const phone of phones) {
      const result = phone.getByTestId('blind-result');
      await result.getByText('with the rest of this homework').waitFor();
      await result.getByText('Item A').waitFor();
      await phone.getByRole('button', { name: 'Show it to our therapist' }).click();
    }
    await phones[1].getByText('your therapist sees it when this homework is revealed').waitFor();
    await expect(therapist.getByText('Item A').count()).resolves.toBe(0);

    // Both finish the homework: the reveal, with the list as the phones found it.
    for (const phone of phones) {
      await phone.getByRole('button', { name: 'All questions' }).click();
      await phone.getByRole('button', { name: "I've finished" }).click();
      await phone.getByRole('button', { name: "I've finished" }).click();
    }
    for (const phone of phones) await phone.getByRole('heading', { name: '1. Yes, maybe or no?' }).waitFor();
    const results = therapist.getByTestId('homework-results');
    await results.getByRole('heading', { name: '1. Yes, maybe or no?' }).waitFor();
    await results.getByText('Item A').first().waitFor();
    await results.getByText('Item B').first().waitFor();
    await expect(results.getByText('Item C').count()).resolves.toBe(0);
    await browsing.shot(therapist, 'blind-homework-therapist');

    for (const frames of sent) {
      const toList = frames.filter((frame) => frame.event === 'answer:submit' && frame.text.includes('"feelings"'));
      expect(toList).toEqual([]);
      expect(frames.filter((frame) => frame.event === 'blind:send')).toHaveLength(3);
    }
  });
});
