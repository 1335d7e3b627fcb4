import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LivePhones1796228281301 implements MigrationInterface {
  name = 'LivePhones1796228281301';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query("ALTER TABLE \"live_sessions\" ADD \"live_phones\" boolean NOT NULL DEFAULT false");
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query("ALTER TABLE \"live_sessions\" DROP COLUMN \"live_phones\"");
  }
}
