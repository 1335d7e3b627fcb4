import { type BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AnswerValue } from '@candor/shared';
import { DataSource } from 'typeorm';

export type AnswerRow = {
  participantId: string;
  sessionId: string;
  promptId: string;
  clientId: string;
  value: AnswerValue;
};

// written: this submission is now the stored answer; duplicate: the same client id was already
// stored; closed: nothing written because the prompt is not the open one.
export type WriteOutcome = 'written' | 'duplicate' | 'closed';

// What a submission came to, and whether its session had live results on when it was written (read in
// the same statement, so an answer batch with live results off costs the database nothing more).
export type WriteResult = { outcome: WriteOutcome; liveResults: boolean };

export type WriterOptions = {
  // How long the first submission of a batch waits for company.
  windowMs: number;
  // A batch holds at most this many rows, one per participant and prompt (5 parameters per row,
  // well under PostgreSQL's 65,535); it is written at once when this many submissions are queued.
  maxRows: number;
  // Statements in flight at once; a (participant, prompt) is never in two of them.
  maxInFlight: number;
};

export const DEFAULT_WRITER_OPTIONS: WriterOptions = { windowMs: 4, maxRows: 1000, maxInFlight: 2 };

type Pending = AnswerRow & { key: string; resolve: (r: WriteResult) => void; reject: (e: unknown) => void };

// The SQL runner the writer needs; a DataSource in the app, a fake in the unit spec.
export type Queryable = { query(sql: string, params?: unknown[]): Promise<unknown> };

