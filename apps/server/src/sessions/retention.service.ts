import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CONFIG, type Config } from '../config/config.js';
import { Clock } from '../common/clock.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { AuditService } from '../accounts/audit.service.js';
import { ParticipantsRepository } from './participants.repository.js';

// Privacy rule 7: raw answers (and the seats and texts tied to them) are deleted a set time after a
// session ends; released aggregates stay until the facilitator deletes the session. Every instance
// sweeps; the deletes are idempotent.
@Injectable()
export class RetentionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RetentionService.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly seats: ParticipantsRepository,
    private readonly clock: Clock,
    private readonly accounts: AccountsService,
    private readonly audit: AuditService,
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
    const seconds = Math.round(this.config.answerRetentionHours * 3600);
    // Homework counts from its close, or from its reveal when that came later (a therapist's release).
    const deleted = (await this.seats.deleteEndedBefore(seconds)) + (await this.seats.deleteHomeworkClosedBefore(this.clock.now(), seconds));
    if (deleted > 0) this.logger.log(`retention: removed ${deleted} seats with their answers`);
    // Logins idle too long or expired end; the audit log keeps its own time (CANDOR_AUDIT_RETENTION_DAYS).
    await this.accounts.endOverdue();
    const events = await this.audit.deleteExpired();
    if (events > 0) this.logger.log(`retention: removed ${events} audit events`);
    return deleted;
  }
}
