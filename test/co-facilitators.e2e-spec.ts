import type { AccessEntry, FacilitatorSession, SessionSummary } from '@candor/shared';
import { describe, expect, vi } from 'vitest';
import { test } from './fixtures.js';
import type { ClientSocket, LiveClient } from './live-client.js';
import { connect, send } from './live-client.js';
import { createSession, shareSession, signUp, type Facilitator } from './utils.js';

// Co-facilitators (docs/security.md, "Co-facilitators") where requests and sockets overlap: two
// invitations at once, a removal while the co-runner's console sends commands, a role changed under an
// open console, and the rows going with the session and with either account. test/authorisation.e2e-spec.ts
// walks every cell of the co-runner's and the viewer's columns on its own.

const PASSWORD = 'correct horse battery';
const accessOf = (f: Facilitator, sessionId: string) => f.api.get(`/api/sessions/${sessionId}/access`).then((r) => (r.body as { access: AccessEntry[] }).access);
const auditOf = (f: Facilitator) => f.api.get('/api/auth/audit').then((r) => (r.body as { events: { action: string; detail: string | null }[] }).events);
// The ack, or 'disconnected' when the socket closes before one comes.
const attempt = (socket: ClientSocket, paused: boolean): Promise<string> =>
  socket.connected
    ? Promise.race([
        send(socket, 'session:pause', { paused }).then((ack) => (ack.ok ? 'ok' : ack.error.code)),
        new Promise<string>((ok) => socket.once('disconnect', () => ok('disconnected'))),
      ])
    : Promise.resolve('disconnected');
const closed = (client: LiveClient) => vi.waitFor(() => expect(client.socket.connected).toBe(false), { timeout: 5_000, interval: 20 });

