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
