import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { AuditAction, AuditEvent } from '@candor/shared';
import { LessThan, Repository } from 'typeorm';
import { Clock } from '../common/clock.js';
import { CONFIG, type Config } from '../config/config.js';
import { AuditEventEntity } from './audit-event.entity.js';

// How many events the account page shows: a year of a busy practice's sign-ins and exports.
const SHOWN = 500;

// The account's audit log (HIPAA's audit controls): sign-ins and their failures, logoffs, exports, and
// deletions of sessions and decks. Only appended to; read by the account's owner; deleted by its
// retention (CANDOR_AUDIT_RETENTION_DAYS) and with the account. Never an answer or a participant.
@Injectable()
export class AuditService {
  constructor(
    @InjectRepository(AuditEventEntity) private readonly events: Repository<AuditEventEntity>,
    @Inject(CONFIG) private readonly config: Config,
    private readonly clock: Clock,
  ) {}

  async record(facilitatorId: string, action: AuditAction, detail: string | null = null): Promise<void> {
    await this.events.insert({ facilitatorId, action, detail, at: this.clock.now() });
  }

  async list(facilitatorId: string): Promise<AuditEvent[]> {
    const rows = await this.events.find({ where: { facilitatorId }, order: { at: 'DESC', id: 'DESC' }, take: SHOWN });
    return rows.map((row) => ({ at: row.at.toISOString(), action: row.action, detail: row.detail }));
  }

  // The retention sweep's part: events older than the audit retention go.
  async deleteExpired(): Promise<number> {
    const before = new Date(this.clock.now().getTime() - this.config.auditRetentionDays * 86_400_000);
    return (await this.events.delete({ at: LessThan(before) })).affected ?? 0;
  }
}
