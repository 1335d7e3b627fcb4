import { Injectable, Logger } from '@nestjs/common';
import {
  type BlindSend,
  type ClientToServerEvents,
  type LiveResult,
  type ModerationQueue,
  type ServerToClientEvents,
  type SessionState,
  type SocketData,
  stateLanguages,
} from '@candor/shared';
import type { Server } from 'socket.io';
import { HomeworkService } from '../sessions/homework.service.js';
import { LiveResultsService, type LiveOutcome } from '../sessions/live-results.service.js';
import { ParticipationService, STEP_OUT_MS } from '../sessions/participation.service.js';
import { SeatMovesService } from '../sessions/seat-moves.service.js';
import { SessionLifecycleService } from '../sessions/session-lifecycle.service.js';
import { participantView, SessionStateService } from '../sessions/session-state.service.js';
import { toErrorBody } from './socket-error.js';

export type LiveServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

// Counts are coalesced so that a burst of answers becomes a few broadcasts, not one per answer.
const PROGRESS_INTERVAL_MS = 250;

export const rooms = {
  session: (id: string) => `session:${id}`,
  role: (id: string, role: SocketData['role']) => `session:${id}:${role}s`,
  // One seat's sockets (to close them when the seat moves to a new phone).
  seat: (id: string, participantId: string) => `session:${id}:seat:${participantId}`,
  // Participants whose page is in this language (from the handshake).
  language: (id: string, language: string) => `session:${id}:language:${language}`,
  // One account's consoles of a session (to close them when its access changes).
  account: (id: string, facilitatorId: string) => `session:${id}:account:${facilitatorId}`,
};

// The rooms a socket belongs to, by who it is.
export function roomsOf(data: SocketData): string[] {
  // A viewer's console hears what the room's screen hears: never the facilitators' own events (the
  // moderation queue, step-outs, talk-alone requests, join limits).
  if (data.role === 'facilitator') {
    const console = data.access === 'view' ? rooms.role(data.sessionId, 'screen') : rooms.role(data.sessionId, 'facilitator');
    return [rooms.session(data.sessionId), console, rooms.account(data.sessionId, data.facilitatorId)];
  }
  const own = [rooms.session(data.sessionId), rooms.role(data.sessionId, data.role)];
  if (data.role !== 'participant') return own;
  const seat = [...own, rooms.seat(data.sessionId, data.participantId)];
  return data.language ? [...seat, rooms.language(data.sessionId, data.language)] : seat;
}

// Everything that reaches a room goes out from here, typed by the shared event map: who gets which
// event, and the timers that coalesce counts (progress), live results (privacy rule 3, whose rule
// live-results.service.ts decides) and the lapse of "I need a moment".
@Injectable()
export class LiveBroadcaster {
  private readonly logger = new Logger(LiveBroadcaster.name);
  private server?: LiveServer;
  private readonly progressTimers = new Map<string, NodeJS.Timeout>();
  private readonly liveTimers = new Map<string, NodeJS.Timeout>();
  // Answers stored with live results on, per session, since the last live-results check: a batch of
  // answers commits together, so it is checked once, not once per answer.
  private readonly storedSince = new Map<string, number>();

  constructor(
    private readonly states: SessionStateService,
    private readonly lifecycle: SessionLifecycleService,
    private readonly liveResults: LiveResultsService,
    private readonly participation: ParticipationService,
    private readonly homework: HomeworkService,
    private readonly seatMoves: SeatMovesService,
  ) {}

  attach(server: LiveServer): void {
    this.server = server;
    // A deleted session closes every socket in it, on every instance.
    this.lifecycle.deleted.subscribe((sessionId) => server.in(rooms.session(sessionId)).disconnectSockets(true));
    // A homework the therapist released (over REST) reaches the phones and consoles in it.
    this.homework.revealed.subscribe((state) => this.state(state));
    // A seat moved to a new phone: its old sockets close on every instance (through the adapter), and
    // their token no longer opens a handshake.
    this.seatMoves.moved.subscribe(({ sessionId, participantId }) => server.in(rooms.seat(sessionId, participantId)).disconnectSockets(true));
    // A self-run couple's partners hear that a new phone asks to take a seat, and when that ends; nobody else.
    this.seatMoves.reclaims.subscribe(({ sessionId, pending }) => this.emit(rooms.role(sessionId, 'participant'), 'reclaim:updated', { pending }));
  }

  // A new state to everyone in the session. Facilitators and screens get all of it, in every language of
  // the deck; each participant what their phone shows (participantView), in the language of their page.
  state(state: SessionState): void {
    const id = state.id;
    const observers = [rooms.role(id, 'facilitator'), rooms.role(id, 'screen')];
    const languages = stateLanguages(state);
    const plain = participantView(state, null);
    if (languages.length === 0 && plain.result === state.result) return this.emit(rooms.session(id), 'session:updated', state);
    this.emit(observers, 'session:updated', state);
    const languageRooms = languages.map((language) => rooms.language(id, language));
    this.emit(rooms.role(id, 'participant'), 'session:updated', plain, languageRooms);
    for (const language of languages) this.emit(rooms.language(id, language), 'session:updated', participantView(state, language));
  }

  // An answer was stored (not a duplicate): counts soon, and, when its statement saw live results on
  // (a group's, answer-writer.ts), a live result when one is due. With live results off nothing more
  // reaches the database.
  answerStored(sessionId: string, liveResults: boolean): void {
    this.progress(sessionId);
    if (!liveResults) return;
    const before = this.storedSince.get(sessionId);
    this.storedSince.set(sessionId, (before ?? 0) + 1);
    if (before !== undefined) return;
    setImmediate(() => {
      const stored = this.storedSince.get(sessionId) ?? 1;
      this.storedSince.delete(sessionId);
      void this.afterAnswers(sessionId, stored);
    });
  }

