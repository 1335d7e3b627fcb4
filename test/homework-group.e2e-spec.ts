import { HOMEWORK_GROUP_MAX_SEATS, type AnswerValue, type HomeworkAudience, type FacilitatorSession, type ModerationQueue, type PromptResult, type SessionState, type Snapshot, type YnmResult } from '@candor/shared';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { beforeEach, describe, expect, vi } from 'vitest';
import { test } from './fixtures.js';
import { assignHomework, claimHomework } from './homework-helpers.js';
import { connect, type LiveClient } from './live-client.js';
import { allKindsDeck, createSession, expectOk, signUp, type Facilitator } from './utils.js';

// The server's clock runs ahead by what this file says (CANDOR_TEST_CLOCK_FILE): a test moves past the close.
// On PostgreSQL such a server gets a database of its own (test/utils.ts), so its retention sweep, a day
// ahead, never reaches another file's homework.
const CLOCK_FILE = join(mkdtempSync(join(tmpdir(), 'candor-clock-')), 'offset');
const DAY = 24 * 3600 * 1000;
const setClock = (offsetMs: number) => writeFileSync(CLOCK_FILE, String(offsetMs));
test.override('serverEnv', { CANDOR_TEST_CLOCK_FILE: CLOCK_FILE, CANDOR_ANSWER_RETENTION_HOURS: '1', CANDOR_RETENTION_SWEEP_SECONDS: '1' });
beforeEach(() => setClock(0));

const answer = (c: LiveClient, promptId: string, value: AnswerValue) => c.send('answer:submit', { promptId, clientId: randomUUID(), value });
const states = (c: LiveClient): SessionState[] => [...c.received('session:snapshot').map((s) => s.state), ...c.received('session:updated')];
const byId = (results: PromptResult[], id: string) => results.find((r) => r.promptId === id);

const assign = (f: Facilitator, audience: HomeworkAudience, closesInMs = DAY) => assignHomework(f, audience, closesInMs);
const claim = claimHomework;

// Twelve people answer the group's homework: everyone says yes or no to item a and c, only three answer
// item b (fewer than k = 5), six write a text, seven say they have finished.
async function twelveAnswer(url: string, invite: string, open: (token: string) => Promise<LiveClient>): Promise<LiveClient[]> {
  const phones: LiveClient[] = [];
  for (let i = 0; i < 12; i += 1) {
    const seat = await claim(url, invite);
    const phone = await open(seat.token);
    const items: Record<string, 'yes' | 'no' | 'maybe'> = { a: i < 8 ? 'yes' : 'no', c: i % 2 === 0 ? 'maybe' : 'yes' };
    if (i < 3) items.b = 'yes';
    expectOk(await answer(phone, 'feelings', { kind: 'ynm', items }));
    expectOk(await answer(phone, 'comfort', { kind: 'scale', value: 1 + (i % 5) }));
    if (i < 6) expectOk(await answer(phone, 'one-word', { kind: 'text', text: `secret word ${i}` }));
    if (i < 7) expectOk(await phone.send('homework:finish', { finished: true }));
    phones.push(phone);
  }
  return phones;
}

