import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MailTokens1796348731156 implements MigrationInterface {
  name = 'MailTokens1796348731156';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query("CREATE TABLE \"mail_tokens\" (\"token_hash\" text NOT NULL, \"facilitator_id\" uuid NOT NULL, \"purpose\" text NOT NULL, \"email\" text, \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"attempts\" integer NOT NULL DEFAULT '0', CONSTRAINT \"PK_0adcd62f98ae3384627fd2d913d\" PRIMARY KEY (\"token_hash\"))");
    await runner.query("CREATE INDEX \"IDX_1e7436cc7f0ff5018d58aa6288\" ON \"mail_tokens\"  (\"facilitator_id\") ");
    await runner.query("ALTER TABLE \"mail_tokens\" ADD CONSTRAINT \"FK_1e7436cc7f0ff5018d58aa62883\" FOREIGN KEY (\"facilitator_id\") REFERENCES \"facilitators\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query("ALTER TABLE \"mail_tokens\" DROP CONSTRAINT \"FK_1e7436cc7f0ff5018d58aa62883\"");
    await runner.query("DROP INDEX \"public\".\"IDX_1e7436cc7f0ff5018d58aa6288\"");
    await runner.query("DROP TABLE \"mail_tokens\"");
  }
}
