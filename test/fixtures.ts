import type { CreatedSession } from '@candor/shared';
import { test as base } from 'vitest';
import { connect, type AuthWithoutProtocol, type LiveClient } from './live-client.js';
import { createSession, joinSession, signUp, startServer, type Facilitator } from './utils.js';

// The setup every socket suite repeats, as vitest fixtures: one server and one signed-up facilitator
// per file, and per test the sockets it opens (all closed when the test ends), a session with its
// console (`host`), presenter screen and phones.

// A participant's socket, with the seat's token and the session it was given.
export type Seat = LiveClient & { token: string; sessionId: string };

export type RoomOptions = { k?: number; deckId?: string; liveResults?: boolean; phones?: number };

// A group session with its console, presenter screen and phones.
export type Room = { session: CreatedSession; sessionId: string; code: string; host: LiveClient; screen: LiveClient; phones: Seat[] };

// A couple session a therapist runs: the therapist's console and the two partners.
export type CoupleRoom = { session: CreatedSession; sessionId: string; code: string; host: LiveClient; partners: Seat[] };

// Opens sockets on one server for one facilitator, remembers them, and closes them all at once.
export type Clients = {
  open: (auth: AuthWithoutProtocol, cookie?: string) => Promise<LiveClient>;
  host: (sessionId: string, as?: Facilitator) => Promise<LiveClient>;
  screen: (screenToken: string) => Promise<LiveClient>;
  // Joins over REST, as a phone does, and opens the seat's socket.
  join: (code: string) => Promise<Seat>;
  // Creates a session over REST and opens its sockets, one after another.
  room: (options?: RoomOptions) => Promise<Room>;
  couple: (options?: { deckId?: string; blindReveal?: boolean }) => Promise<CoupleRoom>;
  closeAll: () => void;
};

export function liveClients(url: string, facilitator: Facilitator): Clients {
  const opened: LiveClient[] = [];
  const open = async (auth: AuthWithoutProtocol, cookie?: string) => {
    const client = await connect(url, auth, cookie);
    opened.push(client);
    return client;
  };
  const join = async (code: string): Promise<Seat> => {
    const seat = await joinSession(url, code);
    return { ...(await open({ role: 'participant', token: seat.token })), ...seat };
  };
  const clients: Clients = {
    open,
    host: (sessionId, as = facilitator) => open({ role: 'facilitator', sessionId }, as.cookie),
    screen: (screenToken) => open({ role: 'screen', token: screenToken }),
    join,
    room: async ({ k = 3, deckId = 'consent-and-boundaries', liveResults, phones = 3 } = {}) => {
      const session = await createSession(facilitator, { k, deckId, liveResults });
      const host = await clients.host(session.state.id);
      const screen = await clients.screen(session.screenToken);
      const seats: Seat[] = [];
      for (let i = 0; i < phones; i += 1) seats.push(await join(session.state.code));
      return { session, sessionId: session.state.id, code: session.state.code, host, screen, phones: seats };
    },
    couple: async ({ deckId = 'consent-and-boundaries', blindReveal } = {}) => {
      const session = await createSession(facilitator, { mode: 'couple', deckId, ...(blindReveal ? { blindReveal } : {}) });
      const host = await clients.host(session.state.id);
      const partners = [await join(session.state.code), await join(session.state.code)];
      return { session, sessionId: session.state.id, code: session.state.code, host, partners };
    },
    closeAll: () => opened.splice(0).forEach((client) => client.close()),
  };
  return clients;
}

export const test = base
  // The server's environment for a whole file: `test.override('serverEnv', { ... })` at its top.
  .extend('serverEnv', { scope: 'file' }, {} as Record<string, string>)
  .extend('server', { scope: 'file' }, async ({ serverEnv }, { onCleanup }) => {
    const server = await startServer({ env: serverEnv });
    onCleanup(() => server.stop());
    return server;
  })
  .extend('facilitator', { scope: 'file' }, ({ server }) => signUp(server.url))
  .extend('clients', ({ server, facilitator }, { onCleanup }) => {
    const clients = liveClients(server.url, facilitator);
    onCleanup(() => clients.closeAll());
    return clients;
  })
  // One group session (k = 3, the built-in consent deck) with its console, screen and three phones.
  .extend('room', ({ clients }) => clients.room())
  .extend('session', ({ room }) => room.session)
  .extend('host', ({ room }) => room.host)
  .extend('screen', ({ room }) => room.screen)
  .extend('phones', ({ room }) => room.phones);
