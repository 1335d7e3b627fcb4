import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  HOMEWORK_MAX_DAYS,
  isBlindPrompt,
  K_DEFAULT,
  type AnswerReceipt,
  type AnswerSubmit,
  type CreatedHomework,
  type CreateHomework,
  type Deck,
  type FacilitatorSession,
  HOMEWORK_COUNT_STEP,
  HOMEWORK_GROUP_MAX_SEATS,
  type HomeworkAudience,
  type HomeworkClaimResult,
  type HomeworkShow,
  type HomeworkInvites,
  type SessionState,
} from '@candor/shared';
import { randomUUID } from 'node:crypto';
import { Subject } from 'rxjs';
import { DataSource, type EntityManager } from 'typeorm';
import { AnswersService, type Seat } from '../answers/answers.service.js';
import { ModerationService } from '../answers/moderation.service.js';
import { ResultsService } from '../answers/results.service.js';
import { AppError } from '../common/app-error.js';
import { BlindRevealService } from './blind-reveal.service.js';
import { Clock } from '../common/clock.js';
import { hashToken, newToken } from '../common/tokens.js';
import { DecksService } from '../decks/decks.service.js';
import { HomeworkRepository } from './homework.repository.js';
import type { LiveSessionEntity } from './live-session.entity.js';
import { LiveSessionsRepository } from './live-sessions.repository.js';
import { SessionLifecycleService } from './session-lifecycle.service.js';
import { SessionStateService } from './session-state.service.js';

