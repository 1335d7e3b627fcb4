import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CONFIG, type Config } from '../config/config.js';

// Privacy rule 7: raw answers (and the seats and texts tied to them) are deleted a set time after a
// session ends; released aggregates stay until the facilitator deletes the session. Every instance
// sweeps; the deletes are idempotent.
@Injectable()
export class RetentionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RetentionService.name);
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.sweep().catch((error: unknown) => this.logger.warn(`sweep failed: ${(error as Error).message}`));
    }, this.config.retentionSweepSeconds * 1000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  // Returns how many seats were cleared (their answers and texts go with them by cascade).
  async sweep(): Promise<number> {
    // The seats and the sessions' counts in one statement.
    const deleted: unknown[] = await this.db.query(
      `WITH gone AS (
         DELETE FROM participants p USING live_sessions s
          WHERE p.session_id = s.id AND s.ended_at IS NOT NULL
            AND s.ended_at < now() - ($1 || ' seconds')::interval
         RETURNING p.session_id
       ), counted AS (
         UPDATE live_sessions s SET participant_count = s.participant_count - c.n
           FROM (SELECT session_id, count(*)::int AS n FROM gone GROUP BY session_id) c
          WHERE s.id = c.session_id
       )
       SELECT 1 FROM gone`,
      [String(Math.round(this.config.answerRetentionHours * 3600))],
    );
    if (deleted.length > 0) this.logger.log(`retention: removed ${deleted.length} seats with their answers`);
    return deleted.length;
  }
}
