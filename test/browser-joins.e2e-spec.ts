import request from 'supertest';
import { describe, expect } from 'vitest';
import { DESKTOP, PHONE, test } from './browser-utils.js';
import { createSession, expectOk, joinSession } from './utils.js';

// Two joins and two join infos a minute from one address: the browser's phones (all on 127.0.0.1, like a
// class behind one school network) reach the limit after the suite's own two joins.
test.override('serverEnv', { CANDOR_JOIN_RATE_PER_MINUTE: '2' });

describe('joining in the browser when a limit holds or the session has ended', () => {
  test("a phone says an ended session has ended; a limited one waits without blaming anyone, and the console says joins are limited", async ({ server, facilitator, clients, browsing }) => {
    const { newPage, shot } = browsing;

    // An ended session's code: the phone says it is over, not that the code is wrong.
    const ended = await createSession(facilitator);
    const endedHost = await clients.host(ended.state.id);
    expectOk(await endedHost.send('session:end', {}));
    const late = await newPage(PHONE);
    await late.goto(`${server.url}/j/${ended.state.code}`);
    const endedText = late.getByRole('alert');
    await endedText.waitFor();
    await expect(endedText.textContent()).resolves.toBe('This session has ended. Thank you for coming.');
    await shot(late, 'phone-join-ended');

    // The facilitator's console of a running session, in the facilitator's own browser.
    const session = await createSession(facilitator);
    const consolePage = await newPage(DESKTOP);
    const [name, value] = facilitator.cookie.split('=');
    await consolePage.context().addCookies([{ name, value, url: server.url }]);
    await consolePage.goto(`${server.url}/console/sessions/${session.state.id}`);
    await consolePage.locator('.join-code').getByText(session.state.code).waitFor();
    await expect(consolePage.getByTestId('joins-limited').count()).resolves.toBe(0);

    // Two people of the room have joined (this minute's two joins from this address); the third waits.
    for (let i = 0; i < 2; i++) await joinSession(server.url, session.state.code);
    const phone = await newPage(PHONE);
    await phone.goto(`${server.url}/j/${session.state.code}`);
    await phone.getByLabel('I have read this and want to join').check();
    const join = phone.getByRole('button', { name: 'Join session' });
    await join.click();
    const waiting = phone.getByRole('status').filter({ hasText: 'Many people are joining' });
    await waiting.waitFor();
    await expect(waiting.textContent()).resolves.toMatch(
      /^Many people are joining from this network at once\. Candor tries again by itself in \d+ seconds?; you don't need to do anything\.$/,
    );
    // Nothing on the page says the person did something wrong, and the phone keeps its place to retry.
    await expect(phone.getByRole('alert').count()).resolves.toBe(0);
    await expect(phone.getByText(/too many attempts/i).count()).resolves.toBe(0);
    await expect(join.isDisabled()).resolves.toBe(true);
    await shot(phone, 'phone-join-limited');

    const notice = consolePage.getByTestId('joins-limited');
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toBe(
      'Joins are being limited: many phones are joining from one network at once. They try again by themselves, so nobody needs to do anything; some people may wait up to a minute.',
    );
    await expect(notice.getAttribute('role')).resolves.toBe('status');
    await shot(consolePage, 'console-joins-limited');

    // The next phone's first request (the join info: this minute's third from this address) waits the same way.
    const next = await newPage(PHONE);
    await next.goto(`${server.url}/j/${session.state.code}`);
    const lookingUp = next.getByRole('status').filter({ hasText: 'Many people are joining' });
    await lookingUp.waitFor();
    await expect(lookingUp.textContent()).resolves.toMatch(/^Many people are joining from this network at once\. Candor tries again by itself in \d+ seconds?/);
    await expect(next.getByRole('alert').count()).resolves.toBe(0);
    await expect(next.getByRole('link', { name: 'Try another code' }).count()).resolves.toBe(0);
    await shot(next, 'phone-join-info-limited');

    // Still seated: the two who joined, nobody else.
    const { body } = await request(server.url).get(`/api/sessions/${session.state.id}`).set('Cookie', facilitator.cookie);
    expect((body as { state: { participants: number } }).state.participants).toBe(2);
  });
});