// Group commit for answers: submissions arriving within a few milliseconds are written by one
// multi-row statement (autocommit, so it is its own transaction), and each promise resolves only
// after that statement has committed. The open-prompt check and the write stay one statement.
export class AnswerBatcher {
  private readonly log = new Logger(AnswerBatcher.name);
  // Queued submissions by (participant, prompt), in the order each key was first queued.
  private readonly queue = new Map<string, Pending[]>();
  // Submissions queued, and queued keys that are not in flight (what the next batch can take).
  private queued = 0;
  private free = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly inFlightKeys = new Set<string>();
  private readonly inFlight = new Set<Promise<void>>();
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly db: Queryable,
    private readonly options: WriterOptions = DEFAULT_WRITER_OPTIONS,
  ) {}

  write(row: AnswerRow): Promise<WriteResult> {
    return new Promise<WriteResult>((resolve, reject) => {
      const key = `${row.participantId}/${row.promptId}`;
      // Written out, not spread: an object spread here cost 2 µs a submission (docs/performance.md).
      const { participantId, sessionId, promptId, clientId, value } = row;
      const pending: Pending = { participantId, sessionId, promptId, clientId, value, key, resolve, reject };
      const queued = this.queue.get(key);
      if (queued) queued.push(pending);
      else {
        this.queue.set(key, [pending]);
        if (!this.inFlightKeys.has(key)) this.free += 1;
      }
      this.queued += 1;
      // Enough rows for a batch, and a statement slot free: no need to wait for the window.
      if (this.free >= this.options.maxRows && this.inFlight.size < this.options.maxInFlight) this.pump();
      else this.timer ??= setTimeout(() => this.pump(), this.options.windowMs);
    });
  }

  // Writes everything queued now and resolves when nothing is queued or in flight.
  async drain(): Promise<void> {
    while (this.queued > 0 || this.inFlight.size > 0) {
      this.pump();
      await new Promise<void>((ok) => this.idleWaiters.push(ok));
    }
  }

  get pending(): number {
    return this.queued + this.inFlightKeys.size;
  }

  private pump(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.free > 0 && this.inFlight.size < this.options.maxInFlight) {
      const { batch, keys } = this.take();
      const flight = this.flush(batch).finally(() => {
        this.inFlight.delete(flight);
        for (const key of keys) {
          this.inFlightKeys.delete(key);
          // Submissions of this key that came while it was in flight can go now.
          if (this.queue.has(key)) this.free += 1;
        }
        if (this.queued > 0) this.pump();
        this.wakeIdleWaiters();
      });
      this.inFlight.add(flight);
    }
  }

  // The next batch: the queued submissions of at most maxRows keys that are not in flight, in the
  // order the keys were queued (several submissions of one participant to one prompt are one row).
  // A key in flight stays queued, so that a later answer of one participant is never committed
  // before an earlier one. The work is per key, not per submission: a flood of repeats queued
  // behind a batch in flight costs nothing until that batch is done.
  private take(): { batch: Pending[]; keys: string[] } {
    const batch: Pending[] = [];
    const keys: string[] = [];
    for (const [key, submissions] of this.queue) {
      if (keys.length >= this.options.maxRows) break;
      if (this.inFlightKeys.has(key)) continue;
      this.queue.delete(key);
      this.inFlightKeys.add(key);
      keys.push(key);
      for (const p of submissions) batch.push(p);
    }
    this.free -= keys.length;
    this.queued -= batch.length;
    return { batch, keys };
  }

  private async flush(batch: Pending[]): Promise<void> {
    // One row per (participant, prompt): ON CONFLICT cannot touch a row twice in one statement.
    // The last submission wins, as it would have if they had been written one after another.
    const last = new Map<string, Pending>();
    for (const p of batch) last.set(p.key, p);
    const rows = [...last.values()];
    let outcomes: Map<string, WriteResult>;
    try {
      outcomes = await this.insert(rows);
    } catch (error) {
      // The SQLSTATE only: a driver message may quote a value from the statement.
      const code = (error as { code?: unknown }).code;
      this.log.warn(`answer batch of ${batch.length} failed (${typeof code === 'string' ? code : 'no SQLSTATE'})`);
      for (const p of batch) p.reject(error);
      return;
    }
    for (const p of batch) {
      const kept = last.get(p.key) as Pending;
      const result = outcomes.get(p.key) as WriteResult;
      if (p === kept || result.outcome === 'closed') p.resolve(result);
      // A superseded submission was written and then replaced in the same commit; a resend of the
      // kept one is the same submission, so it is acknowledged like it.
      else p.resolve({ outcome: p.clientId === kept.clientId ? 'duplicate' : 'written', liveResults: result.liveResults });
    }
  }

  private async insert(rows: Pending[]): Promise<Map<string, WriteResult>> {
    const params: unknown[] = [];
    const tuples = rows.map((r) => {
      const n = params.push(r.participantId, r.promptId, r.sessionId, r.clientId, JSON.stringify(r.value));
      return `($${n - 4}::uuid, $${n - 3}::text, $${n - 2}::uuid, $${n - 1}::uuid, $${n}::jsonb)`;
    });
    // Rows go in key order, so that two concurrent batches lock rows in the same order. Each written
    // row says whether its (group) session has live results on, as of this statement (the batch's
    // sessions looked up once by their keys, not joined to every row): only then does
    // the broadcaster count the change and try a live update (live-results.service.ts). A setting
    // switched on any instance is in the row, so nothing is cached; a switch that commits after this
    // statement reset the count anyway (session-lifecycle.service.ts), and the count's own statement
    // checks live_results again, so a switch off in between counts nothing.
    const written = (await this.db.query(
      `WITH ins AS (
         INSERT INTO answers (participant_id, prompt_id, session_id, client_id, value)
         SELECT v.participant_id, v.prompt_id, s.id, v.client_id, v.value
           FROM (VALUES ${tuples.join(', ')}) AS v (participant_id, prompt_id, session_id, client_id, value)
           JOIN live_sessions s ON s.id = v.session_id
          WHERE s.phase = 'open' AND NOT s.paused AND s.prompt_id = v.prompt_id
          ORDER BY v.participant_id, v.prompt_id
         ON CONFLICT (participant_id, prompt_id) DO UPDATE
           SET client_id = excluded.client_id, value = excluded.value
           WHERE answers.client_id <> excluded.client_id
         RETURNING participant_id, prompt_id, session_id)
       SELECT i.participant_id, i.prompt_id,
              i.session_id = ANY (ARRAY(SELECT s.id FROM live_sessions s
                                         WHERE s.id = ANY ($${params.length + 1}::uuid[]) AND s.live_results AND s.mode = 'group')) AS live
         FROM ins i`,
      [...params, [...new Set(rows.map((r) => r.sessionId))]],
    )) as { participant_id: string; prompt_id: string; live: boolean }[];
    const outcomes = new Map<string, WriteResult>();
    for (const w of written) outcomes.set(`${w.participant_id}/${w.prompt_id}`, { outcome: 'written', liveResults: w.live });
    const unwritten = rows.filter((r) => !outcomes.has(r.key));
    if (unwritten.length === 0) return outcomes;

    // Nothing written for these: either the same submission is already stored, or the prompt is
    // not open. One lookup for all of them.
    const lookup: unknown[] = [];
    const keys = unwritten.map((r) => {
      const n = lookup.push(r.participantId, r.promptId);
      return `($${n - 1}::uuid, $${n}::text)`;
    });
    const stored = (await this.db.query(
      `SELECT participant_id, prompt_id, client_id FROM answers WHERE (participant_id, prompt_id) IN (${keys.join(', ')})`,
      lookup,
    )) as { participant_id: string; prompt_id: string; client_id: string }[];
    const storedClient = new Map(stored.map((s) => [`${s.participant_id}/${s.prompt_id}`, s.client_id]));
    for (const r of unwritten) outcomes.set(r.key, { outcome: storedClient.get(r.key) === r.clientId ? 'duplicate' : 'closed', liveResults: false });
    return outcomes;
  }

  private wakeIdleWaiters(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }
}

// The app's one batcher, bound to its data source, drained before sockets and database close.
@Injectable()
export class AnswerWriter extends AnswerBatcher implements BeforeApplicationShutdown {
  constructor(@InjectDataSource() db: DataSource) {
    super(db);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.drain();
  }
}
