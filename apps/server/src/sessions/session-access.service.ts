import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AccessEntry, AccessInvite, AccessRole } from '@candor/shared';
import { Subject } from 'rxjs';
import { DataSource } from 'typeorm';
import { AuditService } from '../accounts/audit.service.js';
import { AppError } from '../common/app-error.js';
import { pgCode } from '../common/pg-error.js';
import { SessionAccessRepository } from './session-access.repository.js';
import { SessionLifecycleService } from './session-lifecycle.service.js';

// Co-facilitators: the owner of a session gives another account access to it, as a co-runner or a
// viewer, changes the role and takes it away; an account with access may leave. Each change is on the
// owner's audit log and on the other account's (the detail names the session and the other account's
// email, never a participant). docs/security.md, "Co-facilitators", says who may do what.
@Injectable()
export class SessionAccessService {
  private readonly logger = new Logger(SessionAccessService.name);
  // An account's access to a session changed or ended: its consoles are closed (the broadcaster, on
  // every instance), and reconnect with the new role, or not at all.
  readonly changed = new Subject<{ sessionId: string; facilitatorId: string }>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: SessionAccessRepository,
    private readonly lifecycle: SessionLifecycleService,
    private readonly audit: AuditService,
  ) {}

  async list(ownerId: string, sessionId: string): Promise<AccessEntry[]> {
    await this.lifecycle.owned(ownerId, sessionId);
    return this.repo.list(sessionId);
  }

  // By the other account's email. An address without an account answers 404 NOT_FOUND: whether an
  // address has a Candor account is already told to anyone by the sign-up (EMAIL_TAKEN), so saying it
  // to a logged-in owner tells nothing new (docs/security.md).
  async give(ownerId: string, sessionId: string, { email, role }: AccessInvite): Promise<AccessEntry> {
    const session = await this.lifecycle.owned(ownerId, sessionId);
    const rows: { id: string }[] = await this.db.query('SELECT id FROM facilitators WHERE email = $1', [email]);
    const accountId = rows[0]?.id;
    if (!accountId) throw new AppError('NOT_FOUND', 'There is no Candor account with this email. Ask them to sign up first.');
    if (accountId === ownerId) throw new AppError('INVALID_PAYLOAD', 'This is your own session: you have every right in it already.');
    // Given again with the role it has: nothing changes, nothing is logged.
    const outcome = await this.repo.upsert(sessionId, accountId, role, ownerId).catch((error: unknown) => {
      // The session (or the account) was deleted meanwhile.
      if (pgCode(error) === FOREIGN_KEY_VIOLATION) throw new AppError('SESSION_NOT_FOUND', 'This session no longer exists.');
      throw error;
    });
    if (outcome !== 'same') {
      await this.recordBoth(ownerId, accountId, outcome === 'given' ? 'access-given' : 'access-changed', `${session.deck.title} (${session.code}), ${role}`);
      if (outcome === 'changed') this.changed.next({ sessionId, facilitatorId: accountId });
      this.logger.log(`session ${sessionId}: access ${outcome} (${role})`);
    }
    return this.entry(sessionId, accountId);
  }

  async change(ownerId: string, sessionId: string, accountId: string, role: AccessRole): Promise<AccessEntry> {
    const session = await this.lifecycle.owned(ownerId, sessionId);
    const before = await this.repo.roleOf(sessionId, accountId);
    if (!before) throw noAccess();
    if (before === role) return this.entry(sessionId, accountId);
    if (!(await this.repo.setRole(sessionId, accountId, role))) throw noAccess();
    await this.recordBoth(ownerId, accountId, 'access-changed', `${session.deck.title} (${session.code}), ${role}`);
    this.changed.next({ sessionId, facilitatorId: accountId });
    return this.entry(sessionId, accountId);
  }

  // The owner removes anyone's access; an account with access removes only its own (it leaves).
  async remove(callerId: string, sessionId: string, accountId: string): Promise<void> {
    const { session, access } = await this.lifecycle.permitted(callerId, sessionId, 'read');
    if (access !== 'owner' && accountId !== callerId) throw new AppError('FORBIDDEN', "Only the session's owner can remove someone else.");
    if (!(await this.repo.remove(sessionId, accountId))) throw noAccess();
    const what = `${session.deck.title} (${session.code})`;
    const ownerId = session.facilitatorId ?? callerId;
    if (access === 'owner') await this.recordBoth(ownerId, accountId, 'access-removed', what);
    else await this.recordBoth(ownerId, accountId, 'access-left', what);
    this.changed.next({ sessionId, facilitatorId: accountId });
    this.logger.log(`session ${sessionId}: access ${access === 'owner' ? 'removed' : 'left'}`);
  }

  private async entry(sessionId: string, accountId: string): Promise<AccessEntry> {
    const entry = await this.repo.entry(sessionId, accountId);
    // Removed in the meantime (the owner's other tab).
    if (!entry) throw noAccess();
    return entry;
  }

  // The owner's log names the other account; the other account's log names the owner.
  private async recordBoth(ownerId: string, otherId: string, action: 'access-given' | 'access-changed' | 'access-removed' | 'access-left', what: string): Promise<void> {
    const emails: { id: string; email: string }[] = await this.db.query('SELECT id, email FROM facilitators WHERE id = ANY($1::uuid[])', [[ownerId, otherId]]);
    const emailOf = (id: string) => emails.find((e) => e.id === id)?.email ?? '';
    await this.audit.record(ownerId, action, `${what}: ${emailOf(otherId)}`);
    await this.audit.record(otherId, action, `${what}: ${emailOf(ownerId)}`);
  }
}

// PostgreSQL's SQLSTATE for a row whose referenced row is gone.
const FOREIGN_KEY_VIOLATION = '23503';

function noAccess(): AppError {
  return new AppError('NOT_FOUND', 'This account has no access to this session.');
}
