import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AnswerValue } from '@candor/shared';
import { DataSource, type EntityManager } from 'typeorm';

// One group join waiting for its batch: the seat's id and token hash, and the code it asked for.
export type GroupJoin = { id: string; tokenHash: string; code: string };

// A seat as the handshake finds it by its token, with the participant's stored answers (for the snapshot)
// and the prompt they said they are finished with (couples).
export type SeatWithAnswers = {
  participantId: string;
  sessionId: string;
  myAnswers: Record<string, AnswerValue>;
  finishedPromptId: string | null;
  // The seat's shuffle seed (couples and homework; it stays when the seat moves to a new phone).
  shuffleSeed: string | null;
};

// The queries of the participants table (seats), with the session's seat count they keep.
// Inside a transaction, pass its manager (pglite-pool.ts).
@Injectable()
export class ParticipantsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  // Each join whose code names a running group session gets its seat, inserted with the sessions'
  // counts in one statement (one commit); the map says which session each join got, or null.
  async seatInGroups(joins: GroupJoin[]): Promise<Map<GroupJoin, string | null>> {
    const rows: { id: string; session_id: string }[] = await this.db.query(
      `WITH seated AS (
         INSERT INTO participants (id, session_id, token_hash)
         SELECT j.id, s.id, j.token_hash
           FROM unnest($1::uuid[], $2::text[], $3::text[]) AS j(id, token_hash, code)
           JOIN live_sessions s ON s.code = j.code AND s.ended_at IS NULL AND s.mode = 'group'
         RETURNING id, session_id
       ), counted AS (
         UPDATE live_sessions s SET participant_count = s.participant_count + c.n
           FROM (SELECT session_id, count(*)::int AS n FROM seated GROUP BY session_id) c
          WHERE s.id = c.session_id
       )
       SELECT id, session_id FROM seated`,
      [joins.map((j) => j.id), joins.map((j) => j.tokenHash), joins.map((j) => j.code)],
    );
    const seated = new Map(rows.map((r) => [r.id, r.session_id]));
    return new Map(joins.map((j) => [j, seated.get(j.id) ?? null]));
  }

  // A couple's seat, taken by one conditional statement: of several joins at once only as many as there
  // are free seats get one (the UPDATE re-checks the count after waiting for the row). Its number is the
  // count it made (1, then 2; a couple's withdrawal ends the session, so no number comes twice). The
  // session's id, or null.
  async seatInCouple(code: string, id: string, tokenHash: string, shuffleSeed: string): Promise<string | null> {
    const seated: { session_id: string }[] = await this.db.query(
      `WITH seat AS (
         UPDATE live_sessions SET participant_count = participant_count + 1
          WHERE code = $1 AND ended_at IS NULL AND mode = 'couple' AND participant_count < 2
          RETURNING id, participant_count)
       INSERT INTO participants (id, session_id, token_hash, seat_number, shuffle_seed)
       SELECT $2, id, $3, participant_count, $4 FROM seat RETURNING session_id`,
      [code, id, tokenHash, shuffleSeed],
    );
    return seated[0]?.session_id ?? null;
  }

  // The seats of these token hashes, each with its answers as one object by prompt id (read per seat
  // through the answers' primary key, whatever the planner believes about the tables' sizes).
  async seatsByTokenHash(hashes: string[]): Promise<Map<string, SeatWithAnswers | null>> {
    const rows: {
      id: string;
      session_id: string;
      token_hash: string;
      finished_prompt_id: string | null;
      shuffle_seed: string | null;
      answers: Record<string, AnswerValue> | null;
    }[] = await this.db.query(
      `SELECT p.id, p.session_id, p.token_hash, p.finished_prompt_id, p.shuffle_seed,
              (SELECT jsonb_object_agg(a.prompt_id, a.value) FROM answers a WHERE a.participant_id = p.id) AS answers
         FROM participants p
        WHERE p.token_hash = ANY($1::text[])`,
      [hashes],
    );
    const seats = new Map<string, SeatWithAnswers | null>(hashes.map((h) => [h, null]));
    for (const r of rows) {
      seats.set(r.token_hash, { participantId: r.id, sessionId: r.session_id, myAnswers: r.answers ?? {}, finishedPromptId: r.finished_prompt_id, shuffleSeed: r.shuffle_seed });
    }
    return seats;
  }

  // The seat and, by cascade, its answers and texts; false if it was gone already.
  async delete(tx: EntityManager, participantId: string, sessionId: string): Promise<boolean> {
    // A SELECT over the DELETE, so that the rows come back as rows on PostgreSQL and PGlite alike.
    const deleted: unknown[] = await tx.query('WITH gone AS (DELETE FROM participants WHERE id = $1 AND session_id = $2 RETURNING 1) SELECT 1 FROM gone', [
      participantId,
      sessionId,
    ]);
    return deleted.length > 0;
  }

  async setAwayUntil(participantId: string, away: boolean, forMs: number): Promise<void> {
    await this.db.query(
      `UPDATE participants SET away_until = CASE WHEN $2 THEN now() + ($3 || ' milliseconds')::interval ELSE NULL END WHERE id = $1`,
      [participantId, away, String(forMs)],
    );
  }

  async awayCount(sessionId: string): Promise<number> {
    const rows: { n: number }[] = await this.db.query('SELECT count(*)::int AS n FROM participants WHERE session_id = $1 AND away_until > now()', [
      sessionId,
    ]);
    return rows[0]?.n ?? 0;
  }

  // Couples with a therapist: "I'd like to talk to the therapist alone", set or taken back.
  async setTalkAlone(participantId: string, asking: boolean): Promise<void> {
    await this.db.query('UPDATE participants SET talk_alone = $2 WHERE id = $1', [participantId, asking]);
  }

  async talkAloneCount(sessionId: string): Promise<number> {
    const rows: { n: number }[] = await this.db.query('SELECT count(*)::int AS n FROM participants WHERE session_id = $1 AND talk_alone', [sessionId]);
    return rows[0]?.n ?? 0;
  }

  async talksAlone(participantId: string): Promise<boolean> {
    const rows: { talk_alone: boolean }[] = await this.db.query('SELECT talk_alone FROM participants WHERE id = $1', [participantId]);
    return rows[0]?.talk_alone ?? false;
  }

  async shuffleSeedOf(participantId: string): Promise<string | null> {
    const rows: { shuffle_seed: string | null }[] = await this.db.query('SELECT shuffle_seed FROM participants WHERE id = $1', [participantId]);
    return rows[0]?.shuffle_seed ?? null;
  }

  // Couples: the prompt a partner said "I'm finished" with (null: not finished).
  async setFinished(tx: EntityManager, participantId: string, promptId: string | null): Promise<void> {
    await tx.query('UPDATE participants SET finished_prompt_id = $2 WHERE id = $1', [participantId, promptId]);
  }

  async clearFinished(tx: EntityManager, sessionId: string): Promise<void> {
    await tx.query('UPDATE participants SET finished_prompt_id = NULL WHERE session_id = $1', [sessionId]);
  }

  // A couple's other seat, if it is taken.
  async partnerOf(tx: EntityManager, sessionId: string, participantId: string): Promise<string | null> {
    const rows: { id: string }[] = await tx.query('SELECT id FROM participants WHERE session_id = $1 AND id <> $2 LIMIT 1', [sessionId, participantId]);
    return rows[0]?.id ?? null;
  }

  async finishedCount(tx: EntityManager, sessionId: string, promptId: string): Promise<number> {
    const rows: { n: number }[] = await tx.query('SELECT count(*)::int AS n FROM participants WHERE session_id = $1 AND finished_prompt_id = $2', [
      sessionId,
      promptId,
    ]);
    return rows[0]?.n ?? 0;
  }

  async finishedPromptOf(participantId: string): Promise<string | null> {
    const rows: { finished_prompt_id: string | null }[] = await this.db.query('SELECT finished_prompt_id FROM participants WHERE id = $1', [
      participantId,
    ]);
    return rows[0]?.finished_prompt_id ?? null;
  }

  // Privacy rule 7: the seats of live sessions that ended more than `seconds` ago. How many seats went.
  deleteEndedBefore(seconds: number): Promise<number> {
    return this.deleteSeatsWhere(`s.ended_at IS NOT NULL AND s.schedule = 'live' AND s.ended_at < now() - ($1 || ' seconds')::interval`, [
      String(seconds),
    ]);
  }

  // Privacy rule 7 for homework: the seats of homework whose close, or reveal if later, lies more than
  // `seconds` before `now` (the server's clock). How many seats went.
  deleteHomeworkClosedBefore(now: Date, seconds: number): Promise<number> {
    return this.deleteSeatsWhere(`s.schedule = 'homework' AND greatest(s.closes_at, s.ended_at) < $1::timestamptz - ($2 || ' seconds')::interval`, [
      now,
      String(seconds),
    ]);
  }

  // Deletes the seats of the sessions `s` that `expired` picks (their answers and texts go by cascade), with
  // the sessions' counts, in one statement.
  private async deleteSeatsWhere(expired: string, params: unknown[]): Promise<number> {
    const deleted: unknown[] = await this.db.query(
      `WITH gone AS (
         DELETE FROM participants p USING live_sessions s
          WHERE p.session_id = s.id AND ${expired}
         RETURNING p.session_id
       ), counted AS (
         UPDATE live_sessions s SET participant_count = s.participant_count - c.n
           FROM (SELECT session_id, count(*)::int AS n FROM gone GROUP BY session_id) c
          WHERE s.id = c.session_id
       )
       SELECT 1 FROM gone`,
      params,
    );
    return deleted.length;
  }
}
