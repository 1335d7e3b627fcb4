// Writes a migration from the difference between the entities and the migrated schema:
//   npm run migration:generate -w apps/server -- AddThing
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDataSource } from './data-source.js';
import { schemaDiff } from './schema-drift.js';

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]*$/.test(name)) {
  console.error('usage: generate-migration <PascalCaseName>');
  process.exit(2);
}

const dataDir = mkdtempSync(join(tmpdir(), 'candor-migrate-'));
const dataSource = await openDataSource({ dataDir, databaseUrl: undefined });
const diff = await schemaDiff(dataSource);
await dataSource.destroy();
rmSync(dataDir, { recursive: true, force: true });

if (diff.up.length === 0) {
  console.log('Entities and migrations agree: nothing to generate.');
  process.exit(0);
}

const stamp = Date.now();
const lines = (qs: string[]) => qs.map((q) => `    await runner.query(${JSON.stringify(q)});`).join('\n');
const source = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${stamp} implements MigrationInterface {
  name = '${name}${stamp}';

  async up(runner: QueryRunner): Promise<void> {
${lines(diff.up)}
  }

  async down(runner: QueryRunner): Promise<void> {
${lines(diff.down)}
  }
}
`;
const file = join(import.meta.dirname, '../../src/database/migrations', `${stamp}-${name}.ts`);
writeFileSync(file, source);
console.log(`Wrote ${file}\nAdd ${name}${stamp} to src/database/migrations/index.ts.`);
