import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PromptResult, SessionMode } from '@candor/shared';
import { DataSource, type EntityManager, In, IsNull, Not } from 'typeorm';
import { LiveSessionEntity } from './live-session.entity.js';

// The changing part of a session with its counts and its released result, as read in one statement.
export type StateRow = {
  id: string;
  code: string;
  mode: SessionMode;
  k: number;
  phase: LiveSessionEntity['phase'];
  prompt_index: number | null;
  prompt_id: string | null;
  version: number;
  paused: boolean;
  live_results: boolean;
  live_phones: boolean;
  blind_reveal: boolean;
  live_result: PromptResult | null;
  facilitator_id: string | null;
  participants: number;
  answered: number;
  finished: number;
  released: PromptResult | null;
  schedule: LiveSessionEntity['schedule'];
  closes_at: Date | null;
  audience: LiveSessionEntity['audience'];
  // Homework: per seat in link order, whether it said it has finished (null for live sessions).
  homework_finished: boolean[] | null;
};

export type ProgressRow = {
  prompt_id: string | null;
  version: number;
  participants: number;
  answered: number;
  finished: number;
  // For a group homework's rounded counts (session-state.service.ts).
  audience: LiveSessionEntity['audience'];
  phase: LiveSessionEntity['phase'];
  closes_at: Date | null;
};

// The counts of a session's open prompt, in SQL over `s` (a live_sessions row). Couples only count who
// said they are finished, and only while a prompt is open: a room of 10,000 is never counted row by row.
// Homework counts no answers: its prompt is only ever one shown to talk through, whose count would say
// whether a partner answered it.
const ANSWERED = `CASE WHEN s.schedule = 'homework' THEN 0 ELSE
    (SELECT count(*)::int FROM answers a WHERE a.session_id = s.id AND a.prompt_id = s.prompt_id) END`;
const FINISHED = `CASE WHEN s.schedule = 'homework' THEN
    (SELECT count(*)::int FROM homework_seats h WHERE h.session_id = s.id AND h.finished)
  WHEN s.mode = 'couple' AND s.phase = 'open' THEN
    (SELECT count(*)::int FROM participants p WHERE p.session_id = s.id AND p.finished_prompt_id = s.prompt_id)
  ELSE 0 END`;

// Fields of a version-checked update (see updateIfVersion).
export type SessionChange = Partial<Pick<LiveSessionEntity, 'phase' | 'promptIndex' | 'promptId' | 'paused' | 'liveResults' | 'livePhones' | 'liveChanges' | 'liveResult'>> & {
  endNow?: boolean;
  liveSentNow?: boolean;
  liveSentAt?: null;
};

// The columns a change sets, with the next version and the database's clock where it asks for it.
function columns({ endNow, liveSentNow, ...fields }: SessionChange) {
  return {
    ...fields,
    version: () => 'version + 1',
    ...(endNow ? { endedAt: () => 'now()' } : {}),
    ...(liveSentNow ? { liveSentAt: () => 'now()' } : {}),
  };
}

