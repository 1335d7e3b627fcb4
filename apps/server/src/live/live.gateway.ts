import { type BeforeApplicationShutdown, Inject, Logger } from '@nestjs/common';
import { type OnGatewayConnection, type OnGatewayInit, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import {
  answerFinishSchema,
  answerSubmitSchema,
  blindPromptOf,
  blindSendSchema,
  blindShowSchema,
  blindSyncSchema,
  confirmReclaimSchema,
  emptyPayloadSchema,
  handshakeAuthSchema,
  homeworkFinishSchema,
  homeworkShowSchema,
  moderateTextSchema,
  moderateTextsSchema,
  moderationListSchema,
  pauseSchema,
  promptOpenSchema,
  PROTOCOL_VERSION,
  sessionSettingsSchema,
  stepOutSchema,
  talkAloneSchema,
  type Ack,
  type ClientToServerEvents,
  type CommandResult,
  type ServerToClientEvents,
  type SessionState,
  type SocketData,
} from '@candor/shared';
import type { Socket } from 'socket.io';
import { AccountsService } from '../accounts/accounts.service.js';
import { LOGIN_COOKIE, readCookie } from '../accounts/login-cookie.js';
import { AnswersService } from '../answers/answers.service.js';
import { AppError } from '../common/app-error.js';
import { parseInput } from '../common/parse.js';
import { CONFIG, type Config } from '../config/config.js';
import { BlindRevealService, type BlindRelay } from '../sessions/blind-reveal.service.js';
import { CoupleRevealService } from '../sessions/couple-reveal.service.js';
import { HomeworkService } from '../sessions/homework.service.js';
import { ParticipationService } from '../sessions/participation.service.js';
import { SeatMovesService } from '../sessions/seat-moves.service.js';
import { SeatsService } from '../sessions/seats.service.js';
import { SessionAccessService } from '../sessions/session-access.service.js';
import { SessionLifecycleService, type SettingsChange } from '../sessions/session-lifecycle.service.js';
import { SessionStateService, type OwnSeat } from '../sessions/session-state.service.js';
import type { SessionCommand } from '../sessions/session-transitions.js';
import { LiveBroadcaster, rooms, roomsOf, type LiveServer } from './live-broadcaster.js';
import { toErrorBody } from './socket-error.js';

type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type Participant = Extract<SocketData, { role: 'participant' }>;
// One handler per command, its result checked against the command's acknowledgement in events.ts.
type Handlers = { [E in keyof ClientToServerEvents]: (socket: LiveSocket, body: unknown) => Promise<CommandResult<E>> };

// This instance's consoles are checked for logins that ended (logged out, idle, ended elsewhere) as
// often as the retention sweep runs, and at least once a minute.
const LOGIN_SWEEP_MAX_SECONDS = 60;

// How long a SIGTERM waits for commands in progress before closing the sockets anyway.
const SHUTDOWN_GRACE_MS = 10_000;

// The socket transport: it authenticates the handshake, parses every payload with the shared schemas,
// calls a service, and answers with an acknowledgement. What reaches a room goes through LiveBroadcaster.
@WebSocketGateway({ path: '/socket.io', serveClient: false })
export class LiveGateway implements OnGatewayInit, OnGatewayConnection, BeforeApplicationShutdown {
  @WebSocketServer() private readonly server: LiveServer;
  private readonly logger = new Logger(LiveGateway.name);
  // Commands still working; on shutdown their acks go out before the sockets close.
  private readonly working = new Set<Promise<unknown>>();
  // A participant's own seat as read at the handshake, for the first snapshot.
  private readonly handshakeSeats = new WeakMap<LiveSocket, OwnSeat>();
  private loginSweep?: NodeJS.Timeout;

  constructor(
    private readonly seats: SeatsService,
    private readonly states: SessionStateService,
    private readonly lifecycle: SessionLifecycleService,
    private readonly participation: ParticipationService,
    private readonly coupleReveal: CoupleRevealService,
    private readonly blindReveal: BlindRevealService,
    private readonly homework: HomeworkService,
    private readonly seatMoves: SeatMovesService,
    private readonly answers: AnswersService,
    private readonly accounts: AccountsService,
    private readonly broadcast: LiveBroadcaster,
    private readonly access: SessionAccessService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  private readonly handlers: Handlers = {
    'session:sync': (socket, body) => (parseInput(emptyPayloadSchema, body ?? {}), this.states.snapshot(socket.data)),
    'answer:submit': async (socket, body) => {
      const seat = participant(socket);
      const input = parseInput(answerSubmitSchema, body);
      // Order is kept: answers that found no copy wait for the one load, and it is cached before
      // any later message is read.
      const { deck, homework, blindReveal } = this.states.cachedInfo(seat.sessionId) ?? (await this.states.infoOf(seat.sessionId));
      refuseBlind(blindReveal, deck, input.promptId);
      // Homework: any prompt until the close; nobody else hears of it (no counts, no timing).
      if (homework) return this.homework.submit(seat, deck, input);
      const { receipt, liveResults } = await this.answers.submit(seat, deck, input);
      if (!receipt.duplicate) this.broadcast.answerStored(seat.sessionId, liveResults);
      return receipt;
    },
    'answer:finish': async (socket, body) => {
      const seat = participant(socket);
      const input = parseInput(answerFinishSchema, body);
      const { deck, blindReveal } = await this.states.infoOf(seat.sessionId);
      refuseBlind(blindReveal, deck, input.promptId);
      this.broadcast.state((await this.coupleReveal.finish(seat, input)).state);
      return input;
    },
    'homework:finish': async (socket, body) => {
      const seat = participant(socket);
      const { finished } = parseInput(homeworkFinishSchema, body);
      const state = await this.homework.finish(seat, finished);
      if (state) this.broadcast.state(state);
      return { finished };
    },
    'homework:show': async (socket, body) => {
      const { sessionId } = facilitator(socket);
      const state = await this.homework.show(sessionId, parseInput(homeworkShowSchema, body));
      this.broadcast.state(state);
      return state;
    },
    'participant:step-out': async (socket, body) => {
      const seat = participant(socket);
      const { away } = parseInput(stepOutSchema, body);
      await this.participation.stepOut(seat.participantId, away);
      await this.broadcast.awayChanged(seat.sessionId, away);
      return { away };
    },
    'participant:talk-alone': async (socket, body) => {
      const seat = participant(socket);
      const { asking } = parseInput(talkAloneSchema, body);
      await this.participation.talkAlone(seat, asking);
      await this.broadcast.talkAloneChanged(seat.sessionId);
      return { asking };
    },
    'participant:withdraw': async (socket, body) => {
      const seat = participant(socket);
      parseInput(emptyPayloadSchema, body);
      this.broadcast.state(await this.participation.withdraw(seat.participantId, seat.sessionId));
      this.broadcast.progress(seat.sessionId);
      // Closed after the ack has gone out; the token no longer opens anything.
      setTimeout(() => socket.disconnect(true), 100).unref();
      return { withdrawn: true as const };
    },
    // A self-run couple's partner confirms (or declines) a new phone taking the other seat.
    'seat:confirm-reclaim': async (socket, body) => {
      const seat = participant(socket);
      await this.seatMoves.confirm(seat, parseInput(confirmReclaimSchema, body).code);
      return { moved: true as const };
    },
    'seat:decline-reclaim': async (socket, body) => {
      const seat = participant(socket);
      parseInput(emptyPayloadSchema, body);
      await this.seatMoves.decline(seat);
      return { declined: true as const };
    },
    // The blind couple reveal: the server keeps and passes on messages it cannot read.
    'blind:send': async (socket, body) => {
      const seat = participant(socket);
      const input = parseInput(blindSendSchema, body);
      this.relay(seat.sessionId, await this.blindReveal.send(seat, input), input);
      return { step: input.step };
    },
    'blind:sync': (socket, body) => this.blindReveal.sync(participant(socket), parseInput(blindSyncSchema, body).promptId),
    'blind:restart': async (socket, body) => {
      const seat = participant(socket);
      const { promptId } = parseInput(blindSyncSchema, body);
      this.relay(seat.sessionId, await this.blindReveal.restart(seat, promptId));
      this.broadcast.blindRestarted(seat.sessionId, promptId);
      return { restarted: true as const };
    },
    'blind:show': async (socket, body) => {
      const seat = participant(socket);
      const { state, shown } = await this.blindReveal.show(seat, parseInput(blindShowSchema, body));
      if (state) this.broadcast.state(state);
      return { shown };
    },
    'prompt:open': (socket, body) => this.command(socket, { type: 'open', ...parseInput(promptOpenSchema, body) }),
    'prompt:close': (socket, body) => this.command(socket, (parseInput(emptyPayloadSchema, body), { type: 'close' })),
    'results:release': (socket, body) => this.command(socket, (parseInput(emptyPayloadSchema, body), { type: 'release' })),
    'session:end': (socket, body) => this.command(socket, (parseInput(emptyPayloadSchema, body), { type: 'end' })),
    'session:pause': (socket, body) => this.settings(socket, parseInput(pauseSchema, body)),
    'session:settings': (socket, body) => this.settings(socket, parseInput(sessionSettingsSchema, body)),
    'moderation:list': (socket, body) => {
      const { sessionId } = facilitator(socket);
      return this.lifecycle.moderationQueue(sessionId, parseInput(moderationListSchema, body).promptId);
    },
    'text:moderate': async (socket, body) => {
      const { sessionId } = facilitator(socket);
      const { queue, state } = await this.lifecycle.moderate(sessionId, parseInput(moderateTextSchema, body));
      this.broadcast.moderation(sessionId, queue);
      if (state) this.broadcast.state(state);
      return queue;
    },
    'texts:moderate-many': async (socket, body) => {
      const { sessionId } = facilitator(socket);
      const { queue, state } = await this.lifecycle.moderate(sessionId, parseInput(moderateTextsSchema, body));
      this.broadcast.moderation(sessionId, queue);
      if (state) this.broadcast.state(state);
      return queue;
    },
    // The ack is the only way out: the preview reaches no room.
    'results:preview': (socket, body) => {
      const { sessionId } = facilitator(socket);
      parseInput(emptyPayloadSchema, body);
      return this.lifecycle.preview(sessionId);
    },
  };

  afterInit(server: LiveServer): void {
    this.broadcast.attach(server);
    this.bindCommands(server);
    // A co-runner's or a viewer's access changed or ended: their consoles close, on every instance.
    this.access.changed.subscribe(({ sessionId, facilitatorId }) => server.in(rooms.account(sessionId, facilitatorId)).disconnectSockets(true));
    const every = Math.min(LOGIN_SWEEP_MAX_SECONDS, this.config.retentionSweepSeconds) * 1000;
    this.loginSweep = setInterval(() => void this.endLoggedOut(server).catch((error: unknown) => this.logger.warn(`login sweep failed: ${toErrorBody(error).code}`)), every);
    this.loginSweep.unref();
    server.use((socket, next) => {
      this.authenticate(socket).then(
        (data) => {
          socket.data = data;
          next();
        },
        (error: unknown) => {
          const body = toErrorBody(error);
          next(Object.assign(new Error(body.code), { data: body }));
        },
      );
    });
  }

  // Each command is one plain socket.io listener, shared by every socket (socket.io calls it with
  // the socket as `this`); its result is the acknowledgement. Nest's @SubscribeMessage wiring
  // built an rxjs pipeline per event and socket, and ran every message through several promise and
  // observable layers: a third of the server's CPU time per answer (docs/performance.md).
  private bindCommands(server: LiveServer): void {
    const listeners = Object.entries(this.handlers).map(([event, handler]: [string, (socket: LiveSocket, body: unknown) => Promise<unknown>]) => {
      // Only a console has a login and an access to check; a phone's or a screen's command goes
      // straight to its handler (three promise steps fewer on every answer).
      const track = (socket: LiveSocket, body: unknown) =>
        this.track(() =>
          socket.data.role === 'facilitator'
            ? this.loggedIn(socket)
                .then(() => this.mayCommand(socket, event))
                .then(() => handler(socket, body))
            : handler(socket, body),
        );
      const listener = function (this: LiveSocket, ...args: unknown[]): void {
        const ack = typeof args.at(-1) === 'function' ? (args.pop() as (response: Ack<unknown>) => void) : undefined;
        // One payload object per event; extra arguments arrive as an array, which no schema accepts.
        void track(this, args.length > 1 ? args : args[0]).then((response) => {
          try {
            ack?.(response);
          } catch (error) {
            // A failed ack must not become an unhandled rejection, which would end the process.
            ackLogger.warn(`ack failed: ${error instanceof Error ? error.name : 'non-error thrown'}`);
          }
        });
      };
      return [event, listener] as const;
    });
    server.on('connection', (socket) => {
      const untyped = socket as unknown as Socket;
      for (const [event, listener] of listeners) untyped.on(event, listener);
    });
  }

  async handleConnection(socket: LiveSocket): Promise<void> {
    const data = socket.data;
    await socket.join(roomsOf(data));
    try {
      // A couple's or a homework's seat may have moved to a new phone between this handshake's read and
      // its joining the rooms (whose sockets the move closes): read again, after joining, and close if so.
      if (data.role === 'participant' && !(await this.stillSeated(socket, data))) {
        this.handshakeSeats.delete(socket);
        socket.disconnect(true);
        return;
      }
      const seat = this.handshakeSeats.get(socket);
      this.handshakeSeats.delete(socket);
      socket.emit('session:snapshot', await this.states.snapshot(data, seat));
      if (data.role === 'participant') {
        // A homework phone that connects changes no count: telling the console would only say when someone was there.
        const info = await this.states.infoOf(data.sessionId);
        if (!info.homework) this.broadcast.progress(data.sessionId);
        // A partner's phone that (re)connects while a new phone asks to take a seat learns it at once.
        if (info.selfRun && (await this.seatMoves.reclaimPending(data.sessionId))) {
          socket.emit('reclaim:updated', { pending: true });
        }
      }
      // A console that (re)connects learns at once how many are stepped out, not at the next change.
      if (data.role === 'facilitator' && data.access !== 'view') {
        socket.emit('stepout:updated', { away: await this.participation.awayCount(data.sessionId) });
        if ((await this.states.infoOf(data.sessionId)).mode === 'couple') {
          socket.emit('talkalone:updated', { asking: await this.participation.talkAloneCount(data.sessionId) });
        }
      }
    } catch (error) {
      this.logger.warn(`snapshot failed: ${toErrorBody(error).code}`);
      socket.disconnect(true);
    }
  }

  // A console's command is activity, and is refused once its login has ended; the socket closes then.
  private async loggedIn(socket: LiveSocket): Promise<void> {
    if (socket.data.role !== 'facilitator' || (await this.accounts.touch(socket.data.loginId))) return;
    setImmediate(() => socket.disconnect(true));
    throw new AppError('UNAUTHENTICATED', 'You have been logged out. Please log in again.');
  }

  // A co-runner's or a viewer's console: its access is read again for every command, so that a command
  // sent after the owner removed it (or made a co-runner a viewer) is refused, on any instance. A viewer
  // may only ask for the state again. Without access any more, the socket closes.
  private async mayCommand(socket: LiveSocket, event: string): Promise<void> {
    const data = socket.data;
    if (data.role !== 'facilitator' || data.access === 'owner') return;
    const now = await this.lifecycle.accessNow(data.sessionId, data.facilitatorId);
    if (!now) {
      setImmediate(() => socket.disconnect(true));
      throw new AppError('FORBIDDEN', 'Your access to this session has been removed.');
    }
    if (now === 'view' && event !== 'session:sync') throw new AppError('FORBIDDEN', 'You can view this session, not run it.');
  }

  // A console left open on a laptop whose login ended (idle, or ended from another browser) stops
  // hearing the session within a minute, whether or not it sends anything.
  private async endLoggedOut(server: LiveServer): Promise<void> {
    const consoles = [...server.sockets.sockets.values()].filter((socket) => socket.data.role === 'facilitator');
    const ids = consoles.map((socket) => (socket.data as Extract<SocketData, { role: 'facilitator' }>).loginId);
    const lasting = await this.accounts.lasting([...new Set(ids)]);
    consoles.forEach((socket, i) => {
      if (!lasting.has(ids[i])) socket.disconnect(true);
    });
  }

  // Groups' seats never move (and a room of thousands is not read twice); couples' and homework's are read again.
  private async stillSeated(socket: LiveSocket, data: Participant): Promise<boolean> {
    const info = await this.states.infoOf(data.sessionId);
    if (info.mode !== 'couple' && !info.homework) return true;
    const token = (socket.handshake.auth as { token?: unknown }).token;
    const seat = typeof token === 'string' ? await this.seats.seatByToken(token) : null;
    return seat?.participantId === data.participantId;
  }

  private relay(sessionId: string, { partnerId, state }: BlindRelay, message?: Parameters<ServerToClientEvents['blind:message']>[0]): void {
    if (message && partnerId) this.broadcast.blindMessage(sessionId, partnerId, message);
    if (state) this.broadcast.state(state);
  }

  private async command(socket: LiveSocket, command: SessionCommand): Promise<SessionState> {
    const state = await this.lifecycle.applyAs(socket.data, command);
    this.broadcast.state(state);
    return state;
  }

  private async settings(socket: LiveSocket, change: SettingsChange): Promise<SessionState> {
    const state = await this.lifecycle.update(facilitator(socket).sessionId, change);
    this.broadcast.state(state);
    return state;
  }

  private async authenticate(socket: LiveSocket): Promise<SocketData> {
    const auth = parseInput(handshakeAuthSchema, socket.handshake.auth);
    if (auth.protocol !== PROTOCOL_VERSION) {
      throw new AppError('PROTOCOL_MISMATCH', `This server speaks protocol ${PROTOCOL_VERSION}. Please reload the page.`);
    }
    switch (auth.role) {
      case 'participant': {
        const seat = await this.seats.seatByToken(auth.token);
        if (!seat) throw new AppError('UNAUTHENTICATED', 'This link is no longer valid. Join again with the code.');
        this.handshakeSeats.set(socket, { myAnswers: seat.myAnswers, finishedPromptId: seat.finishedPromptId, shuffleSeed: seat.shuffleSeed });
        const { participantId, sessionId } = seat;
        return { role: 'participant', participantId, sessionId, ...(auth.language ? { language: auth.language } : {}) };
      }
      case 'screen': {
        const sessionId = await this.seats.screenSession(auth.token);
        if (!sessionId) throw new AppError('UNAUTHENTICATED', 'This presenter link is no longer valid.');
        return { role: 'screen', sessionId };
      }
      case 'facilitator': {
        const login = await this.accounts.resolve(readCookie(socket.handshake.headers.cookie, LOGIN_COOKIE));
        if (!login) throw new AppError('UNAUTHENTICATED', 'Please log in first.');
        const { access } = await this.lifecycle.permitted(login.facilitator.id, auth.sessionId, 'read');
        return { role: 'facilitator', sessionId: auth.sessionId, facilitatorId: login.facilitator.id, loginId: login.loginId, access };
      }
    }
  }

  // SIGTERM: stop taking connections, let every command in progress commit and ack, then close
  // each socket's transport, so that clients reconnect (to another instance, or to this one
  // restarted) and resync from a snapshot. A forced disconnect would not reconnect.
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.loginSweep);
    this.server.httpServer.close();
    let late = false;
    const deadline = new Promise<void>((ok) => setTimeout(ok, SHUTDOWN_GRACE_MS).unref()).then(() => (late = true));
    while (this.working.size > 0 && !late) await Promise.race([Promise.allSettled([...this.working]), deadline]);
    await new Promise((ok) => setImmediate(ok));
    const sockets = [...this.server.sockets.sockets.values()];
    this.logger.log(`shutting down: closing ${sockets.length} sockets`);
    for (const socket of sockets) socket.conn.close();
  }

  // Runs a command (a throw, even before its first await, becomes a failed ack) and keeps it in `working` until it acks.
  private track<T>(work: () => Promise<T>): Promise<Ack<T>> {
    const done = (async (): Promise<Ack<T>> => {
      try {
        return { ok: true, data: await work() };
      } catch (error) {
        return { ok: false, error: toErrorBody(error) };
      }
    })();
    this.working.add(done);
    void done.then(() => this.working.delete(done));
    return done;
  }
}

const ackLogger = new Logger(LiveGateway.name);

function participant(socket: LiveSocket): Participant {
  if (socket.data.role !== 'participant') throw new AppError('FORBIDDEN', 'Only the participant can do this.');
  return socket.data;
}

// In a session with the blind reveal on, a yes/no/maybe list under mutual-only is compared on the phones:
// its answers are never taken, not even once.
function refuseBlind(blindReveal: boolean, deck: Parameters<typeof blindPromptOf>[0], promptId: string): void {
  if (blindReveal && blindPromptOf(deck, promptId)) {
    throw new AppError('BLIND_REVEAL', 'In this session your answers to this question stay on your phone.');
  }
}

function facilitator(socket: LiveSocket): Extract<SocketData, { role: 'facilitator' }> {
  if (socket.data.role !== 'facilitator') throw new AppError('FORBIDDEN', 'Only the facilitator can do this.');
  return socket.data;
}