  // The counts of a session, coalesced: at most one read and broadcast per interval.
  progress(sessionId: string): void {
    if (this.progressTimers.has(sessionId)) return;
    const timer = setTimeout(() => {
      this.progressTimers.delete(sessionId);
      void this.sendProgress(sessionId);
    }, PROGRESS_INTERVAL_MS);
    timer.unref();
    this.progressTimers.set(sessionId, timer);
  }

  // How many are stepped out, to the facilitators now, and again when a step-out lapses by itself.
  async awayChanged(sessionId: string, away: boolean): Promise<void> {
    await this.sendAwayCount(sessionId);
    if (away) setTimeout(() => void this.sendAwayCount(sessionId).catch((error: unknown) => this.warn('step-out', error)), STEP_OUT_MS + 1_000).unref();
  }

  moderation(sessionId: string, queue: ModerationQueue): void {
    this.emit(rooms.role(sessionId, 'facilitator'), 'moderation:updated', queue);
  }

  // Facilitators and screens get every coalesced count. In a group, participants get none: their
  // screens never show counts, and a room of 10,000 would otherwise cost 40,000 frames a second (and
  // tell every phone the room's answering rhythm). A couple's two phones do show them (who is here,
  // who has answered), so there the whole session gets them.
  private async sendProgress(sessionId: string): Promise<void> {
    try {
      const [progress, { mode, deck }] = await Promise.all([this.states.progress(sessionId), this.states.infoOf(sessionId)]);
      const to = mode === 'couple' ? rooms.session(sessionId) : [rooms.role(sessionId, 'facilitator'), rooms.role(sessionId, 'screen')];
      this.emit(to, 'progress:updated', progress);
      // An open-text prompt's queue counts its texts as they arrive: the console's count follows on the
      // same timer as the answer count, read after the answers committed (no texts while it is open).
      // Only the count of a prompt still open: once its texts can be decided, every decision sends the queue
      // itself, and a timer's read (taken before a decision, sent after it) would put a stale queue on the console.
      const prompt = deck.prompts.find((p) => p.id === progress.promptId);
      if (mode === 'group' && prompt?.kind === 'text') {
        const queue = await this.lifecycle.moderationQueue(sessionId, prompt.id);
        if (queue.items === null) this.moderation(sessionId, queue);
      }
    } catch (error) {
      this.warn('progress', error);
    }
  }

  // Live results for groups (the writer's statement says a group's live results are on; a couple's
  // reveal waits for both partners' "I'm finished").
  private async afterAnswers(sessionId: string, stored: number): Promise<void> {
    try {
      this.live(sessionId, await this.liveResults.answerStored(sessionId, stored));
    } catch (error) {
      this.warn('after answer', error);
    }
  }

  private live(sessionId: string, outcome: LiveOutcome): void {
    if (!outcome) return;
    if ('live' in outcome) return this.liveResult(outcome.live, outcome.phones);
    if (this.liveTimers.has(sessionId)) return;
    const timer = setTimeout(() => {
      this.liveTimers.delete(sessionId);
      this.liveResults.tryPublish(sessionId).then(
        (next) => this.live(sessionId, next),
        (error: unknown) => this.warn('live results', error),
      );
    }, outcome.retryInMs + 20);
    timer.unref();
    this.liveTimers.set(sessionId, timer);
  }

  // Only the result, not the whole state: at N = 10,000 phones a second's update is 10,000 frames.
  private liveResult(live: LiveResult, phones: boolean): void {
    const id = live.sessionId;
    this.emit(phones ? rooms.session(id) : [rooms.role(id, 'facilitator'), rooms.role(id, 'screen')], 'results:live', live);
  }

  // A couple's therapist hears how many partners asked to talk alone; nobody else hears anything.
  async talkAloneChanged(sessionId: string): Promise<void> {
    this.emit(rooms.role(sessionId, 'facilitator'), 'talkalone:updated', { asking: await this.participation.talkAloneCount(sessionId) });
  }

  private async sendAwayCount(sessionId: string): Promise<void> {
    this.emit(rooms.role(sessionId, 'facilitator'), 'stepout:updated', { away: await this.participation.awayCount(sessionId) });
  }

  private warn(what: string, error: unknown): void {
    this.logger.warn(`${what}: ${toErrorBody(error).code}`);
  }

  // Every broadcast goes through here; `except` leaves out sockets in those rooms.
  private emit<E extends keyof ServerToClientEvents>(room: string | string[], event: E, payload: Parameters<ServerToClientEvents[E]>[0], except: string[] = []): void {
    if (!this.server) return;
    const target = except.length > 0 ? this.server.to(room).except(except) : this.server.to(room);
    (target.emit as (event: E, payload: Parameters<ServerToClientEvents[E]>[0]) => boolean)(event, payload);
  }

  // A step of a blind comparison, to the other partner's phone only (never the therapist or a screen).
  blindMessage(sessionId: string, partnerId: string, message: BlindSend): void {
    this.emit(rooms.seat(sessionId, partnerId), 'blind:message', message);
  }

  blindRestarted(sessionId: string, promptId: string): void {
    this.emit(rooms.role(sessionId, 'participant'), 'blind:restarted', { promptId });
  }

  // A join for this session was refused by a limit: its facilitators only, never who or from where.
  joinsLimited(sessionId: string, forSeconds: number): void {
    this.emit(rooms.role(sessionId, 'facilitator'), 'joins:limited', { forSeconds });
  }
}