// The queries of the live_sessions table. Inside a transaction, pass its manager (pglite-pool.ts).
@Injectable()
export class LiveSessionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private repo(manager: EntityManager = this.db.manager) {
    return manager.getRepository(LiveSessionEntity);
  }

  create(fields: Omit<LiveSessionEntity, 'createdAt' | 'facilitator'>): LiveSessionEntity {
    return this.repo().create(fields);
  }

  async insert(session: LiveSessionEntity): Promise<LiveSessionEntity> {
    await this.repo().insert(session);
    return this.repo().findOneByOrFail({ id: session.id });
  }

  findById(id: string, manager?: EntityManager): Promise<LiveSessionEntity | null> {
    return this.repo(manager).findOneBy({ id });
  }

  getById(id: string, manager?: EntityManager): Promise<LiveSessionEntity> {
    return this.repo(manager).findOneByOrFail({ id });
  }

  // Held until the transaction ends: steps on one session are taken one after the other.
  lockById(tx: EntityManager, id: string): Promise<LiveSessionEntity | null> {
    return this.repo(tx).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  // Homework has no join code (its code is not one a person can type), so this finds live sessions only.
  findRunningByCode(code: string): Promise<LiveSessionEntity | null> {
    return this.repo().findOneBy({ code, endedAt: IsNull() });
  }

  // Whether a session with this code has ended (codes are reused once a session ends).
  async endedWithCode(code: string): Promise<boolean> {
    return (await this.repo().count({ where: { code, endedAt: Not(IsNull()) }, take: 1 })) > 0;
  }

  // The running sessions of these codes: id and code, nothing else.
  runningByCodes(codes: string[]): Promise<Pick<LiveSessionEntity, 'id' | 'code'>[]> {
    return this.repo().find({ where: { code: In(codes), endedAt: IsNull() }, select: { id: true, code: true } });
  }

  // What never changes in a session: its deck copy, mode, schedule and owner.
  findFixed(id: string): Promise<Pick<LiveSessionEntity, 'id' | 'deck' | 'mode' | 'facilitatorId' | 'schedule' | 'blindReveal'> | null> {
    return this.repo().findOne({ where: { id }, select: { id: true, deck: true, mode: true, facilitatorId: true, schedule: true, blindReveal: true } });
  }

  listByFacilitator(facilitatorId: string, limit: number): Promise<LiveSessionEntity[]> {
    return this.repo().find({ where: { facilitatorId }, order: { createdAt: 'DESC' }, take: limit });
  }

  // An account's own sessions and the ones shared with it, newest first.
  listVisible(facilitatorId: string, sharedIds: string[], limit: number): Promise<LiveSessionEntity[]> {
    const where = sharedIds.length ? [{ facilitatorId }, { id: In(sharedIds) }] : { facilitatorId };
    return this.repo().find({ where, order: { createdAt: 'DESC' }, take: limit });
  }

  async idByScreenTokenHash(hash: string): Promise<string | null> {
    return (await this.repo().findOne({ where: { screenTokenHash: hash }, select: { id: true } }))?.id ?? null;
  }

  async setScreenTokenHash(id: string, hash: string): Promise<void> {
    await this.repo().update({ id }, { screenTokenHash: hash });
  }

  async delete(id: string): Promise<void> {
    await this.repo().delete({ id });
  }

  // Applies a change only if the session is still at `version` (and moves it to the next one); false if
  // another change came first.
  async updateIfVersion(tx: EntityManager, id: string, version: number, change: SessionChange): Promise<boolean> {
    const res = await tx.createQueryBuilder().update(LiveSessionEntity).set(columns(change)).where('id = :id AND version = :version', { id, version }).execute();
    return Boolean(res.affected);
  }

  // A change on top of whatever version the session is at (and a new version).
  async update(id: string, change: SessionChange, manager?: EntityManager): Promise<void> {
    await this.repo(manager).update({ id }, columns(change));
  }

  // A seat fewer (withdrawal); a couple's session ends with it.
  async seatLeft(tx: EntityManager, id: string, end: boolean): Promise<void> {
    await tx.query(
      `UPDATE live_sessions SET version = version + 1, participant_count = participant_count - 1${end ? ", phase = 'ended', ended_at = now()" : ''}
        WHERE id = $1`,
      [id],
    );
  }

  // One statement for the sessions' changing columns and counts; the deck comes from the caller's
  // copy (it never changes).
  stateRows(ids: string[], manager: EntityManager = this.db.manager): Promise<StateRow[]> {
    return manager.query(
      `SELECT s.id, s.code, s.mode, s.k, s.phase, s.prompt_index, s.prompt_id, s.version, s.paused,
              s.live_results, s.live_phones, s.blind_reveal, s.live_result, s.facilitator_id,
              s.participant_count AS participants, ${ANSWERED} AS answered, ${FINISHED} AS finished,
              s.schedule, s.closes_at, s.audience,
              CASE WHEN s.schedule = 'homework' THEN
                (SELECT coalesce(array_agg(h.finished ORDER BY h.position), '{}') FROM homework_seats h WHERE h.session_id = s.id) END AS homework_finished,
              CASE WHEN s.phase = 'released' THEN
                (SELECT r.result FROM prompt_results r WHERE r.session_id = s.id AND r.prompt_id = s.prompt_id) END AS released
         FROM live_sessions s WHERE s.id = ANY($1::uuid[])`,
      [ids],
    );
  }

  async progressRow(id: string): Promise<ProgressRow | null> {
    const rows: ProgressRow[] = await this.db.query(
      `SELECT s.prompt_id, s.version, s.participant_count AS participants, ${ANSWERED} AS answered, ${FINISHED} AS finished,
              s.audience, s.phase, s.closes_at
         FROM live_sessions s WHERE s.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  // Live results: counts stored answers while live results are on and a prompt is open (false otherwise).
  async countLiveChanges(id: string, changes: number): Promise<boolean> {
    // A SELECT over the UPDATE: TypeORM answers a bare UPDATE with [rows, count] on PostgreSQL but with
    // the rows on PGlite; a SELECT is rows on both.
    const counted: unknown[] = await this.db.query(
      `WITH counted AS (
         UPDATE live_sessions SET live_changes = live_changes + $2
          WHERE id = $1 AND live_results AND phase = 'open' RETURNING 1)
       SELECT 1 FROM counted`,
      [id, changes],
    );
    return counted.length > 0;
  }

  // Claims the next live update if at least `minChanges` answers changed and `intervalMs` have passed
  // since the last one (one instance wins); otherwise says how long until it could be due.
  async claimLiveUpdate(id: string, minChanges: number, intervalMs: number): Promise<{ claimed: boolean; waitMs: number | null }> {
    const rows: { wait_ms: number | null; claimed: boolean }[] = await this.db.query(
      `WITH due AS (
         UPDATE live_sessions SET live_changes = 0, live_sent_at = now()
          WHERE id = $1 AND live_results AND phase = 'open' AND live_changes >= $2
            AND (live_sent_at IS NULL OR live_sent_at <= now() - ($3 || ' milliseconds')::interval)
          RETURNING 1)
       SELECT EXISTS (SELECT 1 FROM due) AS claimed,
              (SELECT ceil(extract(epoch FROM (live_sent_at + ($3 || ' milliseconds')::interval - now())) * 1000)::int
                 FROM live_sessions WHERE id = $1 AND live_changes >= $2) AS wait_ms`,
      [id, minChanges, String(intervalMs)],
    );
    return { claimed: rows[0]?.claimed ?? false, waitMs: rows[0]?.wait_ms ?? null };
  }
}
