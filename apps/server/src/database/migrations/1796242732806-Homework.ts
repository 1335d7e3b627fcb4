import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Homework1796242732806 implements MigrationInterface {
  name = 'Homework1796242732806';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query("CREATE TABLE \"homework_seats\" (\"participant_id\" uuid NOT NULL, \"session_id\" uuid NOT NULL, \"position\" integer NOT NULL, \"invite_hash\" text, \"finished\" boolean NOT NULL DEFAULT false, CONSTRAINT \"UQ_cc64ec2ea0759e38ca75c307135\" UNIQUE (\"invite_hash\"), CONSTRAINT \"PK_42535f90a557ca6375fc5097cd3\" PRIMARY KEY (\"participant_id\"))");
    await runner.query("CREATE INDEX \"IDX_d9b4f59c6959dad365587d7e0c\" ON \"homework_seats\"  (\"session_id\") ");
    await runner.query("ALTER TABLE \"live_sessions\" ADD \"schedule\" text NOT NULL DEFAULT 'live'");
    await runner.query("ALTER TABLE \"live_sessions\" ADD \"closes_at\" TIMESTAMP WITH TIME ZONE");
    await runner.query("ALTER TABLE \"homework_seats\" ADD CONSTRAINT \"FK_42535f90a557ca6375fc5097cd3\" FOREIGN KEY (\"participant_id\") REFERENCES \"participants\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query("ALTER TABLE \"homework_seats\" DROP CONSTRAINT \"FK_42535f90a557ca6375fc5097cd3\"");
    await runner.query("ALTER TABLE \"live_sessions\" DROP COLUMN \"closes_at\"");
    await runner.query("ALTER TABLE \"live_sessions\" DROP COLUMN \"schedule\"");
    await runner.query("DROP INDEX \"public\".\"IDX_d9b4f59c6959dad365587d7e0c\"");
    await runner.query("DROP TABLE \"homework_seats\"");
  }
}
