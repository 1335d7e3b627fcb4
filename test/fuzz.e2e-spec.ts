import {
  type Ack,
  answerSubmitSchema,
  blindSendSchema,
  blindShowSchema,
  blindSyncSchema,
  confirmReclaimSchema,
  emptyPayloadSchema,
  homeworkFinishSchema,
  homeworkShowSchema,
  moderateTextSchema,
  moderateTextsSchema,
  moderationListSchema,
  pauseSchema,
  promptOpenSchema,
  sessionSettingsSchema,
  stepOutSchema,
  talkAloneSchema,
} from '@candor/shared';
import fc from 'fast-check';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { test } from './fixtures.js';
import { connect, raw, send } from './live-client.js';
import { createSession, joinSession, type Facilitator, type RunningServer } from './utils.js';

// Every socket event with the schema its payload must fit: the fuzzer sends only payloads that
// do not fit, so every ack must be a refusal and nobody else may notice anything.
const EVENTS: [string, z.ZodType][] = [
  ['session:sync', emptyPayloadSchema],
  ['answer:submit', answerSubmitSchema],
  ['participant:step-out', stepOutSchema],
  ['participant:talk-alone', talkAloneSchema],
  ['homework:finish', homeworkFinishSchema],
  ['homework:show', homeworkShowSchema],
  ['seat:confirm-reclaim', confirmReclaimSchema],
  ['seat:decline-reclaim', emptyPayloadSchema],
  ['blind:send', blindSendSchema],
  ['blind:sync', blindSyncSchema],
  ['blind:restart', blindSyncSchema],
  ['blind:show', blindShowSchema],
  ['participant:withdraw', emptyPayloadSchema],
  ['session:pause', pauseSchema],
  ['session:settings', sessionSettingsSchema],
  ['prompt:open', promptOpenSchema],
  ['prompt:close', emptyPayloadSchema],
  ['results:release', emptyPayloadSchema],
  ['session:end', emptyPayloadSchema],
  ['moderation:list', moderationListSchema],
  ['text:moderate', moderateTextSchema],
  ['texts:moderate-many', moderateTextsSchema],
  ['results:preview', emptyPayloadSchema],
];

// Arbitrary JSON, plus the classics: prototype keys, huge strings, deep nesting, odd numbers.
const hostile = fc.oneof(
  fc.jsonValue(),
  fc.anything({ withNullPrototype: true, withObjectString: true }),
  fc.constantFrom<unknown>(
    { __proto__: { admin: true } },
    JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}'),
    { promptId: '../../etc/passwd', value: { $gt: '' } },
    { promptId: "' OR 1=1 --", clientId: '<script>alert(1)</script>', value: 'yes' },
    { value: 'x'.repeat(60_000) },
    JSON.parse(`${'['.repeat(500)}${']'.repeat(500)}`),
    { away: 'true' },
    { paused: 1 },
    Number.MAX_SAFE_INTEGER,
    '',
    null,
  ),
);

// What actually travels: socket.io sends JSON (undefined fields vanish).
function wire(value: unknown): unknown {
  const text = JSON.stringify(value);
  return text === undefined ? null : (JSON.parse(text) as unknown);
}

