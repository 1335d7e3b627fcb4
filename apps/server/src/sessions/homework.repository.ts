import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { LiveSessionEntity } from './live-session.entity.js';

export type NewHomeworkSeat = { participantId: string; tokenHash: string; inviteHash: string; position: number };

// The queries of homework seats (homework_seats beside participants). Inside a transaction, pass its manager.
@Injectable()
export class HomeworkRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  // The session and its seats in one transaction: a homework is never there without its links.
  async insert(tx: EntityManager, session: LiveSessionEntity, seats: NewHomeworkSeat[]): Promise<void> {
    await tx.getRepository(LiveSessionEntity).insert({ ...session, participantCount: seats.length });
    for (const seat of seats) {
      await tx.query('INSERT INTO participants (id, session_id, token_hash, seat_number, shuffle_seed) VALUES ($1, $2, $3, $4, $5)', [
        seat.participantId,
        session.id,
        seat.tokenHash,
        seat.position,
        randomUUID(),
      ]);
      await tx.query('INSERT INTO homework_seats (participant_id, session_id, position, invite_hash) VALUES ($1, $2, $3, $4)', [
        seat.participantId,
        session.id,
        seat.position,
        seat.inviteHash,
      ]);
    }
  }

  // Opening a link: the seat whose invitation this is gets `tokenHash` as its token and loses the
  // invitation, in one statement (two phones opening one link at once: one gets the seat). Its session, or null.
  async claim(inviteHash: string, tokenHash: string): Promise<string | null> {
    const rows: { session_id: string }[] = await this.db.query(
      `WITH seat AS (UPDATE homework_seats SET invite_hash = NULL WHERE invite_hash = $1 RETURNING participant_id),
            moved AS (UPDATE participants p SET token_hash = $2 FROM seat WHERE p.id = seat.participant_id RETURNING p.session_id)
       SELECT session_id FROM moved`,
      [inviteHash, tokenHash],
    );
    return rows[0]?.session_id ?? null;
  }

  // Opening a group homework's one link: a new seat with `seat.tokenHash`, while the homework is open and
  // has fewer than `max` seats. The session row is held, so seats get positions one after another. Its
  // session and its seats now, 'full', or 'unknown' (no open group homework has this invitation).
  async claimGroupSeat(
    inviteHash: string,
    seat: { participantId: string; tokenHash: string },
    now: Date,
    max: number,
  ): Promise<{ sessionId: string; seats: number } | 'full' | 'unknown'> {
    return this.db.transaction(async (tx) => {
      const rows: { id: string; seats: number }[] = await tx.query(
        `SELECT s.id, s.participant_count AS seats FROM live_sessions s
          WHERE s.group_invite_hash = $1 AND s.schedule = 'homework' AND s.phase = 'open' AND s.closes_at > $2
          FOR UPDATE`,
        [inviteHash, now],
      );
      const session = rows[0];
      if (!session) return 'unknown';
      if (session.seats >= max) return 'full';
      const position: { n: number }[] = await tx.query('SELECT coalesce(max(position), 0)::int + 1 AS n FROM homework_seats WHERE session_id = $1', [session.id]);
      await tx.query('INSERT INTO participants (id, session_id, token_hash) VALUES ($1, $2, $3)', [seat.participantId, session.id, seat.tokenHash]);
      await tx.query('INSERT INTO homework_seats (participant_id, session_id, position) VALUES ($1, $2, $3)', [seat.participantId, session.id, position[0]?.n ?? 1]);
      await tx.query('UPDATE live_sessions SET participant_count = participant_count + 1 WHERE id = $1', [session.id]);
      return { sessionId: session.id, seats: session.seats + 1 };
    });
  }

  // A group homework's one link anew: the old invitation stops working.
  async setGroupInvite(sessionId: string, inviteHash: string): Promise<void> {
    await this.db.query('UPDATE live_sessions SET group_invite_hash = $2 WHERE id = $1', [sessionId, inviteHash]);
  }

  // New invitations for the seats whose links were not opened yet (by position); the positions renewed.
  async renewInvites(sessionId: string, hashes: Map<number, string>): Promise<number[]> {
    const renewed: { position: number }[] = await this.db.query(
      `WITH renewed AS (
         UPDATE homework_seats h SET invite_hash = v.hash
           FROM unnest($2::int[], $3::text[]) AS v(position, hash)
          WHERE h.session_id = $1 AND h.position = v.position AND h.invite_hash IS NOT NULL
          RETURNING h.position)
       SELECT position FROM renewed`,
      [sessionId, [...hashes.keys()], [...hashes.values()]],
    );
    return renewed.map((r) => r.position);
  }

  async seatCount(sessionId: string): Promise<number> {
    const rows: { n: number }[] = await this.db.query('SELECT count(*)::int AS n FROM homework_seats WHERE session_id = $1', [sessionId]);
    return rows[0]?.n ?? 0;
  }

  async setFinished(tx: EntityManager, participantId: string, finished: boolean): Promise<void> {
    await tx.query('UPDATE homework_seats SET finished = $2 WHERE participant_id = $1', [participantId, finished]);
  }

  // How many seats the homework has and how many said they have finished.
  async counts(tx: EntityManager, sessionId: string): Promise<{ seats: number; finished: number }> {
    const rows: { seats: number; finished: number }[] = await tx.query(
      'SELECT count(*)::int AS seats, count(*) FILTER (WHERE finished)::int AS finished FROM homework_seats WHERE session_id = $1',
      [sessionId],
    );
    return rows[0] ?? { seats: 0, finished: 0 };
  }

  async isFinished(participantId: string): Promise<boolean> {
    const rows: { finished: boolean }[] = await this.db.query('SELECT finished FROM homework_seats WHERE participant_id = $1', [participantId]);
    return rows[0]?.finished ?? false;
  }
}
