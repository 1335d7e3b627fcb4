import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { ProvidedContext } from 'vitest';
import { createClient } from 'redis';
import { findChromium, type ChromiumLookup } from './find-chromium.js';
import { ROOT, SERVER_ENTRY } from './utils.js';

// Checks that what the environment names is really there (a set DATABASE_URL or REDIS_URL that
// cannot be reached fails the run; it never silently falls back), and migrates once up front.
export default async function setup({ provide }: { provide: <K extends keyof ProvidedContext>(key: K, value: ProvidedContext[K]) => void }) {
  if (!existsSync(SERVER_ENTRY)) throw new Error(`Build first (npm run build): ${SERVER_ENTRY} is missing.`);
  // Looked up once (the packaged browser unpacks on first use); the browser suites fail with the
  // lookup's one line when there is none, the others run.
  provide('chromium', await findChromium());
  if (process.env.REDIS_URL) {
    const redis = createClient({ url: process.env.REDIS_URL });
    await redis.connect();
    await redis.ping();
    await redis.quit();
  }
  const { openDataSource } = (await import(join(ROOT, 'apps/server/dist/database/data-source.js'))) as {
    openDataSource: (c: { databaseUrl?: string; dataDir: string }) => Promise<{ destroy(): Promise<void> }>;
  };
  if (process.env.DATABASE_URL) {
    const client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await client.end();
    const ds = await openDataSource({ databaseUrl: process.env.DATABASE_URL, dataDir: '' });
    await ds.destroy();
    provide('pgliteTemplate', '');
    return;
  }
  // PGlite's initdb takes seconds: do it once, and give every server a copy of the migrated folder.
  const template = mkdtempSync(join(tmpdir(), 'candor-template-'));
  const ds = await openDataSource({ dataDir: template });
  await ds.destroy();
  provide('pgliteTemplate', template);
  return () => rmSync(template, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    chromium: ChromiumLookup;
  }
}
