import { type BeforeApplicationShutdown, Logger } from '@nestjs/common';
import { type OnGatewayConnection, type OnGatewayInit, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import {
  answerFinishSchema,
  answerSubmitSchema,
  emptyPayloadSchema,
  handshakeAuthSchema,
  moderateTextSchema,
  moderationListSchema,
  pauseSchema,
  sessionSettingsSchema,
  stepOutSchema,
  type StepOut,
  promptOpenSchema,
  PROTOCOL_VERSION,
  type Ack,
  type AnswerFinish,
  type AnswerReceipt,
  type AnswerValue,
  type ClientToServerEvents,
  type ErrorBody,
  type ModerationQueue,
  type Progress,
  type ServerToClientEvents,
  type SessionState,
  type Snapshot,
  type SocketData,
  stateInLanguage,
  stateLanguages,
} from '@candor/shared';
import type { Server, Socket } from 'socket.io';
import { AccountsService } from '../accounts/accounts.service.js';
import { LOGIN_COOKIE, readCookie } from '../accounts/login-cookie.js';
import { AnswersService } from '../answers/answers.service.js';
import { AppError } from '../common/app-error.js';
import { parseInput } from '../common/parse.js';
import { CoupleRevealService } from '../sessions/couple-reveal.service.js';
import { LiveResultsService, type LiveOutcome } from '../sessions/live-results.service.js';
import { ParticipationService, STEP_OUT_MS } from '../sessions/participation.service.js';
import { SessionsService } from '../sessions/sessions.service.js';
import type { SessionCommand } from '../sessions/session-transitions.js';

type LiveServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type Role = SocketData['role'];
type Command = (socket: LiveSocket, body: unknown) => Promise<Ack<unknown>>;
type OwnSeat = { myAnswers: Record<string, AnswerValue>; finishedPromptId: string | null };

// Counts are coalesced so that a burst of answers becomes a few broadcasts, not one per answer.
const PROGRESS_INTERVAL_MS = 250;
// How long a SIGTERM waits for commands in progress before closing the sockets anyway.
const SHUTDOWN_GRACE_MS = 10_000;

export const rooms = {
  session: (id: string) => `session:${id}`,
  role: (id: string, role: Role) => `session:${id}:${role}s`,
  // Participants whose page is in this language (from the handshake).
  language: (id: string, language: string) => `session:${id}:language:${language}`,
};

// The only file that touches sockets: it authenticates the handshake, parses every payload with
// the shared schemas, calls a service, and answers with an acknowledgement.
@WebSocketGateway({ path: '/socket.io', serveClient: false })
export class LiveGateway implements OnGatewayInit, OnGatewayConnection, BeforeApplicationShutdown {
  @WebSocketServer() private readonly server: LiveServer;
  private readonly logger = new Logger(LiveGateway.name);
  private readonly progressTimers = new Map<string, NodeJS.Timeout>();
  private readonly liveTimers = new Map<string, NodeJS.Timeout>();
  // Answers stored per session since the last after-answer check: a batch of answers commits
  // together, so it is checked once, not once per answer.
  private readonly storedSince = new Map<string, number>();
  // Commands still working; on shutdown their acks go out before the sockets close.
  private readonly working = new Set<Promise<unknown>>();
  // A participant's stored answers (and, in a couple, the prompt they said they are finished with),
  // read with the seat at the handshake, for the first snapshot.
  private readonly handshakeSeats = new WeakMap<LiveSocket, OwnSeat>();

  constructor(
    private readonly sessions: SessionsService,
    private readonly answers: AnswersService,
    private readonly accounts: AccountsService,
    private readonly participation: ParticipationService,
    private readonly liveResults: LiveResultsService,
    private readonly coupleReveal: CoupleRevealService,
  ) {}

  afterInit(server: LiveServer): void {
    this.bindCommands(server);
    // A deleted session closes every socket in it, on every instance.
    this.sessions.deleted.subscribe((sessionId) => server.in(rooms.session(sessionId)).disconnectSockets(true));
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
    const commands: Record<keyof ClientToServerEvents, Command> = {
      'session:sync': (socket, body) => this.sync(socket, body),
      'answer:submit': (socket, body) => this.submit(socket, body),
      'answer:finish': (socket, body) => this.finish(socket, body),
      'participant:step-out': (socket, body) => this.stepOut(socket, body),
      'participant:withdraw': (socket, body) => this.withdraw(socket, body),
      'prompt:open': (socket, body) => this.open(socket, body),
      'prompt:close': (socket, body) => this.close(socket, body),
      'results:release': (socket, body) => this.release(socket, body),
      'session:end': (socket, body) => this.end(socket, body),
      'session:pause': (socket, body) => this.pause(socket, body),
      'session:settings': (socket, body) => this.settings(socket, body),
      'moderation:list': (socket, body) => this.moderationList(socket, body),
      'text:moderate': (socket, body) => this.moderate(socket, body),
    };
    const listeners = Object.entries(commands).map(([event, command]) => {
      const listener = function (this: LiveSocket, ...args: unknown[]): void {
        const ack = typeof args.at(-1) === 'function' ? (args.pop() as (response: Ack<unknown>) => void) : undefined;
        // One payload object per event; extra arguments arrive as an array, which no schema accepts.
        const body = args.length > 1 ? args : args[0];
        void command(this, body).then((response) => {
          try {
            ack?.(response);
          } catch (error) {
            // A failed ack must not become an unhandled rejection, which would end the process.
            internalLogger.warn(`ack failed: ${error instanceof Error ? error.name : 'non-error thrown'}`);
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
    const { sessionId, role, language } = socket.data;
    await socket.join([rooms.session(sessionId), rooms.role(sessionId, role), ...(language ? [rooms.language(sessionId, language)] : [])]);
    try {
      const seat = this.handshakeSeats.get(socket);
      this.handshakeSeats.delete(socket);
      socket.emit('session:snapshot', await this.snapshot(socket, seat));
      if (role === 'participant') this.scheduleProgress(sessionId);
      // A console that (re)connects learns at once how many are stepped out, not at the next change.
      if (role === 'facilitator') socket.emit('stepout:updated', { away: await this.participation.awayCount(sessionId) });
    } catch (error) {
      this.logger.warn(`snapshot failed: ${toErrorBody(error).code}`);
      socket.disconnect(true);
    }
  }

  sync(socket: LiveSocket, body: unknown): Promise<Ack<Snapshot>> {
    return respond(async () => {
      parseInput(emptyPayloadSchema, body ?? {});
      return this.snapshot(socket);
    });
  }

  submit(socket: LiveSocket, body: unknown): Promise<Ack<AnswerReceipt>> {
    return this.track(async () => {
      requireRole(socket, 'participant');
      const input = parseInput(answerSubmitSchema, body);
      const { sessionId, participantId } = socket.data;
      // Order is kept: answers that found no copy wait for the one load, and it is cached before
      // any later message is read.
      const deck = this.sessions.cachedDeck(sessionId) ?? (await this.sessions.deckOf(sessionId));
      const receipt = await this.answers.submit({ sessionId, participantId: participantId ?? '' }, deck, input);
      if (!receipt.duplicate) {
        this.scheduleProgress(sessionId);
        this.noteStored(sessionId);
      }
      return receipt;
    });
  }

  finish(socket: LiveSocket, body: unknown): Promise<Ack<AnswerFinish>> {
    return this.track(async () => {
      requireRole(socket, 'participant');
      const input = parseInput(answerFinishSchema, body);
      const { sessionId, participantId } = socket.data;
      const { state } = await this.coupleReveal.finish({ sessionId, participantId: participantId ?? '' }, input);
      this.emitState(state);
      return input;
    });
  }

  open(socket: LiveSocket, body: unknown): Promise<Ack<SessionState>> {
    return this.command(socket, () => ({ type: 'open', ...parseInput(promptOpenSchema, body) }));
  }

  close(socket: LiveSocket, body: unknown): Promise<Ack<SessionState>> {
    return this.command(socket, () => (parseInput(emptyPayloadSchema, body), { type: 'close' }));
  }

  release(socket: LiveSocket, body: unknown): Promise<Ack<SessionState>> {
    return this.command(socket, () => (parseInput(emptyPayloadSchema, body), { type: 'release' }));
  }

  end(socket: LiveSocket, body: unknown): Promise<Ack<SessionState>> {
    return this.command(socket, () => (parseInput(emptyPayloadSchema, body), { type: 'end' }));
  }

  moderationList(socket: LiveSocket, body: unknown): Promise<Ack<ModerationQueue>> {
    return respond(async () => {
      requireRole(socket, 'facilitator');
      const { promptId } = parseInput(moderationListSchema, body);
      return this.sessions.moderationQueue(socket.data.sessionId, promptId);
    });
  }

  moderate(socket: LiveSocket, body: unknown): Promise<Ack<ModerationQueue>> {
    return respond(async () => {
      requireRole(socket, 'facilitator');
      const { sessionId } = socket.data;
      const { queue, state } = await this.sessions.moderate(sessionId, parseInput(moderateTextSchema, body));
      this.emit(rooms.role(sessionId, 'facilitator'), 'moderation:updated', queue);
      if (state) this.emitState(state);
      return queue;
    });
  }

  pause(socket: LiveSocket, body: unknown): Promise<Ack<SessionState>> {
    return this.settingsCommand(socket, () => parseInput(pauseSchema, body));
  }

  settings(socket: LiveSocket, body: unknown): Promise<Ack<SessionState>> {
    return this.settingsCommand(socket, () => parseInput(sessionSettingsSchema, body));
  }

  stepOut(socket: LiveSocket, body: unknown): Promise<Ack<StepOut>> {
    return respond(async () => {
      requireRole(socket, 'participant');
      const { away } = parseInput(stepOutSchema, body);
      await this.participation.stepOut(socket.data.participantId ?? '', away);
      await this.sendAwayCount(socket.data.sessionId);
      // The count lapses by itself; tell the facilitator when it does.
      if (away) setTimeout(() => void this.sendAwayCount(socket.data.sessionId), STEP_OUT_MS + 1_000).unref();
      return { away };
    });
  }

  withdraw(socket: LiveSocket, body: unknown): Promise<Ack<{ withdrawn: true }>> {
    return respond(async () => {
      requireRole(socket, 'participant');
      parseInput(emptyPayloadSchema, body);
      const { sessionId, participantId } = socket.data;
      const state = await this.participation.withdraw(participantId ?? '', sessionId);
      this.emitState(state);
      this.scheduleProgress(sessionId);
      // Closed after the ack has gone out; the token no longer opens anything.
      setTimeout(() => socket.disconnect(true), 100).unref();
      return { withdrawn: true as const };
    });
  }

  private settingsCommand(
    socket: LiveSocket,
    parse: () => { paused?: boolean; liveResults?: boolean },
  ): Promise<Ack<SessionState>> {
    return respond(async () => {
      requireRole(socket, 'facilitator');
      const state = await this.sessions.update(socket.data.sessionId, parse());
      this.emitState(state);
      return state;
    });
  }

  private noteStored(sessionId: string): void {
    const before = this.storedSince.get(sessionId);
    this.storedSince.set(sessionId, (before ?? 0) + 1);
    if (before !== undefined) return;
    setImmediate(() => {
      const stored = this.storedSince.get(sessionId) ?? 1;
      this.storedSince.delete(sessionId);
      void this.afterAnswer(sessionId, stored);
    });
  }

  // Live results for groups (a couple's reveal waits for both partners' "I'm finished", see finish).
  private async afterAnswer(sessionId: string, stored: number): Promise<void> {
    try {
      const { mode } = await this.sessions.infoOf(sessionId);
      if (mode === 'couple') return;
      this.handleLive(sessionId, await this.liveResults.answerStored(sessionId, stored));
    } catch (error) {
      this.logger.warn(`after answer: ${toErrorBody(error).code}`);
    }
  }

  private handleLive(sessionId: string, outcome: LiveOutcome): void {
    if (!outcome) return;
    if ('state' in outcome) {
      this.emitState(outcome.state);
      return;
    }
    if (this.liveTimers.has(sessionId)) return;
    const timer = setTimeout(() => {
      this.liveTimers.delete(sessionId);
      this.liveResults.tryPublish(sessionId).then(
        (next) => this.handleLive(sessionId, next),
        (error: unknown) => this.logger.warn(`live results: ${toErrorBody(error).code}`),
      );
    }, outcome.retryInMs + 20);
    timer.unref();
    this.liveTimers.set(sessionId, timer);
  }

  private async sendAwayCount(sessionId: string): Promise<void> {
    const away = await this.participation.awayCount(sessionId);
    this.emit(rooms.role(sessionId, 'facilitator'), 'stepout:updated', { away });
  }

  // Who may move a session: its facilitator; in a couple session the couple started themselves,
  // either partner (to go on to the next prompt, or to end).
  private async requireController(socket: LiveSocket, command: SessionCommand): Promise<void> {
    if (socket.data.role === 'facilitator') return;
    if (socket.data.role === 'participant' && (command.type === 'open' || command.type === 'end')) {
      const { selfRun } = await this.sessions.infoOf(socket.data.sessionId);
      if (selfRun) return;
    }
    throw new AppError('FORBIDDEN', 'Only the facilitator can do this.');
  }

  private command(socket: LiveSocket, parse: () => SessionCommand): Promise<Ack<SessionState>> {
    return this.track(async () => {
      const command = parse();
      await this.requireController(socket, command);
      const state = await this.sessions.apply(socket.data.sessionId, command);
      this.emitState(state);
      return state;
    });
  }

  // SIGTERM: stop taking connections, let every command in progress commit and ack, then close
  // each socket's transport, so that clients reconnect (to another instance, or to this one
  // restarted) and resync from a snapshot. A forced disconnect would not reconnect.
  async beforeApplicationShutdown(): Promise<void> {
    this.server.httpServer.close();
    let late = false;
    const deadline = new Promise<void>((ok) => setTimeout(ok, SHUTDOWN_GRACE_MS).unref()).then(() => (late = true));
    while (this.working.size > 0 && !late) await Promise.race([Promise.allSettled([...this.working]), deadline]);
    await new Promise((ok) => setImmediate(ok));
    const sockets = [...this.server.sockets.sockets.values()];
    this.logger.log(`shutting down: closing ${sockets.length} sockets`);
    for (const socket of sockets) socket.conn.close();
  }

  private track<T>(work: () => Promise<T>): Promise<Ack<T>> {
    const done = respond(work);
    this.working.add(done);
    // respond() never rejects.
    void done.then(() => this.working.delete(done));
    return done;
  }

  // `known`: the participant's answers as read at the handshake (our client resends what it still
  // holds only after the first snapshot); a later sync reads them again.
  private async snapshot(socket: LiveSocket, known?: OwnSeat): Promise<Snapshot> {
    const { role, sessionId, participantId } = socket.data;
    if (role === 'participant' && participantId) {
      const [state, myAnswers] = await Promise.all([
        this.sessions.state(sessionId),
        known?.myAnswers ?? this.answers.ownAnswers(participantId),
      ]);
      const snapshot: Snapshot = { role, state: stateInLanguage(state, socket.data.language), myAnswers };
      if (state.mode === 'couple') {
        const finishedPromptId = known ? known.finishedPromptId : await this.coupleReveal.finishedPromptOf(participantId);
        snapshot.myFinished = state.phase === 'open' && finishedPromptId !== null && finishedPromptId === state.prompt?.id;
      }
      return snapshot;
    }
    return { role, state: await this.sessions.state(sessionId) };
  }

  private async authenticate(socket: LiveSocket): Promise<SocketData> {
    const auth = parseInput(handshakeAuthSchema, socket.handshake.auth);
    if (auth.protocol !== PROTOCOL_VERSION) {
      throw new AppError('PROTOCOL_MISMATCH', `This server speaks protocol ${PROTOCOL_VERSION}. Please reload the page.`);
    }
    switch (auth.role) {
      case 'participant': {
        const seat = await this.sessions.seatByToken(auth.token);
        if (!seat) throw new AppError('UNAUTHENTICATED', 'This link is no longer valid. Join again with the code.');
        this.handshakeSeats.set(socket, { myAnswers: seat.myAnswers, finishedPromptId: seat.finishedPromptId });
        const { participantId, sessionId } = seat;
        return { role: 'participant', participantId, sessionId, ...(auth.language ? { language: auth.language } : {}) };
      }
      case 'screen': {
        const sessionId = await this.sessions.sessionByScreenToken(auth.token);
        if (!sessionId) throw new AppError('UNAUTHENTICATED', 'This presenter link is no longer valid.');
        return { role: 'screen', sessionId };
      }
      case 'facilitator': {
        const facilitator = await this.accounts.resolve(readCookie(socket.handshake.headers.cookie, LOGIN_COOKIE));
        if (!facilitator) throw new AppError('UNAUTHENTICATED', 'Please log in first.');
        await this.sessions.owned(facilitator.id, auth.sessionId);
        return { role: 'facilitator', sessionId: auth.sessionId, facilitatorId: facilitator.id };
      }
    }
  }

  private scheduleProgress(sessionId: string): void {
    if (this.progressTimers.has(sessionId)) return;
    const timer = setTimeout(() => {
      this.progressTimers.delete(sessionId);
      this.sessions.progress(sessionId).then(
        (progress) => this.sendProgress(sessionId, progress),
        (error: unknown) => this.logger.warn(`progress failed: ${toErrorBody(error).code}`),
      );
    }, PROGRESS_INTERVAL_MS);
    timer.unref();
    this.progressTimers.set(sessionId, timer);
  }

  // Facilitators and screens get every coalesced count. In a group, participants get none: their
  // screens never show counts, and a room of 10,000 would otherwise cost 40,000 frames a second (and
  // tell every phone the room's answering rhythm). A couple's two phones do show them (who is here,
  // who has answered), so there the whole session gets them.
  private sendProgress(sessionId: string, progress: Progress): void {
    this.sessions.infoOf(sessionId).then(
      ({ mode }) =>
        this.emit(
          mode === 'couple' ? rooms.session(sessionId) : [rooms.role(sessionId, 'facilitator'), rooms.role(sessionId, 'screen')],
          'progress:updated',
          progress,
        ),
      (error: unknown) => this.logger.warn(`progress failed: ${toErrorBody(error).code}`),
    );
  }

  // A new state to everyone in the session. Facilitators and screens get every language of the deck;
  // each participant only the language of their page (a phone of 10,000 downloads no text it cannot show).
  private emitState(state: SessionState): void {
    const id = state.id;
    const languages = stateLanguages(state);
    if (languages.length === 0) return this.emit(rooms.session(id), 'session:updated', state);
    this.emit([rooms.role(id, 'facilitator'), rooms.role(id, 'screen')], 'session:updated', state);
    const languageRooms = languages.map((language) => rooms.language(id, language));
    this.emit(rooms.role(id, 'participant'), 'session:updated', stateInLanguage(state, null), languageRooms);
    for (const language of languages) this.emit(rooms.language(id, language), 'session:updated', stateInLanguage(state, language));
  }

  // Every broadcast goes through here, typed by the shared event map; `except` leaves out sockets in those rooms.
  private emit<E extends keyof ServerToClientEvents>(
    room: string | string[],
    event: E,
    payload: Parameters<ServerToClientEvents[E]>[0],
    except: string[] = [],
  ): void {
    const target = except.length > 0 ? this.server.to(room).except(except) : this.server.to(room);
    (target.emit as (event: E, payload: Parameters<ServerToClientEvents[E]>[0]) => boolean)(event, payload);
  }
}

function requireRole(socket: LiveSocket, role: Role): void {
  if (socket.data.role !== role) {
    throw new AppError('FORBIDDEN', `Only the ${role} can do this.`);
  }
}

async function respond<T>(work: () => Promise<T>): Promise<Ack<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (error) {
    return { ok: false, error: toErrorBody(error) };
  }
}

const internalLogger = new Logger('LiveGateway');

function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof AppError) return error.toBody();
  internalLogger.error(error instanceof Error ? (error.stack ?? error.message) : 'non-error thrown');
  return { code: 'INTERNAL', message: 'Something went wrong on our side. Please try again.' };
}
