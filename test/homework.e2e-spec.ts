import type { AnswerValue, HomeworkAudience, CoupleResult, FacilitatorSession, PromptResult, SessionState, Snapshot } from '@candor/shared';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { beforeEach, describe, expect, vi } from 'vitest';
import { test } from './fixtures.js';
import { assignHomework, claimHomework } from './homework-helpers.js';
import { connect, type LiveClient } from './live-client.js';
import { allKindsDeck, expectOk, type Facilitator } from './utils.js';

// The server's clock runs ahead by what this file says (CANDOR_TEST_CLOCK_FILE): a test moves to "tomorrow".
const CLOCK_FILE = join(mkdtempSync(join(tmpdir(), 'candor-clock-')), 'offset');
const DAY = 24 * 3600 * 1000;
const setClock = (offsetMs: number) => writeFileSync(CLOCK_FILE, String(offsetMs));
// Retention (an hour here) is swept every second, so its test sees it happen.
test.override('serverEnv', { CANDOR_TEST_CLOCK_FILE: CLOCK_FILE, CANDOR_ANSWER_RETENTION_HOURS: '1', CANDOR_RETENTION_SWEEP_SECONDS: '1' });
beforeEach(() => setClock(0));

const answer = (c: LiveClient, promptId: string, value: AnswerValue, clientId = randomUUID()) =>
  c.send('answer:submit', { promptId, clientId, value });
const finish = (c: LiveClient, finished = true) => c.send('homework:finish', { finished });
const states = (c: LiveClient): SessionState[] => [
  ...c.received('session:snapshot').map((s) => s.state),
  ...c.received('session:updated'),
];
// Every result a socket was ever told of: in its states, and in a homework snapshot's reveal.
const resultsSeen = (c: LiveClient): PromptResult[] => [
  ...states(c).flatMap((s) => (s.result ? [s.result] : [])),
  ...c.received('session:snapshot').flatMap((s) => s.homework?.results ?? []),
];

const assign = (f: Facilitator, audience: HomeworkAudience, closesInMs = 3 * DAY) => assignHomework(f, audience, closesInMs);
const claim = claimHomework;

