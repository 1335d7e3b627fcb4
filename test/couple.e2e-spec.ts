import type { CoupleResult, SessionState, Snapshot } from '@candor/shared';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  command,
  connect,
  expectOk,
  joinSession,
  signUp,
  startServer,
  waitFor,
  type ClientSocket,
  type Facilitator,
  type Frame,
  type RunningServer,
  allKindsDeck,
} from './utils.js';

type Conn = { socket: ClientSocket; frames: Frame[]; token: string };
const deckFile = allKindsDeck();
const answer = (c: Conn, promptId: string, value: unknown) => command(c.socket, 'answer:submit', { promptId, clientId: randomUUID(), value });
const ynm = (items: Record<string, string>) => ({ kind: 'ynm', items });

// What one socket was told about results: every result it received, in order.
const resultsSeen = (c: { frames: Frame[] }) =>
  c.frames
    .filter((fr) => fr.event === 'session:updated' || fr.event === 'session:snapshot')
    .map((fr) => (fr.event === 'session:snapshot' ? (fr.args[0] as Snapshot).state : (fr.args[0] as SessionState)).result)
    .filter((r) => r !== null);

describe('couple mode', () => {
  let server: RunningServer;
  let therapist: Facilitator;
  const sockets: ClientSocket[] = [];

  beforeAll(async () => {
    server = await startServer();
    therapist = await signUp(server.url);
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await server?.stop();
  });

  const coupleWithTherapist = async (deckId = 'consent-and-boundaries') => {
    const created = await therapist.api.post('/api/sessions').send({ deckId, mode: 'couple' });
    expect(created.status).toBe(201);
    const sessionId = created.body.state.id as string;
    const facilitator = await connect(server.url, { role: 'facilitator', sessionId }, therapist.cookie);
    const partners: Conn[] = [];
    for (let i = 0; i < 2; i += 1) {
      const seat = await joinSession(server.url, created.body.state.code as string);
      partners.push({ ...(await connect(server.url, { role: 'participant', token: seat.token })), token: seat.token });
    }
    sockets.push(facilitator.socket, ...partners.map((p) => p.socket));
    return { sessionId, code: created.body.state.code as string, facilitator, partners };
  };

  it('has exactly two seats: a third person with the link is turned away', async () => {
    const { code } = await coupleWithTherapist();
    const third = await request(server.url).post('/api/join').send({ code, consent: true });
    expect(third.status).toBe(409);
    expect(third.body).toEqual({ code: 'SESSION_FULL', message: 'Both seats of this couple session are taken.' });
    const info = await request(server.url).get(`/api/join/${code}`);
    expect(info.body.mode).toBe('couple');
  });

  it('ends the session when a partner withdraws, so that nobody else can take the freed seat', async () => {
    const { code, facilitator, partners } = await coupleWithTherapist();
    const [a, b] = partners;
    expectOk(await command(facilitator.socket, 'prompt:open', {}));
    expectOk(await answer(a, 'yes-maybe-no', ynm({ hugs: 'yes' })));
    const bSeesEnd = waitFor(b.socket, 'session:updated', 5_000, (st) => st.phase === 'ended');
    expect(await command(a.socket, 'participant:withdraw', {})).toEqual({ ok: true, data: { withdrawn: true } });
    expect(await bSeesEnd).toMatchObject({ phase: 'ended', participants: 1, answered: 0 });
    // Someone with the code finds no session, let alone a seat beside the other partner.
    const stranger = await request(server.url).post('/api/join').send({ code, consent: true });
    expect(stranger.status).toBe(404);
    expect(stranger.body.code).toBe('SESSION_NOT_FOUND');
    await expect(connect(server.url, { role: 'participant', token: a.token })).rejects.toMatchObject({ message: 'UNAUTHENTICATED' });
  });

  it('reveals a yes/no/maybe list once both answered, as matches, worth exploring and a count not shared', async () => {
    const { facilitator, partners } = await coupleWithTherapist();
    const [a, b] = partners;
    expectOk(await command(facilitator.socket, 'prompt:open', {}));
    // A couple's phones show who has answered: unlike a group's, they get the counts.
    const bSeesCount = waitFor(b.socket, 'progress:updated', 5_000, (p) => p.answered === 1);
    expectOk(await answer(a, 'yes-maybe-no', ynm({ hugs: 'yes', kissing: 'yes', cuddling: 'maybe', massage: 'yes' })));
    expect(await bSeesCount).toMatchObject({ participants: 2, answered: 1 });
    await new Promise((ok) => setTimeout(ok, 300));
    expect(resultsSeen(a)).toEqual([]);
    const revealed = waitFor(a.socket, 'session:updated', 5_000, (s) => s.phase === 'released');
    const onFacilitator = waitFor(facilitator.socket, 'session:updated', 5_000, (s) => s.phase === 'released');
    expectOk(await answer(b, 'yes-maybe-no', ynm({ hugs: 'yes', kissing: 'maybe', cuddling: 'maybe', massage: 'no' })));
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

  it("tells partner A nothing that depends on B's answers where they are not shared", async () => {
    // Two couples: A answers the same; the two Bs differ only where nothing is shared.
    const first = await coupleWithTherapist();
    const second = await coupleWithTherapist();
    const aAnswers = ynm({ hugs: 'yes', kissing: 'maybe', cuddling: 'no', massage: 'yes' });
    const bAnswers = [
      ynm({ hugs: 'yes', kissing: 'no', cuddling: 'yes', massage: 'pass' }),
      ynm({ hugs: 'yes', kissing: 'pass', cuddling: 'maybe' }),
    ];
    const seen: unknown[] = [];
    for (const [i, couple] of [first, second].entries()) {
      const [a, b] = couple.partners;
      expectOk(await command(couple.facilitator.socket, 'prompt:open', {}));
      expectOk(await answer(a, 'yes-maybe-no', aAnswers));
      const revealed = waitFor(a.socket, 'session:updated', 5_000, (s) => s.phase === 'released');
      expectOk(await answer(b, 'yes-maybe-no', bAnswers[i]));
      await revealed;
      seen.push(resultsSeen(a));
      // Nothing in A's frames carries B's raw answers.
      expect(JSON.stringify(a.frames)).not.toContain('"pass"');
      expect(JSON.stringify(couple.facilitator.frames)).not.toContain('"pass"');
    }
    expect(seen[0]).toEqual(seen[1]);
    expect((seen[0] as { distribution: CoupleResult }[])[0].distribution.matches.map((m) => m.id)).toEqual(['hugs']);
  });

  it('shows side-by-side prompts to both, and private prompts to nobody', async () => {
    const imported = await therapist.api.post('/api/decks/import').send(deckFile);
    const { facilitator, partners } = await coupleWithTherapist(imported.body.deck.id as string);
    const [a, b] = partners;
    expectOk(await command(facilitator.socket, 'prompt:open', { promptId: 'comfort' }));
    expectOk(await answer(a, 'comfort', { kind: 'scale', value: 2 }));
    const shown = waitFor(b.socket, 'session:updated', 5_000, (s) => s.phase === 'released');
    expectOk(await answer(b, 'comfort', { kind: 'scale', value: 5 }));
    expect((await shown).result?.distribution).toMatchObject({
      policy: 'side-by-side',
      answers: [{ kind: 'scale', value: 2 }, { kind: 'scale', value: 5 }],
    });

    expectOk(await command(facilitator.socket, 'prompt:open', { promptId: 'one-word' }));
    expectOk(await answer(a, 'one-word', { kind: 'text', text: 'only mine' }));
    const closed = waitFor(a.socket, 'session:updated', 5_000, (s) => s.phase === 'released');
    expectOk(await answer(b, 'one-word', { kind: 'text', text: 'only yours' }));
    expect((await closed).result?.distribution).toMatchObject({ policy: 'private', answers: null });
    expect(JSON.stringify(a.frames)).not.toContain('only yours');
    expect(JSON.stringify(b.frames)).not.toContain('only mine');
    expect(JSON.stringify(facilitator.frames)).not.toMatch(/only (mine|yours)/);
  });

  it('lets a couple run a session on their own, and keeps everyone else out', async () => {
    const started = await request(server.url).post('/api/join/couple').send({ deckId: 'consent-and-boundaries' });
    expect(started.status).toBe(201);
    const { sessionId, code, token } = started.body as { sessionId: string; code: string; token: string };
    const a: Conn = { ...(await connect(server.url, { role: 'participant', token })), token };
    const seat = await joinSession(server.url, code);
    const b: Conn = { ...(await connect(server.url, { role: 'participant', token: seat.token })), token: seat.token };
    sockets.push(a.socket, b.socket);
    expect((await request(server.url).post('/api/join').send({ code, consent: true })).status).toBe(409);
    await expect(connect(server.url, { role: 'facilitator', sessionId }, therapist.cookie)).rejects.toMatchObject({
      message: 'SESSION_NOT_FOUND',
    });
    expect((await therapist.api.get(`/api/sessions/${sessionId}`)).status).toBe(404);

    // Either partner moves on; neither can release early or close for the other.
    expectOk(await command(b.socket, 'prompt:open', {}));
    expect(await command(a.socket, 'prompt:close', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expectOk(await answer(a, 'yes-maybe-no', ynm({ hugs: 'yes' })));
    const revealed = waitFor(a.socket, 'session:updated', 5_000, (s) => s.phase === 'released');
    expectOk(await answer(b, 'yes-maybe-no', ynm({ hugs: 'yes' })));
    expect(((await revealed).result?.distribution as CoupleResult).matches.map((m) => m.id)).toEqual(['hugs']);
    expect(expectOk<SessionState>(await command(a.socket, 'session:end', {})).phase).toBe('ended');
  });

  it('refuses live results for couples, and a couple deck that is not built in', async () => {
    const { facilitator } = await coupleWithTherapist();
    expect(await command(facilitator.socket, 'session:settings', { liveResults: true })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION' },
    });
    const unknown = await request(server.url).post('/api/join/couple').send({ deckId: 'u-abcdefabcdef' });
    expect(unknown.status).toBe(404);
  });
});
