import type { CoupleResult, FacilitatorSession, YnmPrompt } from '@candor/shared';
import { ynmReveal } from '@candor/shared/blind';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect } from 'vitest';
import { compare, phone } from './blind-phones.js';
import { test } from './fixtures.js';
import { assignHomework, claimHomework } from './homework-helpers.js';
import { allKindsDeck, expectOk } from './utils.js';

// The blind couple reveal in a couple's homework (issue 15): the lists are compared on the two phones any
// day until the close, and a reveal both phones show reaches the therapist only with the homework's reveal.
// (A file of its own: a server that moves its clock gets its own database on PostgreSQL, see utils.ts.)

// The server's clock runs ahead by what this file says (CANDOR_TEST_CLOCK_FILE): homework closes in a test.
const CLOCK_FILE = join(mkdtempSync(join(tmpdir(), 'candor-clock-')), 'offset');
const DAY = 24 * 3600 * 1000;
const setClock = (offsetMs: number) => writeFileSync(CLOCK_FILE, String(offsetMs));
test.override('serverEnv', { CANDOR_TEST_CLOCK_FILE: CLOCK_FILE });
beforeEach(() => setClock(0));

describe('the blind couple reveal in homework', () => {
  test("a couple's homework compares a list on the phones any day until the close; a reveal both show comes with the homework's, one they keep never", async ({
    server,
    facilitator,
    clients,
  }) => {
    // Only a couple's homework compares on the phones.
    const deck = await facilitator.api.post('/api/decks/import').send(allKindsDeck());
    const closesAt = new Date(Date.now() + 3 * DAY).toISOString();
    const refused = await facilitator.api.post('/api/homework').send({ deckId: deck.body.deck.id, audience: 'group', closesAt, blindReveal: true });
    expect(refused.status).toBe(400);

    const run = async () => {
      const hw = await assignHomework(facilitator, 'couple', 3 * DAY, { blindReveal: true });
      expect(hw.state).toMatchObject({ blindReveal: true, homework: { audience: 'couple' } });
      const seats = [await claimHomework(server.url, hw.invites[0]), await claimHomework(server.url, hw.invites[1])];
      const host = await clients.host(hw.state.id);
      const [seatA, seatB] = await Promise.all(seats.map((seat) => clients.open({ role: 'participant', token: seat.token })));
      return { hw, host, seatA, seatB };
    };

    // Day 2 of the homework: both phones on the list at once. No answer to it is taken.
    const shown = await run();
    setClock(DAY);
    const feelings = allKindsDeck().deck.prompts.find((p) => p.id === 'feelings') as YnmPrompt;
    const ids = feelings.items.map((item) => item.id);
    const refusedAnswer = await shown.seatA.send('answer:submit', { promptId: 'feelings', clientId: randomUUID(), value: { kind: 'ynm', items: { [ids[0]]: 'yes' } } });
    expect(refusedAnswer).toMatchObject({ ok: false, error: { code: 'BLIND_REVEAL' } });
    const a = phone(shown.seatA, shown.hw.state.id, feelings, { [ids[0]]: 'yes', [ids[1]]: 'maybe', [ids[2]]: 'yes' });
    const b = phone(shown.seatB, shown.hw.state.id, feelings, { [ids[0]]: 'yes', [ids[1]]: 'yes', [ids[2]]: 'no' });
    const { codes, sharedA } = await compare(a, b, 'feelings');
    expect(codes[0]).toBe(codes[1]);
    const expected = { matches: [ids[0]], explore: [ids[1]] };
    expect(ynmReveal(ids, sharedA)).toEqual({ ...expected, notShared: ids.length - 2 });
    // Both show it: it waits for the homework's reveal, and the therapist has nothing yet, not even who compared.
    expect(await shown.seatA.send('blind:show', { promptId: 'feelings', ...expected })).toEqual({ ok: true, data: { shown: false } });
    expect(await shown.seatB.send('blind:show', { promptId: 'feelings', ...expected })).toEqual({ ok: true, data: { shown: true } });
    expect((await facilitator.api.get(`/api/sessions/${shown.hw.state.id}`)).body.results).toEqual([]);
    expect(shown.host.received('session:updated').every((state) => state.phase === 'open' && state.homework?.finished.every((f) => !f))).toBe(true);
    expect(shown.host.frames.map((frame) => frame.event)).not.toContain('blind:message');
    expect(shown.host.received('session:updated').every((state) => state.result === null)).toBe(true);
    // The rest goes as homework does: answered, both finished, all revealed; the list with what the phones found.
    expectOk(await shown.seatA.send('answer:submit', { promptId: 'comfort', clientId: randomUUID(), value: { kind: 'scale', value: 2 } }));
    for (const seat of [shown.seatA, shown.seatB]) expectOk(await seat.send('homework:finish', { finished: true }));
    const view = async () => (await facilitator.api.get(`/api/sessions/${shown.hw.state.id}`)).body as FacilitatorSession;
    await expect.poll(async () => (await view()).state.phase, { timeout: 5_000 }).toBe('released');
    const { results } = await view();
    const list = results.find((r) => r.promptId === 'feelings')?.distribution as CoupleResult;
    expect(list).toMatchObject({ kind: 'couple', policy: 'mutual-only', answers: null, notShared: ids.length - 2 });
    expect(list.matches.map((m) => m.id)).toEqual(expected.matches);
    expect(list.explore.map((m) => m.id)).toEqual(expected.explore);
    // Revealed, the list takes no more steps.
    expect(await a.sendStep({ promptId: 'feelings', step: 'commit', ...a.party.commitment })).toMatchObject({ ok: false, error: { code: 'ANSWERS_LOCKED' } });

    // Another couple compares and keeps it between them; after the close the therapist releases: no result for the list.
    setClock(0);
    const kept = await run();
    const c = phone(kept.seatA, kept.hw.state.id, feelings, { [ids[0]]: 'yes' });
    const d = phone(kept.seatB, kept.hw.state.id, feelings, { [ids[0]]: 'yes' });
    await compare(c, d, 'feelings');
    setClock(3 * DAY + 60_000);
    expect(await c.sendStep({ promptId: 'feelings', step: 'commit', ...c.party.commitment })).toMatchObject({ ok: false, error: { code: 'SESSION_ENDED' } });
    const released = await facilitator.api.post(`/api/sessions/${kept.hw.state.id}/homework-release`);
    expect(released.status).toBe(200);
    expect((released.body as { results: { promptId: string }[] }).results.map((r) => r.promptId)).not.toContain('feelings');
  });
});
