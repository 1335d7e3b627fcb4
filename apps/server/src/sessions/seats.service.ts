import { Injectable } from '@nestjs/common';
import type { JoinInfo, JoinResult } from '@candor/shared';
import { randomUUID } from 'node:crypto';
import { AppError } from '../common/app-error.js';
import { FreshBatch } from '../common/fresh-batch.js';
import { hashToken, newToken } from '../common/tokens.js';
import type { LiveSessionEntity } from './live-session.entity.js';
import { LiveSessionsRepository } from './live-sessions.repository.js';
import { ParticipantsRepository, type GroupJoin, type SeatWithAnswers } from './participants.repository.js';
import { deckTranslations } from './session-state.service.js';

// Joining: what a code opens, anonymous seats, and the tokens that open a seat or a presenter screen.
@Injectable()
export class SeatsService {
  // A room joining at once: the group seats asked for meanwhile are inserted by one statement, and
  // the handshakes' token lookups read in one (never from a cache, so a withdrawn token is refused at once).
  private readonly groupJoins = new FreshBatch<GroupJoin, string | null>(
    (joins) => this.seats.seatInGroups(joins),
    () => new AppError('INTERNAL', 'The seat could not be stored.'),
  );
  private readonly seatBatch = new FreshBatch<string, SeatWithAnswers | null>(
    (hashes) => this.seats.seatsByTokenHash(hashes),
    () => new AppError('INTERNAL', 'The seat could not be read.'),
  );

  constructor(
    private readonly sessions: LiveSessionsRepository,
    private readonly seats: ParticipantsRepository,
  ) {}

  async joinInfo(code: string): Promise<JoinInfo> {
    const session = await this.runningByCode(code);
    return {
      sessionId: session.id,
      title: session.deck.title,
      mode: session.mode,
      k: session.k,
      phase: session.phase,
      contentNote: session.deck.contentNote,
      translations: deckTranslations(session.deck, ['title', 'contentNote']),
      selfRun: session.facilitatorId === null,
      liveResults: session.liveResults,
    };
  }

  async join(code: string): Promise<JoinResult> {
    const token = newToken();
    // A group seat, inserted in one statement with the other group joins of the moment.
    const groupSessionId = await this.groupJoins.get({ id: randomUUID(), tokenHash: hashToken(token), code });
    if (groupSessionId) return { sessionId: groupSessionId, code, token };
    // A couple's seat draws the seed of its own shuffled order (kept when the seat moves to a new phone).
    const coupleSessionId = await this.seats.seatInCouple(code, randomUUID(), hashToken(token), randomUUID());
    if (coupleSessionId) return { sessionId: coupleSessionId, code, token };
    const session = await this.runningByCode(code);
    if (session.mode === 'couple') throw new AppError('SESSION_FULL', 'Both seats of this couple session are taken.');
    // A running group session that its batch did not seat: never expected, and safe to retry.
    throw new AppError('INTERNAL', 'The seat could not be stored. Please try again.');
  }

  seatByToken(token: string): Promise<SeatWithAnswers | null> {
    return this.seatBatch.get(hashToken(token));
  }

  // The session a presenter link opens, or null.
  screenSession(token: string): Promise<string | null> {
    return this.sessions.idByScreenTokenHash(hashToken(token));
  }

  // The running sessions (by id) that these codes name; for telling their facilitators that joins are limited.
  async runningSessionsByCodes(codes: string[]): Promise<{ id: string; code: string }[]> {
    return codes.length === 0 ? [] : this.sessions.runningByCodes(codes);
  }

  // An ended session's code says so: the people in the room typed it right, it is just over.
  private async runningByCode(code: string): Promise<LiveSessionEntity> {
    const session = await this.sessions.findRunningByCode(code);
    if (session) return session;
    if (await this.sessions.endedWithCode(code)) throw new AppError('SESSION_ENDED', 'This session has ended.');
    throw new AppError('SESSION_NOT_FOUND', 'No running session has this code. Check the code on the screen.');
  }
}
