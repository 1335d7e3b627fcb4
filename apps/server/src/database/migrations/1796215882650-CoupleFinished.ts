import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CoupleFinished1796215882650 implements MigrationInterface {
  name = 'CoupleFinished1796215882650';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query("ALTER TABLE \"participants\" ADD \"finished_prompt_id\" text");
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query("ALTER TABLE \"participants\" DROP COLUMN \"finished_prompt_id\"");
  }
}
