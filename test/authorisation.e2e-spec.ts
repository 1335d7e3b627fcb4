import { ERROR_CODES, routes, routeTable, type Ack, type CreatedHomework, type CreatedSession, type Deck, type ErrorCode, type SessionState } from '@candor/shared';
import { randomUUID } from 'node:crypto';
import { generate } from 'otplib';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import request, { type Response } from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BlindParty, ynmSlots } from '@candor/shared/blind';
import { challengeOf, SoftAuthenticator } from './webauthn-authenticator.js';
import { connect, send, type AckOf, type ClientSocket, type CommandName, type Frame, type PayloadOf } from './live-client.js';
import { linkOf, startMailbox, type Mailbox } from './mailbox.js';
import {
  allKindsDeck,
  createSession,
  joinSession,
  ROOT,
  shareDeck,
  shareSession,
  signUp,
  startServer,
  type Facilitator,
  type RunningServer,
} from './utils.js';

// Walks the two tables of docs/security.md, every cell for every role, against a real server:
// first every refusal (the right status or error code, and nothing changes), then every allowed
// cell (2xx or an ok ack, with the key fields of the answer), in an order that keeps the session
// valid. REST and SOCKET below are this suite's one copy of those tables; the first test holds
// them to the shared route table (packages/shared/src/routes/: the controllers map exactly its
// routes, apps/server/src/common/route.decorator.spec.ts), to the OpenAPI document, to the socket
// events (a missing row fails `tsc`) and, cell by cell, to the outcomes docs/security.md lists.

const PASSWORD = 'correct horse battery';
const BUILT_IN = 'consent-and-boundaries';

// Over REST, participants and screens carry no cookie: their column is the anonymous one. The co-runner
// and the viewer are accounts the owner gave access to the walked sessions (docs/security.md, "Co-facilitators").
const REST_ROLES = ['owner', 'coRunner', 'viewer', 'other', 'anonymous'] as const;
const SOCKET_ROLES = ['owner', 'coRunner', 'viewer', 'other', 'participant', 'screen', 'anonymous'] as const;
type RestRole = (typeof REST_ROLES)[number];
type SocketRole = (typeof SOCKET_ROLES)[number];

type Conn = { socket: ClientSocket; frames: Frame[] };
type SocketName = 'owner' | 'coRunner' | 'coRunnerSide' | 'viewer' | 'participant' | 'participant2' | 'participant3' | 'screen' | 'couple' | 'facilitatedCouple' | 'homework';
type Http = ReturnType<typeof http>;
// Per case: the caller's role, and what a call hands on to its check.
type Ctx = { role: string; [key: string]: string };

type World = {
  url: string;
  owner: Facilitator;
  other: Facilitator;
  // Given access by the owner to the walked session, the couple session and the homework: as co-runner and as viewer.
  coRunner: Facilitator & { id: string };
  viewer: Facilitator & { id: string };
  as: Record<RestRole, Http>;
  // The owner's deck (the all-kinds fixture, imported): the session of the socket walk runs it.
  ownDeck: Deck;
  // The other facilitator's own deck (a copy of a built-in one).
  otherDeck: Deck;
  // The owner's group session (k = 3) that the socket walk takes from lobby to ended.
  session: CreatedSession;
  seats: string[];
  // A couple's own session (no facilitator) and a couple session the owner runs: one seat each.
  coupleSeat: string;
  facilitatedCoupleSeat: string;
  // The couple's own session's code (both its seats are taken) and the couple session the owner runs.
  coupleCode: string;
  facilitatedCouple: CreatedSession;
  // A second group session of the owner that the co-runner runs from lobby to ended (the owner runs the first).
  coSession: CreatedSession;
  sockets: Partial<Record<SocketName, Conn>>;
  // Made by allowed cells, used by later ones.
  made: {
    signedUp?: string;
    spareLogin: Partial<Record<string, string>>;
    newDeck?: Deck;
    fresh?: CreatedSession;
    otherSession?: CreatedSession;
    textIds?: string[];
    homework?: CreatedHomework;
    clientHomework?: CreatedHomework;
    seatInvite?: string;
    reclaim?: { reclaimId: string; token: string };
    invitee?: { accountId: string; cookie: string };
  };
  // The server's clock runs ahead by what this file holds (CANDOR_TEST_CLOCK_FILE).
  clockFile: string;
  // The SMTP server the server mails its links to (CANDOR_SMTP_URL).
  mailbox: Mailbox;
};

type RestCase = {
  verdict: 'ok' | 401 | 403 | 404;
  code?: ErrorCode;
  // Which variant of the cell this is, when it has several.
  what?: string;
  call?: (as: Http, w: World, c: Ctx) => PromiseLike<Response>;
  shape?: (w: World, c: Ctx) => object;
  check?: (res: Response, w: World, c: Ctx) => unknown;
};
type RestRow = { route: string; status: 200 | 201 | 202 | 204; call: (as: Http, w: World, c: Ctx) => PromiseLike<Response> } & Record<
  RestRole,
  RestCase[]
>;
// A row as written: without co-runner or viewer cells it gives them the other facilitator's (outside the
// sessions shared with them they are facilitators like any other; the cells' calls act as the caller's role).
type RestRowInput = Omit<RestRow, 'coRunner' | 'viewer'> & Partial<Pick<RestRow, 'coRunner' | 'viewer'>>;

// A row per command of the contract, and one for the handshake. A command's payloads and the data of
// its ack are typed by events.ts.
type SocketEvent = 'handshake' | CommandName;
type Payload<E extends SocketEvent> = E extends CommandName ? PayloadOf<E> : never;
type AckData<E extends SocketEvent> = E extends CommandName ? Extract<AckOf<E>, { ok: true }>['data'] : unknown;
type SocketCase<E extends SocketEvent = SocketEvent> = {
  verdict: 'ok' | ErrorCode;
  what?: string;
  // The socket it is sent from (the role's own by default), or a whole handshake.
  from?: SocketName;
  send?: (w: World, c: Ctx) => Promise<Ack<unknown>>;
  payload?: (w: World, c: Ctx) => Payload<E>;
  shape?: (w: World, c: Ctx) => object;
  check?: (data: AckData<E>, w: World, c: Ctx) => unknown;
};
// 'none': no socket to send it from (docs: "—"); the handshake row refuses those roles.
type SocketRow<E extends SocketEvent = SocketEvent> = { payload?: Payload<E> } & Record<SocketRole, SocketCase<E>[] | 'none'>;
// A row as written: without co-runner or viewer cells it gives them the owner's (refusals sent from their own sockets).
type SocketRowInput<E extends SocketEvent = SocketEvent> = Omit<SocketRow<E>, 'coRunner' | 'viewer'> & Partial<Pick<SocketRow<E>, 'coRunner' | 'viewer'>>;

// --- helpers -------------------------------------------------------------------------------------

function http(url: string, cookie?: string) {
  const as = (test: request.Test) => (cookie ? test.set('Cookie', cookie) : test);
  return {
    get: (path: string) => as(request(url).get(path)),
    post: (path: string, body?: object) => as(request(url).post(path)).send(body),
    put: (path: string, body: object) => as(request(url).put(path)).send(body),
    delete: (path: string) => as(request(url).delete(path)),
  };
}

const ok = (more: Omit<RestCase, 'verdict'> = {}): RestCase => ({ verdict: 'ok', ...more });
const unauthenticated: RestCase = { verdict: 401, code: 'UNAUTHENTICATED' };
const notFound = (code: 'DECK_NOT_FOUND' | 'SESSION_NOT_FOUND', more: Omit<RestCase, 'verdict' | 'code'> = {}): RestCase => ({
  verdict: 404,
  code,
  ...more,
});
const forbidden = (more: Omit<RestCase, 'verdict' | 'code'> = {}): RestCase => ({ verdict: 403, code: 'FORBIDDEN', ...more });
const everyone = (cell: RestCase[]) => ({ owner: cell, coRunner: cell, viewer: cell, other: cell, anonymous: cell });
// A session's route: the owner's, the co-runner's and the viewer's cells, 404 for another facilitator, 401 without a login.
const ownerOnly = (owner: RestCase[], code: 'DECK_NOT_FOUND' | 'SESSION_NOT_FOUND', coRunner: RestCase[] = [forbidden()], viewer: RestCase[] = [forbidden()]) => ({
  owner,
  coRunner,
  viewer,
  other: [notFound(code)],
  anonymous: [unauthenticated],
});

// A session's route whose cells are the same for the owner, a co-runner and a viewer (the same aggregates),
// and one the co-runner shares with the owner (the viewer is refused).
const sharedAlike = (cells: RestCase[], code: 'SESSION_NOT_FOUND') => ownerOnly(cells, code, cells, cells);
const runnable = (cells: RestCase[], code: 'SESSION_NOT_FOUND') => ownerOnly(cells, code, cells);

const allowed = <E extends SocketEvent>(more: Omit<SocketCase<E>, 'verdict'> = {}): SocketCase<E> => ({ verdict: 'ok', ...more });
const FORBIDDEN = { verdict: 'FORBIDDEN' } as const;
// Group facilitator commands: only the owner's and a co-runner's sockets may send them (the co-runner's the
// owner's cells again unless told), a viewer's is refused.
const facilitatorOnly = <E extends CommandName>(owner: SocketCase<E>[], payload?: Payload<E>, coRunner: SocketCase<E>[] = owner): SocketRow<E> => ({
  payload,
  owner,
  coRunner,
  viewer: [FORBIDDEN],
  other: 'none',
  participant: [FORBIDDEN],
  screen: [FORBIDDEN],
  anonymous: 'none',
});

const need = <T>(value: T | undefined, name: string): T => {
  if (value === undefined) throw new Error(`${name} is not there yet: a row ran out of order`);
  return value;
};
const newEmail = () => `walk-${randomUUID()}@example.test`;
const inputOf = ({ id: _id, ...input }: Deck) => input;
const setCookies = (res: Response) => (res.headers['set-cookie'] as unknown as string[] | undefined) ?? [];
const loginCookie = (res: Response) =>
  setCookies(res)
    .find((c) => /^candor_login=[^;]+/.test(c))
    ?.split(';')[0];
const clearsLogin = (res: Response) => setCookies(res).some((c) => c.startsWith('candor_login=;'));
// A facilitator made for a two-step row, with two-step login on (the walk's two accounts log in by
// password alone); `offset` steps of 30 s from now, as an authenticator app computes the codes.
const totpCode = (secret: string, offset: number) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + offset * 30 });
async function twoStepAccount(url: string): Promise<Facilitator & { secret: string; recoveryCodes: string[] }> {
  const f = await signUp(url);
  const secret = ((await f.api.post('/api/auth/totp/setup').send({ password: PASSWORD })).body as { secret: string }).secret;
  const enabled = await f.api.post('/api/auth/totp/enable').send({ code: await totpCode(secret, 0) });
  return { ...f, secret, recoveryCodes: (enabled.body as { recoveryCodes: string[] }).recoveryCodes };
}
// A facilitator made for a passkey row, with a passkey made in node (test/webauthn-authenticator.ts).
async function passkeyAccount(url: string): Promise<Facilitator & { key: SoftAuthenticator; passkeyId: string }> {
  const f = await signUp(url);
  const key = new SoftAuthenticator(`http://localhost:${new URL(url).port}`);
  const options = await f.api.post('/api/auth/passkeys/options').send({ password: PASSWORD });
  const added = await f.api.post('/api/auth/passkeys').send({ name: 'Laptop', credential: key.register(challengeOf(options.body)) });
  expect(added.status).toBe(201);
  return { ...f, key, passkeyId: (added.body as { passkey: { id: string } }).passkey.id };
}
// The password step of such an account: its candor_2fa cookie.
async function passkeyPending(url: string, email: string): Promise<string> {
  const first = await request(url).post('/api/auth/login').send({ email, password: PASSWORD });
  expect(first.body).toEqual({ secondFactor: true });
  return secondStepCookie(first)!;
}
const secondStepCookie = (res: Response) =>
  setCookies(res)
    .find((c) => c.startsWith('candor_2fa='))
    ?.split(';')[0];
// Asks for a reset link for this account's email, and reads its token from the mail.
async function resetToken(w: World, email: string): Promise<string> {
  const after = w.mailbox.received.length;
  expect((await request(w.url).post('/api/auth/forgot').send({ email })).status).toBe(202);
  return linkOf(await w.mailbox.next(email, { after })).token;
}
const inDays = (days: number) => new Date(Date.now() + days * 24 * 3600 * 1000).toISOString();
const homeworkBody = (w: World, audience: 'couple' | 'client') => ({ deckId: w.ownDeck.id, audience, closesAt: inDays(1) });
const ids = (list: { id: string }[]) => list.map((item) => item.id);
const sessionIds = (res: Response) => (res.body.sessions as CreatedSession[]).map((s) => s.state.id);
const accountOf = (w: World, role: string): Facilitator => ({ owner: w.owner, coRunner: w.coRunner, viewer: w.viewer })[role] ?? w.other;
const asRole = (w: World, c: Ctx) => w.as[c.role as RestRole];
const accessOf = (res: Response, id: string) => (res.body.sessions as { state: { id: string }; access: string }[]).find((s) => s.state.id === id)?.access;

// The first frame of an event that a socket recorded (connect() records from the first frame on),
// from the index `since` on.
function frame(frames: Frame[], event: string, match: (arg: unknown) => boolean = () => true, since = 0): Promise<unknown> {
  return vi.waitFor(
    () => {
      const found = frames.slice(since).find((f) => f.event === event && match(f.args[0]));
      if (!found) throw new Error(`no ${event} frame within 5 s`);
      return found.args[0];
    },
    { timeout: 5_000, interval: 20 },
  );
}

