import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AnswerFinish, SessionState } from '@candor/shared';
import { DataSource } from 'typeorm';
import { AppError } from '../common/app-error.js';
import { LiveSessionEntity } from './live-session.entity.js';
import { SessionsService } from './sessions.service.js';

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
    private readonly sessions: SessionsService,
  ) {}

  async finish(seat: { participantId: string; sessionId: string }, input: AnswerFinish): Promise<FinishOutcome> {
    const outcome = await this.db.transaction(async (tx) => {
      // The session row is held: the two partners' last steps are taken one after the other.
      const session = await tx.getRepository(LiveSessionEntity).findOne({ where: { id: seat.sessionId }, lock: { mode: 'pessimistic_write' } });
      if (!session) throw new AppError('SESSION_NOT_FOUND', 'This session no longer exists.');
      if (session.mode !== 'couple') throw new AppError('FORBIDDEN', "Only a couple's partners say when they are finished.");
      if (session.phase !== 'open' || session.promptId !== input.promptId || session.promptIndex === null) {
        throw new AppError('PROMPT_NOT_OPEN', 'This question is not open for answers right now.');
      }
      if (session.paused) throw new AppError('SESSION_PAUSED', 'The session is paused for a moment.');
      if (input.finished) {
        const saved: unknown[] = await tx.query('SELECT 1 FROM answers WHERE participant_id = $1 AND prompt_id = $2', [
          seat.participantId,
          input.promptId,
        ]);
        if (saved.length === 0) throw new AppError('INVALID_ANSWER', 'Save an answer (or pass) before you say you are finished.');
      }
      await tx.query('UPDATE participants SET finished_prompt_id = $2 WHERE id = $1', [seat.participantId, input.finished ? input.promptId : null]);
      const revealed = (await this.sessions.finishedCount(session.id, input.promptId, tx)) >= 2;
      if (revealed) await this.sessions.storeResult(tx, session, session.promptIndex);
      await tx.query(`UPDATE live_sessions SET version = version + 1${revealed ? ", phase = 'released'" : ''} WHERE id = $1`, [session.id]);
      const updated = await tx.getRepository(LiveSessionEntity).findOneByOrFail({ id: session.id });
      return { state: await this.sessions.publicState(updated, tx), revealed };
    });
    if (outcome.revealed) this.logger.log(`session ${seat.sessionId}: both partners finished, prompt ${outcome.state.promptIndex ?? '-'} revealed`);
    return outcome;
  }

  async finishedPromptOf(participantId: string): Promise<string | null> {
    const rows: { finished_prompt_id: string | null }[] = await this.db.query('SELECT finished_prompt_id FROM participants WHERE id = $1', [
      participantId,
    ]);
    return rows[0]?.finished_prompt_id ?? null;
  }
}