const DAY_MS = 24 * 3600 * 1000;
const roundedCount = (n: number) => n - (n % HOMEWORK_COUNT_STEP);
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
  // States of homework changed by a REST call (the therapist's release, a group's rounded seat count), for the broadcaster.
  readonly revealed = new Subject<SessionState>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sessions: LiveSessionsRepository,
    private readonly seats: HomeworkRepository,
    private readonly states: SessionStateService,
    private readonly lifecycle: SessionLifecycleService,
    private readonly answers: AnswersService,
    private readonly results: ResultsService,
    private readonly moderation: ModerationService,
    private readonly decks: DecksService,
    private readonly clock: Clock,
    private readonly blind: BlindRevealService,
  ) {}

  async create(facilitatorId: string, input: CreateHomework): Promise<CreatedHomework> {
    const deck = await this.decks.get(facilitatorId, input.deckId, 'run');
    const closesAt = new Date(input.closesAt);
    const now = this.clock.now().getTime();
    if (closesAt.getTime() < now + MIN_AHEAD_MS || closesAt.getTime() > now + HOMEWORK_MAX_DAYS * DAY_MS) {
      throw new AppError('INVALID_PAYLOAD', `Choose a close in the future, at most ${HOMEWORK_MAX_DAYS} days ahead.`, [
        `closesAt: in the future, at most ${HOMEWORK_MAX_DAYS} days ahead`,
      ]);
    }
    if (input.audience === 'group') {
      // One link for the whole group: its invitation stays valid until the close, each claim a new seat.
      const invite = newToken();
      const session = this.newSession(facilitatorId, deck, 'group', closesAt, hashToken(invite), false);
      await this.db.transaction((tx) => this.seats.insert(tx, session, []));
      this.logger.log(`group homework ${session.id} created`);
      return { ...(await this.lifecycle.view(await this.sessions.getById(session.id))), invites: [invite] };
    }
    const session = this.newSession(facilitatorId, deck, input.audience, closesAt, null, input.blindReveal);
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

  private newSession(
    facilitatorId: string,
    deck: Deck,
    audience: HomeworkAudience,
    closesAt: Date,
    groupInviteHash: string | null,
    blindReveal: boolean,
  ): LiveSessionEntity {
    const mode = audience === 'couple' ? 'couple' : 'group';
    return this.sessions.create({
      id: randomUUID(),
      facilitatorId,
      // Not a join code (those are 6 letters or digits): nobody joins homework by typing a code.
      code: `hw-${newToken().slice(0, 12)}`,
      mode,
      deck,
      // A client's homework follows a group's rules: nothing of one person's answers is ever shown. A
      // group's results are released under the default k, as a live group's are.
      k: mode === 'couple' ? 2 : K_DEFAULT,
      schedule: 'homework',
      closesAt,
      audience,
      groupInviteHash,
      phase: 'open',
      promptIndex: null,
      promptId: null,
      version: 1,
      paused: false,
      liveResults: false,
      livePhones: false,
      blindReveal: audience === 'couple' && blindReveal,
      liveChanges: 0,
      participantCount: 0,
      liveSentAt: null,
      liveResult: null,
      // A token nobody holds: the facilitator asks for a presenter link (POST …/screen-link) to talk a result through.
      screenTokenHash: hashToken(newToken()),
      endedAt: null,
    });
  }

  async claim(invite: string): Promise<HomeworkClaimResult> {
    const token = newToken();
    const inviteHash = hashToken(invite);
    const tokenHash = hashToken(token);
    const sessionId = await this.seats.claim(inviteHash, tokenHash);
    if (sessionId) return { sessionId, token };
    const group = await this.seats.claimGroupSeat(inviteHash, { participantId: randomUUID(), tokenHash }, this.clock.now(), HOMEWORK_GROUP_MAX_SEATS);
    if (group === 'full') throw new AppError('SESSION_FULL', 'This homework has as many people as it can take. Ask for a link of your own.');
    if (group === 'unknown') throw new AppError('UNAUTHENTICATED', 'This link has been opened already, was replaced by a new one, or its homework has closed. Ask for a new link.');
    // The facilitator hears of seats only when the rounded count moves (a state every third claim).
    if (roundedCount(group.seats) !== roundedCount(group.seats - 1)) {
      await this.sessions.update(group.sessionId, {});
      this.revealed.next(await this.states.state(group.sessionId));
    }
    return { sessionId: group.sessionId, token };
  }

  async invites(facilitatorId: string, sessionId: string): Promise<HomeworkInvites> {
    const session = await this.ownedHomework(facilitatorId, sessionId);
    if (session.audience === 'group') {
      // The group's one link anew (the old one stops working); seats already opened keep their own tokens.
      const invite = newToken();
      await this.seats.setGroupInvite(session.id, hashToken(invite));
      return { invites: [invite] };
    }
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
  // A group's seat changes no state anyone is told of unless the rounded count of finished seats moves
  // (null then: nothing to broadcast), so a broadcast does not mark the moment one person finished.
  async finish(seat: Seat, finished: boolean): Promise<SessionState | null> {
    const { state, revealed } = await this.db.transaction(async (tx) => {
      // The session row is held: two partners finishing at once reveal once.
      const session = await this.sessions.lockById(tx, seat.sessionId);
      if (!session) throw new AppError('SESSION_NOT_FOUND', 'This session no longer exists.');
      if (session.schedule !== 'homework') throw new AppError('FORBIDDEN', 'Only homework is finished as a whole.');
      if (session.phase !== 'open' || this.closed(session)) throw this.refusal(session, false);
      const before = await this.seats.counts(tx, session.id);
      await this.seats.setFinished(tx, seat.participantId, finished);
      const counts = await this.seats.counts(tx, session.id);
      if (session.audience === 'group' && roundedCount(before.finished) === roundedCount(counts.finished)) return { state: null, revealed: false };
      const reveal = session.mode === 'couple' && counts.finished >= counts.seats;
      if (reveal) await this.reveal(tx, session);
      else await this.sessions.update(session.id, {}, tx);
      return { state: await this.states.stateOf(await this.sessions.getById(session.id, tx), tx), revealed: reveal };
    });
    if (revealed) this.logger.log(`homework ${seat.sessionId}: both partners finished, revealed`);
    return state;
  }

  // The therapist's release of a couple's homework once it has closed: revealed with what each partner
  // saved. A group's is released the same way (only after the close: nobody sees anything while it is open).
  async release(facilitatorId: string, sessionId: string): Promise<FacilitatorSession> {
    const owned = await this.ownedHomework(facilitatorId, sessionId);
    const { access } = await this.lifecycle.permitted(facilitatorId, sessionId, 'run');
    // Anything but a couple's or a group's (a client's) is never revealed.
    if (owned.audience !== 'couple' && owned.audience !== 'group') {
      throw new AppError('INVALID_TRANSITION', "A client's homework is never revealed: only the client sees their answers.");
    }
    const state = await this.db.transaction(async (tx) => {
      const session = await this.sessions.lockById(tx, sessionId);
      if (!session || session.phase !== 'open') throw new AppError('INVALID_TRANSITION', 'This homework has been revealed already.');
      if (!this.closed(session)) {
        throw new AppError(
          'INVALID_TRANSITION',
          session.audience === 'group'
            ? "A group's homework is released once it has closed."
            : 'Homework is revealed when both partners have finished, or by you once it has closed.',
        );
      }
      // A group's texts wait for the facilitator's approval, as after a live prompt closes.
      if (session.audience === 'group') await this.moderation.queueAll(tx, session);
      await this.reveal(tx, session);
      return this.states.stateOf(await this.sessions.getById(session.id, tx), tx);
    });
    this.logger.log(`homework ${sessionId}: released by the facilitator after its close`);
    this.revealed.next(state);
    return this.lifecycle.view(await this.sessions.getById(sessionId), access);
  }

  // Talking a result through: one prompt's stored result (or none) becomes the state's prompt and result,
  // which the homework's screen and console receive. Only a released couple's or group's homework, whose
  // results are stored already: nothing the screen gets is computed here.
  async show(sessionId: string, input: HomeworkShow): Promise<SessionState> {
    const state = await this.db.transaction(async (tx) => {
      const session = await this.sessions.lockById(tx, sessionId);
      if (!session) throw new AppError('SESSION_NOT_FOUND', 'This session no longer exists.');
      if (session.schedule !== 'homework') throw new AppError('INVALID_TRANSITION', 'This is a live session, not homework.');
      if (session.audience !== 'couple' && session.audience !== 'group') {
        throw new AppError('FORBIDDEN', "A client's homework is never shown: only the client sees their answers.");
      }
      if (session.phase !== 'released') throw new AppError('INVALID_TRANSITION', 'A homework result can be shown once it has been revealed.');
      const index = input.promptId === null ? -1 : session.deck.prompts.findIndex((p) => p.id === input.promptId);
      if (input.promptId !== null && index < 0) throw new AppError('NOT_FOUND', 'This homework has no question with that id.');
      if (input.promptId !== null && !(await this.results.isReleased(tx, session.id, input.promptId))) {
        throw new AppError('INVALID_TRANSITION', 'This question has no released result.');
      }
      await this.sessions.update(session.id, { promptIndex: index < 0 ? null : index, promptId: input.promptId }, tx);
      return this.states.stateOf(await this.sessions.getById(session.id, tx), tx);
    });
    return state;
  }

  // Every prompt stored under its policy, then released; answers are locked from here on (the answer
  // statement takes only an open homework), and retention counts from the later of close and reveal.
  // A list compared on the phones has no answers here: its result is the reveal both phones chose to show,
  // or none (blind-reveal.service.ts).
  private async reveal(tx: EntityManager, session: LiveSessionEntity): Promise<void> {
    for (const [index, prompt] of session.deck.prompts.entries()) {
      if (session.blindReveal && isBlindPrompt(prompt)) await this.blind.keepShown(tx, session, index);
      else await this.results.store(tx, session, index);
    }
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
    const session = (await this.lifecycle.permitted(facilitatorId, sessionId, 'run')).session;
    if (session.schedule !== 'homework') throw new AppError('INVALID_TRANSITION', 'This is a live session, not homework.');
    return session;
  }
}
