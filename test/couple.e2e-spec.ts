import type { AnswerValue, CoupleResult, SessionState, Snapshot, YnmChoice } from '@candor/shared';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { describe, expect, vi } from 'vitest';
import { test } from './fixtures.js';
import { connect, send, waitFor, type Frame, type LiveClient } from './live-client.js';
import { allKindsDeck, expectOk } from './utils.js';

type Conn = LiveClient;
const deckFile = allKindsDeck();
const answer = (c: Conn, promptId: string, value: AnswerValue) => send(c.socket, 'answer:submit', { promptId, clientId: randomUUID(), value });
const ynm = (items: Record<string, YnmChoice>) => ({ kind: 'ynm' as const, items });
const finish = (c: Conn, promptId: string, finished = true) => send(c.socket, 'answer:finish', { promptId, finished });

// What one socket was told about results: every result it received, in order.
const resultsSeen = (c: { frames: Frame[] }) =>
  c.frames
    .filter((fr) => fr.event === 'session:updated' || fr.event === 'session:snapshot')
    .map((fr) => (fr.event === 'session:snapshot' ? (fr.args[0] as Snapshot).state : (fr.args[0] as SessionState)).result)
    .filter((r) => r !== null);

describe('couple mode', () => {
  test('has exactly two seats: a third person with the link is turned away', async ({ server, clients }) => {
    const { code } = await clients.couple();
    const third = await request(server.url).post('/api/join').send({ code, consent: true });
    expect(third.status).toBe(409);
    expect(third.body).toEqual({ code: 'SESSION_FULL', message: 'Both seats of this couple session are taken.' });
    const info = await request(server.url).get(`/api/join/${code}`);
    expect(info.body.mode).toBe('couple');
  });

  test('ends the session when a partner withdraws, so that nobody else can take the freed seat', async ({ server, clients }) => {
    const { code, host: facilitator, partners } = await clients.couple();
    const [a, b] = partners;
    expectOk(await send(facilitator.socket, 'prompt:open', {}));
    expectOk(await answer(a, 'yes-maybe-no', ynm({ hugs: 'yes' })));
    const bSeesEnd = waitFor(b.socket, 'session:updated', 5_000, (st) => st.phase === 'ended');
    expect(await send(a.socket, 'participant:withdraw', {})).toEqual({ ok: true, data: { withdrawn: true } });
    expect(await bSeesEnd).toMatchObject({ phase: 'ended', participants: 1, answered: 0 });
    // Someone with the code hears that the session has ended, and gets no seat beside the other partner.
    const stranger = await request(server.url).post('/api/join').send({ code, consent: true });
    expect(stranger.status).toBe(409);
    expect(stranger.body).toEqual({ code: 'SESSION_ENDED', message: 'This session has ended.' });
    await expect(connect(server.url, { role: 'participant', token: a.token })).rejects.toMatchObject({ message: 'UNAUTHENTICATED' });
  });

  test('reveals a yes/no/maybe list once both answered, as matches, worth exploring and a count not shared', async ({ clients }) => {
    const { host: facilitator, partners } = await clients.couple();
    const [a, b] = partners;
    expectOk(await send(facilitator.socket, 'prompt:open', {}));
    // A couple's phones show who has answered: unlike a group's, they get the counts.
    const bSeesCount = waitFor(b.socket, 'progress:updated', 5_000, (p) => p.answered === 1);
    expectOk(await answer(a, 'yes-maybe-no', ynm({ hugs: 'yes', kissing: 'yes', cuddling: 'maybe', massage: 'yes' })));
    expect(await bSeesCount).toMatchObject({ participants: 2, answered: 1 });
    expectOk(await answer(b, 'yes-maybe-no', ynm({ hugs: 'yes', kissing: 'maybe', cuddling: 'maybe', massage: 'no' })));
    expectOk(await finish(a, 'yes-maybe-no'));
    await new Promise((ok) => setTimeout(ok, 300));
    // Both answered, one finished: nothing is revealed yet.
    expect(resultsSeen(a)).toEqual([]);
    const revealed = waitFor(a.socket, 'session:updated', 5_000, (s) => s.phase === 'released');
    const onFacilitator = waitFor(facilitator.socket, 'session:updated', 5_000, (s) => s.phase === 'released');
    expectOk(await finish(b, 'yes-maybe-no'));
    const state = await revealed;
    const d = state.result?.distribution as CoupleResult;
    expect(d.policy).toBe('mutual-only');
    expect(d.matches.map((i) => i.id)).toEqual(['hugs']);
    expect(d.explore.map((i) => i.id).sort()).toEqual(['cuddling', 'kissing']);
    expect(d.notShared).toBe(state.prompt?.kind === 'ynm' ? state.prompt.items.length - 3 : -1);
    expect(d.answers).toBeNull();
    // The therapist sees the same reveal, and nothing per partner.
    expect((await onFacilitator).result).toEqual(state.result);
  });

  test("tells partner A nothing that depends on B's answers where they are not shared", async ({ clients }) => {
    // Two couples: A answers the same; the two Bs differ only where nothing is shared.
    const first = await clients.couple();
    const second = await clients.couple();
    const aAnswers = ynm({ hugs: 'yes', kissing: 'maybe', cuddling: 'no', massage: 'yes' });
    const bAnswers = [
      ynm({ hugs: 'yes', kissing: 'no', cuddling: 'yes', massage: 'pass' }),
      ynm({ hugs: 'yes', kissing: 'pass', cuddling: 'maybe' }),
    ];
    const seen: unknown[] = [];
    for (const [i, couple] of [first, second].entries()) {
      const [a, b] = couple.partners;
      expectOk(await send(couple.host.socket, 'prompt:open', {}));
      expectOk(await answer(a, 'yes-maybe-no', aAnswers));
      expectOk(await finish(a, 'yes-maybe-no'));
      const revealed = waitFor(a.socket, 'session:updated', 5_000, (s) => s.phase === 'released');
      expectOk(await answer(b, 'yes-maybe-no', bAnswers[i]));
      expectOk(await finish(b, 'yes-maybe-no'));
      await revealed;
      seen.push(resultsSeen(a));
      // Nothing in A's frames carries B's raw answers.
      expect(JSON.stringify(a.frames)).not.toContain('"pass"');
      expect(JSON.stringify(couple.host.frames)).not.toContain('"pass"');
    }
    expect(seen[0]).toEqual(seen[1]);
    expect((seen[0] as { distribution: CoupleResult }[])[0].distribution.matches.map((m) => m.id)).toEqual(['hugs']);
  });

  test('shows side-by-side prompts to both, and private prompts to nobody', async ({ facilitator: therapist, clients }) => {
    const imported = await therapist.api.post('/api/decks/import').send(deckFile);
    const { host: facilitator, partners } = await clients.couple({ deckId: imported.body.deck.id as string });
    const [a, b] = partners;
    expectOk(await send(facilitator.socket, 'prompt:open', { promptId: 'comfort' }));
    expectOk(await answer(a, 'comfort', { kind: 'scale', value: 2 }));
    expectOk(await finish(a, 'comfort'));
    const shown = waitFor(b.socket, 'session:updated', 5_000, (s) => s.phase === 'released');
    expectOk(await answer(b, 'comfort', { kind: 'scale', value: 5 }));
    expectOk(await finish(b, 'comfort'));
    expect((await shown).result?.distribution).toMatchObject({
      policy: 'side-by-side',
      answers: [{ kind: 'scale', value: 2 }, { kind: 'scale', value: 5 }],
    });

    expectOk(await send(facilitator.socket, 'prompt:open', { promptId: 'one-word' }));
    expectOk(await answer(a, 'one-word', { kind: 'text', text: 'only mine' }));
    expectOk(await finish(a, 'one-word'));
    const closed = waitFor(a.socket, 'session:updated', 5_000, (s) => s.phase === 'released');
    expectOk(await answer(b, 'one-word', { kind: 'text', text: 'only yours' }));
    expectOk(await finish(b, 'one-word'));
    expect((await closed).result?.distribution).toMatchObject({ policy: 'private', answers: null });
    expect(JSON.stringify(a.frames)).not.toContain('only yours');
    expect(JSON.stringify(b.frames)).not.toContain('only mine');
    expect(JSON.stringify(facilitator.frames)).not.toMatch(/only (mine|yours)/);
  });

  test('lets a couple run a session on their own, and keeps everyone else out', async ({ server, facilitator: therapist, clients }) => {
    const started = await request(server.url).post('/api/join/couple').send({ deckId: 'consent-and-boundaries' });
    expect(started.status).toBe(201);
    const { sessionId, code, token } = started.body as { sessionId: string; code: string; token: string };
    const a = await clients.open({ role: 'participant', token });
    const b = await clients.join(code);
    expect((await request(server.url).post('/api/join').send({ code, consent: true })).status).toBe(409);
    await expect(connect(server.url, { role: 'facilitator', sessionId }, therapist.cookie)).rejects.toMatchObject({
      message: 'SESSION_NOT_FOUND',
    });
    expect((await therapist.api.get(`/api/sessions/${sessionId}`)).status).toBe(404);

    // Either partner moves on; neither can release early or close for the other.
    expectOk(await send(b.socket, 'prompt:open', {}));
    expect(await send(a.socket, 'prompt:close', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expectOk(await answer(a, 'yes-maybe-no', ynm({ hugs: 'yes' })));
    expectOk(await finish(a, 'yes-maybe-no'));
    const revealed = waitFor(a.socket, 'session:updated', 5_000, (s) => s.phase === 'released');
    expectOk(await answer(b, 'yes-maybe-no', ynm({ hugs: 'yes' })));
    expectOk(await finish(b, 'yes-maybe-no'));
    expect(((await revealed).result?.distribution as CoupleResult).matches.map((m) => m.id)).toEqual(['hugs']);
    expect(expectOk<SessionState>(await send(a.socket, 'session:end', {})).phase).toBe('ended');
  });

  test('reveals nothing until both partners say they are finished, however much either saved, and lets each take it back until then', async ({ facilitator: therapist, clients }) => {
    const { sessionId, host: facilitator, partners } = await clients.couple();
    const [a, b] = partners;
    const opened = expectOk<SessionState>(await send(facilitator.socket, 'prompt:open', {}));
    const items = opened.prompt?.kind === 'ynm' ? opened.prompt.items.map((i) => i.id) : [];
    expect(items.length).toBeGreaterThan(20);
    // "I'm finished" needs a saved answer first.
    expect(await finish(b, 'yes-maybe-no')).toMatchObject({ ok: false, error: { code: 'INVALID_ANSWER' } });
    // A saves ten items and says so; B everything.
    expectOk(await answer(a, 'yes-maybe-no', ynm(Object.fromEntries(items.slice(0, 10).map((id) => [id, 'yes'])))));
    expectOk(await answer(b, 'yes-maybe-no', ynm(Object.fromEntries(items.map((id) => [id, 'yes'])))));
    const bSeesOne = waitFor(b.socket, 'session:updated', 5_000, (st) => st.finished === 1);
    expect(await finish(a, 'yes-maybe-no')).toEqual({ ok: true, data: { promptId: 'yes-maybe-no', finished: true } });
    expect(await bSeesOne).toMatchObject({ phase: 'open', finished: 1, result: null });
    // A's other tab (or a reload) knows A is finished; B's does not say B is.
    const aAgain = await clients.open({ role: 'participant', token: a.token });
    expect(expectOk<Snapshot>(await send(aAgain.socket, 'session:sync', {})).myFinished).toBe(true);
    expect(expectOk<Snapshot>(await send(b.socket, 'session:sync', {})).myFinished).toBe(false);
    // A takes it back, then B finishes: still one of two, still nothing revealed.
    expectOk(await finish(a, 'yes-maybe-no', false));
    expectOk(await finish(b, 'yes-maybe-no'));
    await new Promise((ok) => setTimeout(ok, 300));
    expect(expectOk<Snapshot>(await send(facilitator.socket, 'session:sync', {})).state).toMatchObject({ phase: 'open', finished: 1, result: null });
    expect([a, b, facilitator].flatMap((c) => resultsSeen(c))).toEqual([]);

    // The therapist cannot reveal early either: a closed prompt is not released, and reopening it
    // starts with nobody finished.
    expectOk(await send(facilitator.socket, 'prompt:close', {}));
    expect(await send(facilitator.socket, 'results:release', {})).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
    expect(expectOk<SessionState>(await send(facilitator.socket, 'prompt:open', { promptId: 'yes-maybe-no' }))).toMatchObject({
      phase: 'open',
      finished: 0,
    });
    expect(expectOk<Snapshot>(await send(b.socket, 'session:sync', {})).myFinished).toBe(false);

    // Both finished: revealed at once, to both phones and the therapist, in one step.
    expectOk(await answer(a, 'yes-maybe-no', ynm(Object.fromEntries(items.map((id, i) => [id, i < 10 ? 'yes' : 'no'])))));
    expectOk(await finish(a, 'yes-maybe-no'));
    const released = waitFor(facilitator.socket, 'session:updated', 5_000, (st) => st.phase === 'released');
    expectOk(await finish(b, 'yes-maybe-no'));
    const state = await released;
    expect((state.result?.distribution as CoupleResult).matches.map((m) => m.id)).toEqual(items.slice(0, 10));
    expect((state.result?.distribution as CoupleResult).notShared).toBe(items.length - 10);
    expect(state.finished).toBe(0);
    // Once revealed, nobody is finished with anything any more, and the prompt takes no answers.
    expect(await finish(a, 'yes-maybe-no', false)).toMatchObject({ ok: false, error: { code: 'PROMPT_NOT_OPEN' } });
    expect((await therapist.api.get(`/api/sessions/${sessionId}`)).body.results).toEqual([state.result]);
  });

  test('gives the therapist exactly the reveal the couple gets, for every kind and policy, and no queue of texts', async ({ facilitator: therapist, clients }) => {
    // Every kind, each policy at least once: a private choice and ranking, a side-by-side text.
    const file = structuredClone(deckFile);
    const reveal: Record<string, string> = { 'pick-one': 'private', order: 'private', 'pick-some': 'mutual-only' };
    file.deck.prompts = file.deck.prompts.map((p) => ({ ...p, ...(reveal[p.id] ? { reveal: reveal[p.id] } : {}) })) as typeof file.deck.prompts;
    file.deck.prompts.push({ id: 'shared-words', kind: 'text', title: 'Words for both', maxLength: 40, reveal: 'side-by-side' });
    const imported = await therapist.api.post('/api/decks/import').send(file);
    expect(imported.status).toBe(201);
    const { sessionId, host: facilitator, partners } = await clients.couple({ deckId: imported.body.deck.id as string });
    const [a, b] = partners;
    const secret = (who: string, id: string) => `${who}-${id}-secret`.slice(0, 40);
    const values = (who: 'A' | 'B', id: string, kind: string): AnswerValue => {
      const first = who === 'A';
      switch (kind) {
        case 'ynm':
          return ynm(first ? { a: 'yes', b: 'maybe', c: 'no' } : { a: 'yes', b: 'pass', c: 'maybe' });
        case 'single':
          return { kind: 'single', optionId: first ? 'x' : 'y' };
        case 'multiple':
          return { kind: 'multiple', optionIds: first ? ['x', 'w'] : ['x', 'z'] };
        case 'scale':
          return { kind: 'scale', value: first ? 1 : 4 };
        case 'ranking':
          return { kind: 'ranking', order: first ? ['r1', 'r2', 'r3'] : ['r3', 'r1', 'r2'] };
        case 'text':
          return { kind: 'text', text: secret(who, id) };
        default:
          return { kind: 'checkin', levelId: first ? 'low' : 'high' };
      }
    };
    const rest: unknown[] = [];
    const revealed: Record<string, unknown> = {};
    for (const prompt of file.deck.prompts) {
      expectOk(await send(facilitator.socket, 'prompt:open', { promptId: prompt.id }));
      for (const [who, partner] of [['A', a], ['B', b]] as const) {
        expectOk(await answer(partner, prompt.id, values(who, prompt.id, prompt.kind)));
        expectOk(await finish(partner, prompt.id));
      }
      await vi.waitFor(() => expect(resultsSeen(facilitator).map((r) => r.promptId)).toContain(prompt.id), { timeout: 5_000 });
      if (prompt.kind === 'text') {
        // No moderation queue in a couple session, over the socket or otherwise.
        expect(await send(facilitator.socket, 'moderation:list', { promptId: prompt.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
        const textId = '00000000-0000-4000-8000-000000000000';
        expect(await send(facilitator.socket, 'text:moderate', { promptId: prompt.id, textId, status: 'approved' })).toMatchObject({
          ok: false,
          error: { code: 'FORBIDDEN' },
        });
      }
      rest.push((await therapist.api.get(`/api/sessions/${sessionId}`)).body);
      revealed[prompt.id] = resultsSeen(a).find((r) => r.promptId === prompt.id);
    }
    expectOk(await send(facilitator.socket, 'session:end', {}));
    for (const path of ['', '/summary', '/export?format=json', '/export?format=csv', '/export?format=md']) {
      const res = await therapist.api.get(`/api/sessions/${sessionId}${path}`);
      expect(res.status).toBe(200);
      rest.push(res.text);
    }
    rest.push((await therapist.api.get('/api/sessions')).text);

    // The therapist's socket heard only these events, and every result it got is the couple's reveal.
    expect(new Set(facilitator.frames.map((fr) => fr.event))).toEqual(new Set(['session:snapshot', 'session:updated', 'progress:updated', 'stepout:updated', 'talkalone:updated']));
    for (const result of resultsSeen(facilitator)) expect(result).toEqual(revealed[result.promptId]);
    expect(resultsSeen(b).filter((r) => r.promptId in revealed)).toEqual(resultsSeen(a).filter((r) => r.promptId in revealed));
    // What the policies keep private stays private: no private text, no private pick, no raw list.
    const heard = JSON.stringify([facilitator.frames, rest]);
    for (const who of ['A', 'B']) expect(heard).not.toContain(secret(who, 'one-word'));
    expect(heard).not.toContain('"pass"');
    for (const id of ['feelings', 'pick-one', 'order', 'one-word']) expect(revealed[id]).toMatchObject({ distribution: { answers: null } });
    expect(revealed['pick-one']).toMatchObject({ distribution: { policy: 'private', matches: [] } });
    // Side-by-side is the one policy where both answers are shown: to both partners and the therapist alike.
    expect(revealed['shared-words']).toMatchObject({ distribution: { policy: 'side-by-side' } });
    expect(heard).toContain(secret('A', 'shared-words'));
  });

  test("locks a revealed prompt: neither partner nor the therapist can open it again to probe the other's answers", async ({ server, clients }) => {
    // A therapist's couple: the therapist tries.
    const { host: facilitator, partners } = await clients.couple();
    const [a, b] = partners;
    expectOk(await send(facilitator.socket, 'prompt:open', {}));
    expectOk(await answer(a, 'yes-maybe-no', ynm({ hugs: 'no', kissing: 'no' })));
    expectOk(await answer(b, 'yes-maybe-no', ynm({ hugs: 'yes', kissing: 'maybe' })));
    expectOk(await finish(a, 'yes-maybe-no'));
    expectOk(await finish(b, 'yes-maybe-no'));
    await vi.waitFor(() => expect(resultsSeen(a)).toHaveLength(1));
    const before = expectOk<Snapshot>(await send(facilitator.socket, 'session:sync', {})).state;
    expect(await send(facilitator.socket, 'prompt:open', { promptId: 'yes-maybe-no' })).toMatchObject({ ok: false, error: { code: 'ANSWERS_LOCKED' } });
    // The next prompt still opens; the revealed one stays revealed, and A's "yes to everything" is refused.
    const next = expectOk<SessionState>(await send(facilitator.socket, 'prompt:open', {}));
    expect(next.promptIndex).toBe(1);
    expect(await answer(a, 'yes-maybe-no', ynm({ hugs: 'yes', kissing: 'yes' }))).toMatchObject({ ok: false, error: { code: 'PROMPT_NOT_OPEN' } });
    expect(await send(facilitator.socket, 'prompt:open', { promptId: 'yes-maybe-no' })).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
    expect(before.version).toBeLessThan(next.version);

    // A couple on their own: a partner may move the session, and is refused the same way.
    const started = await request(server.url).post('/api/join/couple').send({ deckId: 'consent-and-boundaries' });
    expect(started.status).toBe(201);
    const joined = await request(server.url).post('/api/join').send({ code: started.body.code, consent: true });
    expect(joined.status).toBe(201);
    const [x, y] = await Promise.all([started.body.token as string, joined.body.token as string].map((token) => connect(server.url, { role: 'participant', token })));
    try {
      const opened = expectOk<SessionState>(await send(x.socket, 'prompt:open', {}));
      expectOk(await answer(x, opened.prompt?.id ?? '', ynm({ hugs: 'maybe' })));
      expectOk(await answer(y, opened.prompt?.id ?? '', ynm({ hugs: 'no' })));
      expectOk(await finish(x, opened.prompt?.id ?? ''));
      expectOk(await finish(y, opened.prompt?.id ?? ''));
      await vi.waitFor(() => expect(resultsSeen(x)).toHaveLength(1));
      const revealedState = expectOk<Snapshot>(await send(x.socket, 'session:sync', {})).state;
      for (const probe of [x, y]) {
        expect(await send(probe.socket, 'prompt:open', { promptId: opened.prompt?.id })).toMatchObject({ ok: false, error: { code: 'ANSWERS_LOCKED' } });
      }
      // Nothing changed: still released, same version, the same reveal.
      const after = expectOk<Snapshot>(await send(y.socket, 'session:sync', {})).state;
      expect(after).toMatchObject({ phase: 'released', version: revealedState.version, promptIndex: revealedState.promptIndex });
      expect(after.result).toEqual(revealedState.result);
    } finally {
      x.close();
      y.close();
    }
  });

  test('tells only the therapist that a partner would like to talk alone: never who, and the other partner nothing', async ({ clients }) => {
    const { session, host: therapist, partners } = await clients.couple();
    const [a, b] = partners;
    const screen = await clients.screen(session.screenToken);
    // The console learns the count when it connects: nobody has asked yet.
    await vi.waitFor(() => expect(therapist.received('talkalone:updated')).toEqual([{ asking: 0 }]));
    expectOk(await send(therapist.socket, 'prompt:open', {}));
    const heardBefore = { b: b.frames.length, screen: screen.frames.length };

    expect(await send(a.socket, 'participant:talk-alone', { asking: true })).toEqual({ ok: true, data: { asking: true } });
    await vi.waitFor(() => expect(therapist.received('talkalone:updated').at(-1)).toEqual({ asking: 1 }));
    // Said twice, still one person asking.
    expectOk(await send(a.socket, 'participant:talk-alone', { asking: true }));
    // Bad input changes nothing.
    expect(await a.raw('participant:talk-alone', { asking: 'yes' })).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect(await a.raw('participant:talk-alone', { asking: true, partner: 'b' })).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    await vi.waitFor(() => expect(therapist.received('talkalone:updated').at(-1)).toEqual({ asking: 1 }));

    // A reconnect keeps it: A's own snapshot says so, B's does not, and a console that reconnects hears the count.
    const aAgain = await clients.open({ role: 'participant', token: a.token });
    const bAgain = await clients.open({ role: 'participant', token: b.token });
    const console2 = await clients.host(session.state.id);
    await vi.waitFor(() => expect(aAgain.received('session:snapshot')).toHaveLength(1));
    await vi.waitFor(() => expect(bAgain.received('session:snapshot')).toHaveLength(1));
    expect(aAgain.received('session:snapshot')[0].myTalkAlone).toBe(true);
    expect(bAgain.received('session:snapshot')[0].myTalkAlone).toBe(false);
    await vi.waitFor(() => expect(console2.received('talkalone:updated')).toEqual([{ asking: 1 }]));

    expectOk(await send(a.socket, 'participant:talk-alone', { asking: false }));
    await vi.waitFor(() => expect(therapist.received('talkalone:updated').at(-1)).toEqual({ asking: 0 }));
    await new Promise((ok) => setTimeout(ok, 300));
    // Partner B and the screen heard nothing of it: no event, and nothing in any frame they got meanwhile.
    for (const heard of [b.frames.slice(heardBefore.b), screen.frames.slice(heardBefore.screen), bAgain.frames]) {
      expect(heard.map((f) => f.event)).not.toContain('talkalone:updated');
      expect(JSON.stringify(heard)).not.toMatch(/talkalone:|"asking"|"myTalkAlone":true/);
    }
  });

  test('refuses live results for couples, and a couple deck that is not built in', async ({ server, clients }) => {
    const { host: facilitator } = await clients.couple();
    expect(await send(facilitator.socket, 'session:settings', { liveResults: true })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION' },
    });
    const unknown = await request(server.url).post('/api/join/couple').send({ deckId: 'u-abcdefabcdef' });
    expect(unknown.status).toBe(404);
  });
});
