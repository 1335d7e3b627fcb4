import type { Ack, ClientToServerEvents, ErrorBody, HandshakeAuth, ServerToClientEvents } from '@candor/shared';
import { io, type Socket } from 'socket.io-client';

export type CandorSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

// A command that got no acknowledgement in time failed from the client's point of view.
export type CommandError = ErrorBody | { code: 'TIMEOUT'; message: string };
export type CommandResult<T> = { ok: true; data: T } | { ok: false; error: CommandError };

type CommandName = keyof ClientToServerEvents;
type PayloadOf<E extends CommandName> = Parameters<ClientToServerEvents[E]>[0];
type AckOf<E extends CommandName> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0];
type DataOf<E extends CommandName> = AckOf<E> extends Ack<infer T> ? T : never;
type TimedEmitter<E extends CommandName> = { emitWithAck(event: E, payload: PayloadOf<E>): Promise<Ack<DataOf<E>>> };

export const COMMAND_TIMEOUT_MS = 8000;

// Every socket this page opened, so that leaving quickly can close them all at once.
const opened = new Set<CandorSocket>();

export function createSocket(auth: HandshakeAuth): CandorSocket {
  // Sockets closed on purpose (a page left, a language switched) are no longer active: forget them.
  for (const old of opened) if (!old.active) opened.delete(old);
  const socket = io({ path: '/socket.io', transports: ['websocket'], auth });
  opened.add(socket);
  return socket;
}

export function closeAllSockets(): void {
  for (const socket of opened) socket.disconnect();
  opened.clear();
}

// Sends a command and waits for its acknowledgement; a timeout or a lost connection becomes a failed result.
export async function sendCommand<E extends CommandName>(
  socket: CandorSocket,
  event: E,
  payload: PayloadOf<E>,
  timeoutMs = COMMAND_TIMEOUT_MS,
): Promise<CommandResult<DataOf<E>>> {
  try {
    // socket.io-client's types lose the ack type once timeout() adds its error argument (and cannot follow a
    // generic event name); this view of the same socket restores both from the event map.
    const timed = socket.timeout(timeoutMs) as unknown as TimedEmitter<E>;
    return await timed.emitWithAck(event, payload);
  } catch {
    return { ok: false, error: { code: 'TIMEOUT', message: 'The server did not answer in time. Please try again.' } };
  }
}
