import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TalkAlone1796236124355 implements MigrationInterface {
  name = 'TalkAlone1796236124355';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query("ALTER TABLE \"participants\" ADD \"talk_alone\" boolean NOT NULL DEFAULT false");
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query("ALTER TABLE \"participants\" DROP COLUMN \"talk_alone\"");
  }
}