describe('hostile payloads', () => {
  let server: RunningServer;
  let owner: Facilitator;
  let sessionId: string;
  let code: string;
  let screenToken: string;

  test.beforeAll(async ({ server: running, facilitator }) => {
    server = running;
    owner = facilitator;
    const created = await createSession(owner);
    sessionId = created.state.id;
    code = created.state.code;
    screenToken = created.screenToken;
  });

  it('refuses every invalid socket payload from every role, and the bystanders notice nothing', async () => {
    const attacker = await connect(server.url, { role: 'participant', token: (await joinSession(server.url, code)).token });
    const bystander = await connect(server.url, { role: 'participant', token: (await joinSession(server.url, code)).token });
    const screen = await connect(server.url, { role: 'screen', token: screenToken });
    const facilitator = await connect(server.url, { role: 'facilitator', sessionId }, owner.cookie);
    await new Promise((ok) => setTimeout(ok, 600));
    const before = (await owner.api.get(`/api/sessions/${sessionId}`)).body as unknown;
    const seen = bystander.frames.length;

    for (const [event, schema] of EVENTS) {
      const invalid = hostile.map(wire).filter((p) => !schema.safeParse(event === 'session:sync' ? (p ?? {}) : p).success);
      await fc.assert(
        fc.asyncProperty(invalid, fc.constantFrom(attacker, screen, facilitator), async (payload, client) => {
          const ack = (await raw(client.socket, event, payload)) as Ack<unknown>;
          expect(ack.ok).toBe(false);
          if (!ack.ok) expect(['INVALID_PAYLOAD', 'FORBIDDEN']).toContain(ack.error.code);
        }),
        { numRuns: 40 },
      );
    }

    await new Promise((ok) => setTimeout(ok, 600));
    expect(bystander.frames.slice(seen)).toEqual([]);
    for (const client of [attacker, bystander, screen, facilitator]) expect(client.socket.connected).toBe(true);
    expect((await owner.api.get(`/api/sessions/${sessionId}`)).body).toEqual(before);
    expect(await send(bystander.socket, 'session:sync', {})).toMatchObject({ ok: true });
    expect(server.output()).not.toMatch(/ERROR/);
    for (const client of [attacker, bystander, screen, facilitator]) client.socket.close();
  });

  it('answers hostile REST bodies with a 4xx error and stays up', async () => {
    const routes: ['post' | 'put' | 'delete', string, boolean][] = [
      ['post', '/api/join', false],
      ['post', '/api/join/couple', false],
      ['post', '/api/auth/signup', false],
      ['post', '/api/auth/login', false],
      ['post', '/api/auth/login/totp', false],
      ['post', '/api/auth/reset', false],
      ['post', '/api/auth/forgot', false],
      ['post', '/api/auth/reset/link', false],
      ['post', '/api/auth/reset/mail', false],
      ['post', '/api/auth/email/confirm', false],
      ['post', '/api/auth/totp/setup', true],
      ['post', '/api/auth/totp/enable', true],
      ['post', '/api/auth/totp/disable', true],
      ['post', '/api/auth/passkeys/options', true],
      ['post', '/api/auth/passkeys', true],
      ['delete', '/api/auth/passkeys/00000000-0000-4000-8000-000000000000', true],
      ['post', '/api/auth/recovery-codes', true],
      ['post', '/api/auth/login/passkey', false],
      ['post', '/api/sessions', true],
      ['post', '/api/homework', true],
      ['post', '/api/homework/claim', false],
      ['post', '/api/join/claim', false],
      ['post', '/api/join/reclaim', false],
      ['post', '/api/join/reclaim/status', false],
      ['post', '/api/sessions/00000000-0000-4000-8000-000000000000/seat-link', true],
      ['post', '/api/decks', true],
      ['post', '/api/decks/import', true],
      ['put', '/api/decks/consent-and-boundaries', true],
      ['put', '/api/auth/password', true],
      ['put', '/api/auth/email', true],
      ['delete', '/api/auth/account', true],
      // Co-facilitators, on the owner's real session (an account id without access for the change).
      ['post', `/api/sessions/${sessionId}/access`, true],
      ['put', `/api/sessions/${sessionId}/access/00000000-0000-4000-8000-000000000000`, true],
      ['post', '/api/decks/u-nosuchdeck0000/access', true],
      ['put', '/api/decks/u-nosuchdeck0000/access/00000000-0000-4000-8000-000000000000', true],
    ];
    const sessionsBefore = ((await owner.api.get('/api/sessions')).body as { sessions: unknown[] }).sessions.length;
    const decksBefore = ((await owner.api.get('/api/decks')).body as { decks: unknown[] }).decks.length;
    for (const [method, path, asOwner] of routes) {
      await fc.assert(
        fc.asyncProperty(hostile.map(wire), async (payload) => {
          const agent = asOwner ? owner.api : request(server.url);
          const res = await agent[method](path).set('content-type', 'application/json').send(JSON.stringify(payload));
          expect([path, res.status >= 400 && res.status < 500]).toEqual([path, true]);
          expect(Object.keys(res.body as object).every((k) => ['code', 'message', 'issues', 'fields'].includes(k))).toBe(true);
        }),
        { numRuns: 40 },
      );
    }
    expect((await request(server.url).get('/api/health')).status).toBe(200);
    expect(((await owner.api.get('/api/sessions')).body as { sessions: unknown[] }).sessions.length).toBe(sessionsBefore);
    expect(((await owner.api.get('/api/decks')).body as { decks: unknown[] }).decks.length).toBe(decksBefore);
    expect((await owner.api.get(`/api/sessions/${sessionId}/access`)).body).toEqual({ access: [] });
    expect(server.output()).not.toMatch(/ERROR/);
  });
});
