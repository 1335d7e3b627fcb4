import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SessionState } from '@candor/shared';
import { DataSource } from 'typeorm';
import { ResultsService } from '../answers/results.service.js';
import { AppError } from '../common/app-error.js';
import { LiveSessionsRepository } from './live-sessions.repository.js';
import { ParticipantsRepository } from './participants.repository.js';
import { SessionStateService } from './session-state.service.js';

// How long "I need a moment" counts before it lapses by itself.
export const STEP_OUT_MS = 5 * 60_000;

// What a participant can do about their own seat: step out, step back in, and withdraw.
@Injectable()
export class ParticipationService {
  private readonly logger = new Logger(ParticipationService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sessions: LiveSessionsRepository,
    private readonly seats: ParticipantsRepository,
    private readonly states: SessionStateService,
    private readonly results: ResultsService,
  ) {}

  stepOut(participantId: string, away: boolean): Promise<void> {
    return this.seats.setAwayUntil(participantId, away, STEP_OUT_MS);
  }

  awayCount(sessionId: string): Promise<number> {
    return this.seats.awayCount(sessionId);
  }

  // "I'd like to talk to the therapist alone": only in a couple session a therapist runs (a couple on their
  // own has nobody to tell), and only while it runs.
  async talkAlone(seat: { participantId: string; sessionId: string }, asking: boolean): Promise<void> {
    const session = await this.sessions.findById(seat.sessionId);
    if (!session) throw new AppError('SESSION_NOT_FOUND', 'This session no longer exists.');
    if (session.mode !== 'couple' || session.facilitatorId === null) {
      throw new AppError('FORBIDDEN', 'Only a partner in a session with a therapist can ask to talk to them alone.');
    }
    if (session.phase === 'ended') throw new AppError('SESSION_ENDED', 'This session has ended.');
    await this.seats.setTalkAlone(seat.participantId, asking);
  }

  talkAloneCount(sessionId: string): Promise<number> {
    return this.seats.talkAloneCount(sessionId);
  }

  // Deletes the seat and, with it, every answer and text of this participant; every released result
  // that still has raw answers to work from is recomputed. The session moves to a new version. In a
  // couple session the withdrawal also ends the session: a freed seat would let anyone with the code
  // take the partner's place and see what the other partner shares.
  async withdraw(participantId: string, sessionId: string): Promise<SessionState> {
    await this.db.transaction(async (tx) => {
      if (!(await this.seats.delete(tx, participantId, sessionId))) throw new AppError('UNAUTHENTICATED', 'This seat no longer exists.');
      const session = await this.sessions.getById(sessionId, tx);
      await this.results.restoreAll(tx, session);
      await this.sessions.seatLeft(tx, sessionId, session.mode === 'couple' && session.phase !== 'ended');
    });
    this.logger.log(`a participant withdrew from session ${sessionId}`);
    return this.states.state(sessionId);
  }
}
