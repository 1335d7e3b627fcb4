import type { MigrationInterface, QueryRunner } from 'typeorm';

export class HomeworkAudience1796315349343 implements MigrationInterface {
  name = 'HomeworkAudience1796315349343';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query("ALTER TABLE \"live_sessions\" ADD \"audience\" text");
    await runner.query("ALTER TABLE \"live_sessions\" ADD \"group_invite_hash\" text");
    await runner.query("ALTER TABLE \"live_sessions\" ADD CONSTRAINT \"UQ_b98cd4580af8c7642ef699b945c\" UNIQUE (\"group_invite_hash\")");
    // Data, not schema: homework assigned before this had its audience in its mode (a client's was 'group').
    await runner.query("UPDATE \"live_sessions\" SET \"audience\" = CASE WHEN \"mode\" = 'couple' THEN 'couple' ELSE 'client' END WHERE \"schedule\" = 'homework'");
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query("ALTER TABLE \"live_sessions\" DROP CONSTRAINT \"UQ_b98cd4580af8c7642ef699b945c\"");
    await runner.query("ALTER TABLE \"live_sessions\" DROP COLUMN \"group_invite_hash\"");
    await runner.query("ALTER TABLE \"live_sessions\" DROP COLUMN \"audience\"");
  }
}
