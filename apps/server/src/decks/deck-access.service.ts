import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AccessEntry, AccessInvite, AccessRole } from '@candor/shared';
import { DataSource } from 'typeorm';
import { AuditService } from '../accounts/audit.service.js';
import { AppError } from '../common/app-error.js';
import { pgCode } from '../common/pg-error.js';
import { DecksService } from './decks.service.js';

type Row = { facilitator_id: string; email: string; role: AccessRole; created_at: Date };
const FOREIGN_KEY_VIOLATION = '23503';

// A deck shared with other accounts (as sessions are, sessions/session-access.service.ts): the owner
// gives, changes and removes access by the other account's email; an account with access may leave.
// Both accounts' audit logs say so (the deck's title and the other account's email).
@Injectable()
export class DeckAccessService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly decks: DecksService,
    private readonly audit: AuditService,
  ) {}

  async list(ownerId: string, deckId: string): Promise<AccessEntry[]> {
    await this.decks.permitted(ownerId, deckId, 'own');
    const rows: Row[] = await this.db.query(
      `SELECT a.facilitator_id, f.email, a.role, a.created_at FROM deck_access a JOIN facilitators f ON f.id = a.facilitator_id
        WHERE a.deck_id = $1 ORDER BY a.created_at, f.email`,
      [deckId],
    );
    return rows.map((row) => ({ accountId: row.facilitator_id, email: row.email, role: row.role, createdAt: new Date(row.created_at).toISOString() }));
  }

  // An address without an account answers 404 NOT_FOUND, as for sessions (docs/security.md says why).
  async give(ownerId: string, deckId: string, { email, role }: AccessInvite): Promise<AccessEntry> {
    const deck = await this.decks.permitted(ownerId, deckId, 'own');
    const found: { id: string }[] = await this.db.query('SELECT id FROM facilitators WHERE email = $1', [email]);
    const accountId = found[0]?.id;
    if (!accountId) throw new AppError('NOT_FOUND', 'There is no Candor account with this email. Ask them to sign up first.');
    if (accountId === ownerId) throw new AppError('INVALID_PAYLOAD', 'This is your own deck.');
    const rows = await this.db
      .query<{ given: boolean }[]>(
        `WITH up AS (INSERT INTO deck_access (deck_id, facilitator_id, role, invited_by) VALUES ($1, $2, $3, $4)
                     ON CONFLICT (deck_id, facilitator_id) DO UPDATE SET role = EXCLUDED.role WHERE deck_access.role <> EXCLUDED.role
                     RETURNING (xmax = 0) AS given)
         SELECT given FROM up`,
        [deckId, accountId, role, ownerId],
      )
      .catch((error: unknown) => {
        if (pgCode(error) === FOREIGN_KEY_VIOLATION) throw new AppError('DECK_NOT_FOUND', 'This deck no longer exists.');
        throw error;
      });
    if (rows.length > 0) await this.recordBoth(ownerId, accountId, rows[0].given ? 'access-given' : 'access-changed', `${deck.deck.title}, ${role}`);
    return this.entry(ownerId, deckId, accountId);
  }

  async change(ownerId: string, deckId: string, accountId: string, role: AccessRole): Promise<AccessEntry> {
    const deck = await this.decks.permitted(ownerId, deckId, 'own');
    const changed: unknown[] = await this.db.query(
      'WITH up AS (UPDATE deck_access SET role = $3 WHERE deck_id = $1 AND facilitator_id = $2 AND role <> $3 RETURNING 1) SELECT 1 FROM up',
      [deckId, accountId, role],
    );
    if (changed.length > 0) await this.recordBoth(ownerId, accountId, 'access-changed', `${deck.deck.title}, ${role}`);
    return this.entry(ownerId, deckId, accountId);
  }

  async remove(callerId: string, deckId: string, accountId: string): Promise<void> {
    const deck = await this.decks.permitted(callerId, deckId, 'read');
    if (deck.access !== 'owner' && accountId !== callerId) throw new AppError('FORBIDDEN', "Only the deck's owner can remove someone else.");
    const gone: unknown[] = await this.db.query('WITH gone AS (DELETE FROM deck_access WHERE deck_id = $1 AND facilitator_id = $2 RETURNING 1) SELECT 1 FROM gone', [
      deckId,
      accountId,
    ]);
    if (gone.length === 0) throw noAccess();
    await this.recordBoth(deck.ownerId, accountId, deck.access === 'owner' ? 'access-removed' : 'access-left', deck.deck.title);
  }

  private async entry(ownerId: string, deckId: string, accountId: string): Promise<AccessEntry> {
    const entry = (await this.list(ownerId, deckId)).find((e) => e.accountId === accountId);
    if (!entry) throw noAccess();
    return entry;
  }

  private async recordBoth(ownerId: string, otherId: string, action: 'access-given' | 'access-changed' | 'access-removed' | 'access-left', what: string): Promise<void> {
    const emails: { id: string; email: string }[] = await this.db.query('SELECT id, email FROM facilitators WHERE id = ANY($1::uuid[])', [[ownerId, otherId]]);
    const emailOf = (id: string) => emails.find((e) => e.id === id)?.email ?? '';
    await this.audit.record(ownerId, action, `${what}: ${emailOf(otherId)}`);
    await this.audit.record(otherId, action, `${what}: ${emailOf(ownerId)}`);
  }
}

function noAccess(): AppError {
  return new AppError('NOT_FOUND', 'This account has no access to this deck.');
}