// A handshake as an ack: ok with the snapshot it brings, or the error it was refused with.
async function handshake(
  w: World,
  auth: Parameters<typeof connect>[1],
  cookie?: string,
  keepAs?: SocketName,
): Promise<Ack<unknown>> {
  let conn: Conn;
  try {
    conn = await connect(w.url, auth, cookie);
  } catch (error) {
    return { ok: false, error: { code: (error as Error).message as ErrorCode, message: '' } };
  }
  const snapshot = await frame(conn.frames, 'session:snapshot');
  if (keepAs) w.sockets[keepAs] = conn;
  else conn.socket.close();
  return { ok: true, data: snapshot };
}

// A couple session of the owner's with the blind reveal on, both seats taken and its yes/no/maybe list open; its two
// phones compared (commitments, offers, replies through the server) when `compared`, as blind-reveal.e2e-spec.ts does.
async function blindCouple(w: World, compared = false): Promise<{ a: ClientSocket; b: ClientSocket; promptId: string; close: () => void }> {
  const created = (await w.as.owner.post('/api/sessions', { deckId: BUILT_IN, mode: 'couple', blindReveal: true })).body as CreatedSession;
  const [first, second] = [await joinSession(w.url, created.state.code), await joinSession(w.url, created.state.code)];
  const [a, b] = [await connect(w.url, { role: 'participant', token: first.token }), await connect(w.url, { role: 'participant', token: second.token })];
  const therapist = await connect(w.url, { role: 'facilitator', sessionId: created.state.id }, w.owner.cookie);
  const state: Ack<SessionState> = await send(therapist.socket, 'prompt:open', {});
  therapist.close();
  if (!state.ok || state.data.prompt?.kind !== 'ynm') throw new Error('the blind couple has no list open');
  const { id: promptId, items } = state.data.prompt;
  if (compared) {
    const slots = ynmSlots(items.length);
    const [pa, pb] = [new BlindParty({ sessionId: created.state.id, promptId }, ['yes:' + items[0].id], slots), new BlindParty({ sessionId: created.state.id, promptId }, [], slots)];
    const step = (conn: Conn, message: PayloadOf<'blind:send'>) => send(conn.socket, 'blind:send', message);
    await step(a, { promptId, step: 'commit', ...pa.commitment });
    await step(b, { promptId, step: 'commit', ...pb.commitment });
    const [offerA, offerB] = [pa.offer(pb.commitment), pb.offer(pa.commitment)];
    await step(a, { promptId, step: 'offer', ...offerA });
    await step(b, { promptId, step: 'offer', ...offerB });
    pa.receiveOffer(offerB);
    pb.receiveOffer(offerA);
    await step(a, { promptId, step: 'reply', ...pa.reply() });
    await step(b, { promptId, step: 'reply', ...pb.reply() });
  }
  return { a: a.socket, b: b.socket, promptId, close: () => [a, b].forEach((conn) => conn.close()) };
}

type BlindCommand = 'blind:send' | 'blind:sync' | 'blind:restart' | 'blind:show';
type BlindCouple = Awaited<ReturnType<typeof blindCouple>>;
// A blind-reveal command's row: allowed to a partner of a couple session with it on (compared first when
// `compared`), in a session of its own so that the walk's sessions are untouched.
function blindRow<E extends BlindCommand>(
  payload: Payload<E>,
  compared: boolean,
  sendFrom: (blind: BlindCouple) => Promise<Ack<unknown>>,
  shape: () => object,
): SocketRowInput<E> {
  const sendInOwn = async (w: World) => {
    const blind = await blindCouple(w, compared);
    try {
      return await sendFrom(blind);
    } finally {
      blind.close();
    }
  };
  return {
    payload,
    owner: [FORBIDDEN],
    other: 'none',
    participant: [{ verdict: 'FORBIDDEN', what: 'without the blind reveal' }, allowed<E>({ what: 'in a couple session with the blind reveal', send: sendInOwn, shape })],
    screen: [FORBIDDEN],
    anonymous: 'none',
  };
}

function socketOf(w: World, name: SocketName): ClientSocket {
  return need(w.sockets[name], `the ${name} socket`).socket;
}

async function labelled(label: unknown[], work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (error instanceof Error) error.message = `${label.filter(Boolean).join(' · ')}: ${error.message}`;
    throw error;
  }
}

// --- the table -----------------------------------------------------------------------------------

