import { describe, expect, it } from 'vitest';
import { AnswerBatcher, type AnswerRow, type Queryable } from './answer-writer.js';

// A stand-in for PostgreSQL that runs the writer's two statements on a map, records every
// statement, and fails on anything else, so an unexpected query fails the test.
class FakeDb implements Queryable {
  readonly stored = new Map<string, { clientId: string; value: unknown }>();
  readonly statements: { kind: 'insert' | 'lookup'; rows: number }[] = [];
  openPrompt: string | null = 'p1';
  // The session's live results, as the statement reads them with the rows it writes.
  liveResults = false;
  delayMs = 0;
  failNext = false;

  async query(sql: string, params: unknown[] = []): Promise<unknown> {
    await new Promise((ok) => setTimeout(ok, this.delayMs));
    if (this.failNext) {
      this.failNext = false;
      throw new Error('connection terminated');
    }
    if (sql.trimStart().startsWith('WITH ins AS (\n         INSERT INTO answers')) {
      const keys = new Set<string>();
      const written: { participant_id: string; prompt_id: string; live: boolean }[] = [];
      // Five per row, then the batch's distinct sessions.
      expect(params.at(-1)).toEqual([...new Set(params.filter((_, i) => i % 5 === 2))]);
      params = params.slice(0, -1);
      for (let i = 0; i < params.length; i += 5) {
        const [participant, prompt, , clientId, value] = params.slice(i, i + 5) as string[];
        const key = `${participant}/${prompt}`;
        // PostgreSQL refuses to touch one row twice in one ON CONFLICT statement.
        if (keys.has(key)) throw new Error('ON CONFLICT DO UPDATE command cannot affect row a second time');
        keys.add(key);
        if (prompt !== this.openPrompt) continue;
        if (this.stored.get(key)?.clientId === clientId) continue;
        this.stored.set(key, { clientId, value: JSON.parse(value) });
        written.push({ participant_id: participant, prompt_id: prompt, live: this.liveResults });
      }
      this.statements.push({ kind: 'insert', rows: params.length / 5 });
      return written;
    }
    if (sql.trimStart().startsWith('SELECT participant_id, prompt_id, client_id FROM answers')) {
      this.statements.push({ kind: 'lookup', rows: params.length / 2 });
      const out = [];
      for (let i = 0; i < params.length; i += 2) {
        const [participant, prompt] = params.slice(i, i + 2) as string[];
        const row = this.stored.get(`${participant}/${prompt}`);
        if (row) out.push({ participant_id: participant, prompt_id: prompt, client_id: row.clientId });
      }
      return out;
    }
    throw new Error(`unexpected statement: ${sql}`);
  }
}

const row = (participant: number, clientId: string, promptId = 'p1', choice = clientId): AnswerRow => ({
  participantId: `participant-${participant}`,
  sessionId: 'session',
  promptId,
  clientId,
  value: { kind: 'single', optionId: choice },
});

// The batcher's outcomes only (the live-results flag has tests of its own below).
function outcomesOf(batcher: AnswerBatcher) {
  return {
    write: (r: AnswerRow) => batcher.write(r).then((w) => w.outcome),
    drain: () => batcher.drain(),
    get pending() {
      return batcher.pending;
    },
  };
}

