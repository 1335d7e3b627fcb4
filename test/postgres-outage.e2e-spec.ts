import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { burstThroughFault, FAULT_TEST_TIMEOUT_MS, type FaultRun } from './fault-scenario.js';
import { startServer } from './utils.js';

// Collected only when DATABASE_URL is set (test/vitest.config.ts): PGlite has no connections to drop.
const DATABASE_URL = process.env.DATABASE_URL as string;

async function terminateBackends(applicationName: string): Promise<number> {
  const admin = new Client({ connectionString: DATABASE_URL });
  await admin.connect();
  try {
    // The function in the select list runs only for rows that passed the filter (in a WHERE it
    // could run first, for every backend).
    const res = await admin.query<{ done: boolean }>(
      'SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity WHERE application_name = $1',
      [applicationName],
    );
    return res.rows.filter((r) => r.done).length;
  } finally {
    await admin.end();
  }
}

describe('answers while PostgreSQL drops the connections', () => {
  let run: FaultRun | undefined;

  afterEach(async () => {
    run?.sockets.forEach((s) => s.close());
    await run?.server.stop();
    run = undefined;
  });

  it('loses no acknowledged answer when every connection of the server is terminated mid-burst', async () => {
    // Only this server's connections carry this name, so suites running beside it are untouched.
    const applicationName = `candor-outage-${randomUUID().slice(0, 8)}`;
    const url = new URL(DATABASE_URL);
    url.searchParams.set('application_name', applicationName);
    run = { server: await startServer({ env: { DATABASE_URL: url.toString() } }), sockets: [] };
    let exited = false;
    void run.server.exited.then(() => (exited = true));
    let terminated = 0;
    await burstThroughFault(run, async (server) => {
      // Twice, a moment apart: the batch in flight fails, and so does the first one after it.
      terminated += await terminateBackends(applicationName);
      await new Promise((ok) => setTimeout(ok, 100));
      terminated += await terminateBackends(applicationName);
      return server;
    });
    expect(terminated).toBeGreaterThan(0);
    // The same server process stayed up through it, and its pool reconnected on its own.
    expect(exited).toBe(false);
    expect(run.server.output()).toMatch(/answer batch of \d+ failed \(57P01\)|connection lost/);
  }, FAULT_TEST_TIMEOUT_MS);
});
