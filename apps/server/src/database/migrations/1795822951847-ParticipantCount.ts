import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ParticipantCount1795822951847 implements MigrationInterface {
  name = 'ParticipantCount1795822951847';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query("ALTER TABLE \"live_sessions\" ADD \"participant_count\" integer NOT NULL DEFAULT '0'");
    // Sessions that already have seats start from their count.
    await runner.query(
      'UPDATE live_sessions s SET participant_count = c.n FROM (SELECT session_id, count(*)::int AS n FROM participants GROUP BY session_id) c WHERE s.id = c.session_id',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query("ALTER TABLE \"live_sessions\" DROP COLUMN \"participant_count\"");
  }
}
