import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795803579727 implements MigrationInterface {
  name = 'Initial1795803579727';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query("CREATE TABLE \"facilitators\" (\"id\" uuid NOT NULL, \"email\" text NOT NULL, \"password_hash\" text NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"UQ_6c1b4f44ab5aba3f2d3170ca8f3\" UNIQUE (\"email\"), CONSTRAINT \"PK_2222c8a431ee84effea7e6d8430\" PRIMARY KEY (\"id\"))");
    await runner.query("CREATE TABLE \"login_sessions\" (\"token_hash\" text NOT NULL, \"facilitator_id\" uuid NOT NULL, \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_a6caf4c71e0199cd1515c309824\" PRIMARY KEY (\"token_hash\"))");
    await runner.query("CREATE INDEX \"IDX_f3b339e8aa734e57e7ba246cb5\" ON \"login_sessions\"  (\"facilitator_id\") ");
    await runner.query("CREATE TABLE \"live_sessions\" (\"id\" uuid NOT NULL, \"facilitator_id\" uuid NOT NULL, \"code\" text NOT NULL, \"mode\" text NOT NULL, \"deck\" jsonb NOT NULL, \"k\" integer NOT NULL, \"phase\" text NOT NULL, \"prompt_index\" integer, \"prompt_id\" text, \"version\" integer NOT NULL, \"screen_token_hash\" text NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"ended_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"UQ_8493165ad87e3612c9e7a9af97c\" UNIQUE (\"screen_token_hash\"), CONSTRAINT \"PK_cc3225418b55b1e022dbfb6dca5\" PRIMARY KEY (\"id\"))");
    await runner.query("CREATE INDEX \"IDX_385b635906e7fbdbadd1652474\" ON \"live_sessions\"  (\"facilitator_id\") ");
    await runner.query("CREATE UNIQUE INDEX \"live_sessions_open_code\" ON \"live_sessions\"  (\"code\") WHERE ended_at IS NULL");
    await runner.query("CREATE TABLE \"participants\" (\"id\" uuid NOT NULL, \"session_id\" uuid NOT NULL, \"token_hash\" text NOT NULL, CONSTRAINT \"UQ_31086e5783457d5176c171883df\" UNIQUE (\"token_hash\"), CONSTRAINT \"PK_1cda06c31eec1c95b3365a0283f\" PRIMARY KEY (\"id\"))");
    await runner.query("CREATE INDEX \"IDX_0874e4c10e89b190f5c9b07e95\" ON \"participants\"  (\"session_id\") ");
    await runner.query("CREATE TABLE \"answers\" (\"participant_id\" uuid NOT NULL, \"prompt_id\" text NOT NULL, \"session_id\" uuid NOT NULL, \"client_id\" uuid NOT NULL, \"value\" jsonb NOT NULL, CONSTRAINT \"PK_63dca10a8d7e5267f3b4a7b715a\" PRIMARY KEY (\"participant_id\", \"prompt_id\"))");
    await runner.query("CREATE INDEX \"answers_session_prompt\" ON \"answers\"  (\"session_id\", \"prompt_id\") ");
    await runner.query("CREATE TABLE \"prompt_results\" (\"session_id\" uuid NOT NULL, \"prompt_id\" text NOT NULL, \"position\" integer NOT NULL, \"result\" jsonb NOT NULL, CONSTRAINT \"PK_9d0c76496d2d46c883dbe63df7c\" PRIMARY KEY (\"session_id\", \"prompt_id\"))");
    await runner.query("ALTER TABLE \"login_sessions\" ADD CONSTRAINT \"FK_f3b339e8aa734e57e7ba246cb52\" FOREIGN KEY (\"facilitator_id\") REFERENCES \"facilitators\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await runner.query("ALTER TABLE \"live_sessions\" ADD CONSTRAINT \"FK_385b635906e7fbdbadd16524742\" FOREIGN KEY (\"facilitator_id\") REFERENCES \"facilitators\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await runner.query("ALTER TABLE \"participants\" ADD CONSTRAINT \"FK_0874e4c10e89b190f5c9b07e95b\" FOREIGN KEY (\"session_id\") REFERENCES \"live_sessions\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await runner.query("ALTER TABLE \"answers\" ADD CONSTRAINT \"FK_81c2cc8a42c3483fa4cb7d7c032\" FOREIGN KEY (\"participant_id\") REFERENCES \"participants\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await runner.query("ALTER TABLE \"answers\" ADD CONSTRAINT \"FK_505280e8f8b52877fd4565e30b3\" FOREIGN KEY (\"session_id\") REFERENCES \"live_sessions\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await runner.query("ALTER TABLE \"prompt_results\" ADD CONSTRAINT \"FK_01163b6e5792f29ce65a24ef634\" FOREIGN KEY (\"session_id\") REFERENCES \"live_sessions\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query("ALTER TABLE \"prompt_results\" DROP CONSTRAINT \"FK_01163b6e5792f29ce65a24ef634\"");
    await runner.query("ALTER TABLE \"answers\" DROP CONSTRAINT \"FK_505280e8f8b52877fd4565e30b3\"");
    await runner.query("ALTER TABLE \"answers\" DROP CONSTRAINT \"FK_81c2cc8a42c3483fa4cb7d7c032\"");
    await runner.query("ALTER TABLE \"participants\" DROP CONSTRAINT \"FK_0874e4c10e89b190f5c9b07e95b\"");
    await runner.query("ALTER TABLE \"live_sessions\" DROP CONSTRAINT \"FK_385b635906e7fbdbadd16524742\"");
    await runner.query("ALTER TABLE \"login_sessions\" DROP CONSTRAINT \"FK_f3b339e8aa734e57e7ba246cb52\"");
    await runner.query("DROP TABLE \"prompt_results\"");
    await runner.query("DROP INDEX \"public\".\"answers_session_prompt\"");
    await runner.query("DROP TABLE \"answers\"");
    await runner.query("DROP INDEX \"public\".\"IDX_0874e4c10e89b190f5c9b07e95\"");
    await runner.query("DROP TABLE \"participants\"");
    await runner.query("DROP INDEX \"public\".\"live_sessions_open_code\"");
    await runner.query("DROP INDEX \"public\".\"IDX_385b635906e7fbdbadd1652474\"");
    await runner.query("DROP TABLE \"live_sessions\"");
    await runner.query("DROP INDEX \"public\".\"IDX_f3b339e8aa734e57e7ba246cb5\"");
    await runner.query("DROP TABLE \"login_sessions\"");
    await runner.query("DROP TABLE \"facilitators\"");
  }
}
