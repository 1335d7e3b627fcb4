import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SessionState } from '@candor/shared';
import { DataSource } from 'typeorm';
import { LiveSessionEntity } from './live-session.entity.js';
import { SessionsService } from './sessions.service.js';

export const LIVE_MIN_INTERVAL_MS = 1_000;
export const LIVE_MIN_CHANGES = 3;

export type LiveOutcome = { state: SessionState } | { retryInMs: number } | null;

// Live results (privacy rule 3): while a prompt is open, an update goes out at most once a second and
// only when at least three answers changed since the last one, so its timing never points at the
// person who just tapped. The counters live in the session row, so the rule holds across instances.
@Injectable()
export class LiveResultsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sessions: SessionsService,
  ) {}

  // Called after stored answers (not duplicates), once for all those one batch committed.
  // Nothing happens unless live results are on.
  async answerStored(sessionId: string, stored = 1): Promise<LiveOutcome> {
    // A SELECT over the UPDATE: TypeORM answers a bare UPDATE with [rows, count] on PostgreSQL but with
    // the rows on PGlite; a SELECT is rows on both.
    const counted: { live_changes: number }[] = await this.db.query(
      `WITH counted AS (
         UPDATE live_sessions SET live_changes = live_changes + $2
          WHERE id = $1 AND live_results AND phase = 'open' RETURNING live_changes)
       SELECT live_changes FROM counted`,
      [sessionId, stored],
    );
    if (counted.length === 0) return null;
    return this.tryPublish(sessionId);
  }

  // Claims the right to publish (one instance wins), then computes and stores the live result.
  async tryPublish(sessionId: string): Promise<LiveOutcome> {
    const claimed: { wait_ms: number | null; claimed: boolean }[] = await this.db.query(
      `WITH due AS (
         UPDATE live_sessions SET live_changes = 0, live_sent_at = now()
          WHERE id = $1 AND live_results AND phase = 'open' AND live_changes >= $2
            AND (live_sent_at IS NULL OR live_sent_at <= now() - ($3 || ' milliseconds')::interval)
          RETURNING 1)
       SELECT EXISTS (SELECT 1 FROM due) AS claimed,
              (SELECT ceil(extract(epoch FROM (live_sent_at + ($3 || ' milliseconds')::interval - now())) * 1000)::int
                 FROM live_sessions WHERE id = $1 AND live_changes >= $2) AS wait_ms`,
      [sessionId, LIVE_MIN_CHANGES, String(LIVE_MIN_INTERVAL_MS)],
    );
    const row = claimed[0];
    if (!row?.claimed) return row?.wait_ms && row.wait_ms > 0 ? { retryInMs: row.wait_ms } : null;
    const state = await this.db.transaction(async (tx) => {
      const session = await tx.getRepository(LiveSessionEntity).findOneByOrFail({ id: sessionId });
      if (session.promptIndex === null) return null;
      const liveResult = await this.sessions.computeResult(tx, session, session.promptIndex);
      await tx.getRepository(LiveSessionEntity).update({ id: sessionId }, { liveResult, version: () => 'version + 1' });
      return this.sessions.publicState(await tx.getRepository(LiveSessionEntity).findOneByOrFail({ id: sessionId }), tx);
    });
    return state ? { state } : null;
  }
}