describe(AnswerBatcher.name, () => {
  it('writes submissions that arrive together in one statement', async () => {
    const db = new FakeDb();
    const writer = outcomesOf(new AnswerBatcher(db, { windowMs: 5, maxRows: 1000, maxInFlight: 2 }));
    const outcomes = await Promise.all(Array.from({ length: 50 }, (_, i) => writer.write(row(i, `c${i}`))));
    expect(outcomes).toEqual(Array(50).fill('written'));
    expect(db.statements).toEqual([{ kind: 'insert', rows: 50 }]);
    expect(db.stored.size).toBe(50);
  });

  it('splits a burst into batches of at most maxRows', async () => {
    const db = new FakeDb();
    const writer = outcomesOf(new AnswerBatcher(db, { windowMs: 5, maxRows: 10, maxInFlight: 2 }));
    await Promise.all(Array.from({ length: 35 }, (_, i) => writer.write(row(i, `c${i}`))));
    expect(db.statements.map((s) => s.rows)).toEqual([10, 10, 10, 5]);
  });

  it('counts rows, not submissions, toward maxRows: repeats queued meanwhile are one statement', async () => {
    const db = new FakeDb();
    const writer = outcomesOf(new AnswerBatcher(db, { windowMs: 5, maxRows: 10, maxInFlight: 1 }));
    // The first ten go out at once; the other ninety (nine from each participant) wait for them.
    const done = Array.from({ length: 100 }, (_, i) => writer.write(row(i % 10, `c${i}`)));
    await Promise.all(done);
    expect(db.statements).toEqual([
      { kind: 'insert', rows: 10 },
      { kind: 'insert', rows: 10 },
    ]);
    for (let p = 0; p < 10; p += 1) expect(db.stored.get(`participant-${p}/p1`)?.clientId).toBe(`c${90 + p}`);
  });

  it('takes a flood of repeats behind a batch in flight as one more statement, with two slots free', async () => {
    const db = new FakeDb();
    const writer = outcomesOf(new AnswerBatcher(db, { windowMs: 5, maxRows: 1000, maxInFlight: 2 }));
    // A thousand participants answer twenty times each, all queued at once: the first round fills a
    // batch at once; the rest are repeats of keys in flight, which the second slot must not take.
    const done = Array.from({ length: 20_000 }, (_, i) => writer.write(row(i % 1000, `c${i}`)));
    expect(await Promise.all(done)).toEqual(Array(20_000).fill('written'));
    expect(db.statements).toEqual([
      { kind: 'insert', rows: 1000 },
      { kind: 'insert', rows: 1000 },
    ]);
    for (const p of [0, 500, 999]) expect(db.stored.get(`participant-${p}/p1`)?.clientId).toBe(`c${19_000 + p}`);
    expect(writer.pending).toBe(0);
  });

  it('tells a resend of the stored client id from an answer to a closed prompt', async () => {
    const db = new FakeDb();
    const writer = outcomesOf(new AnswerBatcher(db, { windowMs: 1, maxRows: 100, maxInFlight: 1 }));
    expect(await writer.write(row(1, 'a'))).toBe('written');
    const [resend, closed, fresh] = await Promise.all([
      writer.write(row(1, 'a')),
      writer.write(row(2, 'b', 'p2')),
      writer.write(row(3, 'c')),
    ]);
    expect([resend, closed, fresh]).toEqual(['duplicate', 'closed', 'written']);
    expect(db.statements).toEqual([
      { kind: 'insert', rows: 1 },
      { kind: 'insert', rows: 3 },
      { kind: 'lookup', rows: 2 },
    ]);
  });

  it('keeps the last of two answers to one prompt in one batch, and acknowledges both', async () => {
    const db = new FakeDb();
    const writer = outcomesOf(new AnswerBatcher(db, { windowMs: 5, maxRows: 100, maxInFlight: 1 }));
    const outcomes = await Promise.all([writer.write(row(1, 'first')), writer.write(row(1, 'second')), writer.write(row(1, 'second'))]);
    expect(outcomes).toEqual(['written', 'duplicate', 'written']);
    expect(db.stored.get('participant-1/p1')?.clientId).toBe('second');
    expect(db.statements).toEqual([{ kind: 'insert', rows: 1 }]);
  });

  it('refuses every answer of a batch with a closed prompt, superseded ones included', async () => {
    const db = new FakeDb();
    db.openPrompt = null;
    const writer = outcomesOf(new AnswerBatcher(db, { windowMs: 5, maxRows: 100, maxInFlight: 1 }));
    const outcomes = await Promise.all([writer.write(row(1, 'a')), writer.write(row(1, 'b'))]);
    expect(outcomes).toEqual(['closed', 'closed']);
    expect(db.stored.size).toBe(0);
  });

  it('never commits a later answer of one participant before an earlier one in flight', async () => {
    const db = new FakeDb();
    db.delayMs = 10;
    const writer = outcomesOf(new AnswerBatcher(db, { windowMs: 1, maxRows: 2, maxInFlight: 4 }));
    const order: string[] = [];
    const done = Array.from({ length: 20 }, (_, i) => writer.write(row(i % 3, `c${i}`)).then(() => order.push(`c${i}`)));
    await Promise.all(done);
    for (let p = 0; p < 3; p += 1) {
      const mine = order.filter((c) => Number(c.slice(1)) % 3 === p);
      expect(mine).toEqual([...mine].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))));
      const last = Math.max(...Array.from({ length: 20 }, (_, i) => i).filter((i) => i % 3 === p));
      expect(db.stored.get(`participant-${p}/p1`)?.clientId).toBe(`c${last}`);
    }
  });

  it('rejects the whole batch when the statement fails, and writes the next one', async () => {
    const db = new FakeDb();
    db.failNext = true;
    const writer = outcomesOf(new AnswerBatcher(db, { windowMs: 1, maxRows: 100, maxInFlight: 1 }));
    const results = await Promise.allSettled([writer.write(row(1, 'a')), writer.write(row(2, 'b'))]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(db.stored.size).toBe(0);
    expect(await writer.write(row(1, 'a'))).toBe('written');
  });

  it('says whether live results were on, as the statement that wrote the answer read them', async () => {
    const db = new FakeDb();
    const writer = new AnswerBatcher(db, { windowMs: 5, maxRows: 100, maxInFlight: 1 });
    expect(await writer.write(row(1, 'a'))).toEqual({ outcome: 'written', liveResults: false });
    db.liveResults = true;
    // A superseded submission is counted as a change like the kept one; a resend and an answer to a
    // closed prompt change nothing.
    const results = await Promise.all([writer.write(row(2, 'b')), writer.write(row(2, 'c')), writer.write(row(1, 'a')), writer.write(row(3, 'd', 'p2'))]);
    expect(results).toEqual([
      { outcome: 'written', liveResults: true },
      { outcome: 'written', liveResults: true },
      { outcome: 'duplicate', liveResults: false },
      { outcome: 'closed', liveResults: false },
    ]);
    // Nothing but the write and the lookup of the unwritten: the flag costs no statement of its own.
    expect(db.statements).toEqual([
      { kind: 'insert', rows: 1 },
      { kind: 'insert', rows: 3 },
      { kind: 'lookup', rows: 2 },
    ]);
  });

  it('drains: writes what is queued without waiting for the window', async () => {
    const db = new FakeDb();
    const writer = outcomesOf(new AnswerBatcher(db, { windowMs: 60_000, maxRows: 100, maxInFlight: 1 }));
    const pending = [writer.write(row(1, 'a')), writer.write(row(2, 'b'))];
    await writer.drain();
    expect(db.stored.size).toBe(2);
    expect(writer.pending).toBe(0);
    await expect(Promise.all(pending)).resolves.toEqual(['written', 'written']);
  });
});
