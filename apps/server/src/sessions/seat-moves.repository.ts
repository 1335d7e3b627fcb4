import { Injectable } from "@nestjs/common";
import { InjectDataSource } from "@nestjs/typeorm";
import { DataSource, type EntityManager } from "typeorm";

export type PendingReclaim = {
  id: string;
  codeHash: string;
  tokenHash: string;
  attempts: number;
};

// The queries of moving a seat to a new phone: a facilitator's new link (participants.invite_hash, or
// homework_seats' for homework) and a self-run couple's reclaim (seat_reclaims). Inside a transaction,
// pass its manager (pglite-pool.ts).
@Injectable()
export class SeatMovesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  // A couple's or a homework's seats by number, and whether a phone holds each (a new link not yet opened: no).
  async seats(sessionId: string): Promise<{ seat: number; opened: boolean }[]> {
    const rows: { seat: number; opened: boolean }[] = await this.db.query(
      `SELECT coalesce(h.position, p.seat_number) AS seat, (p.invite_hash IS NULL AND h.invite_hash IS NULL) AS opened
         FROM participants p LEFT JOIN homework_seats h ON h.participant_id = p.id
        WHERE p.session_id = $1 AND coalesce(h.position, p.seat_number) IS NOT NULL
        ORDER BY 1`,
      [sessionId],
    );
    return rows;
  }

  // A live couple's seat gets a token nobody holds and a new invitation, in one statement: the old
  // token stops opening it at once. The seat's id, or null if there is no such seat.
  async relinkLive(
    tx: EntityManager,
    sessionId: string,
    seat: number,
    voidHash: string,
    inviteHash: string,
  ): Promise<string | null> {
    const rows: { id: string }[] = await tx.query(
      "WITH seat AS (UPDATE participants SET token_hash = $3, invite_hash = $4 WHERE session_id = $1 AND seat_number = $2 RETURNING id) SELECT id FROM seat",
      [sessionId, seat, voidHash, inviteHash],
    );
    return rows[0]?.id ?? null;
  }

  // The same for a homework seat (by link position), opened or not; its invitation lives in homework_seats.
  async relinkHomework(
    tx: EntityManager,
    sessionId: string,
    seat: number,
    voidHash: string,
    inviteHash: string,
  ): Promise<string | null> {
    const rows: { id: string }[] = await tx.query(
      `WITH seat AS (UPDATE homework_seats SET invite_hash = $4 WHERE session_id = $1 AND position = $2 RETURNING participant_id),
            voided AS (UPDATE participants p SET token_hash = $3 FROM seat WHERE p.id = seat.participant_id RETURNING p.id)
       SELECT id FROM voided`,
      [sessionId, seat, voidHash, inviteHash],
    );
    return rows[0]?.id ?? null;
  }

  // Opening a live seat's new link: the seat whose invitation this is gets `tokenHash` and loses the
  // invitation, in one statement (two phones at once: one gets it). Its session, or null.
  async claimLive(
    inviteHash: string,
    tokenHash: string,
  ): Promise<string | null> {
    const rows: { session_id: string }[] = await this.db.query(
      "WITH moved AS (UPDATE participants SET token_hash = $2, invite_hash = NULL WHERE invite_hash = $1 RETURNING session_id) SELECT session_id FROM moved",
      [inviteHash, tokenHash],
    );
    return rows[0]?.session_id ?? null;
  }

  // A new reclaim, unless one is pending (and not expired): ended and expired ones make room first. Its id, or null.
  async startReclaim(
    reclaim: {
      id: string;
      sessionId: string;
      codeHash: string;
      tokenHash: string;
      expiresAt: Date;
    },
    now: Date,
  ): Promise<string | null> {
    return this.db.transaction(async (tx) => {
      await tx.query(
        "DELETE FROM seat_reclaims WHERE session_id = $1 AND (status <> 'pending' OR expires_at <= $2)",
        [reclaim.sessionId, now],
      );
      const rows: { id: string }[] = await tx.query(
        `WITH started AS (
           INSERT INTO seat_reclaims (id, session_id, code_hash, token_hash, expires_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (session_id) DO NOTHING RETURNING id)
         SELECT id FROM started`,
        [
          reclaim.id,
          reclaim.sessionId,
          reclaim.codeHash,
          reclaim.tokenHash,
          reclaim.expiresAt,
        ],
      );
      return rows[0]?.id ?? null;
    });
  }

  // The session's pending reclaim, held until the transaction ends (two confirmations at once: one at a time).
  async lockPending(
    tx: EntityManager,
    sessionId: string,
    now: Date,
  ): Promise<PendingReclaim | null> {
    const rows: {
      id: string;
      code_hash: string;
      token_hash: string;
      attempts: number;
    }[] = await tx.query(
      "SELECT id, code_hash, token_hash, attempts FROM seat_reclaims WHERE session_id = $1 AND status = 'pending' AND expires_at > $2 FOR UPDATE",
      [sessionId, now],
    );
    const row = rows[0];
    return row
      ? {
          id: row.id,
          codeHash: row.code_hash,
          tokenHash: row.token_hash,
          attempts: row.attempts,
        }
      : null;
  }

  async setAttempts(
    tx: EntityManager,
    id: string,
    attempts: number,
    status: "pending" | "void",
  ): Promise<void> {
    await tx.query(
      "UPDATE seat_reclaims SET attempts = $2, status = $3 WHERE id = $1",
      [id, attempts, status],
    );
  }

  async setStatus(
    tx: EntityManager,
    id: string,
    status: "moved" | "declined",
  ): Promise<void> {
    await tx.query("UPDATE seat_reclaims SET status = $2 WHERE id = $1", [
      id,
      status,
    ]);
  }

  // The seat of this session that is not `keep` takes the token the new phone holds. The moved seat's id, or null.
  async moveOtherSeat(
    tx: EntityManager,
    sessionId: string,
    keep: string,
    tokenHash: string,
  ): Promise<string | null> {
    const rows: { id: string }[] = await tx.query(
      "WITH moved AS (UPDATE participants SET token_hash = $3 WHERE session_id = $1 AND id <> $2 RETURNING id) SELECT id FROM moved",
      [sessionId, keep, tokenHash],
    );
    return rows.length === 1 ? (rows[0]?.id ?? null) : null;
  }

  // The reclaim's status for the phone that holds its token; null if there is none (any more).
  async status(
    id: string,
    tokenHash: string,
    now: Date,
  ): Promise<string | null> {
    const rows: { status: string; expired: boolean }[] = await this.db.query(
      "SELECT status, expires_at <= $3 AS expired FROM seat_reclaims WHERE id = $1 AND token_hash = $2",
      [id, tokenHash, now],
    );
    const row = rows[0];
    if (!row) return null;
    return row.status === "pending" && row.expired ? "void" : row.status;
  }

  async pending(sessionId: string, now: Date): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      "SELECT 1 FROM seat_reclaims WHERE session_id = $1 AND status = 'pending' AND expires_at > $2",
      [sessionId, now],
    );
    return rows.length > 0;
  }
}
