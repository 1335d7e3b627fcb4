import type { AnswerReceipt, AnswerValue, PromptResult, SessionState, Snapshot, YnmResult } from '@candor/shared';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { liveClients, test, type Clients, type Seat } from './fixtures.js';
import { raw, send, waitFor, type LiveClient } from './live-client.js';
import { expectOk } from './utils.js';

// Every key an observer (facilitator or screen) may ever receive: session state, deck prompts,
// counts and aggregates. Anything else (a participant id, a socket id, a raw answer) fails the test.
const OBSERVER_KEYS = new Set([
  'role', 'state', 'id', 'code', 'title', 'mode', 'k', 'phase', 'promptIndex', 'promptCount', 'prompt',
  'participants', 'answered', 'finished', 'result', 'version', 'kind', 'body', 'contentNote', 'items', 'options', 'label',
  'category', 'sessionId', 'promptId', 'respondents', 'passed', 'distribution', 'yes', 'maybe', 'no', 'pass',
  'withheld', 'group', 'polarisation', 'consensus', 'split', 'mostMaybe', 'count', 'share', 'paused', 'liveResults', 'livePhones', 'selfRun', 'blindReveal',
  'translations', 'away', 'homework',
]);

// Deck content in other languages: language tags, then the translated fields; the keys of `labels` and
// `categories` are the deck's own item ids and category names, content like the labels themselves.
const TRANSLATION_FIELDS = new Set(['title', 'body', 'contentNote', 'minLabel', 'maxLabel', 'labels', 'categories']);

function keysOf(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => keysOf(v, into));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      into.add(key);
      if (key === 'translations') {
        for (const [language, fields] of Object.entries(v as Record<string, Record<string, unknown>>)) {
          if (!/^[a-z]{2}(-[A-Za-z0-9]+)*$/.test(language)) into.add(`translations.${language}`);
          for (const field of Object.keys(fields)) if (!TRANSLATION_FIELDS.has(field)) into.add(`translations.${language}.${field}`);
        }
      } else keysOf(v, into);
    }
  }
  return into;
}

type Participant = Seat & { clientIds: string[] };

