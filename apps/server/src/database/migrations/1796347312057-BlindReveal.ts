import type { MigrationInterface, QueryRunner } from 'typeorm';

export class BlindReveal1796347312057 implements MigrationInterface {
  name = 'BlindReveal1796347312057';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query("CREATE TABLE \"blind_messages\" (\"participant_id\" uuid NOT NULL, \"prompt_id\" text NOT NULL, \"step\" text NOT NULL, \"session_id\" uuid NOT NULL, \"message\" jsonb NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_518ea4298378afa45e8558e6c5b\" PRIMARY KEY (\"participant_id\", \"prompt_id\", \"step\"))");
    await runner.query("CREATE INDEX \"IDX_2d3c2a63d179bac90b7eebe920\" ON \"blind_messages\"  (\"session_id\") ");
    await runner.query("ALTER TABLE \"live_sessions\" ADD \"blind_reveal\" boolean NOT NULL DEFAULT false");
    await runner.query("ALTER TABLE \"blind_messages\" ADD CONSTRAINT \"FK_e5d18e0f8f1194fb2621bbeb7e3\" FOREIGN KEY (\"participant_id\") REFERENCES \"participants\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await runner.query("ALTER TABLE \"blind_messages\" ADD CONSTRAINT \"FK_2d3c2a63d179bac90b7eebe920b\" FOREIGN KEY (\"session_id\") REFERENCES \"live_sessions\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query("ALTER TABLE \"blind_messages\" DROP CONSTRAINT \"FK_2d3c2a63d179bac90b7eebe920b\"");
    await runner.query("ALTER TABLE \"blind_messages\" DROP CONSTRAINT \"FK_e5d18e0f8f1194fb2621bbeb7e3\"");
    await runner.query("ALTER TABLE \"live_sessions\" DROP COLUMN \"blind_reveal\"");
    await runner.query("DROP INDEX \"public\".\"IDX_2d3c2a63d179bac90b7eebe920\"");
    await runner.query("DROP TABLE \"blind_messages\"");
  }
}
