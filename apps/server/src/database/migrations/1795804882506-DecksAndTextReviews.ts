import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DecksAndTextReviews1795804882506 implements MigrationInterface {
  name = 'DecksAndTextReviews1795804882506';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query("CREATE TABLE \"text_reviews\" (\"id\" uuid NOT NULL, \"session_id\" uuid NOT NULL, \"prompt_id\" text NOT NULL, \"participant_id\" uuid NOT NULL, \"status\" text NOT NULL, CONSTRAINT \"PK_cace137e6bed28d35ba675a724f\" PRIMARY KEY (\"id\"))");
    await runner.query("CREATE INDEX \"text_reviews_session_prompt\" ON \"text_reviews\"  (\"session_id\", \"prompt_id\") ");
    await runner.query("CREATE UNIQUE INDEX \"text_reviews_answer\" ON \"text_reviews\"  (\"participant_id\", \"prompt_id\") ");
    await runner.query("CREATE TABLE \"decks\" (\"id\" text NOT NULL, \"owner_id\" uuid NOT NULL, \"deck\" jsonb NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_981894e3f8dbe5049ac59cb1af1\" PRIMARY KEY (\"id\"))");
    await runner.query("CREATE INDEX \"IDX_fb298491726355de03a9dd65f2\" ON \"decks\"  (\"owner_id\") ");
    await runner.query("ALTER TABLE \"text_reviews\" ADD CONSTRAINT \"FK_c33b61431a37fdfcb229e7a7c17\" FOREIGN KEY (\"session_id\") REFERENCES \"live_sessions\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await runner.query("ALTER TABLE \"text_reviews\" ADD CONSTRAINT \"FK_c1d810da4148caf43b25b2576ea\" FOREIGN KEY (\"participant_id\") REFERENCES \"participants\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await runner.query("ALTER TABLE \"decks\" ADD CONSTRAINT \"FK_fb298491726355de03a9dd65f23\" FOREIGN KEY (\"owner_id\") REFERENCES \"facilitators\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query("ALTER TABLE \"decks\" DROP CONSTRAINT \"FK_fb298491726355de03a9dd65f23\"");
    await runner.query("ALTER TABLE \"text_reviews\" DROP CONSTRAINT \"FK_c1d810da4148caf43b25b2576ea\"");
    await runner.query("ALTER TABLE \"text_reviews\" DROP CONSTRAINT \"FK_c33b61431a37fdfcb229e7a7c17\"");
    await runner.query("DROP INDEX \"public\".\"IDX_fb298491726355de03a9dd65f2\"");
    await runner.query("DROP TABLE \"decks\"");
    await runner.query("DROP INDEX \"public\".\"text_reviews_answer\"");
    await runner.query("DROP INDEX \"public\".\"text_reviews_session_prompt\"");
    await runner.query("DROP TABLE \"text_reviews\"");
  }
}
