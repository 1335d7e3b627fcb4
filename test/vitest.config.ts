import { configDefaults, defineConfig } from 'vitest/config';

// Suites that need a shared PostgreSQL (and Redis) are collected only when the environment names
// them; when it does, global-setup fails the run if they cannot be reached.
const needsPostgres = ['test/postgres-outage.e2e-spec.ts'];
const needsPostgresAndRedis = ['test/scale-out.e2e-spec.ts', 'test/scale-out-seats.e2e-spec.ts'];
const needsRedis = ['test/shared-limits.e2e-spec.ts'];
const hasPostgres = Boolean(process.env.DATABASE_URL);
const hasRedis = Boolean(process.env.REDIS_URL);

// End-to-end suites: each file starts real server processes on a real database.
export default defineConfig({
  test: {
    include: ['test/**/*.e2e-spec.ts'],
    exclude: [
      ...configDefaults.exclude,
      ...(hasPostgres ? [] : needsPostgres),
      ...(hasPostgres && hasRedis ? [] : needsPostgresAndRedis),
      ...(hasRedis ? [] : needsRedis),
    ],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
