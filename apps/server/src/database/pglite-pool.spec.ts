import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PGLITE_DRIVER, PGlitePool } from './pglite-pool.js';

// A real embedded database (in memory), driven through TypeORM as the app drives it: transactions
// that overlap in time must behave as they do on PostgreSQL.
describe(PGlitePool.name, () => {
  let db: DataSource;

  beforeAll(async () => {
    db = await new DataSource({ type: 'postgres', driver: PGLITE_DRIVER, extra: {}, logging: false }).initialize();
    await db.query('CREATE TABLE rows (name text PRIMARY KEY)');
    await db.query('CREATE TABLE counter (n int NOT NULL)');
  }, 60_000);

  afterAll(async () => {
    await db?.destroy();
  });

  beforeEach(async () => {
    await db.query('DELETE FROM rows');
    await db.query('DELETE FROM counter');
    await db.query('INSERT INTO counter VALUES (0)');
  });

  const names = async () => (await db.query<{ name: string }[]>('SELECT name FROM rows ORDER BY name')).map((r) => r.name);

  it('keeps a statement made during another transaction when that transaction rolls back', async () => {
    const failing = db.transaction(async (tx) => {
      await tx.query("INSERT INTO rows VALUES ('inside')");
      await sleep(50);
      throw new Error('rolled back on purpose');
    });
    await sleep(10);
    // An autocommit statement (an answer batch, say) while the transaction is open.
    const alone = db.query("INSERT INTO rows VALUES ('alone')");
    await expect(failing).rejects.toThrow('rolled back on purpose');
    await alone;
    expect(await names()).toEqual(['alone']);
  });

  it("commits only a transaction's own work", async () => {
    const failing = db.transaction(async (tx) => {
      await tx.query("INSERT INTO rows VALUES ('first')");
      await sleep(50);
      throw new Error('rolled back on purpose');
    });
    await sleep(10);
    const succeeding = db.transaction(async (tx) => {
      await tx.query("INSERT INTO rows VALUES ('second')");
    });
    await expect(failing).rejects.toThrow('rolled back on purpose');
    await succeeding;
    expect(await names()).toEqual(['second']);
  });

  it('makes SELECT … FOR UPDATE hold the row: twenty read-modify-writes at once lose none', async () => {
    await Promise.all(
      Array.from({ length: 20 }, () =>
        db.transaction(async (tx) => {
          const [{ n }] = await tx.query<{ n: number }[]>('SELECT n FROM counter FOR UPDATE');
          await sleep(2);
          await tx.query('UPDATE counter SET n = $1', [n + 1]);
        }),
      ),
    );
    expect(await db.query('SELECT n FROM counter')).toEqual([{ n: 20 }]);
  });

  it('rolls back a connection released inside a transaction before lending it again', async () => {
    const runner = db.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    await runner.query("INSERT INTO rows VALUES ('abandoned')");
    await runner.release();
    expect(await names()).toEqual([]);
    await db.query("INSERT INTO rows VALUES ('after')");
    expect(await names()).toEqual(['after']);
  });

  it('lends the connection in the order it was asked for', async () => {
    const order: number[] = [];
    const holder = db.createQueryRunner();
    await holder.connect();
    const waiting = Array.from({ length: 5 }, (_, i) => db.query('SELECT $1::int AS i', [i]).then(() => order.push(i)));
    await sleep(20);
    // Nothing ran while the connection was lent out.
    expect(order).toEqual([]);
    await holder.release();
    await Promise.all(waiting);
    expect(order).toEqual([0, 1, 2, 3, 4]);
  });
});
