import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SeatReissue1796315596017 implements MigrationInterface {
  name = 'SeatReissue1796315596017';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query("CREATE TABLE \"seat_reclaims\" (\"id\" uuid NOT NULL, \"session_id\" uuid NOT NULL, \"code_hash\" text NOT NULL, \"token_hash\" text NOT NULL, \"status\" text NOT NULL DEFAULT 'pending', \"attempts\" integer NOT NULL DEFAULT '0', \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_26b6c28dbd2c31e5f27d8bd180d\" PRIMARY KEY (\"id\"))");
    await runner.query("CREATE UNIQUE INDEX \"IDX_509aa5e74461e87215b91c19c0\" ON \"seat_reclaims\"  (\"session_id\") ");
    await runner.query("ALTER TABLE \"participants\" ADD \"seat_number\" integer");
    await runner.query("ALTER TABLE \"participants\" ADD \"shuffle_seed\" uuid");
    await runner.query("ALTER TABLE \"participants\" ADD \"invite_hash\" text");
    await runner.query("ALTER TABLE \"participants\" ADD CONSTRAINT \"UQ_4a20a446d16175387a77fa23c29\" UNIQUE (\"invite_hash\")");
    await runner.query("ALTER TABLE \"seat_reclaims\" ADD CONSTRAINT \"FK_509aa5e74461e87215b91c19c00\" FOREIGN KEY (\"session_id\") REFERENCES \"live_sessions\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query("ALTER TABLE \"seat_reclaims\" DROP CONSTRAINT \"FK_509aa5e74461e87215b91c19c00\"");
    await runner.query("ALTER TABLE \"participants\" DROP CONSTRAINT \"UQ_4a20a446d16175387a77fa23c29\"");
    await runner.query("ALTER TABLE \"participants\" DROP COLUMN \"invite_hash\"");
    await runner.query("ALTER TABLE \"participants\" DROP COLUMN \"shuffle_seed\"");
    await runner.query("ALTER TABLE \"participants\" DROP COLUMN \"seat_number\"");
    await runner.query("DROP INDEX \"public\".\"IDX_509aa5e74461e87215b91c19c0\"");
    await runner.query("DROP TABLE \"seat_reclaims\"");
  }
}
