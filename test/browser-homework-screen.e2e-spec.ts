import type { CreatedHomework, FacilitatorSession } from '@candor/shared';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { describe, expect, vi } from 'vitest';
import { DESKTOP, test } from './browser-utils.js';
import { allKindsDeck, expectOk } from './utils.js';

const DAY = 24 * 3600 * 1000;

describe('talking a homework result through on the presenter screen', () => {
  test("the therapist shows a couple's revealed homework on the screen, one question at a time", async ({ server, facilitator, clients, browsing }) => {
    // The homework over the API and sockets: both partners answer and finish, so it is revealed.
    const deck = await facilitator.api.post('/api/decks/import').send(allKindsDeck());
    const hw = (await facilitator.api.post('/api/homework').send({ deckId: deck.body.deck.id, audience: 'couple', closesAt: new Date(Date.now() + 3 * DAY).toISOString() }))
      .body as CreatedHomework;
    const answers = [
      { feelings: { a: 'yes', b: 'maybe', c: 'no' }, comfort: 2 },
      { feelings: { a: 'yes', b: 'yes', c: 'yes' }, comfort: 5 },
    ] as const;
    for (const [i, invite] of hw.invites.entries()) {
      const { token } = (await request(server.url).post('/api/homework/claim').send({ invite, consent: true })).body as { token: string };
      const phone = await clients.open({ role: 'participant', token });
      expectOk(await phone.send('answer:submit', { promptId: 'feelings', clientId: randomUUID(), value: { kind: 'ynm', items: answers[i].feelings } }));
      expectOk(await phone.send('answer:submit', { promptId: 'comfort', clientId: randomUUID(), value: { kind: 'scale', value: answers[i].comfort } }));
      expectOk(await phone.send('homework:finish', { finished: true }));
    }
    await vi.waitFor(async () => expect(((await facilitator.api.get(`/api/sessions/${hw.state.id}`)).body as FacilitatorSession).state.phase).toBe('released'));

    const consolePage = await browsing.newPage(DESKTOP);
    const [name, value] = facilitator.cookie.split('=');
    await consolePage.context().addCookies([{ name, value, url: server.url }]);
    await consolePage.goto(`${server.url}/console/homework/${hw.state.id}`);
    const card = consolePage.getByTestId('homework-talk-through');
    await card.getByRole('heading', { name: 'Talk a result through' }).waitFor();
    await card.getByRole('button', { name: 'Make a presenter link' }).click();
    const screenUrl = await card.getByTestId('talk-through-screen-link').getAttribute('href');
    expect(screenUrl).toMatch(new RegExp(`/screen/${hw.state.id}#.{20,}`));

    const screen = await browsing.newPage({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    await screen.goto(screenUrl ?? '');
    // Nothing shown yet: a calm line, no result, no join code of any kind.
    await screen.getByText('A result appears here when one is chosen.').waitFor();
    expect(await screen.getByTestId('screen-homework-result').count()).toBe(0);
    expect(await screen.locator('.screen-footer').count()).toBe(0);

    await card.getByLabel('Question').selectOption({ label: '1. Yes, maybe or no?' });
    await card.getByRole('button', { name: 'Show on screen' }).click();
    const shown = screen.getByTestId('screen-homework-result');
    await shown.getByRole('heading', { name: 'Yes, maybe or no?' }).waitFor();
    // Mutual-only: the match (both yes) and the one worth exploring; item C (a no) is not named as anyone's.
    await shown.getByText('Item A').first().waitFor();
    await shown.getByText('Item B').first().waitFor();
    expect(await shown.getByText('Item C').count()).toBe(0);
    await card.getByText('On the screen now: Yes, maybe or no?').waitFor();
    await browsing.shot(screen, 'homework-screen-couple-reveal');

    // The next question replaces it; "Show nothing" clears the screen.
    await card.getByLabel('Question').selectOption({ label: '4. How comfortable?' });
    await card.getByRole('button', { name: 'Show on screen' }).click();
    await shown.getByRole('heading', { name: 'How comfortable?' }).waitFor();
    await card.getByRole('button', { name: 'Show nothing' }).click();
    await screen.getByText('A result appears here when one is chosen.').waitFor();
  });
});
