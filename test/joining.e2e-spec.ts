import type { SessionState, Snapshot } from '@candor/shared';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { describe, expect } from 'vitest';
import { test } from './fixtures.js';
import { connect, send, waitFor, type ClientSocket, type Frame } from './live-client.js';
import { createSession, expectOk, joinSession } from './utils.js';

// Joins that arrive together are seated by one statement and their handshakes read by another
// (docs/performance.md): each must still end in its own session, with its own answers, or be
// turned away exactly as if it had come alone.
describe('joining together', () => {
  test('seats each of many simultaneous joins in its own session, keeps a couple at two and turns unknown codes away', async ({ server, facilitator, clients }) => {
    const [a, b] = [(await createSession(facilitator)).state, (await createSession(facilitator)).state];
    const couple = await request(server.url).post('/api/join/couple').send({ deckId: 'consent-and-boundaries' });
    expect(couple.status).toBe(201);
    const coupleCode = (couple.body as { code: string }).code;
    const unknown = a.code === 'ZZZZZZ' || b.code === 'ZZZZZZ' || coupleCode === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ';

    const codes = [...Array(12).fill(a.code), ...Array(12).fill(b.code), ...Array(3).fill(coupleCode), ...Array(3).fill(unknown)];
    const responses = await Promise.all(codes.map((code) => request(server.url).post('/api/join').send({ code, consent: true })));

    const seatsIn = (sessionId: string) => responses.filter((r) => r.status === 201 && r.body.sessionId === sessionId);
    expect(seatsIn(a.id)).toHaveLength(12);
    expect(seatsIn(b.id)).toHaveLength(12);
    expect(responses.slice(0, 12).every((r) => r.body.sessionId === a.id && r.body.code === a.code)).toBe(true);
    expect(responses.slice(12, 24).every((r) => r.body.sessionId === b.id)).toBe(true);
    // The couple's second seat goes to one of the three; the others hear that it is full.
    const coupleStatuses = responses.slice(24, 27).map((r) => r.status).sort();
    expect(coupleStatuses).toEqual([201, 409, 409]);
    expect(responses.slice(24, 27).filter((r) => r.status === 409).every((r) => r.body.code === 'SESSION_FULL')).toBe(true);
    expect(responses.slice(27).map((r) => [r.status, (r.body as { code: string }).code])).toEqual(Array(3).fill([404, 'SESSION_NOT_FOUND']));
    // Every token is different.
    const tokens = responses.filter((r) => r.status === 201).map((r) => r.body.token as string);
    expect(new Set(tokens).size).toBe(25);

    // All connect at once: each handshake finds its own seat, and the counts add up per session.
    const seated = await Promise.all(
      responses.slice(0, 24).map(async (r) => {
        const conn = await clients.open({ role: 'participant', token: r.body.token as string });
        return snapshotOf(conn);
      }),
    );
    expect(seated.slice(0, 12).every((s) => s.state.id === a.id)).toBe(true);
    expect(seated.slice(12).every((s) => s.state.id === b.id)).toBe(true);
    const { body: viewA } = await facilitator.api.get(`/api/sessions/${a.id}`);
    expect(viewA.state.participants).toBe(12);
  });

  test('gives each of many reconnecting phones its own answers in its first snapshot, and none to those who gave none', async ({ server, facilitator, clients }) => {
    const session = await createSession(facilitator);
    const host = await clients.host(session.state.id);
    const promptId = expectOk<SessionState>(await send(host.socket, 'prompt:open', {})).prompt?.id as string;
    const seats = await Promise.all(Array.from({ length: 10 }, () => joinSession(server.url, session.state.code)));
    const tokens = seats.map((s) => s.token);
    const valueOf = (i: number) => ({ kind: 'ynm' as const, items: { hugs: (['yes', 'maybe', 'no'] as const)[i % 3] } });
    const first = await Promise.all(tokens.map((token) => connect(server.url, { role: 'participant', token })));
    for (const [i, conn] of first.entries()) {
      // Every other phone answers before going offline.
      if (i % 2 === 0) expectOk(await send(conn.socket, 'answer:submit', { promptId, clientId: randomUUID(), value: valueOf(i) }));
      conn.socket.close();
    }
    const again = await Promise.all(
      tokens.map(async (token) => {
        const conn = await clients.open({ role: 'participant', token });
        return snapshotOf(conn);
      }),
    );
    again.forEach((snapshot, i) => expect(snapshot.myAnswers).toEqual(i % 2 === 0 ? { [promptId]: valueOf(i) } : {}));
  });
});

describe('joining an ended session', () => {
  test("answers SESSION_ENDED for an ended session's code, on the join info and the join, and seats nobody", async ({ server, facilitator, clients }) => {
    const room = await clients.room({ phones: 1 });
    expectOk(await room.host.send('session:end', {}));
    const info = await request(server.url).get(`/api/join/${room.code}`);
    expect([info.status, info.body]).toEqual([409, { code: 'SESSION_ENDED', message: 'This session has ended.' }]);
    const join = await request(server.url).post('/api/join').send({ code: room.code.toLowerCase(), consent: true });
    expect([join.status, join.body]).toEqual([409, { code: 'SESSION_ENDED', message: 'This session has ended.' }]);
    const { body } = await facilitator.api.get(`/api/sessions/${room.sessionId}`);
    expect(body.state.participants).toBe(1);
    // A code nobody ever had is still unknown.
    const unknown = room.code === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ';
    expect((await request(server.url).get(`/api/join/${unknown}`)).body).toMatchObject({ code: 'SESSION_NOT_FOUND' });
  });
});

// The snapshot a socket got on connect (it may arrive just after the connect event).
async function snapshotOf(conn: { socket: ClientSocket; frames: Frame[] }): Promise<Snapshot> {
  const received = conn.frames.find((f) => f.event === 'session:snapshot');
  return received ? (received.args[0] as Snapshot) : waitFor(conn.socket, 'session:snapshot');
}
