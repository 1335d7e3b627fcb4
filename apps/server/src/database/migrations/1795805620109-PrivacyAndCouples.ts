import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PrivacyAndCouples1795805620109 implements MigrationInterface {
  name = 'PrivacyAndCouples1795805620109';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query("ALTER TABLE \"live_sessions\" ADD \"paused\" boolean NOT NULL DEFAULT false");
    await runner.query("ALTER TABLE \"live_sessions\" ADD \"live_results\" boolean NOT NULL DEFAULT false");
    await runner.query("ALTER TABLE \"live_sessions\" ADD \"live_changes\" integer NOT NULL DEFAULT '0'");
    await runner.query("ALTER TABLE \"live_sessions\" ADD \"live_sent_at\" TIMESTAMP WITH TIME ZONE");
    await runner.query("ALTER TABLE \"live_sessions\" ADD \"live_result\" jsonb");
    await runner.query("ALTER TABLE \"participants\" ADD \"away_until\" TIMESTAMP WITH TIME ZONE");
    await runner.query("ALTER TABLE \"live_sessions\" DROP CONSTRAINT \"FK_385b635906e7fbdbadd16524742\"");
    await runner.query("ALTER TABLE \"live_sessions\" ALTER COLUMN \"facilitator_id\" DROP NOT NULL");
    await runner.query("ALTER TABLE \"live_sessions\" ADD CONSTRAINT \"FK_385b635906e7fbdbadd16524742\" FOREIGN KEY (\"facilitator_id\") REFERENCES \"facilitators\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query("ALTER TABLE \"live_sessions\" DROP CONSTRAINT \"FK_385b635906e7fbdbadd16524742\"");
    await runner.query("ALTER TABLE \"live_sessions\" ALTER COLUMN \"facilitator_id\" SET NOT NULL");
    await runner.query("ALTER TABLE \"live_sessions\" ADD CONSTRAINT \"FK_385b635906e7fbdbadd16524742\" FOREIGN KEY (\"facilitator_id\") REFERENCES \"facilitators\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await runner.query("ALTER TABLE \"participants\" DROP COLUMN \"away_until\"");
    await runner.query("ALTER TABLE \"live_sessions\" DROP COLUMN \"live_result\"");
    await runner.query("ALTER TABLE \"live_sessions\" DROP COLUMN \"live_sent_at\"");
    await runner.query("ALTER TABLE \"live_sessions\" DROP COLUMN \"live_changes\"");
    await runner.query("ALTER TABLE \"live_sessions\" DROP COLUMN \"live_results\"");
    await runner.query("ALTER TABLE \"live_sessions\" DROP COLUMN \"paused\"");
  }
}
