import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SessionState } from '@candor/shared';
import { DataSource } from 'typeorm';
import { AppError } from '../common/app-error.js';
import { LiveSessionEntity } from './live-session.entity.js';
import { PromptResultEntity } from './prompt-result.entity.js';
import { SessionsService } from './sessions.service.js';

// How long "I need a moment" counts before it lapses by itself.
export const STEP_OUT_MS = 5 * 60_000;

// What a participant can do about their own seat: step out, step back in, and withdraw.
@Injectable()
export class ParticipationService {
  private readonly logger = new Logger(ParticipationService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sessions: SessionsService,
  ) {}

  async stepOut(participantId: string, away: boolean): Promise<void> {
    await this.db.query(
      `UPDATE participants SET away_until = CASE WHEN $2 THEN now() + ($3 || ' milliseconds')::interval ELSE NULL END WHERE id = $1`,
      [participantId, away, String(STEP_OUT_MS)],
    );
  }

  async awayCount(sessionId: string): Promise<number> {
    const rows: { n: number }[] = await this.db.query(
      'SELECT count(*)::int AS n FROM participants WHERE session_id = $1 AND away_until > now()',
      [sessionId],
    );
    return rows[0]?.n ?? 0;
  }

  // Deletes the seat and, with it, every answer and text of this participant; every released result
  // that still has raw answers to work from is recomputed. The session moves to a new version. In a
  // couple session the withdrawal also ends the session: a freed seat would let anyone with the code
  // take the partner's place and see what the other partner shares.
  async withdraw(participantId: string, sessionId: string): Promise<SessionState> {
    await this.db.transaction(async (tx) => {
      // A SELECT over the DELETE, so that the rows come back as rows on PostgreSQL and PGlite alike.
      const deleted: unknown[] = await tx.query('WITH gone AS (DELETE FROM participants WHERE id = $1 AND session_id = $2 RETURNING 1) SELECT 1 FROM gone', [
        participantId,
        sessionId,
      ]);
      if (deleted.length === 0) throw new AppError('UNAUTHENTICATED', 'This seat no longer exists.');
      const session = await tx.getRepository(LiveSessionEntity).findOneByOrFail({ id: sessionId });
      const released = await tx.getRepository(PromptResultEntity).find({ where: { sessionId }, select: { position: true } });
      for (const { position } of released) await this.sessions.storeResult(tx, session, position);
      const ends = session.mode === 'couple' && session.phase !== 'ended';
      await tx.query(
        `UPDATE live_sessions SET version = version + 1, participant_count = participant_count - 1${ends ? ", phase = 'ended', ended_at = now()" : ''}
          WHERE id = $1`,
        [sessionId],
      );
    });
    this.logger.log(`a participant withdrew from session ${sessionId}`);
    return this.sessions.state(sessionId);
  }
}
