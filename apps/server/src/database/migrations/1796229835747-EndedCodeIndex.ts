import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EndedCodeIndex1796229835747 implements MigrationInterface {
  name = 'EndedCodeIndex1796229835747';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query("CREATE INDEX \"live_sessions_ended_code\" ON \"live_sessions\"  (\"code\") WHERE ended_at IS NOT NULL");
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query("DROP INDEX \"public\".\"live_sessions_ended_code\"");
  }
}