describe('co-facilitators', () => {
  test('two invitations of the same account at once leave one row, given once', async ({ server, facilitator: owner }) => {
    const session = await createSession(owner);
    const invitee = await signUp(server.url);
    const answers = await Promise.all(
      (['co-run', 'co-run', 'co-run', 'co-run'] as const).map((role) => owner.api.post(`/api/sessions/${session.state.id}/access`).send({ email: invitee.email, role })),
    );
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201]);
    const rows = await accessOf(owner, session.state.id);
    expect(rows.map((r) => [r.email, r.role])).toEqual([[invitee.email, 'co-run']]);
    // Given once; the others found the role it had already, and changed nothing.
    const logged = (await auditOf(owner)).filter((e) => e.action.startsWith('access-') && e.detail?.includes(invitee.email));
    expect(logged.map((e) => e.action)).toEqual(['access-given']);
    expect((await auditOf(invitee)).filter((e) => e.action.startsWith('access-')).map((e) => e.action)).toEqual(['access-given']);
    // Given again with other roles, at once: still one row, with one of them.
    const again = await Promise.all(
      (['view', 'co-run', 'view'] as const).map((role) => owner.api.post(`/api/sessions/${session.state.id}/access`).send({ email: invitee.email, role })),
    );
    expect(again.map((a) => a.status)).toEqual([201, 201, 201]);
    const after = await accessOf(owner, session.state.id);
    expect(after).toHaveLength(1);
    expect(['view', 'co-run']).toContain(after[0].role);
  });

  test("refuses the co-runner's commands from the owner's removal on, and closes its console", async ({ server, facilitator: owner, clients }) => {
    const session = await createSession(owner);
    const coRunner = await signUp(server.url);
    const coRunnerId = await shareSession(owner, session.state.id, coRunner, 'co-run');
    const console = await clients.host(session.state.id, coRunner);
    const ownerConsole = await clients.host(session.state.id);
    expect(await attempt(console.socket, true)).toBe('ok');

    // Commands keep coming from the co-runner's console while the owner removes the access.
    let removedAt = Number.POSITIVE_INFINITY;
    const after: Promise<string>[] = [];
    const before: Promise<string>[] = [];
    const removal = owner.api.delete(`/api/sessions/${session.state.id}/access/${coRunnerId}`).then((res) => {
      removedAt = performance.now();
      return res.status;
    });
    for (let i = 0; i < 20 && removedAt === Number.POSITIVE_INFINITY; i += 1) {
      before.push(attempt(console.socket, i % 2 === 0));
      await new Promise((ok) => setTimeout(ok, 5));
    }
    expect(await removal).toBe(204);
    // Sent once the removal has answered: refused, or the socket is closed already.
    for (let i = 0; i < 3; i += 1) after.push(attempt(console.socket, i % 2 === 0));
    for (const outcome of await Promise.all(after)) expect(['FORBIDDEN', 'disconnected']).toContain(outcome);
    for (const outcome of await Promise.all(before)) expect(['ok', 'FORBIDDEN', 'disconnected']).toContain(outcome);
    await closed(console);
    // The owner's console goes on; the session is where the owner's console says it is, and stays there.
    expect(ownerConsole.socket.connected).toBe(true);
    const state = (await owner.api.get(`/api/sessions/${session.state.id}`)).body as FacilitatorSession;
    await new Promise((ok) => setTimeout(ok, 200));
    expect((await owner.api.get(`/api/sessions/${session.state.id}`)).body).toEqual(state);
    // A new console of theirs is refused as another facilitator's is.
    await expect(connect(server.url, { role: 'facilitator', sessionId: session.state.id }, coRunner.cookie)).rejects.toThrow('SESSION_NOT_FOUND');
    expect((await auditOf(coRunner))[0]).toMatchObject({ action: 'access-removed', detail: expect.stringContaining(owner.email) });
  });

  test("a co-runner made a viewer: its console closes, and again it can only watch, as the screen does", async ({ server, facilitator: owner, clients }) => {
    const session = await createSession(owner);
    const helper = await signUp(server.url);
    const helperId = await shareSession(owner, session.state.id, helper, 'co-run');
    const asCoRunner = await clients.host(session.state.id, helper);
    expect((await asCoRunner.send('prompt:open', {})).ok).toBe(true);

    const changed = await owner.api.put(`/api/sessions/${session.state.id}/access/${helperId}`).send({ role: 'view' });
    expect(changed.body).toMatchObject({ accountId: helperId, role: 'view' });
    await closed(asCoRunner);
    const asViewer = await clients.host(session.state.id, helper);
    expect(await asViewer.send('prompt:close', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await asViewer.send('session:sync', {})).toMatchObject({ ok: true, data: { role: 'facilitator', state: { phase: 'open' } } });
    // The owner closes and releases; the viewer hears the state as the screen does.
    const ownerConsole = await clients.host(session.state.id);
    expect((await ownerConsole.send('prompt:close', {})).ok).toBe(true);
    await vi.waitFor(() => expect(asViewer.received('session:updated').at(-1)).toMatchObject({ phase: 'closed' }), { timeout: 5_000 });
    expect(await asViewer.send('results:preview', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // The same summary as the owner's, never more.
    const [mine, theirs] = await Promise.all([owner, helper].map((f) => f.api.get(`/api/sessions/${session.state.id}/summary`).then((r) => r.body as SessionSummary)));
    expect(theirs).toEqual(mine);
    expect((await helper.api.get('/api/sessions')).body.sessions).toEqual(
      expect.arrayContaining([expect.objectContaining({ access: 'view', state: expect.objectContaining({ id: session.state.id }) })]),
    );
    expect((await auditOf(helper))[0]).toMatchObject({ action: 'access-changed' });
  });

  test('an invitee leaves; the rows go with the session and with either account', async ({ server, facilitator: owner }) => {
    const [a, b] = await Promise.all([createSession(owner), createSession(owner)]);
    const leaving = await signUp(server.url);
    const leavingId = await shareSession(owner, a.state.id, leaving, 'view');
    expect((await leaving.api.delete(`/api/sessions/${a.state.id}/access/${leavingId}`)).status).toBe(204);
    expect((await leaving.api.get(`/api/sessions/${a.state.id}`)).body).toMatchObject({ code: 'SESSION_NOT_FOUND' });
    expect((await auditOf(owner))[0]).toMatchObject({ action: 'access-left', detail: expect.stringContaining(leaving.email) });

    // The session deleted: its rows go.
    const stays = await signUp(server.url);
    await shareSession(owner, a.state.id, stays, 'co-run');
    await shareSession(owner, b.state.id, stays, 'co-run');
    expect((await owner.api.delete(`/api/sessions/${a.state.id}`)).status).toBe(204);
    expect(((await stays.api.get('/api/sessions')).body.sessions as FacilitatorSession[]).map((s) => s.state.id)).toEqual([b.state.id]);

    // The invitee's account deleted: its row goes.
    expect((await stays.api.delete('/api/auth/account').send({ password: PASSWORD })).status).toBe(204);
    expect(await accessOf(owner, b.state.id)).toEqual([]);

    // The owner's account deleted: its sessions and their rows go.
    const owner2 = await signUp(server.url);
    const invitee = await signUp(server.url);
    const c = await createSession(owner2);
    await shareSession(owner2, c.state.id, invitee, 'view');
    expect((await owner2.api.delete('/api/auth/account').send({ password: PASSWORD })).status).toBe(204);
    expect((await invitee.api.get('/api/sessions')).body).toEqual({ sessions: [] });
    expect((await invitee.api.get(`/api/sessions/${c.state.id}`)).body).toMatchObject({ code: 'SESSION_NOT_FOUND' });
  });

  test("lists one's own sessions and the shared ones together, newest first, each with its role", async ({ server, facilitator: owner }) => {
    const colleague = await signUp(server.url);
    const first = await createSession(owner);
    const theirs = await createSession(colleague);
    const second = await createSession(owner);
    const unshared = await createSession(owner);
    await shareSession(owner, first.state.id, colleague, 'view');
    await shareSession(owner, second.state.id, colleague, 'co-run');
    const listed = ((await colleague.api.get('/api/sessions')).body as { sessions: FacilitatorSession[] }).sessions;
    expect(listed.map((s) => [s.state.id, s.access])).toEqual([
      [second.state.id, 'co-run'],
      [theirs.state.id, 'owner'],
      [first.state.id, 'view'],
    ]);
    expect(listed.map((s) => s.state.id)).not.toContain(unshared.state.id);
  });

  test('a shared deck: a co-runner starts a session of their own from it, a viewer copies it; its rows go with the deck and the accounts', async ({ server, facilitator: owner }) => {
    const deck = ((await owner.api.post('/api/decks').send({ copyOf: 'consent-and-boundaries' })).body as { deck: { id: string; title: string } }).deck;
    const [runner, reader] = await Promise.all([signUp(server.url), signUp(server.url)]);
    // Two invitations at once: one row.
    const both = await Promise.all([0, 1].map(() => owner.api.post(`/api/decks/${deck.id}/access`).send({ email: runner.email, role: 'co-run' })));
    expect(both.map((r) => r.status)).toEqual([201, 201]);
    await owner.api.post(`/api/decks/${deck.id}/access`).send({ email: reader.email, role: 'view' });
    const rows = (await owner.api.get(`/api/decks/${deck.id}/access`)).body as { access: AccessEntry[] };
    expect(rows.access.map((a) => [a.email, a.role]).sort()).toEqual([[reader.email, 'view'], [runner.email, 'co-run']].sort());

    const started = await runner.api.post('/api/sessions').send({ deckId: deck.id });
    expect(started.body).toMatchObject({ access: 'owner', state: { title: deck.title } });
    // The session is the co-runner's own: the deck's owner does not see it.
    expect((await owner.api.get(`/api/sessions/${started.body.state.id as string}`)).body).toMatchObject({ code: 'SESSION_NOT_FOUND' });
    expect((await reader.api.post('/api/sessions').send({ deckId: deck.id })).body).toMatchObject({ code: 'FORBIDDEN' });
    expect((await reader.api.post('/api/decks').send({ copyOf: deck.id })).status).toBe(201);
    const { id: _id, ...input } = ((await reader.api.get(`/api/decks/${deck.id}`)).body as { deck: { id: string } }).deck;
    expect((await reader.api.put(`/api/decks/${deck.id}`).send({ ...input, title: 'mine now' })).body).toMatchObject({ code: 'FORBIDDEN' });
    expect((await auditOf(reader))[0]).toMatchObject({ action: 'access-given', detail: expect.stringContaining(owner.email) });

    // The reader's account goes: its row goes; the deck goes: every row goes.
    expect((await reader.api.delete('/api/auth/account').send({ password: PASSWORD })).status).toBe(204);
    expect(((await owner.api.get(`/api/decks/${deck.id}/access`)).body as { access: AccessEntry[] }).access.map((a) => a.email)).toEqual([runner.email]);
    expect((await owner.api.delete(`/api/decks/${deck.id}`)).status).toBe(204);
    expect(((await runner.api.get('/api/decks')).body as { decks: { id: string }[] }).decks.map((d) => d.id)).not.toContain(deck.id);
    // The co-runner's session keeps its own copy of the deck.
    expect((await runner.api.get(`/api/sessions/${started.body.state.id as string}`)).status).toBe(200);
  });

  test('refuses sharing with oneself and a role that is none', async ({ server, facilitator: owner }) => {
    const session = await createSession(owner);
    const self = await owner.api.post(`/api/sessions/${session.state.id}/access`).send({ email: owner.email, role: 'view' });
    expect([self.status, self.body.code]).toEqual([400, 'INVALID_PAYLOAD']);
    const someone = await signUp(server.url);
    const bad = await owner.api.post(`/api/sessions/${session.state.id}/access`).send({ email: someone.email, role: 'owner' });
    expect([bad.status, bad.body.code]).toEqual([400, 'INVALID_PAYLOAD']);
    expect(await accessOf(owner, session.state.id)).toEqual([]);
  });
});
