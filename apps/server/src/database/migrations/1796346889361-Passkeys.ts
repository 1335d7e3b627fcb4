import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Passkeys1796346889361 implements MigrationInterface {
  name = 'Passkeys1796346889361';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query("CREATE TABLE \"passkeys\" (\"id\" uuid NOT NULL, \"facilitator_id\" uuid NOT NULL, \"credential_id\" text NOT NULL, \"public_key\" bytea NOT NULL, \"counter\" bigint NOT NULL, \"transports\" text array NOT NULL, \"name\" text NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"last_used_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"UQ_81b80835fab9dcadaebc6d168ab\" UNIQUE (\"credential_id\"), CONSTRAINT \"PK_db928e6fd79e7098911268a74c3\" PRIMARY KEY (\"id\"))");
    await runner.query("CREATE INDEX \"IDX_d905af8669df582f6944c72c96\" ON \"passkeys\"  (\"facilitator_id\") ");
    await runner.query("CREATE TABLE \"webauthn_challenges\" (\"challenge_hash\" text NOT NULL, \"facilitator_id\" uuid NOT NULL, \"purpose\" text NOT NULL, \"bound_to\" text NOT NULL, \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_ddc5f15929fcd5e362e417518e7\" PRIMARY KEY (\"challenge_hash\"))");
    await runner.query("CREATE INDEX \"IDX_6f3b2a1b09f7168e2203737b7e\" ON \"webauthn_challenges\"  (\"facilitator_id\") ");
    await runner.query("ALTER TABLE \"passkeys\" ADD CONSTRAINT \"FK_d905af8669df582f6944c72c960\" FOREIGN KEY (\"facilitator_id\") REFERENCES \"facilitators\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await runner.query("ALTER TABLE \"webauthn_challenges\" ADD CONSTRAINT \"FK_6f3b2a1b09f7168e2203737b7e7\" FOREIGN KEY (\"facilitator_id\") REFERENCES \"facilitators\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query("ALTER TABLE \"webauthn_challenges\" DROP CONSTRAINT \"FK_6f3b2a1b09f7168e2203737b7e7\"");
    await runner.query("ALTER TABLE \"passkeys\" DROP CONSTRAINT \"FK_d905af8669df582f6944c72c960\"");
    await runner.query("DROP INDEX \"public\".\"IDX_6f3b2a1b09f7168e2203737b7e\"");
    await runner.query("DROP TABLE \"webauthn_challenges\"");
    await runner.query("DROP INDEX \"public\".\"IDX_d905af8669df582f6944c72c96\"");
    await runner.query("DROP TABLE \"passkeys\"");
  }
}
