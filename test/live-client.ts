import { PROTOCOL_VERSION, type ClientToServerEvents, type HandshakeAuth, type ServerToClientEvents } from '@candor/shared';
import { io, type Socket } from 'socket.io-client';

// The one socket client of the end-to-end suites: `send` is typed by packages/shared/src/events.ts (a
// wrong event, payload or ack type fails `tsc -p test`); `raw` sends anything, for the suites that try
// malformed input.

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type Frame = { event: string; args: unknown[] };

export type CommandName = keyof ClientToServerEvents;
export type PayloadOf<E extends CommandName> = Parameters<ClientToServerEvents[E]>[0];
export type AckOf<E extends CommandName> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0];
export type EventName = keyof ServerToClientEvents;
export type EventOf<E extends EventName> = Parameters<ServerToClientEvents[E]>[0];

const ACK_TIMEOUT_MS = 5_000;

// Sends a command and returns its acknowledgement (or fails after 5 s without one).
export function send<E extends CommandName>(socket: ClientSocket, event: E, payload: PayloadOf<E>): Promise<AckOf<E>> {
  return raw(socket, event, payload) as Promise<AckOf<E>>;
}

// Sends any event with any arguments, as an attacker's client would, and returns what the server acks.
export function raw(socket: ClientSocket, event: string, ...args: unknown[]): Promise<unknown> {
  const untyped = socket.timeout(ACK_TIMEOUT_MS) as unknown as { emitWithAck: (event: string, ...args: unknown[]) => Promise<unknown> };
  return untyped.emitWithAck(event, ...args);
}

// Waits for the next event (matching a predicate) on a socket, or fails after timeoutMs.
export function waitFor<E extends EventName>(
  socket: ClientSocket,
  event: E,
  timeoutMs = 5_000,
  predicate: (...args: Parameters<ServerToClientEvents[E]>) => boolean = () => true,
): Promise<EventOf<E>> {
  return new Promise((ok, fail) => {
    const listener = (...args: Parameters<ServerToClientEvents[E]>) => {
      if (!predicate(...args)) return;
      clearTimeout(timer);
      socket.off(event, listener as never);
      ok(args[0]);
    };
    const timer = setTimeout(() => {
      socket.off(event, listener as never);
      fail(new Error(`no ${String(event)} within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on(event, listener as never);
  });
}

// A connected socket with every frame it received, in order (a plain object, so that it can be spread).
export type LiveClient = {
  socket: ClientSocket;
  frames: Frame[];
  send: <E extends CommandName>(event: E, payload: PayloadOf<E>) => Promise<AckOf<E>>;
  raw: (event: string, ...args: unknown[]) => Promise<unknown>;
  // The payloads of every `event` received so far.
  received: <E extends EventName>(event: E) => EventOf<E>[];
  close: () => void;
};

export type AuthWithoutProtocol = HandshakeAuth extends infer A ? (A extends unknown ? Omit<A, 'protocol'> : never) : never;

// A real socket.io client that records every frame it receives, as an attacker would. Rejects with
// the server's refusal (its message is the error code) if the handshake is refused.
export async function connect(url: string, auth: AuthWithoutProtocol, cookie?: string): Promise<LiveClient> {
  const frames: Frame[] = [];
  const socket: ClientSocket = io(url, {
    transports: ['websocket'],
    auth: { protocol: PROTOCOL_VERSION, ...auth },
    extraHeaders: cookie ? { cookie } : undefined,
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
  });
  socket.onAny((event: string, ...args: unknown[]) => frames.push({ event, args }));
  await new Promise<void>((ok, fail) => {
    const onError = (error: Error) => {
      socket.close();
      fail(error);
    };
    socket.once('connect_error', onError);
    socket.once('connect', () => {
      socket.off('connect_error', onError);
      ok();
    });
  });
  return {
    socket,
    frames,
    send: (event, payload) => send(socket, event, payload),
    raw: (event, ...args) => raw(socket, event, ...args),
    received: <E extends EventName>(event: E) => frames.filter((f) => f.event === event).map((f) => f.args[0] as EventOf<E>),
    close: () => void socket.close(),
  };
}
