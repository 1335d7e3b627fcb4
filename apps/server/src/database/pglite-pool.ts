import { Logger } from '@nestjs/common';
import { PGlite, type Results } from '@electric-sql/pglite';
import { EventEmitter } from 'node:events';

// The embedded database as TypeORM's postgres driver wants it: a module with a `Pool` class in the
// shape of node-postgres's. PGlite is one backend, one session: two transactions on it at once would
// share it, so that one's ROLLBACK undoes the other's statements and FOR UPDATE locks nothing. Here
// the pool has one connection and lends it to one query runner at a time, from connect to release
// (a transaction is one runner); everything else waits its turn, in the order it asked.

const log = new Logger('EmbeddedDatabase');
// A wait this long means a turn is held far longer than any statement should take.
const LONG_WAIT_MS = 10_000;

type QueryCallback = (error: Error | null, result?: PgResult) => void;
type PgResult = { rows: unknown[]; rowCount: number; command?: string; fields: Results['fields'] };

export type PGlitePoolOptions = { dataDir?: string };

// First come, first served: one holder at a time. The pass it hands out is called once (lend's
// release guards it).
class Turns {
  private held = false;
  private readonly waiting: (() => void)[] = [];

  async take(): Promise<() => void> {
    if (this.held) {
      const asked = Date.now();
      const warn = setTimeout(() => log.warn(`a query has waited ${LONG_WAIT_MS / 1000} s for the embedded database`), LONG_WAIT_MS);
      await new Promise<void>((ok) => this.waiting.push(ok));
      clearTimeout(warn);
      if (Date.now() - asked > LONG_WAIT_MS) log.warn(`the wait ended after ${Date.now() - asked} ms`);
    }
    this.held = true;
    return () => {
      const next = this.waiting.shift();
      // The turn passes straight to the next in line (held stays true), or the database is free.
      if (next) next();
      else this.held = false;
    };
  }
}

// What a query runner holds: node-postgres's client surface that TypeORM uses (query, events).
class PGliteConnection extends EventEmitter {
  constructor(private readonly db: PGlite) {
    super();
  }

  async query(sql: string, params?: unknown[], callback?: QueryCallback): Promise<PgResult> {
    try {
      const result = toPg(
        params && params.length > 0
          ? await this.db.query(sql, params)
          : // Without parameters a string may hold several statements (migrations): the last one answers.
            ((await this.db.exec(sql)).at(-1) ?? { rows: [], fields: [], affectedRows: 0 }),
      );
      callback?.(null, result);
      return result;
    } catch (error) {
      callback?.(error as Error);
      throw error;
    }
  }

  get inTransaction(): boolean {
    return this.db.isInTransaction();
  }

  close(): Promise<void> {
    return this.db.close();
  }
}

export class PGlitePool extends EventEmitter {
  private readonly turns = new Turns();
  private readonly opening: Promise<PGliteConnection>;

  constructor(options: PGlitePoolOptions = {}) {
    super();
    this.opening = PGlite.create(options.dataDir ? { dataDir: options.dataDir } : {}).then((db) => new PGliteConnection(db));
    // An open that fails is reported to whoever connects; this keeps it from being unhandled meanwhile.
    this.opening.catch(() => undefined);
  }

  // Lends the one connection until `release` is called.
  connect(callback: (error: Error | null, connection?: PGliteConnection, release?: (error?: unknown) => void) => void): void {
    void this.lend().then(
      ({ connection, release }) => callback(null, connection, release),
      (error: Error) => callback(error),
    );
  }

  // A query outside any runner, in its own turn.
  async query(sql: string, params?: unknown[], callback?: QueryCallback): Promise<PgResult> {
    const { connection, release } = await this.lend();
    try {
      return await connection.query(sql, params, callback);
    } finally {
      release();
    }
  }

  end(callback?: (error: Error | null) => void): void {
    void (async () => {
      const connection = await this.opening;
      // Once whoever holds it now is done; the turn is never given back.
      await this.turns.take();
      await connection.close();
    })().then(
      () => callback?.(null),
      (error: Error) => callback?.(error),
    );
  }

  private async lend(): Promise<{ connection: PGliteConnection; release: (error?: unknown) => void }> {
    const connection = await this.opening;
    const pass = await this.turns.take();
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      // A runner released inside a transaction (its ROLLBACK failed, say) must not hand the next
      // holder a half-done transaction.
      if (!connection.inTransaction) return pass();
      log.warn('a connection came back inside a transaction: rolled back');
      void connection
        .query('ROLLBACK')
        .catch(() => undefined)
        .finally(pass);
    };
    return { connection, release };
  }
}

function toPg(result: Results): PgResult {
  return { rows: result.rows, rowCount: result.rowCount ?? result.affectedRows ?? 0, command: result.command, fields: result.fields };
}

// The module TypeORM loads in place of `pg` (its `driver` option).
export const PGLITE_DRIVER = { Pool: PGlitePool };
