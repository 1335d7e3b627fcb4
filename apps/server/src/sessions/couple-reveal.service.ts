import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AnswerFinish, SessionState } from '@candor/shared';
import { DataSource } from 'typeorm';
import { AnswersService } from '../answers/answers.service.js';
import { ResultsService } from '../answers/results.service.js';
import { AppError } from '../common/app-error.js';
import { LiveSessionsRepository } from './live-sessions.repository.js';
import { ParticipantsRepository } from './participants.repository.js';
import { SessionStateService } from './session-state.service.js';

export type FinishOutcome = { state: SessionState; revealed: boolean };

// A couple's reveal (privacy rule 4) waits until each partner has said "I'm finished" with the open
// prompt, so that a partner who saved ten of forty items is never compared as if the rest were "no".
// Saying it is changeable until both have; the second one reveals the prompt in the same transaction
// (the result stored and the phase released together, nothing in between to fail).
@Injectable()
export class CoupleRevealService {
  private readonly logger = new Logger(CoupleRevealService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sessions: LiveSessionsRepository,
    private readonly seats: ParticipantsRepository,
    private readonly answers: AnswersService,
    private readonly states: SessionStateService,
    private readonly results: ResultsService,
  ) {}

  async finish(seat: { participantId: string; sessionId: string }, input: AnswerFinish): Promise<FinishOutcome> {
    const outcome = await this.db.transaction(async (tx) => {
      // The session row is held: the two partners' last steps are taken one after the other.
      const session = await this.sessions.lockById(tx, seat.sessionId);
      if (!session) throw new AppError('SESSION_NOT_FOUND', 'This session no longer exists.');
      if (session.mode !== 'couple') throw new AppError('FORBIDDEN', "Only a couple's partners say when they are finished.");
      if (session.phase !== 'open' || session.promptId !== input.promptId || session.promptIndex === null) {
        throw new AppError('PROMPT_NOT_OPEN', 'This question is not open for answers right now.');
      }
      if (session.paused) throw new AppError('SESSION_PAUSED', 'The session is paused for a moment.');
      if (input.finished && !(await this.answers.hasAnswer(tx, seat.participantId, input.promptId))) {
        throw new AppError('INVALID_ANSWER', 'Save an answer (or pass) before you say you are finished.');
      }
      await this.seats.setFinished(tx, seat.participantId, input.finished ? input.promptId : null);
      const revealed = (await this.seats.finishedCount(tx, session.id, input.promptId)) >= 2;
      if (revealed) await this.results.store(tx, session, session.promptIndex);
      await this.sessions.update(session.id, revealed ? { phase: 'released' } : {}, tx);
      return { state: await this.states.stateOf(await this.sessions.getById(session.id, tx), tx), revealed };
    });
    if (outcome.revealed) this.logger.log(`session ${seat.sessionId}: both partners finished, prompt ${outcome.state.promptIndex ?? '-'} revealed`);
    return outcome;
  }
}
