import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AccessEntry, AccessRole } from '@candor/shared';
import { DataSource } from 'typeorm';
import { SessionAccessEntity } from './session-access.entity.js';

// The queries of the session_access table.
@Injectable()
export class SessionAccessRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private repo() {
    return this.db.getRepository(SessionAccessEntity);
  }

  async roleOf(sessionId: string, facilitatorId: string): Promise<AccessRole | null> {
    return (await this.repo().findOne({ where: { sessionId, facilitatorId }, select: { role: true } }))?.role ?? null;
  }

  // The sessions shared with an account, with its role in each.
  async sharedWith(facilitatorId: string): Promise<Map<string, AccessRole>> {
    const rows = await this.repo().find({ where: { facilitatorId }, select: { sessionId: true, role: true } });
    return new Map(rows.map((row) => [row.sessionId, row.role]));
  }

  async list(sessionId: string): Promise<AccessEntry[]> {
    const rows: { facilitator_id: string; email: string; role: AccessRole; created_at: Date }[] = await this.db.query(
      `SELECT a.facilitator_id, f.email, a.role, a.created_at
         FROM session_access a JOIN facilitators f ON f.id = a.facilitator_id
        WHERE a.session_id = $1 ORDER BY a.created_at, f.email`,
      [sessionId],
    );
    return rows.map(entryOf);
  }

  async entry(sessionId: string, facilitatorId: string): Promise<AccessEntry | null> {
    return (await this.list(sessionId)).find((e) => e.accountId === facilitatorId) ?? null;
  }

  // Gives access, or a new role to an account that has it: one statement, so two invites of the same
  // account at once leave one row. 'given': this statement inserted it (xmax is 0 only for a row the
  // statement inserted); 'changed': it had another role; 'same': it had this role already. A SELECT over
  // it: rows on PostgreSQL and on PGlite alike.
  async upsert(sessionId: string, facilitatorId: string, role: AccessRole, invitedBy: string): Promise<'given' | 'changed' | 'same'> {
    const rows: { given: boolean }[] = await this.db.query(
      `WITH up AS (INSERT INTO session_access (session_id, facilitator_id, role, invited_by) VALUES ($1, $2, $3, $4)
                   ON CONFLICT (session_id, facilitator_id) DO UPDATE SET role = EXCLUDED.role WHERE session_access.role <> EXCLUDED.role
                   RETURNING (xmax = 0) AS given)
       SELECT given FROM up`,
      [sessionId, facilitatorId, role, invitedBy],
    );
    return rows.length === 0 ? 'same' : rows[0].given ? 'given' : 'changed';
  }

  // A new role for an account that has access; false if it has none.
  async setRole(sessionId: string, facilitatorId: string, role: AccessRole): Promise<boolean> {
    return Boolean((await this.repo().update({ sessionId, facilitatorId }, { role })).affected);
  }

  async remove(sessionId: string, facilitatorId: string): Promise<boolean> {
    return Boolean((await this.repo().delete({ sessionId, facilitatorId })).affected);
  }
}

function entryOf(row: { facilitator_id: string; email: string; role: AccessRole; created_at: Date }): AccessEntry {
  return { accountId: row.facilitator_id, email: row.email, role: row.role, createdAt: new Date(row.created_at).toISOString() };
}