describe('group homework', () => {
  test('one link, twelve seats: while open the facilitator sees rounded counts only; after the close and release, aggregates under k and texts only once approved', async ({
    server,
    facilitator,
    clients,
  }) => {
    const hw = await assign(facilitator, 'group');
    expect(hw.invites).toHaveLength(1);
    expect(hw.state.homework).toMatchObject({ audience: 'group', finished: [], closed: false });
    expect(hw.state.participants).toBe(0);
    const host = await clients.host(hw.state.id);
    const [invite] = hw.invites;

    // The invitation is no seat token, and the link gives every claim a seat of its own.
    await expect(connect(server.url, { role: 'participant', token: invite })).rejects.toMatchObject({ message: 'UNAUTHENTICATED' });
    const phones = await twelveAnswer(server.url, invite, (token) => clients.open({ role: 'participant', token }));
    const tokens = await Promise.all(phones.map(async (p) => ((await p.send('session:sync', {})) as { ok: true; data: Snapshot }).data.myAnswers));
    expect(tokens.every((mine) => mine && 'feelings' in mine)).toBe(true);

    // While open: counts in steps of three (12 opened, 7 finished shows 6), no per-seat flags, no result, no answer.
    const rest = (await facilitator.api.get(`/api/sessions/${hw.state.id}`)).body as FacilitatorSession;
    expect(rest.state).toMatchObject({ participants: 12, finished: 6, result: null, homework: { audience: 'group', finished: [] } });
    expect(rest.results).toEqual([]);
    for (const state of states(host)) {
      expect(state.participants % 3).toBe(0);
      expect(state.finished % 3).toBe(0);
      expect(state.homework?.finished).toEqual([]);
      expect(state.result).toBeNull();
    }
    // The console heard of the seats only as the rounded count moved (every third claim), and of no phone connecting.
    await vi.waitFor(() => expect(host.received('session:updated').at(-1)).toMatchObject({ participants: 12, finished: 6 }));
    expect(host.received('session:updated').map((s) => s.participants)).toEqual(expect.arrayContaining([3, 6, 9, 12]));
    expect(host.received('session:updated').length).toBeLessThanOrEqual(6);
    expect(host.received('progress:updated')).toEqual([]);
    const seenByHost = JSON.stringify(host.frames) + JSON.stringify(rest);
    expect(seenByHost).not.toContain('secret word');
    expect(seenByHost).not.toContain('"maybe"');
    expect(seenByHost).not.toContain('distribution');
    // Nobody sees the texts or their count while open; nothing is released or shown before the close.
    expect(await host.send('moderation:list', { promptId: 'one-word' })).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
    expect((await facilitator.api.post(`/api/sessions/${hw.state.id}/homework-release`)).body.code).toBe('INVALID_TRANSITION');
    expect(await host.send('homework:show', { promptId: 'feelings' })).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
    for (const phone of phones) expect(states(phone).every((s) => s.result === null)).toBe(true);

    // A new group link: the old one stops working, the seats opened keep theirs.
    const renewed = (await facilitator.api.post(`/api/sessions/${hw.state.id}/homework-invites`)).body as { invites: string[] };
    expect(renewed.invites).toHaveLength(1);
    expect((await request(server.url).post('/api/homework/claim').send({ invite, consent: true })).status).toBe(401);

    // After the close: no more seats, no more answers; exact counts; then the facilitator releases.
    setClock(DAY + 60_000);
    expect((await request(server.url).post('/api/homework/claim').send({ invite: renewed.invites[0], consent: true })).status).toBe(401);
    expect(await answer(phones[11], 'comfort', { kind: 'scale', value: 5 })).toMatchObject({ ok: false, error: { code: 'SESSION_ENDED' } });
    expect((await facilitator.api.get(`/api/sessions/${hw.state.id}`)).body.state).toMatchObject({ participants: 12, finished: 7, homework: { closed: true } });
    const released = await facilitator.api.post(`/api/sessions/${hw.state.id}/homework-release`);
    expect(released.status).toBe(200);
    const results = (released.body as FacilitatorSession).results;
    expect(results).toHaveLength(allKindsDeck().deck.prompts.length);
    const feelings = byId(results, 'feelings')?.distribution as YnmResult;
    expect(feelings.items.find((i) => i.id === 'a')).toMatchObject({ yes: 8, no: 4, withheld: false });
    // Item b had three answers, fewer than k: withheld with its counts zeroed, as in a live group.
    expect(feelings.items.find((i) => i.id === 'b')).toMatchObject({ yes: 0, maybe: 0, no: 0, withheld: true });
    expect(byId(results, 'comfort')).toMatchObject({ respondents: 12, k: 5 });
    // Texts wait for approval: none shown yet.
    expect(byId(results, 'one-word')?.distribution).toMatchObject({ texts: [] });
    expect(JSON.stringify(released.body)).not.toContain('secret word');

    // Every phone sees the same released aggregates, and nothing else.
    await vi.waitFor(() => expect(states(phones[0]).at(-1)?.phase).toBe('released'));
    for (const phone of phones) {
      const snap = (await phone.send('session:sync', {})) as { ok: true; data: Snapshot };
      expect(snap.data.homework?.results).toEqual(results);
    }

    // The moderation queue works as after a live prompt closes: approved texts join the result.
    const queue: ModerationQueue = expectOk(await host.send('moderation:list', { promptId: 'one-word' }));
    expect(queue.items).toHaveLength(6);
    const [first, second] = queue.items ?? [];
    expectOk(await host.send('texts:moderate-many', { promptId: 'one-word', textIds: [first.id, second.id], status: 'approved' }));
    const after = (await facilitator.api.get(`/api/sessions/${hw.state.id}`)).body as FacilitatorSession;
    expect(new Set((byId(after.results, 'one-word')?.distribution as { texts: string[] }).texts)).toEqual(new Set([first.text, second.text]));
  });

  test('the screen of a group homework gets only the result shown, once released', async ({ server, facilitator, clients }) => {
    const hw = await assign(facilitator, 'group');
    const { screenToken } = (await facilitator.api.post(`/api/sessions/${hw.state.id}/screen-link`)).body as { screenToken: string };
    const screen = await clients.screen(screenToken);
    const host = await clients.host(hw.state.id);
    const phones = await twelveAnswer(server.url, hw.invites[0], (token) => clients.open({ role: 'participant', token }));
    setClock(DAY + 60_000);
    const results = ((await facilitator.api.post(`/api/sessions/${hw.state.id}/homework-release`)).body as FacilitatorSession).results;
    await vi.waitFor(() => expect(states(screen).at(-1)?.phase).toBe('released'));
    // Released but not shown: the screen has no result yet.
    expect(states(screen).every((s) => s.result === null)).toBe(true);

    const shown: SessionState = expectOk(await host.send('homework:show', { promptId: 'feelings' }));
    expect(shown).toMatchObject({ prompt: { id: 'feelings' }, result: byId(results, 'feelings') });
    await vi.waitFor(() => expect(states(screen).at(-1)?.result).toEqual(byId(results, 'feelings')));
    expectOk(await host.send('homework:show', { promptId: null }));
    await vi.waitFor(() => expect(states(screen).at(-1)).toMatchObject({ prompt: null, result: null }));
    // A phone cannot show anything.
    expect(await phones[0].send('homework:show', { promptId: 'comfort' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await host.send('homework:show', { promptId: 'no-such-prompt' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await host.send('homework:show', { promptId: 7 } as never)).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });

    // Every result the screen was ever told of is the one released result it was shown; no text, no answer.
    const seen = [...states(screen).flatMap((s) => (s.result ? [s.result] : [])), ...screen.received('results:live').map((r) => r.result)];
    expect(seen.length).toBeGreaterThan(0);
    for (const result of seen) expect(result).toEqual(byId(results, 'feelings'));
    for (const progress of screen.received('progress:updated')) expect(progress.participants % 3).toBe(0);
    expect(JSON.stringify(screen.frames)).not.toContain('secret word');
  });

  test('homework:show is refused for a one-client homework, an unreleased one, a live session and another facilitator', async ({ server, facilitator, clients }) => {
    const client = await assign(facilitator, 'client');
    const phone = await clients.open({ role: 'participant', token: (await claim(server.url, client.invites[0])).token });
    expectOk(await answer(phone, 'comfort', { kind: 'scale', value: 2 }));
    expectOk(await phone.send('homework:finish', { finished: true }));
    const clientHost = await clients.host(client.state.id);
    expect(await clientHost.send('homework:show', { promptId: 'comfort' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // A client's texts never reach a moderation queue either (not even their count).
    expect(await clientHost.send('moderation:list', { promptId: 'one-word' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    setClock(DAY + 60_000);
    expect(await clientHost.send('homework:show', { promptId: 'comfort' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(states(clientHost).every((s) => s.result === null && s.prompt === null)).toBe(true);

    const couple = await assign(facilitator, 'couple', 3 * DAY);
    const coupleHost = await clients.host(couple.state.id);
    expect(await coupleHost.send('homework:show', { promptId: 'comfort' })).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });

    const live = await createSession(facilitator);
    const liveHost = await clients.host(live.state.id);
    expect(await liveHost.send('homework:show', { promptId: null })).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });

    // Another facilitator reaches none of it: no console socket, no REST view, no presenter link.
    const stranger = await signUp(server.url);
    await expect(clients.host(couple.state.id, stranger)).rejects.toBeTruthy();
    expect((await stranger.api.get(`/api/sessions/${couple.state.id}`)).status).toBe(404);
    expect((await stranger.api.post(`/api/sessions/${couple.state.id}/screen-link`)).status).toBe(404);
    // A guessed invitation opens nothing.
    expect((await request(server.url).post('/api/homework/claim').send({ invite: 'x'.repeat(43), consent: true })).status).toBe(401);
  });

  test('a group link opens at most HOMEWORK_GROUP_MAX_SEATS seats, also when many phones open it at once', async ({ server, facilitator }) => {
    const hw = await assign(facilitator, 'group');
    const statuses: number[] = [];
    // 520 claims, twenty at a time: the session row is held per claim, so the cap holds exactly.
    for (let batch = 0; batch < 26; batch += 1) {
      const results = await Promise.all(
        Array.from({ length: 20 }, () => request(server.url).post('/api/homework/claim').send({ invite: hw.invites[0], consent: true })),
      );
      statuses.push(...results.map((r) => r.status));
      for (const r of results) if (r.status !== 201) expect(r.body.code).toBe('SESSION_FULL');
    }
    expect(statuses.filter((s) => s === 201)).toHaveLength(HOMEWORK_GROUP_MAX_SEATS);
    expect(statuses.filter((s) => s === 409)).toHaveLength(520 - HOMEWORK_GROUP_MAX_SEATS);
    // After the close it shows the exact count.
    setClock(DAY + 60_000);
    expect((await facilitator.api.get(`/api/sessions/${hw.state.id}`)).body.state.participants).toBe(HOMEWORK_GROUP_MAX_SEATS);
  }, 120_000);

  test("retention counts from a group homework's close: the seats and answers go, the released aggregates stay", async ({ server, facilitator }) => {
    const hw = await assign(facilitator, 'group');
    const seats: { sessionId: string; token: string }[] = [];
    for (let i = 0; i < 5; i += 1) seats.push(await claim(server.url, hw.invites[0]));
    for (const seat of seats) {
      const phone = await connect(server.url, { role: 'participant', token: seat.token });
      expectOk(await answer(phone, 'comfort', { kind: 'scale', value: 4 }));
      phone.close();
    }
    setClock(DAY + 60_000);
    expect((await facilitator.api.post(`/api/sessions/${hw.state.id}/homework-release`)).status).toBe(200);
    // Within the hour after the close, the seats are still there.
    await new Promise((ok) => setTimeout(ok, 2_000));
    (await connect(server.url, { role: 'participant', token: seats[0].token })).close();
    setClock(DAY + 3600_000 + 120_000);
    await vi.waitFor(() => expect(connect(server.url, { role: 'participant', token: seats[0].token })).rejects.toMatchObject({ message: 'UNAUTHENTICATED' }), {
      timeout: 5_000,
      interval: 250,
    });
    const kept = (await facilitator.api.get(`/api/sessions/${hw.state.id}`)).body as FacilitatorSession;
    expect(kept.state.participants).toBe(0);
    expect(byId(kept.results, 'comfort')).toMatchObject({ respondents: 5, distribution: { kind: 'scale' } });
  });
});
