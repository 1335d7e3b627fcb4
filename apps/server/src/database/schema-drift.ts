import type { DataSource } from 'typeorm';

export type SchemaDiff = { up: string[]; down: string[] };

// The SQL that would bring the database in line with the entities; empty when migrations and entities agree.
export async function schemaDiff(dataSource: DataSource): Promise<SchemaDiff> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return {
    up: sql.upQueries.map((q) => q.query),
    down: sql.downQueries.map((q) => q.query).reverse(),
  };
}
