import { mkdirSync } from 'node:fs';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { Config } from '../config/config.js';
import { ENTITIES } from './entities.js';
import { GuardedClient } from './guarded-client.js';
import { MIGRATIONS } from './migrations/index.js';
import { PGLITE_DRIVER } from './pglite-pool.js';

// Any fixed number: every instance takes this lock before migrating, so only one migrates at a time.
const MIGRATION_LOCK = 72_410_001;

export function dataSourceOptions(config: Pick<Config, 'databaseUrl' | 'dataDir'>): DataSourceOptions {
  const common = {
    type: 'postgres' as const,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    installExtensions: false,
    logging: ['error' as const],
  };
  if (config.databaseUrl) {
    return { ...common, url: config.databaseUrl, extra: { max: 20, Client: GuardedClient } };
  }
  mkdirSync(config.dataDir, { recursive: true });
  // One embedded database per data source, lent to one query runner at a time (pglite-pool.ts).
  return { ...common, driver: PGLITE_DRIVER, extra: { dataDir: config.dataDir } };
}


export async function migrate(dataSource: DataSource, shared: boolean): Promise<void> {
  if (!shared) {
    await dataSource.runMigrations({ transaction: 'each' });
    return;
  }
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}

export async function openDataSource(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<DataSource> {
  const dataSource = await new DataSource(dataSourceOptions(config)).initialize();
  await migrate(dataSource, Boolean(config.databaseUrl));
  return dataSource;
}