describe('homework', () => {
  test('refuses a close in the past or more than 60 days ahead, and any body that does not fit', async ({ facilitator }) => {
    const deckId = 'consent-and-boundaries';
    for (const closesAt of [new Date(Date.now() - 1000).toISOString(), new Date(Date.now() + 61 * DAY).toISOString(), 'tomorrow']) {
      const res = await facilitator.api.post('/api/homework').send({ deckId, audience: 'couple', closesAt });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('INVALID_PAYLOAD');
    }
    expect((await facilitator.api.post('/api/homework').send({ deckId, audience: 'crowd', closesAt: new Date(Date.now() + DAY).toISOString() })).status).toBe(400);
    expect((await facilitator.api.get('/api/sessions')).body.sessions).toEqual([]);
  });

  test("a link opens one seat once: the facilitator who made it cannot open it again after the person did", async ({ server, facilitator, clients }) => {
    const hw = await assign(facilitator, 'couple');
    expect(hw.invites).toHaveLength(2);
    expect(hw.state.homework).toMatchObject({ audience: 'couple', finished: [false, false], closed: false });
    // Without consent nothing is claimed.
    expect((await request(server.url).post('/api/homework/claim').send({ invite: hw.invites[0] })).status).toBe(400);
    const seat = await claim(server.url, hw.invites[0]);
    expect(seat.sessionId).toBe(hw.state.id);
    const again = await request(server.url).post('/api/homework/claim').send({ invite: hw.invites[0], consent: true });
    expect(again.status).toBe(401);
    expect(again.body.code).toBe('UNAUTHENTICATED');
    // The invitation is not a seat token: it opens no socket.
    await expect(connect(server.url, { role: 'participant', token: hw.invites[1] })).rejects.toMatchObject({ message: 'UNAUTHENTICATED' });
    // New links only for the seat not yet opened; the old one stops working.
    const renewed = (await facilitator.api.post(`/api/sessions/${hw.state.id}/homework-invites`)).body as { invites: (string | null)[] };
    expect(renewed.invites[0]).toBeNull();
    expect(typeof renewed.invites[1]).toBe('string');
    expect((await request(server.url).post('/api/homework/claim').send({ invite: hw.invites[1], consent: true })).status).toBe(401);
    await claim(server.url, renewed.invites[1] as string);
    const phone = await clients.open({ role: 'participant', token: seat.token });
    await vi.waitFor(() => expect(phone.received('session:snapshot')).toHaveLength(1));
    const snapshot = phone.received('session:snapshot')[0];
    expect(snapshot.homework?.prompts.map((p) => p.id)).toEqual(allKindsDeck().deck.prompts.map((p) => p.id));
    expect(snapshot.homework).toMatchObject({ myFinished: false, results: [] });
    // No live command moves homework.
    const host = await clients.host(hw.state.id);
    expect(await host.send('prompt:open', {})).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
    expect(await host.send('session:pause', { paused: true })).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
  });

  test("a couple's homework over two days: nobody sees a result until both finished, the therapist only who finished, then all three the same reveal", async ({
    server,
    facilitator,
    clients,
  }) => {
    const hw = await assign(facilitator, 'couple');
    const [seatA, seatB] = [await claim(server.url, hw.invites[0]), await claim(server.url, hw.invites[1])];
    const host = await clients.host(hw.state.id);
    let a = await clients.open({ role: 'participant', token: seatA.token });
    const b = await clients.open({ role: 'participant', token: seatB.token });

    // Day 1: A answers two prompts in any order (no prompt is "open"), changes one, and goes away.
    expectOk(await answer(a, 'comfort', { kind: 'scale', value: 2 }));
    expectOk(await answer(a, 'feelings', { kind: 'ynm', items: { a: 'no', b: 'maybe', c: 'yes' } }));
    expectOk(await answer(a, 'feelings', { kind: 'ynm', items: { a: 'yes', b: 'maybe', c: 'yes' } }));
    a.close();

    // Day 2: the same seat resumes with its answers.
    setClock(DAY + 3600_000);
    a = await clients.open({ role: 'participant', token: seatA.token });
    await vi.waitFor(() => expect(a.received('session:snapshot')).toHaveLength(1));
    expect(a.received('session:snapshot')[0].myAnswers).toEqual({
      comfort: { kind: 'scale', value: 2 },
      feelings: { kind: 'ynm', items: { a: 'yes', b: 'maybe', c: 'yes' } },
    });
    expectOk(await answer(a, 'one-word', { kind: 'text', text: 'only mine' }));
    expect(expectOk(await finish(a))).toEqual({ finished: true });
    // Finished: A's answers are locked until A takes it back.
    expect(await answer(a, 'comfort', { kind: 'scale', value: 3 })).toMatchObject({ ok: false, error: { code: 'ANSWERS_LOCKED' } });
    await vi.waitFor(() => expect(host.received('session:updated').at(-1)?.homework?.finished).toEqual([true, false]));
    expectOk(await finish(a, false));
    expectOk(await answer(a, 'comfort', { kind: 'scale', value: 2 }));
    expectOk(await finish(a));

    expectOk(await answer(b, 'feelings', { kind: 'ynm', items: { a: 'yes', b: 'yes', c: 'no' } }));
    expectOk(await answer(b, 'comfort', { kind: 'scale', value: 5 }));
    expectOk(await answer(b, 'one-word', { kind: 'text', text: 'only yours' }));
    // Before both have finished, nobody has been told any result, and the therapist no answer count.
    for (const c of [a, b, host]) expect(resultsSeen(c)).toEqual([]);
    expect(host.received('progress:updated').every((p) => p.answered === 0)).toBe(true);
    expect((await facilitator.api.get(`/api/sessions/${hw.state.id}`)).body.results).toEqual([]);
    expect(await b.send('answer:finish', { promptId: 'feelings', finished: true })).toMatchObject({ ok: false });

    expectOk(await finish(b));
    await vi.waitFor(() => {
      for (const c of [a, b, host]) expect(states(c).at(-1)?.phase).toBe('released');
    });
    expect(host.received('session:updated').at(-1)?.homework?.finished).toEqual([true, true]);
    // The reveal: the therapist's REST view and each phone's snapshot hold the same results, under the policies.
    const therapist = (await facilitator.api.get(`/api/sessions/${hw.state.id}`)).body as FacilitatorSession;
    const byId = (results: PromptResult[], id: string) => results.find((r) => r.promptId === id)?.distribution as CoupleResult;
    expect(byId(therapist.results, 'feelings')).toMatchObject({ policy: 'mutual-only', answers: null });
    expect(byId(therapist.results, 'feelings').matches.map((m) => m.id)).toEqual(['a']);
    expect(byId(therapist.results, 'feelings').explore.map((m) => m.id)).toEqual(['b']);
    expect(byId(therapist.results, 'comfort')).toMatchObject({ policy: 'side-by-side', answers: [{ kind: 'scale', value: 2 }, { kind: 'scale', value: 5 }] });
    expect(byId(therapist.results, 'one-word')).toMatchObject({ policy: 'private', answers: null });
    for (const phone of [a, b]) {
      const snap = (await phone.send('session:sync', {})) as { ok: true; data: Snapshot };
      expect(snap.data.homework?.results).toEqual(therapist.results);
    }
    // Nothing private reached anyone else; nobody got the other partner's raw list.
    expect(JSON.stringify(b.frames)).not.toContain('only mine');
    expect(JSON.stringify(a.frames)).not.toContain('only yours');
    expect(JSON.stringify(host.frames) + JSON.stringify(therapist)).not.toMatch(/only (mine|yours)/);
    expect(JSON.stringify(host.frames)).not.toContain('"maybe"');
    // Revealed answers are locked, also for the seat that would change "no" to "yes" to probe.
    expect(await answer(b, 'feelings', { kind: 'ynm', items: { a: 'yes', b: 'yes', c: 'yes' } })).toMatchObject({ ok: false, error: { code: 'ANSWERS_LOCKED' } });
    expect(await finish(b, false)).toMatchObject({ ok: false, error: { code: 'ANSWERS_LOCKED' } });
  });

  test('after the close answers are refused, and the therapist may release with what was saved', async ({ server, facilitator, clients }) => {
    const hw = await assign(facilitator, 'couple', DAY);
    const a = await clients.open({ role: 'participant', token: (await claim(server.url, hw.invites[0])).token });
    expectOk(await answer(a, 'comfort', { kind: 'scale', value: 4 }));
    // Before the close, the therapist cannot release half-done homework.
    expect((await facilitator.api.post(`/api/sessions/${hw.state.id}/homework-release`)).body.code).toBe('INVALID_TRANSITION');
    setClock(DAY + 60_000);
    expect(await answer(a, 'feelings', { kind: 'ynm', items: { a: 'yes' } })).toMatchObject({ ok: false, error: { code: 'SESSION_ENDED' } });
    expect(await finish(a)).toMatchObject({ ok: false, error: { code: 'SESSION_ENDED' } });
    expect((await facilitator.api.get(`/api/sessions/${hw.state.id}`)).body.state.homework).toMatchObject({ closed: true, finished: [false, false] });
    const released = await facilitator.api.post(`/api/sessions/${hw.state.id}/homework-release`);
    expect(released.status).toBe(200);
    // Only one partner answered: side-by-side shows nothing until both have, so nobody learns A's 4.
    const results = (released.body as FacilitatorSession).results;
    expect(results).toHaveLength(allKindsDeck().deck.prompts.length);
    expect(results.find((r) => r.promptId === 'comfort')).toMatchObject({ distribution: null });
    await vi.waitFor(() => expect(a.received('session:updated').at(-1)?.phase).toBe('released'));
    expect((await facilitator.api.post(`/api/sessions/${hw.state.id}/homework-release`)).status).toBe(409);
  });

  test("one client's homework: the therapist learns only that it is finished, and no result is ever stored", async ({ server, facilitator, clients }) => {
    const hw = await assign(facilitator, 'client');
    expect(hw.invites).toHaveLength(1);
    const host = await clients.host(hw.state.id);
    const phone = await clients.open({ role: 'participant', token: (await claim(server.url, hw.invites[0])).token });
    expectOk(await answer(phone, 'comfort', { kind: 'scale', value: 1 }));
    expectOk(await finish(phone));
    await vi.waitFor(() => expect(host.received('session:updated').at(-1)?.homework).toMatchObject({ audience: 'client', finished: [true] }));
    expect(states(host).at(-1)?.phase).toBe('open');
    expect((await facilitator.api.get(`/api/sessions/${hw.state.id}`)).body.results).toEqual([]);
    expect((await facilitator.api.post(`/api/sessions/${hw.state.id}/homework-release`)).status).toBe(409);
    expect(JSON.stringify(host.frames)).not.toContain('"scale"');
    // The client still has their own answer.
    expect(((await phone.send('session:sync', {})) as { ok: true; data: Snapshot }).data.myAnswers).toEqual({ comfort: { kind: 'scale', value: 1 } });
  });

  test('keeps the answers until the retention time after the close, then deletes the seats and keeps the reveal', async ({ server, facilitator }) => {
    const hw = await assign(facilitator, 'couple', DAY);
    const seats = [await claim(server.url, hw.invites[0]), await claim(server.url, hw.invites[1])];
    const phones = await Promise.all(seats.map((seat) => connect(server.url, { role: 'participant', token: seat.token })));
    for (const phone of phones) expectOk(await answer(phone, 'comfort', { kind: 'scale', value: 3 }));
    for (const phone of phones) expectOk(await finish(phone));
    for (const phone of phones) phone.close();
    // Revealed now, but retention counts from the close (a day ahead), the later of the two.
    setClock(DAY - 60_000 + 3600_000);
    await new Promise((ok) => setTimeout(ok, 2_000));
    const resumed = await connect(server.url, { role: 'participant', token: seats[0].token });
    resumed.close();
    setClock(DAY + 3600_000 + 60_000);
    await vi.waitFor(() => expect(connect(server.url, { role: 'participant', token: seats[0].token })).rejects.toMatchObject({ message: 'UNAUTHENTICATED' }), {
      timeout: 5_000,
      interval: 250,
    });
    const kept = (await facilitator.api.get(`/api/sessions/${hw.state.id}`)).body as FacilitatorSession;
    expect(kept.state.participants).toBe(0);
    expect(kept.results.find((r) => r.promptId === 'comfort')?.distribution).toMatchObject({ answers: [{ value: 3 }, { value: 3 }] });
  });
});