describe('a live group session', () => {
  let clients: Clients;
  let facilitator: LiveClient;
  let screen: LiveClient;
  let participants: Participant[];
  let sessionId: string;

  const answer = async (p: Participant, promptId: string, value: AnswerValue, clientId = randomUUID()) => {
    p.clientIds.push(clientId);
    return send(p.socket, 'answer:submit', { promptId, clientId, value });
  };

  // One session for the whole file, taken from the lobby to the end test by test.
  test.beforeAll(async ({ server, facilitator: f }) => {
    clients = liveClients(server.url, f);
    const room = await clients.room({ phones: 3 });
    ({ sessionId, host: facilitator, screen } = room);
    for (const phone of room.phones) expect(phone.sessionId).toBe(sessionId);
    participants = room.phones.map((phone) => ({ ...phone, clientIds: [] }));
  });

  afterAll(() => clients?.closeAll());

  it('sends each socket a snapshot of the lobby on connect', async () => {
    const snap = (await send(facilitator.socket, 'session:sync', {})) as { ok: true; data: Snapshot };
    expect(snap.ok).toBe(true);
    expect(snap.data.role).toBe('facilitator');
    expect(snap.data.state.phase).toBe('lobby');
    expect(snap.data.state.participants).toBe(3);
    const first = participants[0].frames.find((f) => f.event === 'session:snapshot');
    expect((first?.args[0] as Snapshot).myAnswers).toEqual({});
  });

  it('refuses answers while no prompt is open', async () => {
    const ack = await answer(participants[0], 'yes-maybe-no', { kind: 'ynm', items: { hugs: 'yes' } });
    expect(ack).toMatchObject({ ok: false, error: { code: 'PROMPT_NOT_OPEN' } });
  });

  it('does not let a participant or the screen move the session', async () => {
    const before = expectOk<Snapshot>(await send(facilitator.socket, 'session:sync', {})).state;
    for (const [socket, event] of [
      [participants[0].socket, 'prompt:open'],
      [participants[1].socket, 'session:end'],
      [screen.socket, 'prompt:open'],
      [screen.socket, 'results:release'],
    ] as const) {
      const ack = await send(socket, event, {});
      expect(ack).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    const after = expectOk<Snapshot>(await send(facilitator.socket, 'session:sync', {})).state;
    expect(after).toEqual(before);
  });

  it('does not let the facilitator or the screen answer', async () => {
    const ack = await send(facilitator.socket, 'answer:submit', {
      promptId: 'yes-maybe-no',
      clientId: randomUUID(),
      value: { kind: 'pass' },
    });
    expect(ack).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('opens the first prompt for everyone', async () => {
    const seen = participants.map((p) => waitFor(p.socket, 'session:updated', 5_000, (s) => s.phase === 'open'));
    const onScreen = waitFor(screen.socket, 'session:updated', 5_000, (s) => s.phase === 'open');
    const state = expectOk<SessionState>(await send(facilitator.socket, 'prompt:open', {}));
    expect(state.phase).toBe('open');
    expect(state.prompt?.id).toBe('yes-maybe-no');
    for (const s of await Promise.all([...seen, onScreen])) expect(s.version).toBe(state.version);
  });

  it('answers malformed payloads with INVALID_PAYLOAD and stores nothing', async () => {
    const p = participants[0];
    const bad: unknown[] = [
      null,
      'yes',
      { promptId: 'yes-maybe-no', value: { kind: 'ynm', items: { hugs: 'yes' } } },
      { promptId: 'yes-maybe-no', clientId: 'not-a-uuid', value: { kind: 'pass' } },
      { promptId: 'yes-maybe-no', clientId: randomUUID(), value: { kind: 'ynm', items: { hugs: 'definitely' } } },
      { promptId: 'yes-maybe-no', clientId: randomUUID(), value: { kind: 'pass' }, participantId: randomUUID() },
      { promptId: 'Yes Maybe No!', clientId: randomUUID(), value: { kind: 'pass' } },
    ];
    for (const payload of bad) {
      const ack = await raw(p.socket, 'answer:submit', payload);
      expect(ack).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    }
    const unknownItem = await answer(p, 'yes-maybe-no', { kind: 'ynm', items: { 'not-an-item': 'yes' } });
    expect(unknownItem).toMatchObject({ ok: false, error: { code: 'INVALID_ANSWER' } });
    const wrongKind = await answer(p, 'yes-maybe-no', { kind: 'single', optionId: 'hugs' });
    expect(wrongKind).toMatchObject({ ok: false, error: { code: 'INVALID_ANSWER' } });
    const notOpen = await answer(p, 'how-to-ask', { kind: 'single', optionId: 'written-list' });
    expect(notOpen).toMatchObject({ ok: false, error: { code: 'PROMPT_NOT_OPEN' } });

    const badCommand = await raw(facilitator.socket, 'prompt:close', { force: true });
    expect(badCommand).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    const state = expectOk<Snapshot>(await send(facilitator.socket, 'session:sync', {})).state;
    expect(state.phase).toBe('open');
    expect(state.answered).toBe(0);
  });

  it('stores answers, lets a participant change one, and stores a repeated submission once', async () => {
    const [a, b, c] = participants;
    expect(await answer(a, 'yes-maybe-no', { kind: 'ynm', items: { hugs: 'no', kissing: 'no' } })).toMatchObject({ ok: true });
    // A changes their mind: a new client id replaces the earlier answer.
    const changeId = randomUUID();
    const changed = expectOk<AnswerReceipt>(
      await answer(a, 'yes-maybe-no', { kind: 'ynm', items: { hugs: 'yes', kissing: 'maybe' } }, changeId),
    );
    expect(changed.duplicate).toBe(false);
    // The same submission again (a retry after a lost ack) is acknowledged and changes nothing.
    const again = expectOk<AnswerReceipt>(
      await answer(a, 'yes-maybe-no', { kind: 'ynm', items: { hugs: 'yes', kissing: 'maybe' } }, changeId),
    );
    expect(again.duplicate).toBe(true);
    expect(await answer(b, 'yes-maybe-no', { kind: 'ynm', items: { hugs: 'yes', kissing: 'maybe', massage: 'no' } })).toMatchObject({ ok: true });
    expect(await answer(c, 'yes-maybe-no', { kind: 'ynm', items: { hugs: 'yes', kissing: 'no', massage: 'pass' } })).toMatchObject({ ok: true });

    const progress = await waitFor(facilitator.socket, 'progress:updated', 5_000, (p) => p.answered === 3);
    expect(progress).toMatchObject({ participants: 3, answered: 3, promptId: 'yes-maybe-no' });
    const snap = (await send(a.socket, 'session:sync', {})) as { ok: true; data: Snapshot };
    expect(snap.data.myAnswers).toEqual({ 'yes-maybe-no': { kind: 'ynm', items: { hugs: 'yes', kissing: 'maybe' } } });
  });

  it('keeps results hidden while open and releases the aggregate after close', async () => {
    const open = expectOk<Snapshot>(await send(screen.socket, 'session:sync', {})).state;
    expect(open.result).toBeNull();
    expect(await send(facilitator.socket, 'results:release', {})).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION' },
    });
    expect(await send(facilitator.socket, 'prompt:close', {})).toMatchObject({ ok: true });
    const late = await answer(participants[0], 'yes-maybe-no', { kind: 'ynm', items: { hugs: 'no' } });
    expect(late).toMatchObject({ ok: false, error: { code: 'PROMPT_NOT_OPEN' } });

    const onScreen = waitFor(screen.socket, 'session:updated', 5_000, (s) => s.phase === 'released');
    const released = expectOk<SessionState>(await send(facilitator.socket, 'results:release', {}));
    const result = released.result as PromptResult;
    expect(result).toMatchObject({ promptId: 'yes-maybe-no', respondents: 3, passed: 0, k: 3 });
    const dist = result.distribution as YnmResult;
    const item = (id: string) => dist.items.find((i) => i.id === id);
    expect(item('hugs')).toMatchObject({ yes: 3, maybe: 0, no: 0, answered: 3, withheld: false, group: 'consensus' });
    expect(item('kissing')).toMatchObject({ yes: 0, maybe: 2, no: 1, withheld: false, group: 'most-maybe' });
    // Only two people answered "massage" (one passed): below k, so it is withheld.
    expect(item('massage')).toMatchObject({ yes: 0, maybe: 0, no: 0, pass: 1, answered: 1, withheld: true });
    expect(dist.consensus).toEqual(['hugs']);
    expect((await onScreen).result).toEqual(result);
  });

  it('withholds a distribution below k answers and counts passes apart', async () => {
    expectOk(await send(facilitator.socket, 'prompt:open', {}));
    const [a, b, c] = participants;
    expect(await answer(a, 'how-to-ask', { kind: 'single', optionId: 'written-list' })).toMatchObject({ ok: true });
    expect(await answer(b, 'how-to-ask', { kind: 'single', optionId: 'agreed-signal' })).toMatchObject({ ok: true });
    expect(await answer(c, 'how-to-ask', { kind: 'pass' })).toMatchObject({ ok: true });
    expect(await answer(c, 'how-to-ask', { kind: 'single', optionId: 'no-such-option' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ANSWER' },
    });
    expectOk(await send(facilitator.socket, 'prompt:close', {}));
    const released = expectOk<SessionState>(await send(facilitator.socket, 'results:release', {}));
    expect(released.result).toEqual({ promptId: 'how-to-ask', respondents: 2, passed: 1, k: 3, distribution: null });
  });

  it('ends the session for everyone and refuses further commands', async () => {
    const seen = waitFor(participants[2].socket, 'session:updated', 5_000, (s) => s.phase === 'ended');
    expect(await send(facilitator.socket, 'prompt:open', {})).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION' },
    });
    expectOk(await send(facilitator.socket, 'session:end', {}));
    expect((await seen).phase).toBe('ended');
    expect(await send(facilitator.socket, 'prompt:open', { promptId: 'how-to-ask' })).toMatchObject({
      ok: false,
      error: { code: 'SESSION_ENDED' },
    });
  });

  it('never sent the facilitator or the screen a participant id, token, client id or single answer', () => {
    const secrets = participants.flatMap((p) => [p.token, p.socket.id ?? 'x', ...p.clientIds]);
    for (const observer of [facilitator, screen]) {
      expect(observer.frames.length).toBeGreaterThan(5);
      const events = new Set(observer.frames.map((f) => f.event));
      // The step-out count (a number, never who) goes to facilitators only.
      const expected = ['progress:updated', 'session:snapshot', 'session:updated', ...(observer === facilitator ? ['stepout:updated'] : [])];
      expect([...events].sort()).toEqual(expected);
      const unexpected = [...keysOf(observer.frames.map((f) => f.args))].filter((k) => !OBSERVER_KEYS.has(k));
      expect(unexpected).toEqual([]);
      const text = JSON.stringify(observer.frames);
      for (const secret of secrets) expect(text).not.toContain(secret);
    }
  });

  it("never sent a participant another participant's answers, nor the room's running counts", () => {
    for (const p of participants) {
      // Counts go to the facilitator and the screen; a phone in a group never shows them.
      expect(p.frames.map((f) => f.event)).not.toContain('progress:updated');
      const others = participants.filter((o) => o !== p).flatMap((o) => [o.token, ...o.clientIds]);
      const text = JSON.stringify(p.frames);
      for (const secret of others) expect(text).not.toContain(secret);
      for (const frame of p.frames.filter((f) => f.event === 'session:snapshot')) {
        expect(Object.keys((frame.args[0] as Snapshot).myAnswers ?? {}).length).toBeLessThanOrEqual(2);
      }
    }
  });
});