// REST rows, in the order the allowed walk takes them (deletions last).
const REST_ROWS: RestRowInput[] = [
  {
    route: 'POST /api/auth/signup',
    status: 201,
    call: (as, _w, c) => {
      c.email = newEmail();
      return as.post('/api/auth/signup', { email: c.email, password: PASSWORD });
    },
    ...everyone([
      ok({
        shape: (_w, c) => ({ facilitator: { email: c.email } }),
        check: (res, w, c) => {
          expect(loginCookie(res)).toBeDefined();
          w.made.signedUp = c.email;
        },
      }),
    ]),
  },
  {
    route: 'POST /api/auth/login',
    status: 200,
    // Each logs in to their own account (the anonymous caller to the one it just made).
    call: (as, w, c) => {
      c.email = c.role === 'anonymous' ? need(w.made.signedUp, 'the new account') : accountOf(w, c.role).email;
      return as.post('/api/auth/login', { email: c.email, password: PASSWORD });
    },
    ...everyone([
      ok({
        shape: (_w, c) => ({ facilitator: { email: c.email } }),
        check: (res, w, c) => {
          const cookie = loginCookie(res);
          expect(cookie).toBeDefined();
          w.made.spareLogin[c.role] = cookie;
        },
      }),
    ]),
  },
  {
    route: 'POST /api/auth/logout',
    status: 204,
    // With the login the row above made: that login ends, the others go on.
    call: (_as, w, c) => http(w.url, c.role === 'anonymous' ? undefined : w.made.spareLogin[c.role]).post('/api/auth/logout'),
    owner: [ok({ check: (res, w, c) => loggedOut(res, w, c) })],
    other: [ok({ check: (res, w, c) => loggedOut(res, w, c) })],
    anonymous: [ok({ check: (res) => expect(clearsLogin(res)).toBe(true) })],
  },
  {
    route: 'GET /api/auth/me',
    status: 200,
    call: (as) => as.get('/api/auth/me'),
    owner: [ok({ shape: (w) => ({ facilitator: { email: w.owner.email } }) })],
    other: [ok({ shape: (w, c) => ({ facilitator: { email: accountOf(w, c.role).email } }) })],
    anonymous: [unauthenticated],
  },
  {
    route: 'POST /api/auth/activity',
    status: 204,
    call: (as) => as.post('/api/auth/activity'),
    owner: [ok()],
    other: [ok()],
    anonymous: [unauthenticated],
  },
  {
    route: 'GET /api/auth/logins',
    status: 200,
    call: (as) => as.get('/api/auth/logins'),
    // Each sees their own logins, the one they ask with marked; nobody sees another account's.
    owner: [ok({ check: (res, w, c) => ownLogins(res, w, c.role) })],
    other: [ok({ check: (res, w, c) => ownLogins(res, w, c.role) })],
    anonymous: [unauthenticated],
  },
  {
    route: 'DELETE /api/auth/logins/:loginId',
    status: 204,
    // The owner ends a second login of their own; another facilitator cannot end the owner's.
    call: async (as, w, c) => {
      const login = await http(w.url).post('/api/auth/login', { email: w.owner.email, password: PASSWORD });
      const cookie = loginCookie(login)!;
      c.cookie = cookie;
      const listed = (await http(w.url, cookie).get('/api/auth/logins')).body as { logins: { id: string; current: boolean }[] };
      return as.delete(`/api/auth/logins/${listed.logins.find((l) => l.current)!.id}`);
    },
    owner: [ok({ check: (_res, w, c) => http(w.url, c.cookie).get('/api/auth/me').then((r) => expect(r.status).toBe(401)) })],
    other: [{ verdict: 404, code: 'NOT_FOUND', check: (_res, w, c) => http(w.url, c.cookie).get('/api/auth/me').then((r) => expect(r.status).toBe(200)) }],
    anonymous: [unauthenticated],
  },
  {
    route: 'GET /api/auth/audit',
    status: 200,
    call: (as) => as.get('/api/auth/audit'),
    owner: [ok({ check: (res) => expect((res.body.events as { action: string }[]).at(-1)).toMatchObject({ action: 'signed-up' }) })],
    other: [ok({ check: (res) => expect((res.body.events as { action: string }[]).at(-1)).toMatchObject({ action: 'signed-up' }) })],
    anonymous: [unauthenticated],
  },
  {
    route: 'PUT /api/auth/password',
    status: 204,
    // Each to the same password again (the walk logs in with it later): only the caller's account changes.
    call: (as) => as.put('/api/auth/password', { currentPassword: PASSWORD, newPassword: PASSWORD }),
    owner: [ok({ check: (_res, w) => w.as.owner.get('/api/auth/me').then((r) => expect(r.status).toBe(200)) })],
    other: [ok({ check: (_res, w, c) => asRole(w, c).get('/api/auth/me').then((r) => expect(r.status).toBe(200)) })],
    anonymous: [unauthenticated],
  },
  {
    route: 'PUT /api/auth/email',
    status: 200,
    call: (as, w, c) => as.put('/api/auth/email', { email: c.role === 'anonymous' ? 'nobody@example.test' : accountOf(w, c.role).email, password: PASSWORD }),
    owner: [ok({ shape: (w) => ({ facilitator: { email: w.owner.email } }) })],
    other: [ok({ shape: (w, c) => ({ facilitator: { email: accountOf(w, c.role).email } }) })],
    anonymous: [unauthenticated],
  },
  {
    route: 'GET /api/auth/export',
    status: 200,
    call: (as) => as.get('/api/auth/export'),
    owner: [ok({ check: (res, w) => expect(JSON.stringify(res.body)).toContain(w.session.state.id) })],
    other: [ok({ check: (res, w) => expect(JSON.stringify(res.body)).not.toContain(w.session.state.id) })],
    anonymous: [unauthenticated],
  },
  {
    route: 'DELETE /api/auth/account',
    status: 204,
    // Each deletes an account of their own: a facilitator made for it (the walk's two accounts stay).
    call: async (_as, w, c) => {
      if (c.role === 'anonymous') return request(w.url).delete('/api/auth/account').send({ password: PASSWORD });
      const own = await signUp(w.url);
      c.cookie = own.cookie;
      return own.api.delete('/api/auth/account').send({ password: PASSWORD });
    },
    owner: [ok({ check: (_res, w, c) => http(w.url, c.cookie).get('/api/auth/me').then((r) => expect(r.status).toBe(401)) })],
    other: [ok({ check: (_res, w, c) => http(w.url, c.cookie).get('/api/auth/me').then((r) => expect(r.status).toBe(401)) })],
    anonymous: [unauthenticated],
  },
  {
    route: 'POST /api/auth/login/totp',
    status: 200,
    // Anyone finishes a login of their own: an account with two-step login on, its password, then its code.
    call: async (_as, w, c) => {
      const f = await twoStepAccount(w.url);
      c.email = f.email;
      const first = await request(w.url).post('/api/auth/login').send({ email: f.email, password: PASSWORD });
      expect(first.body).toEqual({ secondFactor: true });
      expect(loginCookie(first)).toBeUndefined();
      return request(w.url).post('/api/auth/login/totp').set('Cookie', secondStepCookie(first)!).send({ code: await totpCode(f.secret, 1) });
    },
    ...everyone([ok({ shape: (_w, c) => ({ facilitator: { email: c.email } }), check: (res) => expect(loginCookie(res)).toBeDefined() })]),
  },
  {
    route: 'POST /api/auth/reset',
    status: 204,
    // Anyone resets the password of an account whose recovery code they hold; its logins end.
    call: async (_as, w, c) => {
      const f = await twoStepAccount(w.url);
      c.cookie = f.cookie;
      return request(w.url).post('/api/auth/reset').send({ email: f.email, recoveryCode: f.recoveryCodes[0], newPassword: 'a brand new password' });
    },
    ...everyone([ok({ check: (_res, w, c) => http(w.url, c.cookie).get('/api/auth/me').then((r) => expect(r.status).toBe(401)) })]),
  },
  {
    route: 'GET /api/auth/totp',
    status: 200,
    call: (as) => as.get('/api/auth/totp'),
    owner: [ok({ shape: () => ({ enabled: false, recoveryCodesLeft: 0 }) })],
    other: [ok({ shape: () => ({ enabled: false, recoveryCodesLeft: 0 }) })],
    anonymous: [unauthenticated],
  },
  {
    route: 'POST /api/auth/totp/setup',
    status: 200,
    // A pending secret only: the account's logins stay as they were.
    call: (as) => as.post('/api/auth/totp/setup', { password: PASSWORD }),
    owner: [ok({ check: (res) => expect(res.body.uri).toContain(`secret=${res.body.secret}`) })],
    other: [ok({ check: (res) => expect(res.body.uri).toContain(`secret=${res.body.secret}`) })],
    anonymous: [unauthenticated],
  },
  {
    route: 'POST /api/auth/totp/enable',
    status: 200,
    // On an account made for it, whose setup is the caller's own.
    call: async (as, w, c) => {
      if (c.role === 'anonymous') return as.post('/api/auth/totp/enable', { code: '123456' });
      const f = await signUp(w.url);
      c.cookie = f.cookie;
      const secret = ((await f.api.post('/api/auth/totp/setup').send({ password: PASSWORD })).body as { secret: string }).secret;
      return f.api.post('/api/auth/totp/enable').send({ code: await totpCode(secret, 0) });
    },
    owner: [ok({ check: (res) => expect(res.body.recoveryCodes).toHaveLength(10) })],
    other: [ok({ check: (res) => expect(res.body.recoveryCodes).toHaveLength(10) })],
    anonymous: [unauthenticated],
  },
  {
    route: 'POST /api/auth/totp/disable',
    status: 204,
    call: async (as, w, c) => {
      if (c.role === 'anonymous') return as.post('/api/auth/totp/disable', { password: PASSWORD, code: '123456' });
      const f = await twoStepAccount(w.url);
      c.cookie = f.cookie;
      return f.api.post('/api/auth/totp/disable').send({ password: PASSWORD, code: await totpCode(f.secret, 1) });
    },
    owner: [ok({ check: (_res, w, c) => http(w.url, c.cookie).get('/api/auth/totp').then((r) => expect(r.body.enabled).toBe(false)) })],
    other: [ok({ check: (_res, w, c) => http(w.url, c.cookie).get('/api/auth/totp').then((r) => expect(r.body.enabled).toBe(false)) })],
    anonymous: [unauthenticated],
  },
  {
    route: 'GET /api/auth/passkeys',
    status: 200,
    call: (as) => as.get('/api/auth/passkeys'),
    owner: [ok({ shape: () => ({ passkeys: [] }) })],
    other: [ok({ shape: () => ({ passkeys: [] }) })],
    anonymous: [unauthenticated],
  },
  {
    route: 'POST /api/auth/passkeys/options',
    status: 200,
    // A challenge for the caller's own login only: nothing is added yet.
    call: (as) => as.post('/api/auth/passkeys/options', { password: PASSWORD }),
    owner: [ok({ shape: (w) => ({ options: { rp: { id: 'localhost' }, user: { name: w.owner.email } } }) })],
    other: [ok({ shape: (w, c) => ({ options: { rp: { id: 'localhost' }, user: { name: accountOf(w, c.role).email } } }) })],
    anonymous: [unauthenticated],
  },
  {
    route: 'POST /api/auth/passkeys',
    status: 201,
    // On an account made for it (the walk's two accounts log in by password alone), answering its own challenge.
    call: async (as, w, c) => {
      const key = new SoftAuthenticator(`http://localhost:${new URL(w.url).port}`);
      if (c.role === 'anonymous') return as.post('/api/auth/passkeys', { name: 'Laptop', credential: key.register('bWFkZS11cA') });
      const f = await signUp(w.url);
      c.cookie = f.cookie;
      const options = await f.api.post('/api/auth/passkeys/options').send({ password: PASSWORD });
      return f.api.post('/api/auth/passkeys').send({ name: 'Laptop', credential: key.register(challengeOf(options.body)) });
    },
    owner: [ok({ shape: () => ({ passkey: { name: 'Laptop' } }), check: (res) => expect(res.body.recoveryCodes).toHaveLength(10) })],
    other: [ok({ shape: () => ({ passkey: { name: 'Laptop' } }), check: (res) => expect(res.body.recoveryCodes).toHaveLength(10) })],
    anonymous: [unauthenticated],
  },
  {
    route: 'DELETE /api/auth/passkeys/:passkeyId',
    status: 204,
    // The owner removes a passkey of an account of their own; another facilitator cannot remove it.
    call: async (as, w, c) => {
      const f = await passkeyAccount(w.url);
      c.cookie = f.cookie;
      return (c.role === 'owner' ? http(w.url, f.cookie) : as).delete(`/api/auth/passkeys/${f.passkeyId}`).send({ password: PASSWORD });
    },
    owner: [ok({ check: (_res, w, c) => http(w.url, c.cookie).get('/api/auth/passkeys').then((r) => expect(r.body.passkeys).toEqual([])) })],
    other: [{ verdict: 404, code: 'NOT_FOUND', check: (_res, w, c) => http(w.url, c.cookie).get('/api/auth/passkeys').then((r) => expect(r.body.passkeys).toHaveLength(1)) }],
    anonymous: [unauthenticated],
  },
  {
    route: 'POST /api/auth/recovery-codes',
    status: 200,
    // On an account of their own with a second factor on (the walk's two have none).
    call: async (as, w, c) => {
      if (c.role === 'anonymous') return as.post('/api/auth/recovery-codes', { password: PASSWORD });
      const f = await twoStepAccount(w.url);
      c.old = f.recoveryCodes[0];
      c.email = f.email;
      return f.api.post('/api/auth/recovery-codes').send({ password: PASSWORD });
    },
    ...(() => {
      const renewed = ok({
        check: async (res, w, c) => {
          expect(res.body.recoveryCodes).toHaveLength(10);
          expect((await request(w.url).post('/api/auth/reset').send({ email: c.email, recoveryCode: c.old, newPassword: 'a brand new password' })).status).toBe(401);
        },
      });
      return { owner: [renewed], other: [renewed], anonymous: [unauthenticated] };
    })(),
  },
  {
    route: 'GET /api/auth/login/factors',
    status: 200,
    // Anyone, at the second step of a login of their own (the candor_2fa cookie of a right password).
    call: async (_as, w) => {
      const f = await passkeyAccount(w.url);
      return request(w.url).get('/api/auth/login/factors').set('Cookie', await passkeyPending(w.url, f.email));
    },
    ...everyone([ok({ shape: () => ({ totp: false, passkey: true }) })]),
  },
  {
    route: 'POST /api/auth/login/passkey/options',
    status: 200,
    call: async (_as, w, c) => {
      const f = await passkeyAccount(w.url);
      c.credentialId = f.key.id;
      return request(w.url).post('/api/auth/login/passkey/options').set('Cookie', await passkeyPending(w.url, f.email));
    },
    ...everyone([ok({ shape: (_w, c) => ({ options: { rpId: 'localhost', allowCredentials: [{ id: c.credentialId }] } }) })]),
  },
  {
    route: 'POST /api/auth/login/passkey',
    status: 200,
    // Anyone finishes a login of their own: an account with a passkey, its password, then the passkey.
    call: async (_as, w, c) => {
      const f = await passkeyAccount(w.url);
      c.email = f.email;
      const pending = await passkeyPending(w.url, f.email);
      const options = await request(w.url).post('/api/auth/login/passkey/options').set('Cookie', pending);
      return request(w.url).post('/api/auth/login/passkey').set('Cookie', pending).send({ credential: f.key.assert(challengeOf(options.body)) });
    },
    ...everyone([ok({ shape: (_w, c) => ({ facilitator: { email: c.email } }), check: (res) => expect(loginCookie(res)).toBeDefined() })]),
  },
  {
    route: 'GET /api/auth/options',
    status: 200,
    call: (as) => as.get('/api/auth/options'),
    ...everyone([ok({ shape: () => ({ mail: true }) })]),
  },
  {
    route: 'POST /api/auth/forgot',
    status: 202,
    // Anyone asks for a reset link; it goes to the account's own address (an account made for it).
    call: async (as, w, c) => {
      const f = await signUp(w.url);
      c.email = f.email;
      c.after = String(w.mailbox.received.length);
      return as.post('/api/auth/forgot', { email: f.email });
    },
    ...everyone([ok({ check: (_res, w, c) => w.mailbox.next(c.email, { after: Number(c.after) }).then((mail) => expect(mail.subject).toBe('Reset your Candor password')) })]),
  },
  {
    route: 'POST /api/auth/reset/link',
    status: 200,
    call: async (as, w) => as.post('/api/auth/reset/link', { token: await resetToken(w, (await signUp(w.url)).email) }),
    ...everyone([ok({ shape: () => ({ twoStep: false }) })]),
  },
  {
    route: 'POST /api/auth/reset/mail',
    status: 204,
    // Anyone with a mailed link sets the password of its account (made for it); its logins end.
    call: async (as, w, c) => {
      const f = await signUp(w.url);
      c.cookie = f.cookie;
      return as.post('/api/auth/reset/mail', { token: await resetToken(w, f.email), newPassword: 'a brand new password' });
    },
    ...everyone([ok({ check: (_res, w, c) => http(w.url, c.cookie).get('/api/auth/me').then((r) => expect(r.status).toBe(401)) })]),
  },
  {
    route: 'GET /api/auth/email',
    status: 200,
    call: (as) => as.get('/api/auth/email'),
    owner: [ok({ shape: (w) => ({ email: w.owner.email, pending: null }) })],
    other: [ok({ shape: (w, c) => ({ email: accountOf(w, c.role).email, pending: null }) })],
    anonymous: [unauthenticated],
  },
  {
    route: 'POST /api/auth/email/confirm',
    status: 200,
    // Anyone with the link mailed to an account's new address (an account made for it) confirms it.
    call: async (as, w, c) => {
      const f = await signUp(w.url);
      c.email = `confirmed-${randomUUID()}@example.test`;
      const after = w.mailbox.received.length;
      expect((await f.api.put('/api/auth/email').send({ email: c.email, password: PASSWORD })).body.pending).toMatchObject({ email: c.email });
      return as.post('/api/auth/email/confirm', { token: linkOf(await w.mailbox.next(c.email, { after })).token });
    },
    ...everyone([ok({ shape: (_w, c) => ({ email: c.email }) })]),
  },
  {
    route: 'GET /api/decks',
    status: 200,
    call: (as) => as.get('/api/decks'),
    owner: [ok({ check: (res, w) => library(res, w.ownDeck, w.otherDeck) })],
    other: [ok({ check: (res, w) => library(res, w.otherDeck, w.ownDeck) })],
    // The owner's deck shared with them, marked with their role; nobody else's.
    coRunner: [ok({ check: (res, w) => sharedLibrary(res, w, 'co-run') })],
    viewer: [ok({ check: (res, w) => sharedLibrary(res, w, 'view') })],
    anonymous: [unauthenticated],
  },
  {
    route: 'GET /api/decks/:deckId',
    status: 200,
    call: (as, w) => as.get(`/api/decks/${w.ownDeck.id}`),
    owner: [ok({ check: (res, w) => expect(res.body).toEqual({ deck: w.ownDeck }) })],
    other: [
      notFound('DECK_NOT_FOUND'),
      ok({ what: 'a built-in deck', call: (as) => as.get(`/api/decks/${BUILT_IN}`), shape: () => ({ deck: { id: BUILT_IN } }) }),
    ],
    ...Object.fromEntries(
      (['coRunner', 'viewer'] as const).map((role) => [
        role,
        [
          ok({ what: 'shared with them', check: (res, w) => expect(res.body).toEqual({ deck: w.ownDeck }) }),
          notFound('DECK_NOT_FOUND', { what: "another's", call: (as, w) => as.get(`/api/decks/${w.otherDeck.id}`) }),
        ],
      ]),
    ),
    anonymous: [unauthenticated],
  },
  {
    route: 'POST /api/decks',
    status: 201,
    // A copy of the owner's deck.
    call: (as, w) => as.post('/api/decks', { copyOf: w.ownDeck.id }),
    owner: [
      ok({ what: 'a copy of their deck', check: (res, w) => copyOf(res, w.ownDeck) }),
      ok({
        what: 'a new deck',
        call: (as, w) => as.post('/api/decks', { deck: { ...inputOf(w.ownDeck), title: 'A walked deck' } }),
        shape: () => ({ deck: { title: 'A walked deck' } }),
        check: (res, w) => {
          expect(res.body.deck.id).toMatch(/^u-[a-z0-9]{12}$/);
          expect(res.body.deck.id).not.toBe(w.ownDeck.id);
          w.made.newDeck = res.body.deck;
        },
      }),
    ],
    other: [
      ok({
        what: 'a copy of a built-in deck',
        call: (as) => as.post('/api/decks', { copyOf: BUILT_IN }),
        check: (res) =>
          expect([res.body.deck.id, res.body.deck.title]).toEqual([
            expect.stringMatching(/^u-/),
            expect.stringMatching(/ \(copy\)$/),
          ]),
      }),
      ok({
        what: 'a copy of their own deck',
        call: (as, w) => as.post('/api/decks', { copyOf: w.otherDeck.id }),
        check: (res, w) => copyOf(res, w.otherDeck),
      }),
      notFound('DECK_NOT_FOUND', { what: "a copy of another's deck" }),
    ],
    ...Object.fromEntries(
      (['coRunner', 'viewer'] as const).map((role) => [
        role,
        [
          ok({ what: 'a copy of a built-in deck', call: (as) => as.post('/api/decks', { copyOf: BUILT_IN }), check: (res) => expect(res.body.deck.id).toMatch(/^u-/) }),
          ok({ what: 'a copy of the deck shared with them', check: (res, w) => copyOf(res, w.ownDeck) }),
          notFound('DECK_NOT_FOUND', { what: "a copy of another's deck", call: (as, w) => as.post('/api/decks', { copyOf: w.otherDeck.id }) }),
        ],
      ]),
    ),
    anonymous: [unauthenticated],
  },
  {
    route: 'PUT /api/decks/:deckId',
    status: 200,
    call: (as, w) => as.put(`/api/decks/${w.ownDeck.id}`, inputOf(w.ownDeck)),
    owner: [
      ok({
        call: (as, w) => {
          const deck = need(w.made.newDeck, 'the new deck');
          return as.put(`/api/decks/${deck.id}`, { ...inputOf(deck), title: 'A walked deck, edited' });
        },
        shape: (w) => ({ deck: { id: w.made.newDeck?.id, title: 'A walked deck, edited' } }),
        check: async (_res, w) => {
          const again = await w.as.owner.get(`/api/decks/${w.made.newDeck?.id}`);
          expect(again.body.deck.title).toBe('A walked deck, edited');
        },
      }),
      forbidden({ what: 'a built-in deck', call: (as, w) => as.put(`/api/decks/${BUILT_IN}`, inputOf(w.ownDeck)) }),
    ],
    other: [notFound('DECK_NOT_FOUND')],
    // Shared with them: they may read it, not change it.
    coRunner: [forbidden()],
    viewer: [forbidden()],
    anonymous: [unauthenticated],
  },
  {
    route: 'POST /api/decks/import',
    status: 201,
    call: (as) => as.post('/api/decks/import', allKindsDeck()),
    ...everyone([
      ok({
        shape: () => ({ deck: { title: allKindsDeck().deck.title } }),
        check: (res) => {
          expect(res.body.deck.id).toMatch(/^u-/);
          expect(ids(res.body.deck.prompts)).toEqual(ids(allKindsDeck().deck.prompts));
        },
      }),
    ]),
    anonymous: [unauthenticated],
  },
  {
    route: 'GET /api/decks/:deckId/export',
    status: 200,
    call: (as, w) => as.get(`/api/decks/${w.ownDeck.id}/export`),
    owner: [
      ok({
        check: (res, w) => {
          expect(res.body).toEqual({ format: 'candor-deck', version: 1, deck: w.ownDeck });
          expect(res.headers['content-disposition']).toContain(`${w.ownDeck.id}.candor-deck.json`);
        },
      }),
    ],
    coRunner: [ok({ shape: (w) => ({ format: 'candor-deck', version: 1, deck: w.ownDeck }) })],
    viewer: [ok({ shape: (w) => ({ format: 'candor-deck', version: 1, deck: w.ownDeck }) })],
    other: [
      notFound('DECK_NOT_FOUND'),
      ok({
        what: 'a built-in deck',
        call: (as) => as.get(`/api/decks/${BUILT_IN}/export`),
        shape: () => ({ format: 'candor-deck', version: 1, deck: { id: BUILT_IN } }),
      }),
    ],
    anonymous: [unauthenticated],
  },
  {
    route: 'GET /api/decks/:deckId/access',
    status: 200,
    call: (as, w) => as.get(`/api/decks/${w.ownDeck.id}/access`),
    owner: [
      ok({
        check: (res, w) =>
          expect((res.body.access as { accountId: string; role: string }[]).map((a) => [a.accountId, a.role])).toEqual([
            [w.coRunner.id, 'co-run'],
            [w.viewer.id, 'view'],
          ]),
      }),
    ],
    coRunner: [forbidden()],
    viewer: [forbidden()],
    other: [notFound('DECK_NOT_FOUND')],
    anonymous: [unauthenticated],
  },
  {
    route: 'POST /api/decks/:deckId/access',
    status: 201,
    // Refused: sharing the owner's deck with the other facilitator.
    call: (as, w) => as.post(`/api/decks/${w.ownDeck.id}/access`, { email: w.other.email, role: 'view' }),
    owner: [
      ok({
        what: 'their new deck, with the co-runner',
        call: (as, w) => as.post(`/api/decks/${need(w.made.newDeck, 'the new deck').id}/access`, { email: w.coRunner.email, role: 'view' }),
        shape: (w) => ({ accountId: w.coRunner.id, role: 'view' }),
        check: async (_res, w) => expect((await w.as.coRunner.get(`/api/decks/${w.made.newDeck?.id}`)).body).toMatchObject({ deck: { id: w.made.newDeck?.id } }),
      }),
      { verdict: 404, code: 'NOT_FOUND', what: 'an address without an account', call: (as, w) => as.post(`/api/decks/${w.ownDeck.id}/access`, { email: newEmail(), role: 'view' }) },
    ],
    coRunner: [forbidden()],
    viewer: [forbidden()],
    other: [notFound('DECK_NOT_FOUND')],
    anonymous: [unauthenticated],
  },
  {
    route: 'PUT /api/decks/:deckId/access/:accountId',
    status: 200,
    // Refused: making the viewer a co-runner.
    call: (as, w) => as.put(`/api/decks/${w.ownDeck.id}/access/${w.viewer.id}`, { role: 'co-run' }),
    owner: [
      ok({
        what: 'the co-runner may run their new deck too',
        call: (as, w) => as.put(`/api/decks/${need(w.made.newDeck, 'the new deck').id}/access/${w.coRunner.id}`, { role: 'co-run' }),
        shape: () => ({ role: 'co-run' }),
      }),
      { verdict: 404, code: 'NOT_FOUND', what: 'an account without access', call: (as, w) => as.put(`/api/decks/${w.ownDeck.id}/access/${randomUUID()}`, { role: 'view' }) },
    ],
    coRunner: [forbidden()],
    viewer: [forbidden()],
    other: [notFound('DECK_NOT_FOUND')],
    anonymous: [unauthenticated],
  },
  {
    route: 'DELETE /api/decks/:deckId/access/:accountId',
    status: 204,
    // Refused: the co-runner removing the viewer, and anyone else removing the co-runner.
    call: (as, w, c) => as.delete(`/api/decks/${w.ownDeck.id}/access/${c.role === 'coRunner' ? w.viewer.id : w.coRunner.id}`),
    owner: [
      ok({
        what: "the co-runner's, of their new deck",
        call: (as, w) => as.delete(`/api/decks/${need(w.made.newDeck, 'the new deck').id}/access/${w.coRunner.id}`),
        check: async (_res, w) => expect((await w.as.coRunner.get(`/api/decks/${w.made.newDeck?.id}`)).body).toMatchObject({ code: 'DECK_NOT_FOUND' }),
      }),
    ],
    ...Object.fromEntries(
      (['coRunner', 'viewer'] as const).map((role) => [
        role,
        [
          forbidden({ what: "another's" }),
          ok({
            what: 'their own: they leave',
            call: async (as: Http, w: World, c: Ctx) => {
              const own = accountOf(w, c.role) as Facilitator & { id: string };
              const deck = need(w.made.newDeck, 'the new deck').id;
              await shareDeck(w.owner, deck, own, role === 'coRunner' ? 'co-run' : 'view');
              return as.delete(`/api/decks/${deck}/access/${own.id}`);
            },
            check: async (_res: Response, w: World, c: Ctx) =>
              expect((await asRole(w, c).get(`/api/decks/${w.made.newDeck?.id}`)).body).toMatchObject({ code: 'DECK_NOT_FOUND' }),
          }),
        ],
      ]),
    ),
    other: [notFound('DECK_NOT_FOUND')],
    anonymous: [unauthenticated],
  },
  {
    route: 'GET /api/deck-format/schema',
    status: 200,
    call: (as) => as.get('/api/deck-format/schema'),
    ...everyone([ok({ shape: () => ({ $id: 'https://candor.invalid/deck-format/v1.json', type: 'object' }) })]),
  },
  {
    route: 'POST /api/sessions',
    status: 201,
    call: (as, w) => as.post('/api/sessions', { deckId: w.ownDeck.id, k: 3 }),
    owner: [
      ok({
        what: 'their deck',
        shape: (w) => ({ state: { title: w.ownDeck.title, mode: 'group', k: 3, phase: 'lobby', selfRun: false }, results: [] }),
        check: (res, w) => {
          expect(res.body.screenToken).toEqual(expect.any(String));
          w.made.fresh = res.body;
        },
      }),
      ok({
        what: 'a built-in deck',
        call: (as) => as.post('/api/sessions', { deckId: BUILT_IN }),
        shape: () => ({ state: { phase: 'lobby', k: 5 }, screenToken: expect.any(String) }),
      }),
    ],
    other: [
      ok({
        what: 'a built-in deck',
        call: (as) => as.post('/api/sessions', { deckId: BUILT_IN }),
        shape: () => ({ state: { phase: 'lobby' }, screenToken: expect.any(String) }),
      }),
      ok({
        what: 'their own deck',
        call: (as, w) => as.post('/api/sessions', { deckId: w.otherDeck.id }),
        shape: (w) => ({ state: { title: w.otherDeck.title, phase: 'lobby' } }),
        check: (res, w) => {
          w.made.otherSession = res.body;
        },
      }),
      notFound('DECK_NOT_FOUND', { what: "another's deck" }),
    ],
    ...Object.fromEntries(
      (['coRunner', 'viewer'] as const).map((role) => [
        role,
        [
          ok({ what: 'a built-in deck', call: (as) => as.post('/api/sessions', { deckId: BUILT_IN }), shape: () => ({ state: { phase: 'lobby' }, access: 'owner' }) }),
          // The deck shared with them: a co-runner starts a session of their own; a viewer may not.
          role === 'coRunner'
            ? ok({ what: 'the deck shared with them', shape: (w) => ({ state: { title: w.ownDeck.title, phase: 'lobby' }, access: 'owner' }) })
            : forbidden({ what: 'the deck shared with them' }),
          notFound('DECK_NOT_FOUND', { what: "another's deck", call: (as, w) => as.post('/api/sessions', { deckId: w.otherDeck.id }) }),
        ],
      ]),
    ),
    anonymous: [unauthenticated],
  },
  {
    route: 'GET /api/sessions',
    status: 200,
    call: (as) => as.get('/api/sessions'),
    owner: [
      ok({
        check: (res, w) => {
          const mine = sessionIds(res);
          expect(mine).toEqual(expect.arrayContaining([w.session.state.id, need(w.made.fresh, 'the fresh session').state.id]));
          expect(mine).not.toContain(need(w.made.otherSession, "the other's session").state.id);
          expect(accessOf(res, w.session.state.id)).toBe('owner');
        },
      }),
    ],
    // The sessions shared with them, marked with their role.
    coRunner: [
      ok({
        check: (res, w) => {
          expect([accessOf(res, w.session.state.id), accessOf(res, w.facilitatedCouple.state.id)]).toEqual(['co-run', 'co-run']);
          expect(sessionIds(res)).not.toContain(need(w.made.otherSession, "the other's session").state.id);
        },
      }),
    ],
    viewer: [
      ok({
        check: (res, w) => {
          expect([accessOf(res, w.session.state.id), accessOf(res, w.facilitatedCouple.state.id)]).toEqual(['view', 'view']);
          expect(sessionIds(res)).not.toContain(w.coSession.state.id);
        },
      }),
    ],
    other: [
      ok({
        check: (res, w) => {
          const theirs = sessionIds(res);
          expect(theirs).toContain(need(w.made.otherSession, "the other's session").state.id);
          expect(theirs).not.toContain(w.session.state.id);
        },
      }),
    ],
    anonymous: [unauthenticated],
  },
  {
    route: 'GET /api/sessions/:id',
    status: 200,
    call: (as, w) => as.get(`/api/sessions/${w.session.state.id}`),
    ...ownerOnly(
      [
        ok({
          // After the socket walk: ended, with the one released result.
          shape: (w) => ({ state: { id: w.session.state.id, phase: 'ended' }, results: [{ promptId: 'one-word' }], access: 'owner' }),
          check: (res) => expect(res.body.results).toHaveLength(1),
        }),
      ],
      'SESSION_NOT_FOUND',
      // The same session and results, with their own role.
      [ok({ shape: (w) => ({ state: { id: w.session.state.id, phase: 'ended' }, results: [{ promptId: 'one-word' }], access: 'co-run' }) })],
      [ok({ shape: (w) => ({ state: { id: w.session.state.id, phase: 'ended' }, results: [{ promptId: 'one-word' }], access: 'view' }) })],
    ),
  },
  {
    route: 'GET /api/sessions/:id/summary',
    status: 200,
    call: (as, w) => as.get(`/api/sessions/${w.session.state.id}/summary`),
    ...sharedAlike(
      [
        ok({
          shape: (w) => ({
            id: w.session.state.id,
            title: w.ownDeck.title,
            mode: 'group',
            k: 3,
            phase: 'ended',
            results: [{ promptId: 'one-word' }],
          }),
          check: (res, w) => expect(ids(res.body.prompts)).toEqual(ids(w.ownDeck.prompts)),
        }),
      ],
      'SESSION_NOT_FOUND',
    ),
  },
  {
    route: 'GET /api/sessions/:id/export',
    status: 200,
    call: (as, w) => as.get(`/api/sessions/${w.session.state.id}/export?format=json`),
    ...sharedAlike(
      [
        ok({
          what: 'as JSON',
          shape: (w) => ({ id: w.session.state.id, results: [{ promptId: 'one-word' }] }),
          check: (res) =>
            expect(res.headers['content-disposition']).toMatch(/^attachment; filename="?Every prompt kind \d{4}-\d{2}-\d{2}\.json"?$/),
        }),
        ok({
          what: 'as CSV',
          call: (as, w) => as.get(`/api/sessions/${w.session.state.id}/export?format=csv`),
          check: (res) => {
            expect(res.headers['content-type']).toMatch(/^text\/csv/);
            expect(res.text).toMatch(/^"Date","No\.","Prompt","Type","Item",/);
          },
        }),
        ok({
          what: 'as Markdown',
          call: (as, w) => as.get(`/api/sessions/${w.session.state.id}/export?format=md`),
          check: (res, w) => {
            expect(res.headers['content-type']).toMatch(/^text\/markdown/);
            expect(res.text.startsWith(`# ${w.ownDeck.title}\n`)).toBe(true);
          },
        }),
      ],
      'SESSION_NOT_FOUND',
    ),
  },
  {
    route: 'POST /api/sessions/:id/screen-link',
    status: 201,
    call: (as, w) => as.post(`/api/sessions/${w.session.state.id}/screen-link`),
    ...runnable(
      [
        ok({
          // The new token opens a presenter socket; the old one no longer does.
          check: async (res, w) => {
            expect(res.body.screenToken).toEqual(expect.any(String));
            expect(res.body.screenToken).not.toBe(w.session.screenToken);
            expect(await handshake(w, { role: 'screen', token: res.body.screenToken })).toMatchObject({
              ok: true,
              data: { role: 'screen' },
            });
            expect(await handshake(w, { role: 'screen', token: w.session.screenToken })).toMatchObject({
              ok: false,
              error: { code: 'UNAUTHENTICATED' },
            });
          },
        }),
      ],
      'SESSION_NOT_FOUND',
    ),
  },
  {
    route: 'POST /api/homework',
    status: 201,
    call: (as, w) => as.post('/api/homework', homeworkBody(w, 'couple')),
    owner: [
      ok({
        what: "a couple's",
        shape: () => ({ state: { mode: 'couple', phase: 'open', homework: { audience: 'couple', finished: [false, false] } }, results: [] }),
        check: async (res, w) => {
          expect(res.body.invites).toEqual([expect.any(String), expect.any(String)]);
          w.made.homework = res.body;
          // Shared with the co-runner and the viewer, for the homework rows below.
          await shareSession(w.owner, res.body.state.id, w.coRunner, 'co-run');
          await shareSession(w.owner, res.body.state.id, w.viewer, 'view');
        },
      }),
      ok({
        what: "one client's",
        call: (as, w) => as.post('/api/homework', homeworkBody(w, 'client')),
        shape: () => ({ state: { mode: 'group', homework: { audience: 'client', finished: [false] } } }),
        check: (res, w) => {
          w.made.clientHomework = res.body;
        },
      }),
    ],
    // The owner's deck is not theirs.
    other: [notFound('DECK_NOT_FOUND')],
    // The owner's deck shared with them: a co-runner assigns homework of their own from it; a viewer may not.
    coRunner: [ok({ shape: () => ({ state: { mode: 'couple', phase: 'open' }, access: 'owner' }) })],
    viewer: [forbidden()],
    anonymous: [unauthenticated],
  },
  {
    route: 'POST /api/sessions/:id/homework-invites',
    status: 201,
    call: (as, w) => as.post(`/api/sessions/${w.made.homework?.state.id ?? w.session.state.id}/homework-invites`),
    ...runnable(
      [
        ok({
          check: (res, w) => {
            const homework = need(w.made.homework, 'the homework');
            expect(res.body.invites).toEqual([expect.any(String), expect.any(String)]);
            expect(res.body.invites).not.toContain(homework.invites[0]);
            homework.invites = res.body.invites;
          },
        }),
      ],
      'SESSION_NOT_FOUND',
    ),
  },
  {
    route: 'POST /api/homework/claim',
    status: 201,
    // Each opens a link of its own: the owner and the other facilitator the couple's two, anyone the client's.
    call: (as, w, c) => {
      const invite = c.role === 'anonymous' ? w.made.clientHomework?.invites[0] : w.made.homework?.invites[c.role === 'owner' ? 0 : 1];
      return as.post('/api/homework/claim', { invite: need(invite, 'an invitation'), consent: true });
    },
    owner: [ok({ shape: (w) => ({ sessionId: w.made.homework?.state.id, token: expect.any(String) }) })],
    other: [ok({ shape: (w) => ({ sessionId: w.made.homework?.state.id }) })],
    // Anyone opens a link of their own: here one client's homework the owner assigns for it.
    ...Object.fromEntries(
      (['coRunner', 'viewer'] as const).map((role) => [
        role,
        [
          ok({
            call: async (as, w, c) => {
              const hw = (await w.as.owner.post('/api/homework', homeworkBody(w, 'client'))).body as CreatedHomework;
              c.sessionId = hw.state.id;
              return as.post('/api/homework/claim', { invite: hw.invites[0], consent: true });
            },
            shape: (_w, c) => ({ sessionId: c.sessionId, token: expect.any(String) }),
          }),
        ],
      ]),
    ),
    anonymous: [
      { verdict: 401, code: 'UNAUTHENTICATED', what: 'an unknown or opened link', call: (as) => as.post('/api/homework/claim', { invite: 'x'.repeat(32), consent: true }) },
      ok({
        shape: (w) => ({ sessionId: w.made.clientHomework?.state.id }),
        check: async (res, w) => {
          // The link opens once.
          const again = await w.as.anonymous.post('/api/homework/claim', { invite: w.made.clientHomework?.invites[0], consent: true });
          expect([res.status, again.status]).toEqual([201, 401]);
        },
      }),
    ],
  },
  {
    route: 'POST /api/sessions/:id/homework-release',
    status: 200,
    call: (as, w) => as.post(`/api/sessions/${w.made.homework?.state.id ?? w.session.state.id}/homework-release`),
    ...ownerOnly(
      [
        ok({
          // Two days on, the homework has closed: the therapist reveals it with what was saved.
          call: (as, w) => {
            writeFileSync(w.clockFile, String(2 * 24 * 3600 * 1000));
            return as.post(`/api/sessions/${need(w.made.homework, 'the homework').state.id}/homework-release`);
          },
          shape: () => ({ state: { phase: 'released', homework: { closed: true } } }),
          check: (res, w) => {
            writeFileSync(w.clockFile, '0');
            expect(res.body.results).toHaveLength(w.ownDeck.prompts.length);
          },
        }),
      ],
      'SESSION_NOT_FOUND',
      [
        ok({
          // A couple's homework of the owner's, shared with the co-runner, who reveals it once it has closed.
          call: async (as, w) => {
            const hw = (await w.as.owner.post('/api/homework', homeworkBody(w, 'couple'))).body as CreatedHomework;
            await shareSession(w.owner, hw.state.id, w.coRunner, 'co-run');
            writeFileSync(w.clockFile, String(2 * 24 * 3600 * 1000));
            return as.post(`/api/sessions/${hw.state.id}/homework-release`);
          },
          shape: () => ({ state: { phase: 'released', homework: { closed: true } }, access: 'co-run' }),
          check: (_res, w) => writeFileSync(w.clockFile, '0'),
        }),
      ],
    ),
  },
  {
    route: 'GET /api/sessions/:id/seats',
    status: 200,
    call: (as, w) => as.get(`/api/sessions/${w.facilitatedCouple.state.id}/seats`),
    ...runnable([ok({ shape: () => ({ seats: [{ seat: 1, opened: true }] }) })], 'SESSION_NOT_FOUND'),
  },
  {
    route: 'POST /api/sessions/:id/seat-link',
    status: 201,
    call: (as, w) => as.post(`/api/sessions/${w.facilitatedCouple.state.id}/seat-link`, { seat: 1 }),
    ...runnable(
      [
        ok({
          shape: (w) => ({ seat: 1, path: `/s/${w.facilitatedCouple.state.id}` }),
          check: async (res, w) => {
            w.made.seatInvite = res.body.invite;
            // The seat's old token opens nothing any more.
            expect(await handshake(w, { role: 'participant', token: w.facilitatedCoupleSeat })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
          },
        }),
      ],
      'SESSION_NOT_FOUND',
    ),
  },
  {
    route: 'GET /api/sessions/:id/access',
    status: 200,
    call: (as, w) => as.get(`/api/sessions/${w.session.state.id}/access`),
    ...ownerOnly(
      [
        ok({
          check: (res, w) =>
            expect((res.body.access as { accountId: string; email: string; role: string }[]).map((a) => [a.accountId, a.email, a.role])).toEqual(
              expect.arrayContaining([
                [w.coRunner.id, w.coRunner.email, 'co-run'],
                [w.viewer.id, w.viewer.email, 'view'],
              ]),
            ),
        }),
      ],
      'SESSION_NOT_FOUND',
    ),
  },
  {
    route: 'POST /api/sessions/:id/access',
    status: 201,
    // Refused: giving the other facilitator (an account that exists) access.
    call: (as, w) => as.post(`/api/sessions/${w.session.state.id}/access`, { email: w.other.email, role: 'co-run' }),
    ...ownerOnly(
      [
        ok({
          what: 'an account, as viewer',
          call: async (as, w, c) => {
            const invitee = await signUp(w.url);
            c.cookie = invitee.cookie;
            c.email = invitee.email;
            return as.post(`/api/sessions/${w.session.state.id}/access`, { email: invitee.email.toUpperCase(), role: 'view' });
          },
          shape: (_w, c) => ({ email: c.email, role: 'view', accountId: expect.any(String) }),
          check: async (res, w, c) => {
            w.made.invitee = { accountId: res.body.accountId, cookie: c.cookie };
            // They see it now, as a viewer, and their audit log says who gave it.
            expect((await http(w.url, c.cookie).get(`/api/sessions/${w.session.state.id}`)).body).toMatchObject({ access: 'view' });
            const events = (await http(w.url, c.cookie).get('/api/auth/audit')).body.events as { action: string; detail: string }[];
            expect(events[0]).toMatchObject({ action: 'access-given', detail: expect.stringContaining(w.owner.email) });
          },
        }),
        { verdict: 404, code: 'NOT_FOUND', what: 'an address without an account', call: (as, w) => as.post(`/api/sessions/${w.session.state.id}/access`, { email: newEmail(), role: 'view' }) },
      ],
      'SESSION_NOT_FOUND',
    ),
  },
  {
    route: 'PUT /api/sessions/:id/access/:accountId',
    status: 200,
    // Refused: making the viewer a co-runner.
    call: (as, w) => as.put(`/api/sessions/${w.session.state.id}/access/${w.viewer.id}`, { role: 'co-run' }),
    ...ownerOnly(
      [
        ok({
          what: 'the new viewer becomes a co-runner',
          call: (as, w) => as.put(`/api/sessions/${w.session.state.id}/access/${need(w.made.invitee, 'the invitee').accountId}`, { role: 'co-run' }),
          shape: () => ({ role: 'co-run' }),
          check: async (_res, w) =>
            expect((await http(w.url, w.made.invitee?.cookie).get(`/api/sessions/${w.session.state.id}`)).body).toMatchObject({ access: 'co-run' }),
        }),
        { verdict: 404, code: 'NOT_FOUND', what: 'an account without access', call: (as, w) => as.put(`/api/sessions/${w.session.state.id}/access/${randomUUID()}`, { role: 'view' }) },
      ],
      'SESSION_NOT_FOUND',
    ),
  },
  {
    route: 'DELETE /api/sessions/:id/access/:accountId',
    status: 204,
    // Refused: the co-runner removing the viewer, and anyone else removing the co-runner.
    call: (as, w, c) => as.delete(`/api/sessions/${w.session.state.id}/access/${c.role === 'coRunner' ? w.viewer.id : w.coRunner.id}`),
    ...ownerOnly(
      [
        ok({
          what: "the invitee's",
          call: (as, w) => as.delete(`/api/sessions/${w.session.state.id}/access/${need(w.made.invitee, 'the invitee').accountId}`),
          check: async (_res, w) =>
            expect((await http(w.url, w.made.invitee?.cookie).get(`/api/sessions/${w.session.state.id}`)).body).toMatchObject({ code: 'SESSION_NOT_FOUND' }),
        }),
      ],
      'SESSION_NOT_FOUND',
      ...(['co-run', 'view'] as const).map((role) => [
        forbidden({ what: "another's" }),
        ok({
          what: 'their own: they leave',
          // A session shared with them for this.
          call: async (as: Http, w: World, c: Ctx) => {
            const own = accountOf(w, c.role) as Facilitator & { id: string };
            const fresh = need(w.made.fresh, 'the fresh session').state.id;
            await shareSession(w.owner, fresh, own, role);
            return as.delete(`/api/sessions/${fresh}/access/${own.id}`);
          },
          check: async (_res: Response, w: World, c: Ctx) => {
            expect((await asRole(w, c).get(`/api/sessions/${w.made.fresh?.state.id}`)).body).toMatchObject({ code: 'SESSION_NOT_FOUND' });
            const events = (await w.as.owner.get('/api/auth/audit')).body.events as { action: string; detail: string }[];
            expect(events[0]).toMatchObject({ action: 'access-left', detail: expect.stringContaining(accountOf(w, c.role).email) });
          },
        }),
      ]) as [RestCase[], RestCase[]],
    ),
  },
  {
    route: 'POST /api/join/claim',
    status: 201,
    call: (as, w) => as.post('/api/join/claim', { invite: need(w.made.seatInvite, 'the new link'), consent: true }),
    owner: [{ verdict: 401, code: 'UNAUTHENTICATED', what: 'an unknown link', call: (as) => as.post('/api/join/claim', { invite: 'x'.repeat(32), consent: true }) }],
    other: [{ verdict: 401, code: 'UNAUTHENTICATED', what: 'an unknown link', call: (as) => as.post('/api/join/claim', { invite: 'x'.repeat(32), consent: true }) }],
    anonymous: [
      { verdict: 401, code: 'UNAUTHENTICATED', what: 'an unknown link', call: (as) => as.post('/api/join/claim', { invite: 'x'.repeat(32), consent: true }) },
      ok({
        shape: (w) => ({ sessionId: w.facilitatedCouple.state.id, token: expect.any(String) }),
        check: async (res, w) => {
          // The link opens once.
          const again = await w.as.anonymous.post('/api/join/claim', { invite: w.made.seatInvite, consent: true });
          expect([res.status, again.status]).toEqual([201, 401]);
        },
      }),
    ],
  },
  {
    route: 'POST /api/join/reclaim',
    status: 201,
    // Each asks in a couple's own session of its own, with both seats taken.
    call: async (as, w) => {
      const own = (await w.as.anonymous.post('/api/join/couple', { deckId: BUILT_IN })).body as { code: string };
      await joinSession(w.url, own.code);
      return as.post('/api/join/reclaim', { code: own.code, consent: true });
    },
    ...everyone([
      ok({
        shape: () => ({ confirmCode: expect.stringMatching(/^[0-9]{6}$/), token: expect.any(String), expiresInSeconds: 600 }),
        check: (res, w) => {
          w.made.reclaim = { reclaimId: res.body.reclaimId, token: res.body.token };
        },
      }),
    ]),
  },
  {
    route: 'POST /api/join/reclaim/status',
    status: 200,
    call: (as, w) => as.post('/api/join/reclaim/status', need(w.made.reclaim, 'a reclaim')),
    ...everyone([ok({ shape: () => ({ status: 'pending' }) })]),
  },
  {
    route: 'GET /api/join/:code',
    status: 200,
    call: (as, w) => as.get(`/api/join/${need(w.made.fresh, 'the fresh session').state.code}`),
    ...everyone([
      ok({
        shape: (w) => ({
          sessionId: w.made.fresh?.state.id,
          title: w.ownDeck.title,
          mode: 'group',
          k: 3,
          phase: 'lobby',
          selfRun: false,
        }),
      }),
    ]),
  },
  {
    route: 'POST /api/join',
    status: 201,
    call: (as, w) => as.post('/api/join', { code: need(w.made.fresh, 'the fresh session').state.code, consent: true }),
    ...everyone([
      ok({
        shape: (w) => ({ sessionId: w.made.fresh?.state.id, code: w.made.fresh?.state.code }),
        // The seat token opens a participant socket in that session.
        check: async (res, w) =>
          expect(await handshake(w, { role: 'participant', token: res.body.token })).toMatchObject({
            ok: true,
            data: { role: 'participant', state: { id: w.made.fresh?.state.id }, myAnswers: {} },
          }),
      }),
    ]),
  },
  {
    route: 'POST /api/join/couple',
    status: 201,
    call: (as) => as.post('/api/join/couple', { deckId: BUILT_IN }),
    ...everyone([
      ok({
        shape: () => ({ sessionId: expect.any(String), token: expect.any(String) }),
        check: async (res, w) =>
          expect((await w.as.anonymous.get(`/api/join/${res.body.code}`)).body).toMatchObject({
            sessionId: res.body.sessionId,
            mode: 'couple',
            selfRun: true,
          }),
      }),
    ]),
  },
  {
    route: 'GET /api/health',
    status: 200,
    call: (as) => as.get('/api/health'),
    ...everyone([ok({ shape: () => ({ status: 'ok', database: 'up' }) })]),
  },
  {
    route: 'GET /api/docs',
    status: 200,
    call: (as) => as.get('/api/docs'),
    ...everyone([ok({ shape: () => ({ openapi: '3.1.0', paths: { '/api/auth/me': {} } }) })]),
  },
  {
    route: 'DELETE /api/decks/:deckId',
    status: 204,
    call: (as, w) => as.delete(`/api/decks/${w.ownDeck.id}`),
    owner: [
      ok({
        what: 'their new deck',
        call: (as, w) => as.delete(`/api/decks/${need(w.made.newDeck, 'the new deck').id}`),
        check: async (_res, w) => expect((await w.as.owner.get(`/api/decks/${w.made.newDeck?.id}`)).status).toBe(404),
      }),
      forbidden({ what: 'a built-in deck', call: (as) => as.delete(`/api/decks/${BUILT_IN}`) }),
    ],
    other: [notFound('DECK_NOT_FOUND')],
    coRunner: [forbidden()],
    viewer: [forbidden()],
    anonymous: [unauthenticated],
  },
  {
    route: 'DELETE /api/sessions/:id',
    status: 204,
    call: (as, w) => as.delete(`/api/sessions/${w.session.state.id}`),
    ...ownerOnly(
      [
        ok({
          // Gone, and every socket still in it is closed.
          check: async (_res, w) => {
            expect((await w.as.owner.get(`/api/sessions/${w.session.state.id}`)).body).toMatchObject({
              code: 'SESSION_NOT_FOUND',
            });
            const owner = socketOf(w, 'owner');
            if (owner.connected) await new Promise((ok) => owner.once('disconnect', ok));
            expect(owner.connected).toBe(false);
          },
        }),
      ],
      'SESSION_NOT_FOUND',
    ),
  },
];

function loggedOut(res: Response, w: World, c: Ctx) {
  expect(clearsLogin(res)).toBe(true);
  return Promise.all([
    http(w.url, w.made.spareLogin[c.role])
      .get('/api/auth/me')
      .then((r) => expect(r.status).toBe(401)),
    http(w.url, accountOf(w, c.role).cookie)
      .get('/api/auth/me')
      .then((r) => expect(r.body).toMatchObject({ facilitator: { email: accountOf(w, c.role).email } })),
  ]);
}

function ownLogins(res: Response, w: World, role: string) {
  const logins = res.body.logins as { current: boolean }[];
  expect(logins.filter((l) => l.current)).toHaveLength(1);
  for (const someone of REST_ROLES.filter((r) => r !== role && r !== 'anonymous')) expect(JSON.stringify(res.body)).not.toContain(accountOf(w, someone).email);
}

function library(res: Response, own: Deck | undefined, notOwn: Deck) {
  const decks = res.body.decks as { id: string; builtIn: boolean }[];
  expect(decks.filter((d) => d.builtIn).map((d) => d.id)).toContain(BUILT_IN);
  if (own) expect(decks.filter((d) => !d.builtIn).map((d) => d.id)).toContain(own.id);
  expect(ids(decks)).not.toContain(notOwn.id);
}

function sharedLibrary(res: Response, w: World, role: 'co-run' | 'view') {
  const decks = res.body.decks as { id: string; builtIn: boolean; shared?: string }[];
  expect(decks.filter((d) => d.builtIn).map((d) => d.id)).toContain(BUILT_IN);
  expect(decks.find((d) => d.id === w.ownDeck.id)).toMatchObject({ builtIn: false, shared: role });
  expect(ids(decks)).not.toContain(w.otherDeck.id);
}

function copyOf(res: Response, source: Deck) {
  expect(res.body.deck).toMatchObject({ title: `${source.title} (copy)`, language: source.language });
  expect(res.body.deck.id).not.toBe(source.id);
  expect(res.body.deck.prompts).toEqual(source.prompts);
}

const TEXTS = ['words from seat one', 'words from seat two', 'words from seat three'];
const SEATS: SocketName[] = ['participant', 'participant2', 'participant3'];
const answerFrom = (seat: number): SocketCase<'answer:submit'> =>
  allowed({
    what: `seat ${seat + 1}`,
    from: SEATS[seat],
    payload: (_w, c) => {
      c.clientId = randomUUID();
      return { promptId: 'one-word', clientId: c.clientId, value: { kind: 'text', text: TEXTS[seat] } };
    },
    shape: (_w, c) => ({ promptId: 'one-word', clientId: c.clientId, duplicate: false }),
  });
// The owner's console hears the new count of people stepped out (a frame after the command was sent).
const ownerFrames = (w: World) => need(w.sockets.owner, 'the owner socket').frames;
const stepOut = (away: boolean): SocketCase<'participant:step-out'> =>
  allowed({
    what: away ? 'away' : 'back',
    payload: (w, c) => {
      c.since = String(ownerFrames(w).length);
      return { away };
    },
    shape: () => ({ away }),
    check: (_data, w, c) =>
      frame(ownerFrames(w), 'stepout:updated', (p) => (p as { away: number }).away === (away ? 1 : 0), Number(c.since)),
  });

// A couple's homework both partners finished (so revealed), shown from its owner's console.
async function showInRevealedHomework(w: World, c: Ctx): Promise<Ack<unknown>> {
  const hw = (await w.as.owner.post('/api/homework', homeworkBody(w, 'couple'))).body as CreatedHomework;
  if (c.role === 'coRunner') await shareSession(w.owner, hw.state.id, w.coRunner, 'co-run');
  const partners = [];
  for (const invite of hw.invites) {
    const { token } = (await w.as.anonymous.post('/api/homework/claim', { invite, consent: true })).body as { token: string };
    partners.push(await connect(w.url, { role: 'participant', token }));
  }
  for (const p of partners) await send(p.socket, 'answer:submit', { promptId: 'comfort', clientId: randomUUID(), value: { kind: 'scale', value: 3 } });
  for (const p of partners) await send(p.socket, 'homework:finish', { finished: true });
  const console = await connect(w.url, { role: 'facilitator', sessionId: hw.state.id }, accountOf(w, c.role).cookie);
  try {
    return await send(console.socket, 'homework:show', { promptId: 'comfort' });
  } finally {
    for (const conn of [...partners, console]) conn.socket.close();
  }
}

// The co-runner's turn at a command that moves a session: in the second session, which it runs itself from
// its own console (the owner's moves the walked one), lobby → open → closed → released → ended.
function coRunning<E extends 'prompt:open' | 'prompt:close' | 'results:release' | 'session:end'>(_event: E, state: object, payload?: Payload<E>): SocketCase<E>[] {
  return [allowed<E>({ what: 'in the session it runs', from: 'coRunnerSide', ...(payload ? { payload: () => payload } : {}), shape: (w) => ({ id: w.coSession.state.id, ...state }) })];
}

// Socket rows, in the order the allowed walk takes them: it runs the owner's group session from
// lobby to ended, and a couple's own session from lobby to ended.
const SOCKET_INPUT: { [E in SocketEvent]: SocketRowInput<E> } = {
  handshake: {
    owner: [
      allowed({
        send: (w) => handshake(w, { role: 'facilitator', sessionId: w.session.state.id }, w.owner.cookie, 'owner'),
        shape: (w) => ({ role: 'facilitator', state: { id: w.session.state.id, phase: 'lobby' } }),
      }),
    ],
    coRunner: [
      allowed({
        what: 'the walked session',
        send: (w) => handshake(w, { role: 'facilitator', sessionId: w.session.state.id }, w.coRunner.cookie, 'coRunner'),
        shape: (w) => ({ role: 'facilitator', state: { id: w.session.state.id, phase: 'lobby' } }),
      }),
      allowed({
        what: 'the session it runs itself',
        send: (w) => handshake(w, { role: 'facilitator', sessionId: w.coSession.state.id }, w.coRunner.cookie, 'coRunnerSide'),
        shape: (w) => ({ role: 'facilitator', state: { id: w.coSession.state.id, phase: 'lobby' } }),
      }),
    ],
    viewer: [
      allowed({
        send: (w) => handshake(w, { role: 'facilitator', sessionId: w.session.state.id }, w.viewer.cookie, 'viewer'),
        shape: (w) => ({ role: 'facilitator', state: { id: w.session.state.id, phase: 'lobby' } }),
      }),
    ],
    other: [
      {
        verdict: 'SESSION_NOT_FOUND',
        send: (w) => handshake(w, { role: 'facilitator', sessionId: w.session.state.id }, w.other.cookie),
      },
    ],
    participant: SEATS.map((name, seat) =>
      allowed({
        what: `seat ${seat + 1}`,
        send: (w) => handshake(w, { role: 'participant', token: w.seats[seat] }, undefined, name),
        shape: (w) => ({ role: 'participant', state: { id: w.session.state.id }, myAnswers: {} }),
      }),
    ),
    screen: [
      allowed({
        send: (w) => handshake(w, { role: 'screen', token: w.session.screenToken }, undefined, 'screen'),
        shape: (w) => ({ role: 'screen', state: { id: w.session.state.id } }),
        check: (data) => expect(data).not.toHaveProperty('myAnswers'),
      }),
    ],
    anonymous: [
      {
        verdict: 'UNAUTHENTICATED',
        what: 'as a facilitator without a login',
        send: (w) => handshake(w, { role: 'facilitator', sessionId: w.session.state.id }),
      },
      {
        verdict: 'UNAUTHENTICATED',
        what: 'with an unknown seat token',
        send: (w) => handshake(w, { role: 'participant', token: 'x'.repeat(32) }),
      },
      {
        verdict: 'UNAUTHENTICATED',
        what: 'with an unknown presenter token',
        send: (w) => handshake(w, { role: 'screen', token: 'x'.repeat(32) }),
      },
      { verdict: 'INVALID_PAYLOAD', what: 'without auth', send: (w) => handshake(w, {} as never) },
    ],
  },
  'session:pause': facilitatorOnly(
    [
      allowed({ what: 'pause', payload: () => ({ paused: true }), shape: () => ({ paused: true, phase: 'lobby' }) }),
      allowed({ what: 'go on', payload: () => ({ paused: false }), shape: () => ({ paused: false, phase: 'lobby' }) }),
    ],
    { paused: true },
  ),
  'session:settings': facilitatorOnly(
    [
      allowed({ what: 'live results on', payload: () => ({ liveResults: true }), shape: () => ({ liveResults: true }) }),
      allowed({ what: 'and off', payload: () => ({ liveResults: false }), shape: () => ({ liveResults: false }) }),
      allowed({ what: 'on phones too', payload: () => ({ livePhones: true }), shape: () => ({ livePhones: true }) }),
    ],
    { liveResults: true },
  ),
  'prompt:open': {
    ...facilitatorOnly(
      [
        allowed({
          payload: () => ({ promptId: 'one-word' }),
          shape: () => ({ phase: 'open', prompt: { id: 'one-word' }, selfRun: false }),
        }),
      ],
      undefined,
      coRunning('prompt:open', { phase: 'open', prompt: { id: 'one-word' } }, { promptId: 'one-word' }),
    ),
    participant: [
      FORBIDDEN,
      { verdict: 'FORBIDDEN', what: 'in a couple session a facilitator runs', from: 'facilitatedCouple' },
      allowed({
        what: "in a couple's own session",
        from: 'couple',
        shape: () => ({ mode: 'couple', selfRun: true, phase: 'open', promptIndex: 0 }),
      }),
    ],
  },
  'answer:submit': {
    payload: { promptId: 'one-word', clientId: randomUUID(), value: { kind: 'text', text: 'not mine to say' } },
    owner: [FORBIDDEN],
    other: 'none',
    participant: [0, 1, 2].map(answerFrom),
    screen: [FORBIDDEN],
    anonymous: 'none',
  },
  'answer:finish': {
    payload: { promptId: 'one-word', finished: true },
    owner: [FORBIDDEN],
    other: 'none',
    participant: [
      // Groups have no "I'm finished": their results come when the facilitator releases them.
      { verdict: 'FORBIDDEN', what: 'in a group' },
      allowed({
        what: "in a couple's own session",
        from: 'couple',
        payload: () => ({ promptId: 'yes-maybe-no', finished: false }),
        shape: () => ({ promptId: 'yes-maybe-no', finished: false }),
      }),
    ],
    screen: [FORBIDDEN],
    anonymous: 'none',
  },
  'participant:step-out': {
    payload: { away: true },
    owner: [FORBIDDEN],
    other: 'none',
    participant: [stepOut(true), stepOut(false)],
    screen: [FORBIDDEN],
    anonymous: 'none',
  },
  'homework:finish': {
    payload: { finished: true },
    owner: [FORBIDDEN],
    other: 'none',
    participant: [
      { verdict: 'FORBIDDEN', what: 'in a live session' },
      allowed({ what: 'in homework', from: 'homework', payload: () => ({ finished: false }), shape: () => ({ finished: false }) }),
    ],
    screen: [FORBIDDEN],
    anonymous: 'none',
  },
  // Talking a released homework result through (homework-group.e2e-spec.ts proves what the screen gets).
  'homework:show': {
    payload: { promptId: 'comfort' },
    owner: [
      { verdict: 'INVALID_TRANSITION', what: 'in a live session' },
      allowed({ what: "in a couple's revealed homework", send: showInRevealedHomework, shape: () => ({ phase: 'released', prompt: { id: 'comfort' }, result: { promptId: 'comfort' } }) }),
    ],
    coRunner: [
      { verdict: 'INVALID_TRANSITION', what: 'in a live session' },
      allowed({ what: "in a couple's revealed homework shared with them", send: showInRevealedHomework, shape: () => ({ phase: 'released', prompt: { id: 'comfort' } }) }),
    ],
    viewer: [FORBIDDEN],
    other: 'none',
    participant: [FORBIDDEN],
    screen: [FORBIDDEN],
    anonymous: 'none',
  },
  // Only a couple with a therapist has someone to tell (couple.e2e-spec.ts proves that only they hear it).
  'participant:talk-alone': {
    payload: { asking: true },
    owner: [FORBIDDEN],
    other: 'none',
    participant: [
      { verdict: 'FORBIDDEN', what: 'in a group' },
      { verdict: 'FORBIDDEN', what: "in a couple's own session", from: 'couple' },
      allowed({
        what: 'in a couple session a facilitator runs',
        from: 'facilitatedCouple',
        payload: () => ({ asking: false }),
        shape: () => ({ asking: false }),
      }),
    ],
    screen: [FORBIDDEN],
    anonymous: 'none',
  },
  // A self-run couple's partner, while a new phone asks to take a seat (seat-reissue.e2e-spec.ts proves the rest).
  'seat:confirm-reclaim': {
    payload: { code: '123456' },
    owner: [FORBIDDEN],
    other: 'none',
    participant: [
      { verdict: 'RECLAIM_VOID', what: 'with no request pending (a group never has one)' },
      allowed({
        what: "in a couple's own session, with the new phone's code",
        from: 'couple',
        send: async (w) => {
          const r = (await w.as.anonymous.post('/api/join/reclaim', { code: w.coupleCode, consent: true })).body as { confirmCode: string };
          return send(socketOf(w, 'couple'), 'seat:confirm-reclaim', { code: r.confirmCode });
        },
        shape: () => ({ moved: true }),
      }),
    ],
    screen: [FORBIDDEN],
    anonymous: 'none',
  },
  'seat:decline-reclaim': {
    payload: {},
    owner: [FORBIDDEN],
    other: 'none',
    participant: [
      { verdict: 'RECLAIM_VOID', what: 'with no request pending (a group never has one)' },
      allowed({
        what: "in a couple's own session",
        from: 'couple',
        send: async (w) => {
          await w.as.anonymous.post('/api/join/reclaim', { code: w.coupleCode, consent: true });
          return send(socketOf(w, 'couple'), 'seat:decline-reclaim', {});
        },
        shape: () => ({ declined: true }),
      }),
    ],
    screen: [FORBIDDEN],
    anonymous: 'none',
  },
  // The blind couple reveal: a partner's phone in a session with it on; FORBIDDEN for every other seat.
  'blind:send': blindRow(
    { promptId: 'yes-maybe-no', step: 'commit', commitment: '0'.repeat(64) },
    false,
    (blind) => send(blind.a, 'blind:send', { promptId: blind.promptId, step: 'commit', commitment: 'ab'.repeat(32) }),
    () => ({ step: 'commit' }),
  ),
  'blind:sync': blindRow(
    { promptId: 'yes-maybe-no' },
    true,
    (blind) => send(blind.b, 'blind:sync', { promptId: blind.promptId }),
    () => ({ promptId: 'yes-maybe-no', mine: ['commit', 'offer', 'reply'] }),
  ),
  'blind:restart': blindRow({ promptId: 'yes-maybe-no' }, true, (blind) => send(blind.a, 'blind:restart', { promptId: blind.promptId }), () => ({ restarted: true })),
  'blind:show': blindRow(
    { promptId: 'yes-maybe-no', matches: [], explore: [] },
    true,
    (blind) => send(blind.a, 'blind:show', { promptId: blind.promptId, matches: [], explore: [] }),
    () => ({ shown: false }),
  ),
  'session:sync': {
    payload: {},
    owner: [allowed({ shape: (w) => ({ role: 'facilitator', state: { id: w.session.state.id, phase: 'open', answered: 3 } }) })],
    coRunner: [allowed({ shape: (w) => ({ role: 'facilitator', state: { id: w.session.state.id, phase: 'open', answered: 3 } }) })],
    // The state as the screen has it; nothing of a seat.
    viewer: [
      allowed({
        shape: (w) => ({ role: 'facilitator', state: { id: w.session.state.id, phase: 'open', answered: 3 } }),
        check: (data) => expect(data).not.toHaveProperty('myAnswers'),
      }),
    ],
    other: 'none',
    // Their own answers, and nobody else's.
    participant: [
      allowed({
        shape: () => ({ role: 'participant', state: { phase: 'open' } }),
        check: (data) =>
          expect((data as { myAnswers: unknown }).myAnswers).toEqual({ 'one-word': { kind: 'text', text: TEXTS[0] } }),
      }),
    ],
    screen: [
      allowed({
        shape: () => ({ role: 'screen', state: { phase: 'open' } }),
        check: (data) => expect(data).not.toHaveProperty('myAnswers'),
      }),
    ],
    anonymous: 'none',
  },
  'prompt:close': facilitatorOnly([allowed({ shape: () => ({ phase: 'closed', prompt: { id: 'one-word' } }) })], undefined, coRunning('prompt:close', { phase: 'closed' })),
  'moderation:list': facilitatorOnly(
    [
      allowed({
        payload: () => ({ promptId: 'one-word' }),
        shape: () => ({ promptId: 'one-word', textCount: 3 }),
        check: (data, w) => {
          const items = (data as { items: { id: string; text: string; status: string }[] }).items;
          expect(items.map((i) => i.text).sort()).toEqual([...TEXTS].sort());
          expect(items.map((i) => i.status)).toEqual(['pending', 'pending', 'pending']);
          w.made.textIds = ids(items);
        },
      }),
    ],
    { promptId: 'one-word' },
  ),
  'text:moderate': facilitatorOnly(
    [
      allowed({
        payload: (w, c) => {
          c.textId = need(w.made.textIds, 'the texts')[0];
          return { promptId: 'one-word', textId: c.textId, status: 'approved' };
        },
        check: (data, _w, c) =>
          expect((data as { items: { id: string; status: string }[] }).items.find((i) => i.id === c.textId)?.status).toBe(
            'approved',
          ),
      }),
    ],
    { promptId: 'one-word', textId: randomUUID(), status: 'approved' },
  ),
  'texts:moderate-many': facilitatorOnly(
    [
      allowed({
        what: 'the two still waiting',
        payload: (w) => ({ promptId: 'one-word', textIds: need(w.made.textIds, 'the texts').slice(1), status: 'approved' }),
        check: (data) =>
          expect((data as { items: { status: string }[] }).items.map((i) => i.status)).toEqual(['approved', 'approved', 'approved']),
      }),
    ],
    { promptId: 'one-word', textIds: [randomUUID()], status: 'approved' },
  ),
  // The facilitator's private preview of the closed prompt: in the ack only.
  'results:preview': facilitatorOnly([
    allowed({
      shape: () => ({ promptId: 'one-word', respondents: 3, distribution: { kind: 'text' } }),
      check: (data) => expect([...(data as { distribution: { texts: string[] } }).distribution.texts].sort()).toEqual([...TEXTS].sort()),
    }),
  ]),
  'results:release': facilitatorOnly(
    [allowed({ shape: () => ({ phase: 'released', result: { promptId: 'one-word' } }) })],
    undefined,
    coRunning('results:release', { phase: 'released', result: { promptId: 'one-word' } }),
  ),
  'participant:withdraw': {
    payload: {},
    owner: [FORBIDDEN],
    other: 'none',
    // Their own seat: afterwards its token opens nothing.
    participant: [
      allowed({
        what: 'seat 3',
        from: 'participant3',
        shape: () => ({ withdrawn: true }),
        check: async (_d, w) =>
          expect(await handshake(w, { role: 'participant', token: w.seats[2] })).toMatchObject({
            ok: false,
            error: { code: 'UNAUTHENTICATED' },
          }),
      }),
    ],
    screen: [FORBIDDEN],
    anonymous: 'none',
  },
  'session:end': {
    ...facilitatorOnly([allowed({ shape: (w) => ({ id: w.session.state.id, phase: 'ended' }) })], undefined, coRunning('session:end', { phase: 'ended' })),
    participant: [
      FORBIDDEN,
      { verdict: 'FORBIDDEN', what: 'in a couple session a facilitator runs', from: 'facilitatedCouple' },
      allowed({
        what: "in a couple's own session",
        from: 'couple',
        shape: () => ({ mode: 'couple', selfRun: true, phase: 'ended' }),
      }),
    ],
  },
};

const REST: RestRow[] = REST_ROWS.map((row) => ({ ...row, coRunner: row.coRunner ?? row.other, viewer: row.viewer ?? row.other }));

const SOCKET = Object.fromEntries(
  Object.entries(SOCKET_INPUT).map(([event, row]: [string, SocketRowInput]) => [event, { ...row, coRunner: row.coRunner ?? row.owner, viewer: row.viewer ?? row.owner }]),
) as { [E in SocketEvent]: SocketRow<E> };
const SOCKET_ROWS = Object.entries(SOCKET) as [SocketEvent, SocketRow][];

async function runRest(w: World, row: RestRow, role: RestRole, cell: RestCase): Promise<void> {
  const c: Ctx = { role };
  const res = await (cell.call ?? row.call)(w.as[role], w, c);
  const label = [row.route, role, cell.what ?? ''];
  if (cell.verdict !== 'ok') {
    expect([...label, res.status, res.body?.code]).toEqual([...label, cell.verdict, cell.code]);
    return;
  }
  expect([...label, res.status]).toEqual([...label, row.status]);
  await labelled(label, async () => {
    if (cell.shape) expect(res.body).toMatchObject(cell.shape(w, c));
    await cell.check?.(res, w, c);
  });
}

async function runSocket(
  w: World,
  event: keyof typeof SOCKET,
  role: SocketRole,
  cell: SocketCase,
  row: SocketRow,
): Promise<void> {
  const c: Ctx = { role };
  let ack: Ack<unknown>;
  if (cell.send) ack = await cell.send(w, c);
  else {
    if (event === 'handshake' || role === 'other' || role === 'anonymous')
      throw new Error(`${event} as ${role}: no socket to send from`);
    ack = await send(socketOf(w, cell.from ?? role), event, cell.payload?.(w, c) ?? row.payload ?? {});
  }
  const label = [event, role, cell.what ?? ''];
  expect([...label, ack.ok ? 'ok' : ack.error.code]).toEqual([...label, cell.verdict]);
  if (!ack.ok) return;
  await labelled(label, async () => {
    if (cell.shape) expect(ack.data).toMatchObject(cell.shape(w, c));
    await cell.check?.(ack.data, w, c);
  });
}

// The outcomes a table cell names: ✓, a status, an error code, or — (no socket to send from).
const outcomes = (tokens: string[]) => [...new Set(tokens)].sort();
const restOutcomes = (cell: RestCase[]) => outcomes(cell.map((c) => (c.verdict === 'ok' ? '✓' : String(c.verdict))));
const socketOutcomes = (cell: SocketCase[] | 'none') =>
  cell === 'none' ? ['—'] : outcomes(cell.map((c) => (c.verdict === 'ok' ? '✓' : c.verdict)));

// docs/security.md's two tables, as { row: { role: outcomes } }.
function documentedTables() {
  const text = readFileSync(join(ROOT, 'docs/security.md'), 'utf8');
  const section = (from: string, to: string) => text.slice(text.indexOf(from), text.indexOf(to));
  const rows = (part: string) =>
    part
      .split('\n')
      .filter((line) => line.startsWith('|') && !line.startsWith('|---'))
      .map((line) =>
        line
          .split('|')
          .slice(1, -1)
          .map((cell) => cell.trim()),
      );
  const [restHeader, ...restRows] = rows(section('## REST', '## Socket.io'));
  const [socketHeader, ...socketRows] = rows(section('## Socket.io', '## Limits'));
  const codes = new Set<string>(ERROR_CODES);
  const cellOutcomes = (cell: string) =>
    outcomes(
      [...cell.matchAll(/✓|—|\b40[134]\b|`([A-Z_]+)`/g)]
        .map((m) => m[1] ?? m[0])
        .filter((t) => !/^[A-Z_]+$/.test(t) || codes.has(t)),
    );
  const rowName = (cell: string) => /`([^`]+)`/.exec(cell)?.[1] ?? cell;
  return {
    restHeader,
    socketHeader,
    rest: Object.fromEntries(
      restRows.map(([name, ...cells]) => [
        rowName(name),
        Object.fromEntries(REST_ROLES.map((r, i) => [r, cellOutcomes(cells[i])])),
      ]),
    ),
    socket: Object.fromEntries(
      socketRows.map(([name, ...cells]) => [
        rowName(name),
        Object.fromEntries(SOCKET_ROLES.map((r, i) => [r, cellOutcomes(cells[i])])),
      ]),
    ),
  };
}

// --- the walk ------------------------------------------------------------------------------------

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => ok(port));
    });
  });
}

describe('the authorisation table', () => {
  let server: RunningServer;
  let mailbox: Mailbox;
  let w: World;

  beforeAll(async () => {
    const clockFile = join(mkdtempSync(join(tmpdir(), 'candor-clock-')), 'offset');
    writeFileSync(clockFile, '0');
    mailbox = await startMailbox();
    // The public URL is the server's own localhost origin: the mailed links' site, and the passkeys' (RP ID localhost).
    const port = await freePort();
    server = await startServer({
      env: { PORT: String(port), CANDOR_TEST_CLOCK_FILE: clockFile, CANDOR_SMTP_URL: mailbox.url, CANDOR_PUBLIC_URL: `http://localhost:${port}` },
    });
    const [owner, other, coRunnerAccount, viewerAccount] = await Promise.all([signUp(server.url), signUp(server.url), signUp(server.url), signUp(server.url)]);
    const ownDeck = ((await owner.api.post('/api/decks/import').send(allKindsDeck())).body as { deck: Deck }).deck;
    const otherDeck = ((await other.api.post('/api/decks').send({ copyOf: 'workshop-check-in' })).body as { deck: Deck }).deck;
    const session = await createSession(owner, 3, ownDeck.id);
    const seats = await Promise.all([0, 1, 2].map(async () => (await joinSession(server.url, session.state.code)).token));
    const couple = (await request(server.url).post('/api/join/couple').send({ deckId: BUILT_IN })).body as { token: string; code: string };
    // Its second seat, so that a new phone may ask to take one (seat:confirm-reclaim moves this one).
    await joinSession(server.url, couple.code);
    const facilitated = (await owner.api.post('/api/sessions').send({ deckId: BUILT_IN, mode: 'couple' })).body as CreatedSession;
    const facilitatedSeat = await joinSession(server.url, facilitated.state.code);
    // A client's homework seat, for homework:finish.
    const homework = (await owner.api.post('/api/homework').send({ deckId: ownDeck.id, audience: 'client', closesAt: inDays(3) })).body as CreatedHomework;
    const homeworkSeat = (await request(server.url).post('/api/homework/claim').send({ invite: homework.invites[0], consent: true })).body as { token: string };
    // The co-runner and the viewer: given the walked session and the couple session; the co-runner a second group session too.
    const coSession = await createSession(owner, 3, ownDeck.id);
    const coRunner = { ...coRunnerAccount, id: await shareSession(owner, session.state.id, coRunnerAccount, 'co-run') };
    const viewer = { ...viewerAccount, id: await shareSession(owner, session.state.id, viewerAccount, 'view') };
    await shareSession(owner, facilitated.state.id, coRunner, 'co-run');
    await shareSession(owner, facilitated.state.id, viewer, 'view');
    await shareSession(owner, coSession.state.id, coRunner, 'co-run');
    // The owner's deck too: the co-runner may start sessions from it, the viewer read and copy it.
    await shareDeck(owner, ownDeck.id, coRunner, 'co-run');
    await shareDeck(owner, ownDeck.id, viewer, 'view');
    w = {
      url: server.url,
      owner,
      other,
      coRunner,
      viewer,
      as: {
        owner: http(server.url, owner.cookie),
        coRunner: http(server.url, coRunner.cookie),
        viewer: http(server.url, viewer.cookie),
        other: http(server.url, other.cookie),
        anonymous: http(server.url),
      },
      ownDeck,
      otherDeck,
      session,
      seats,
      coupleSeat: couple.token,
      facilitatedCoupleSeat: facilitatedSeat.token,
      coupleCode: couple.code,
      facilitatedCouple: facilitated,
      coSession,
      sockets: {},
      made: { spareLogin: {} },
      clockFile,
      mailbox,
    };
    for (const [name, token] of [
      ['couple', w.coupleSeat],
      ['facilitatedCouple', w.facilitatedCoupleSeat],
      ['homework', homeworkSeat.token],
    ] as const) {
      w.sockets[name] = await connect(server.url, { role: 'participant', token });
    }
  });
  afterAll(async () => {
    for (const conn of Object.values(w?.sockets ?? {})) conn.socket.close();
    await server?.stop();
    await mailbox?.close();
  });

  it('has a row for every route of the route table and every socket event, with the outcomes docs/security.md lists', async () => {
    const table = new Map(Object.entries(routes).map(([name, route]) => [route as string, routeTable[name as keyof typeof routes]]));
    expect(REST.map((r) => r.route).sort()).toEqual([...table.keys()].sort());
    for (const row of REST) {
      const route = table.get(row.route);
      // The table's success status and its 'facilitator' guard are what the walk below finds.
      expect([row.route, row.status]).toEqual([row.route, route?.status]);
      const guarded = row.anonymous.every((c) => c.verdict === 401 && c.code === 'UNAUTHENTICATED');
      expect([row.route, guarded]).toEqual([row.route, route?.auth === 'facilitator']);
    }
    const openapi = (await w.as.anonymous.get('/api/docs')).body as { paths: Record<string, object> };
    const described = Object.entries(openapi.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    // The OpenAPI document the server serves describes exactly the table's routes.
    expect([...described].sort()).toEqual([...table.keys()].sort());

    const docs = documentedTables();
    expect(docs.restHeader).toEqual(['route', 'owner', 'co-runner', 'viewer', 'other facilitator', 'participant / screen / anonymous']);
    expect(docs.socketHeader).toEqual(['', 'owner', 'co-runner', 'viewer', 'other facilitator', 'participant', 'screen', 'anonymous']);
    expect(docs.rest).toEqual(
      Object.fromEntries(REST.map((row) => [row.route, Object.fromEntries(REST_ROLES.map((r) => [r, restOutcomes(row[r])]))])),
    );
    expect(docs.socket).toEqual(
      Object.fromEntries(
        SOCKET_ROWS.map(([event, row]) => [event, Object.fromEntries(SOCKET_ROLES.map((r) => [r, socketOutcomes(row[r])]))]),
      ),
    );
  });

  it('refuses every REST cell the table refuses, and nothing changes', async () => {
    const look = () =>
      Promise.all([
        w.as.owner.get(`/api/sessions/${w.session.state.id}`),
        w.as.owner.get('/api/sessions'),
        w.as.other.get('/api/sessions'),
        w.as.coRunner.get('/api/sessions'),
        w.as.viewer.get('/api/sessions'),
        w.as.owner.get(`/api/sessions/${w.session.state.id}/access`),
        w.as.owner.get(`/api/decks/${w.ownDeck.id}/access`),
        w.as.coRunner.get('/api/decks'),
        w.as.owner.get('/api/decks'),
        w.as.other.get('/api/decks'),
        w.as.owner.get(`/api/decks/${w.ownDeck.id}`),
        w.as.owner.get(`/api/decks/${BUILT_IN}`),
      ]).then((answers) => answers.map((a) => [a.status, a.body] as const));
    const before = await look();
    let walked = 0;
    for (const row of REST) {
      for (const role of REST_ROLES) {
        for (const cell of row[role].filter((c) => c.verdict !== 'ok')) {
          await runRest(w, row, role, cell);
          walked += 1;
        }
      }
    }
    expect(walked).toBeGreaterThan(0);
    expect(await look()).toEqual(before);
    // Nobody rotated the presenter link.
    expect(await handshake(w, { role: 'screen', token: w.session.screenToken })).toMatchObject({ ok: true });
  });

  it('refuses every socket handshake and event the table refuses, and nothing changes', async () => {
    const stateOf = async (name: SocketName) =>
      ((await send(socketOf(w, name), 'session:sync', {})) as { data: unknown }).data;
    const before = [
      (await w.as.owner.get(`/api/sessions/${w.session.state.id}`)).body,
      await stateOf('couple'),
      await stateOf('facilitatedCouple'),
    ];
    w.sockets.owner = await connect(w.url, { role: 'facilitator', sessionId: w.session.state.id }, w.owner.cookie);
    w.sockets.participant = await connect(w.url, { role: 'participant', token: w.seats[0] });
    w.sockets.screen = await connect(w.url, { role: 'screen', token: w.session.screenToken });
    w.sockets.coRunner = await connect(w.url, { role: 'facilitator', sessionId: w.session.state.id }, w.coRunner.cookie);
    w.sockets.viewer = await connect(w.url, { role: 'facilitator', sessionId: w.session.state.id }, w.viewer.cookie);
    let walked = 0;
    for (const [event, row] of SOCKET_ROWS) {
      for (const role of SOCKET_ROLES) {
        const cell = row[role];
        if (cell === 'none') continue;
        for (const refused of cell.filter((c) => c.verdict !== 'ok')) {
          await runSocket(w, event, role, refused, row);
          walked += 1;
        }
      }
    }
    expect(walked).toBeGreaterThan(0);
    expect([
      (await w.as.owner.get(`/api/sessions/${w.session.state.id}`)).body,
      await stateOf('couple'),
      await stateOf('facilitatedCouple'),
    ]).toEqual(before);
    expect(before[0]).toMatchObject({ state: { phase: 'lobby', paused: false, liveResults: false } });
    for (const name of ['owner', 'participant', 'screen', 'coRunner', 'viewer'] as const) {
      w.sockets[name]?.socket.close();
      delete w.sockets[name];
    }
  });

  it('allows every socket cell the table allows, from lobby to ended', async () => {
    const walked = new Set<string>();
    let cells = 0;
    for (const [event, row] of SOCKET_ROWS) {
      for (const role of SOCKET_ROLES) {
        const cell = row[role];
        if (cell === 'none') continue;
        for (const allowedCase of cell.filter((c) => c.verdict === 'ok')) {
          await runSocket(w, event, role, allowedCase, row);
          walked.add(event);
          cells += 1;
        }
      }
    }
    // Every row of the table (it has one for the handshake and each event of the contract, see its type)
    // was allowed to someone: the walk took the session from lobby to ended.
    expect([...walked].sort()).toEqual(Object.keys(SOCKET).sort());
    expect(cells).toBeGreaterThanOrEqual(walked.size);
    // The viewer's console heard the session as the screen does, and none of the facilitators' own events.
    const heard = new Set(need(w.sockets.viewer, 'the viewer socket').frames.map((f) => f.event));
    expect(heard).toContain('session:updated');
    for (const own of ['moderation:updated', 'stepout:updated', 'talkalone:updated', 'joins:limited']) expect([own, heard.has(own)]).toEqual([own, false]);
    expect(need(w.sockets.owner, 'the owner socket').frames.map((f) => f.event)).toContain('stepout:updated');
  });

  it('allows every REST cell the table allows, deleting last', async () => {
    let walked = 0;
    for (const row of REST) {
      for (const role of REST_ROLES) {
        for (const cell of row[role].filter((c) => c.verdict === 'ok')) {
          await runRest(w, row, role, cell);
          walked += 1;
        }
      }
    }
    expect(walked).toBeGreaterThan(0);
  });
});
