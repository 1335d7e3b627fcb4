import type {
  AnswerValue,
  CheckinResult,
  ModerationQueue,
  MultipleChoiceResult,
  PromptResult,
  RankingResult,
  ScaleResult,
  SessionState,
  SessionSummary,
  TextResult,
} from '@candor/shared';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { liveClients, test, type Clients, type Seat } from './fixtures.js';
import { send, waitFor, type LiveClient } from './live-client.js';
import { allKindsDeck, expectOk, signUp, type Facilitator, type RunningServer } from './utils.js';

const deckFile = allKindsDeck();

describe('every prompt kind, end to end over real sockets', () => {
  let f: Facilitator;
  let clients: Clients;
  let deckId: string;
  let sessionId: string;
  let facilitator: LiveClient;
  let screen: LiveClient;
  let phones: Seat[];
  let screenFramesBeforeLateApproval = 0;

  const answer = (i: number, promptId: string, value: AnswerValue) =>
    send(phones[i].socket, 'answer:submit', { promptId, clientId: randomUUID(), value });

  // Opens a prompt, takes one answer per phone (each must be accepted), closes it and releases it.
  const run = async (promptId: string, values: AnswerValue[], beforeRelease?: () => Promise<void>): Promise<PromptResult> => {
    const opened = expectOk<SessionState>(await send(facilitator.socket, 'prompt:open', { promptId }));
    expect(opened.prompt?.id).toBe(promptId);
    for (const [i, value] of values.entries()) expectOk(await answer(i, promptId, value));
    expectOk(await send(facilitator.socket, 'prompt:close', {}));
    await beforeRelease?.();
    const released = expectOk<SessionState>(await send(facilitator.socket, 'results:release', {}));
    return released.result as PromptResult;
  };

  // One session for the whole file: each test below runs the next prompt of the deck.
  test.beforeAll(async ({ server, facilitator: account }) => {
    f = account;
    clients = liveClients(server.url, f);
    const imported = await f.api.post('/api/decks/import').send(deckFile);
    expect(imported.status).toBe(201);
    deckId = imported.body.deck.id as string;
    ({ sessionId, host: facilitator, screen, phones } = await clients.room({ deckId, phones: 3 }));
  });

  afterAll(() => clients?.closeAll());

  it('imported the deck under a new id of the facilitator', () => {
    expect(deckId).toMatch(/^u-[a-z0-9]{12}$/);
  });

  it('counts yes/maybe/no per item', async () => {
    const result = await run('feelings', [
      { kind: 'ynm', items: { a: 'yes', b: 'no' } },
      { kind: 'ynm', items: { a: 'yes', b: 'maybe' } },
      { kind: 'ynm', items: { a: 'yes', b: 'no', c: 'pass' } },
    ]);
    expect(result.distribution).toMatchObject({ kind: 'ynm', consensus: ['a'] });
  });

  it('checks multiple choice against the options and maxPicks', async () => {
    const result = await run('pick-some', [
      { kind: 'multiple', optionIds: ['x', 'y'] },
      { kind: 'multiple', optionIds: ['x'] },
      { kind: 'multiple', optionIds: ['z'] },
    ]);
    expect(await answer(0, 'pick-some', { kind: 'multiple', optionIds: ['x'] })).toMatchObject({
      ok: false,
      error: { code: 'PROMPT_NOT_OPEN' },
    });
    const d = result.distribution as MultipleChoiceResult;
    expect(d.options.map((o) => [o.id, o.count])).toEqual([['x', 2], ['y', 1], ['z', 1], ['w', 0]]);
    expect(d.options[0].share).toBeCloseTo(2 / 3);
  });

  it('refuses answers that do not fit their prompt, and stores none of them', async () => {
    expectOk(await send(facilitator.socket, 'prompt:open', { promptId: 'comfort' }));
    const refused: [string, AnswerValue][] = [
      ['comfort', { kind: 'scale', value: 6 }],
      ['comfort', { kind: 'scale', value: 2.5 }],
      ['comfort', { kind: 'single', optionId: 'x' }],
    ];
    for (const [promptId, value] of refused) {
      const ack = await answer(0, promptId, value);
      expect(ack.ok).toBe(false);
      expect(['INVALID_ANSWER', 'INVALID_PAYLOAD']).toContain(ack.ok ? '' : ack.error.code);
    }
    const state = expectOk<{ state: SessionState }>(await send(facilitator.socket, 'session:sync', {})).state;
    expect(state.answered).toBe(0);
    expectOk(await send(facilitator.socket, 'prompt:close', {}));
  });

  it('gives a scale its histogram, median, mean and spread', async () => {
    const result = await run('comfort', [
      { kind: 'scale', value: 2 },
      { kind: 'scale', value: 4 },
      { kind: 'scale', value: 5 },
    ]);
    const d = result.distribution as ScaleResult;
    expect(d.histogram).toEqual([1, 2, 3, 4, 5].map((value) => ({ value, count: [2, 4, 5].includes(value) ? 1 : 0 })));
    expect(d.median).toBe(4);
    expect(d.mean).toBeCloseTo(11 / 3);
    expect(d.spread).toBeCloseTo(Math.sqrt(((2 - 11 / 3) ** 2 + (4 - 11 / 3) ** 2 + (5 - 11 / 3) ** 2) / 3));
  });

  it('ranks with Borda scores and refuses an incomplete or repeated ranking', async () => {
    expectOk(await send(facilitator.socket, 'prompt:open', { promptId: 'order' }));
    expect(await answer(0, 'order', { kind: 'ranking', order: ['r1', 'r2'] })).toMatchObject({ ok: false, error: { code: 'INVALID_ANSWER' } });
    expect(await answer(0, 'order', { kind: 'ranking', order: ['r1', 'r1', 'r2'] })).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expectOk(await send(facilitator.socket, 'prompt:close', {}));
    const result = await run('order', [
      { kind: 'ranking', order: ['r1', 'r2', 'r3'] },
      { kind: 'ranking', order: ['r2', 'r1', 'r3'] },
      { kind: 'ranking', order: ['r1', 'r3', 'r2'] },
    ]);
    const d = result.distribution as RankingResult;
    expect(d.options.map((o) => [o.id, o.borda])).toEqual([['r1', 5], ['r2', 3], ['r3', 1]]);
    expect(d.options[0].averageRank).toBeCloseTo(4 / 3);
  });

  it('shows open text only after close, moderation and release, shuffled and without authors', async () => {
    expectOk(await send(facilitator.socket, 'prompt:open', { promptId: 'one-word' }));
    expect(await answer(0, 'one-word', { kind: 'text', text: 'x'.repeat(41) })).toMatchObject({ ok: false, error: { code: 'INVALID_ANSWER' } });
    // The last one carries what a careless escape would break on its way into and out of the database.
    const texts = ['Slow and kind', 'kind words', 'tea "after", {x} \\ NULL 🙂'];
    for (const [i, text] of texts.entries()) expectOk(await answer(i, 'one-word', { kind: 'text', text: `  ${text} ` }));
    const whileOpen = expectOk<ModerationQueue>(await send(facilitator.socket, 'moderation:list', { promptId: 'one-word' }));
    expect(whileOpen).toEqual({ promptId: 'one-word', textCount: 3, items: null });
    expect(await send(phones[0].socket, 'moderation:list', { promptId: 'one-word' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expectOk(await send(facilitator.socket, 'prompt:close', {}));

    const queue = expectOk<ModerationQueue>(await send(facilitator.socket, 'moderation:list', { promptId: 'one-word' }));
    expect(queue.items?.map((i) => i.text).sort()).toEqual([...texts].sort());
    expect(queue.items?.every((i) => i.status === 'pending')).toBe(true);
    expect(Object.keys(queue.items?.[0] ?? {}).sort()).toEqual(['id', 'status', 'text']);
    for (const item of queue.items ?? []) {
      const status = item.text.includes('kind') ? 'approved' : 'rejected';
      const updated = waitFor(facilitator.socket, 'moderation:updated', 5_000, (q) => q.items?.find((i) => i.id === item.id)?.status === status);
      expectOk(await send(facilitator.socket, 'text:moderate', { promptId: 'one-word', textId: item.id, status }));
      await updated;
    }
    expect(await send(phones[1].socket, 'text:moderate', { promptId: 'one-word', textId: queue.items?.[0].id ?? '', status: 'approved' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    // A text id that is not in this question: nothing to moderate.
    expect(await send(facilitator.socket, 'text:moderate', { promptId: 'one-word', textId: randomUUID(), status: 'approved' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });

    const released = expectOk<SessionState>(await send(facilitator.socket, 'results:release', {}));
    const d = released.result?.distribution as TextResult;
    expect([...d.texts].sort()).toEqual(['Slow and kind', 'kind words']);
    expect(d.words[0]).toEqual({ word: 'kind', count: 2 });
    expect(d.words.map((w) => w.word)).not.toContain('and');

    // Approving the last text after release updates what everyone sees.
    const rejected = queue.items?.find((i) => i.text.startsWith('tea'));
    screenFramesBeforeLateApproval = screen.frames.length;
    const onScreen = waitFor(screen.socket, 'session:updated', 5_000, (s) => (s.result?.distribution as TextResult | null)?.texts.length === 3);
    expectOk(await send(facilitator.socket, 'text:moderate', { promptId: 'one-word', textId: rejected?.id ?? '', status: 'approved' }));
    expect(((await onScreen).result?.distribution as TextResult).texts.sort()).toEqual([...texts].sort());
  });

  it('compares the end check-in with the start', async () => {
    const start = await run('energy-start', [
      { kind: 'checkin', levelId: 'low' },
      { kind: 'checkin', levelId: 'low' },
      { kind: 'checkin', levelId: 'mid' },
    ]);
    expect((start.distribution as CheckinResult).before).toBeNull();
    const end = await run('energy-end', [
      { kind: 'checkin', levelId: 'mid' },
      { kind: 'checkin', levelId: 'high' },
      { kind: 'checkin', levelId: 'high' },
    ]);
    const d = end.distribution as CheckinResult;
    expect(d.levels.map((l) => l.count)).toEqual([0, 1, 2]);
    expect(d.mean).toBeCloseTo(8 / 3);
    expect(d.before?.levels.map((l) => l.count)).toEqual([2, 1, 0]);
    expect(d.before?.mean).toBeCloseTo(4 / 3);
  });

  it('exports only aggregates and approved texts', async () => {
    const summary = (await f.api.get(`/api/sessions/${sessionId}/summary`)).body as SessionSummary;
    expect(summary.results.map((r) => r.promptId)).toEqual(['feelings', 'pick-some', 'comfort', 'order', 'one-word', 'energy-start', 'energy-end']);
    const secrets = phones.flatMap((p) => [p.token, p.socket.id ?? '']);
    for (const format of ['json', 'csv', 'md']) {
      const res = await f.api.get(`/api/sessions/${sessionId}/export?format=${format}`).buffer(true).parse((r, cb) => {
        let text = '';
        r.on('data', (c: Buffer) => (text += c.toString()));
        r.on('end', () => cb(null, text));
      });
      expect(res.status).toBe(200);
      expect(res.headers['content-disposition']).toMatch(/attachment/);
      const text = res.body as string;
      expect(text).toContain('Slow and kind');
      for (const secret of secrets) expect(text).not.toContain(secret);
      // No timestamps, no participant or client ids.
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
      expect(text).not.toMatch(/participant|clientId|client_id/i);
    }
    const csv = (await f.api.get(`/api/sessions/${sessionId}/export?format=csv`)).text;
    expect(csv.split('\r\n')[0]).toMatch(/^"Date","No\.","Prompt","Type","Item","Answered","Passed","Count","Share",/);
    // One row per item, with the prompt's type as a label: Date, No., Prompt, Type, Item, … Borda score.
    expect(csv).toMatch(/"\d{4}-\d{2}-\d{2}","\d+","Put these in order","Ranking","First thing",("",){9}"5",/);
    expect((await f.api.get(`/api/sessions/${sessionId}/export?format=pdf`)).status).toBe(400);
  });

  it('never sent the screen or the facilitator a single answer, or a text before its approval', () => {
    const secrets = phones.flatMap((p) => [p.token, p.socket.id ?? '']);
    for (const observer of [screen, facilitator]) {
      const text = JSON.stringify(observer.frames);
      for (const secret of secrets) expect(text).not.toContain(secret);
    }
    // The screen never saw the "tea" text until it was approved, and never saw the over-long text.
    expect(screenFramesBeforeLateApproval).toBeGreaterThan(10);
    expect(JSON.stringify(screen.frames.slice(0, screenFramesBeforeLateApproval))).not.toContain('NULL 🙂');
    expect(JSON.stringify(screen.frames.slice(screenFramesBeforeLateApproval))).toContain('NULL 🙂');
    expect(JSON.stringify(screen.frames)).not.toContain('x'.repeat(41));
  });
});

describe('the deck library', () => {
  let server: RunningServer;
  let alice: Facilitator;
  let bob: Facilitator;

  test.beforeAll(async ({ server: running }) => {
    server = running;
    alice = await signUp(server.url);
    bob = await signUp(server.url);
  });

  it('lists the built-in decks, each valid', async () => {
    const res = await alice.api.get('/api/decks');
    const ids = (res.body.decks as { id: string; builtIn: boolean }[]).filter((d) => d.builtIn).map((d) => d.id);
    expect(ids).toContain('consent-and-boundaries');
  });

  it('refuses a bad deck file with the list of what is wrong, and creates nothing', async () => {
    const bad = structuredClone(deckFile) as unknown as { version: number; deck: { title: string; prompts: Record<string, unknown>[] } };
    bad.version = 2;
    bad.deck.title = '';
    bad.deck.prompts[1].options = [{ id: 'x', label: 'X' }];
    bad.deck.prompts[3].max = 40;
    bad.deck.prompts.push({ id: 'feelings', kind: 'poem', title: 'Nope' });
    const res = await alice.api.post('/api/decks/import').send(bad);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('INVALID_PAYLOAD');
    const issues = res.body.issues as string[];
    expect(issues.length).toBeGreaterThanOrEqual(4);
    expect(issues.join('\n')).toMatch(/^version:/m);
    expect(issues.join('\n')).toMatch(/^deck\.title:/m);
    expect(issues.join('\n')).toMatch(/^deck\.prompts\.1\.options:/m);
    expect(issues.join('\n')).toMatch(/^deck\.prompts\.3\.max:/m);
    const list = await alice.api.get('/api/decks');
    expect((list.body.decks as { builtIn: boolean }[]).filter((d) => !d.builtIn)).toEqual([]);
    expect((await alice.api.post('/api/decks/import').send('not json').set('Content-Type', 'application/json')).status).toBe(400);
  });

  it('copies, edits, exports and deletes a deck, and keeps built-in decks and other facilitators out', async () => {
    const copy = await alice.api.post('/api/decks').send({ copyOf: 'consent-and-boundaries' });
    expect(copy.status).toBe(201);
    const id = copy.body.deck.id as string;
    expect(copy.body.deck.title).toBe('Consent and boundaries (copy)');

    const { id: _id, ...input } = copy.body.deck as { id: string; title: string; prompts: unknown[] };
    const edited = await alice.api.put(`/api/decks/${id}`).send({ ...input, title: 'Our list', prompts: [...input.prompts].reverse() });
    expect(edited.status).toBe(200);
    expect(edited.body.deck.title).toBe('Our list');
    expect((edited.body.deck.prompts as { id: string }[])[0].id).toBe('how-to-ask');
    const invalidEdit = await alice.api.put(`/api/decks/${id}`).send({ ...input, prompts: [] });
    expect(invalidEdit.status).toBe(400);
    expect((await alice.api.get(`/api/decks/${id}`)).body.deck.title).toBe('Our list');

    expect((await alice.api.put('/api/decks/consent-and-boundaries').send(input)).status).toBe(403);
    expect((await alice.api.delete('/api/decks/consent-and-boundaries')).status).toBe(403);
    for (const res of [
      await bob.api.get(`/api/decks/${id}`),
      await bob.api.put(`/api/decks/${id}`).send(input),
      await bob.api.delete(`/api/decks/${id}`),
      await bob.api.get(`/api/decks/${id}/export`),
      await bob.api.post('/api/sessions').send({ deckId: id }),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('DECK_NOT_FOUND');
    }

    const exported = await alice.api.get(`/api/decks/${id}/export`);
    expect(exported.headers['content-disposition']).toMatch(/attachment/);
    expect(exported.body).toMatchObject({ format: 'candor-deck', version: 1, deck: { id, title: 'Our list' } });
    const reimported = await bob.api.post('/api/decks/import').send(exported.body);
    expect(reimported.status).toBe(201);
    expect(reimported.body.deck.id).not.toBe(id);

    expect((await alice.api.delete(`/api/decks/${id}`)).status).toBe(204);
    expect((await alice.api.get(`/api/decks/${id}`)).status).toBe(404);
  });

  it('publishes the JSON Schema of the deck file', async () => {
    const res = await alice.api.get('/api/deck-format/schema');
    expect(res.status).toBe(200);
    expect(res.body.properties.format).toEqual({ type: 'string', const: 'candor-deck' });
  });
});
