import type { Deck } from '@candor/shared';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command, connect, createSession, joinSession, signUp, startServer, type Facilitator, type RunningServer } from './utils.js';

// Walks the tables of docs/security.md: every owner-only route and every socket event, for
// each role that must be refused. Nothing here may change anything.
const FACILITATOR_EVENTS: [string, unknown][] = [
  ['prompt:open', {}],
  ['prompt:close', {}],
  ['results:release', {}],
  ['session:end', {}],
  ['session:pause', { paused: true }],
  ['session:settings', { liveResults: true }],
  ['moderation:list', { promptId: randomUUID() }],
  ['text:moderate', { promptId: randomUUID(), textId: randomUUID(), status: 'approved' }],
];
const PARTICIPANT_EVENTS: [string, unknown][] = [
  ['answer:submit', { promptId: randomUUID(), clientId: randomUUID(), value: 'yes' }],
  ['participant:step-out', { away: true }],
  ['participant:withdraw', {}],
];

describe('the authorisation table', () => {
  let server: RunningServer;
  let owner: Facilitator;
  let other: Facilitator;
  let sessionId: string;
  let code: string;
  let screenToken: string;
  let deck: Deck;

  beforeAll(async () => {
    server = await startServer();
    owner = await signUp(server.url);
    other = await signUp(server.url);
    const created = await createSession(owner);
    sessionId = created.state.id;
    code = created.state.code;
    screenToken = created.screenToken;
    deck = ((await owner.api.post('/api/decks').send({ copyOf: 'consent-and-boundaries' })).body as { deck: Deck }).deck;
  });
  afterAll(() => server?.stop());

  it('answers owner-only routes with 404 to another facilitator and 401 to anyone else', async () => {
    const { id: _id, ...deckInput } = deck;
    const routes: [method: 'get' | 'post' | 'put' | 'delete', path: string, body?: unknown][] = [
      ['get', `/api/sessions/${sessionId}`],
      ['get', `/api/sessions/${sessionId}/summary`],
      ['get', `/api/sessions/${sessionId}/export?format=json`],
      ['post', `/api/sessions/${sessionId}/screen-link`],
      ['delete', `/api/sessions/${sessionId}`],
      ['get', `/api/decks/${deck.id}`],
      ['get', `/api/decks/${deck.id}/export`],
      ['put', `/api/decks/${deck.id}`, deckInput],
      ['delete', `/api/decks/${deck.id}`],
    ];
    for (const [method, path, body] of routes) {
      const asOther = await other.api[method](path).send(body as object);
      expect([path, asOther.status]).toEqual([path, 404]);
      const anonymous = await request(server.url)[method](path).send(body as object);
      expect([path, anonymous.status, (anonymous.body as { code: string }).code]).toEqual([path, 401, 'UNAUTHENTICATED']);
    }
    for (const path of ['/api/auth/me', '/api/decks', '/api/sessions']) {
      expect((await request(server.url).get(path)).status).toBe(401);
    }
    // Nothing was changed or handed out.
    expect((await owner.api.get(`/api/sessions/${sessionId}`)).status).toBe(200);
    expect((await owner.api.get(`/api/decks/${deck.id}`)).body).toEqual({ deck });
  });

  it('refuses the socket handshake of another facilitator and of anonymous clients', async () => {
    await expect(connect(server.url, { role: 'facilitator', sessionId }, other.cookie)).rejects.toThrow('SESSION_NOT_FOUND');
    await expect(connect(server.url, { role: 'facilitator', sessionId })).rejects.toThrow('UNAUTHENTICATED');
    await expect(connect(server.url, { role: 'participant', token: 'x'.repeat(32) })).rejects.toThrow('UNAUTHENTICATED');
    await expect(connect(server.url, { role: 'screen', token: 'x'.repeat(32) })).rejects.toThrow('UNAUTHENTICATED');
    await expect(connect(server.url, {} as never)).rejects.toThrow('INVALID_PAYLOAD');
  });

  it('answers every socket event a role may not send with FORBIDDEN', async () => {
    const seat = await joinSession(server.url, code);
    const participant = await connect(server.url, { role: 'participant', token: seat.token });
    const screen = await connect(server.url, { role: 'screen', token: screenToken });
    const facilitator = await connect(server.url, { role: 'facilitator', sessionId }, owner.cookie);
    const cases: [string, typeof participant, [string, unknown][]][] = [
      ['participant', participant, FACILITATOR_EVENTS],
      ['screen', screen, [...FACILITATOR_EVENTS, ...PARTICIPANT_EVENTS]],
      ['facilitator', facilitator, PARTICIPANT_EVENTS],
    ];
    for (const [role, client, events] of cases) {
      for (const [event, payload] of events) {
        const ack = await command(client.socket, event as never, payload);
        expect([role, event, ack.ok ? 'ok' : ack.error.code]).toEqual([role, event, 'FORBIDDEN']);
      }
    }
    for (const client of [participant, screen, facilitator]) {
      expect(await command(client.socket, 'session:sync', {})).toMatchObject({ ok: true });
    }
    const state = await owner.api.get(`/api/sessions/${sessionId}`);
    expect(state.body).toMatchObject({ state: { phase: 'lobby', paused: false } });
    for (const client of [participant, screen, facilitator]) client.socket.close();
  });
});
