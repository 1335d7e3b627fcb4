import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  HOMEWORK_MAX_DAYS,
  K_DEFAULT,
  type AnswerReceipt,
  type AnswerSubmit,
  type CreatedHomework,
  type CreateHomework,
  type Deck,
  type FacilitatorSession,
  type HomeworkClaimResult,
  type HomeworkInvites,
  type SessionState,
} from '@candor/shared';
import { randomUUID } from 'node:crypto';
import { Subject } from 'rxjs';
import { DataSource, type EntityManager } from 'typeorm';
import { AnswersService, type Seat } from '../answers/answers.service.js';
import { ResultsService } from '../answers/results.service.js';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { hashToken, newToken } from '../common/tokens.js';
import { DecksService } from '../decks/decks.service.js';
import { HomeworkRepository } from './homework.repository.js';
import type { LiveSessionEntity } from './live-session.entity.js';
import { LiveSessionsRepository } from './live-sessions.repository.js';
import { SessionLifecycleService } from './session-lifecycle.service.js';
import { SessionStateService } from './session-state.service.js';

const DAY_MS = 24 * 3600 * 1000;
// A close this soon is no homework: the link could not reach a phone in time.
const MIN_AHEAD_MS = 60 * 1000;

// Homework (issue 14): a deck answered at home until a close the facilitator picks. No prompt-by-prompt
// phases: the session is 'open' from the start, every prompt takes answers until closes_at (by the
// server's Clock) or until the seat says "I've finished"; a couple's every prompt is revealed (stored by
// ResultsService under each prompt's policy, then 'released') when both seats have finished, or when
// the therapist releases it after the close. A client's homework is never revealed to anyone: the
// therapist learns only that it is finished. The live flow never comes here.
@Injectable()
export class HomeworkService {
  private readonly logger = new Logger(HomeworkService.name);
  // States of homework revealed by a REST call (the therapist's release), for the broadcaster.
  readonly revealed = new Subject<SessionState>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sessions: LiveSessionsRepository,
    private readonly seats: HomeworkRepository,
    private readonly states: SessionStateService,
    private readonly lifecycle: SessionLifecycleService,
    private readonly answers: AnswersService,
    private readonly results: ResultsService,
    private readonly decks: DecksService,
    private readonly clock: Clock,
  ) {}

  async create(facilitatorId: string, input: CreateHomework): Promise<CreatedHomework> {
    const deck = await this.decks.get(facilitatorId, input.deckId);
    const closesAt = new Date(input.closesAt);
    const now = this.clock.now().getTime();
    if (closesAt.getTime() < now + MIN_AHEAD_MS || closesAt.getTime() > now + HOMEWORK_MAX_DAYS * DAY_MS) {
      throw new AppError('INVALID_PAYLOAD', `Choose a close in the future, at most ${HOMEWORK_MAX_DAYS} days ahead.`, [
        `closesAt: in the future, at most ${HOMEWORK_MAX_DAYS} days ahead`,
      ]);
    }
    const session = this.newSession(facilitatorId, deck, input.audience === 'couple' ? 'couple' : 'group', closesAt);
    const invites = (input.audience === 'couple' ? [1, 2] : [1]).map(() => newToken());
    await this.db.transaction((tx) =>
      this.seats.insert(
        tx,
        session,
        // The seat's own token is drawn and forgotten: only the phone that opens the link gets one it can use.
        invites.map((invite, i) => ({ participantId: randomUUID(), tokenHash: hashToken(newToken()), inviteHash: hashToken(invite), position: i + 1 })),
      ),
    );
    this.logger.log(`${input.audience} homework ${session.id} created`);
    return { ...(await this.lifecycle.view(await this.sessions.getById(session.id))), invites };
  }

  private newSession(facilitatorId: string, deck: Deck, mode: 'couple' | 'group', closesAt: Date): LiveSessionEntity {
    return this.sessions.create({
      id: randomUUID(),
      facilitatorId,
      // Not a join code (those are 6 letters or digits): nobody joins homework by typing a code.
      code: `hw-${newToken().slice(0, 12)}`,
      mode,
      deck,
      // A client's homework follows a group's rules: nothing of one person's answers is ever shown.
      k: mode === 'couple' ? 2 : K_DEFAULT,
      schedule: 'homework',
      closesAt,
      phase: 'open',
      promptIndex: null,
      promptId: null,
      version: 1,
      paused: false,
      liveResults: false,
      livePhones: false,
      liveChanges: 0,
      participantCount: 0,
      liveSentAt: null,
      liveResult: null,
      // No presenter screen for homework (yet): a token nobody holds.
      screenTokenHash: hashToken(newToken()),
      endedAt: null,
    });
  }

  async claim(invite: string): Promise<HomeworkClaimResult> {
    const token = newToken();
    const sessionId = await this.seats.claim(hashToken(invite), hashToken(token));
    if (!sessionId) throw new AppError('UNAUTHENTICATED', 'This link has been opened already, or it was replaced by a new one. Ask for a new link.');
    return { sessionId, token };
  }

  async invites(facilitatorId: string, sessionId: string): Promise<HomeworkInvites> {
    const session = await this.ownedHomework(facilitatorId, sessionId);
    const count = await this.seats.seatCount(session.id);
    const fresh = new Map(Array.from({ length: count }, (_, i) => [i + 1, newToken()] as const));
    const renewed = new Set(await this.seats.renewInvites(session.id, new Map([...fresh].map(([p, t]) => [p, hashToken(t)]))));
    return { invites: [...fresh].map(([position, invite]) => (renewed.has(position) ? invite : null)) };
  }

  async submit(seat: Seat, deck: Deck, input: AnswerSubmit): Promise<AnswerReceipt> {
    const receipt = await this.answers.submitHomework(seat, deck, input, this.clock.now());
    if (receipt) return receipt;
    const session = await this.sessions.getById(seat.sessionId);
    throw this.refusal(session, await this.seats.isFinished(seat.participantId));
  }

  // "I've finished" (or not yet after all) for the whole deck; the couple's second one reveals every prompt.
  async finish(seat: Seat, finished: boolean): Promise<SessionState> {
    const { state, revealed } = await this.db.transaction(async (tx) => {
      // The session row is held: two partners finishing at once reveal once.
      const session = await this.sessions.lockById(tx, seat.sessionId);
      if (!session) throw new AppError('SESSION_NOT_FOUND', 'This session no longer exists.');
      if (session.schedule !== 'homework') throw new AppError('FORBIDDEN', 'Only homework is finished as a whole.');
      if (session.phase !== 'open' || this.closed(session)) throw this.refusal(session, false);
      await this.seats.setFinished(tx, seat.participantId, finished);
      const counts = await this.seats.counts(tx, session.id);
      const reveal = session.mode === 'couple' && counts.finished >= counts.seats;
      if (reveal) await this.reveal(tx, session);
      else await this.sessions.update(session.id, {}, tx);
      return { state: await this.states.stateOf(await this.sessions.getById(session.id, tx), tx), revealed: reveal };
    });
    if (revealed) this.logger.log(`homework ${seat.sessionId}: both partners finished, revealed`);
    return state;
  }

  // The therapist's release of a couple's homework once it has closed: revealed with what each partner saved.
  async release(facilitatorId: string, sessionId: string): Promise<FacilitatorSession> {
    const owned = await this.ownedHomework(facilitatorId, sessionId);
    if (owned.mode !== 'couple') throw new AppError('INVALID_TRANSITION', "A client's homework is never revealed: only the client sees their answers.");
    const state = await this.db.transaction(async (tx) => {
      const session = await this.sessions.lockById(tx, sessionId);
      if (!session || session.phase !== 'open') throw new AppError('INVALID_TRANSITION', 'This homework has been revealed already.');
      if (!this.closed(session)) {
        throw new AppError('INVALID_TRANSITION', 'Homework is revealed when both partners have finished, or by you once it has closed.');
      }
      await this.reveal(tx, session);
      return this.states.stateOf(await this.sessions.getById(session.id, tx), tx);
    });
    this.logger.log(`homework ${sessionId}: released by the therapist after its close`);
    this.revealed.next(state);
    return this.lifecycle.view(await this.sessions.getById(sessionId));
  }

  // Every prompt stored under its policy, then released; answers are locked from here on (the answer
  // statement takes only an open homework), and retention counts from the later of close and reveal.
  private async reveal(tx: EntityManager, session: LiveSessionEntity): Promise<void> {
    for (let index = 0; index < session.deck.prompts.length; index += 1) await this.results.store(tx, session, index);
    await this.sessions.update(session.id, { phase: 'released', endNow: true }, tx);
  }

  private closed(session: LiveSessionEntity): boolean {
    return session.closesAt !== null && session.closesAt.getTime() <= this.clock.now().getTime();
  }

  private refusal(session: LiveSessionEntity, finished: boolean): AppError {
    if (session.phase !== 'open') return new AppError('ANSWERS_LOCKED', 'These answers have been revealed and are locked.');
    if (this.closed(session)) return new AppError('SESSION_ENDED', 'This homework has closed.');
    if (finished) return new AppError('ANSWERS_LOCKED', 'You said you have finished. Take it back to change an answer.');
    return new AppError('PROMPT_NOT_OPEN', 'This homework does not take answers right now.');
  }

  private async ownedHomework(facilitatorId: string, sessionId: string): Promise<LiveSessionEntity> {
    const session = await this.lifecycle.owned(facilitatorId, sessionId);
    if (session.schedule !== 'homework') throw new AppError('INVALID_TRANSITION', 'This is a live session, not homework.');
    return session;
  }
}
