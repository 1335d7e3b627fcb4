import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TwoFactor1796319876978 implements MigrationInterface {
  name = 'TwoFactor1796319876978';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query("CREATE TABLE \"pending_logins\" (\"token_hash\" text NOT NULL, \"facilitator_id\" uuid NOT NULL, \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"device\" text NOT NULL, CONSTRAINT \"PK_a866859a7eb7b19b26694439606\" PRIMARY KEY (\"token_hash\"))");
    await runner.query("CREATE INDEX \"IDX_2756c641c8e99c0f379c64d35b\" ON \"pending_logins\"  (\"facilitator_id\") ");
    await runner.query("CREATE TABLE \"recovery_codes\" (\"code_hash\" text NOT NULL, \"facilitator_id\" uuid NOT NULL, CONSTRAINT \"PK_9a3c960f295888fbd660e96b184\" PRIMARY KEY (\"code_hash\"))");
    await runner.query("CREATE INDEX \"IDX_d72db01457ce1f234f663aef2e\" ON \"recovery_codes\"  (\"facilitator_id\") ");
    await runner.query("ALTER TABLE \"facilitators\" ADD \"totp_secret\" text");
    await runner.query("ALTER TABLE \"facilitators\" ADD \"totp_pending_secret\" text");
    await runner.query("ALTER TABLE \"facilitators\" ADD \"totp_last_step\" integer");
    await runner.query("ALTER TABLE \"pending_logins\" ADD CONSTRAINT \"FK_2756c641c8e99c0f379c64d35b2\" FOREIGN KEY (\"facilitator_id\") REFERENCES \"facilitators\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await runner.query("ALTER TABLE \"recovery_codes\" ADD CONSTRAINT \"FK_d72db01457ce1f234f663aef2e1\" FOREIGN KEY (\"facilitator_id\") REFERENCES \"facilitators\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query("ALTER TABLE \"recovery_codes\" DROP CONSTRAINT \"FK_d72db01457ce1f234f663aef2e1\"");
    await runner.query("ALTER TABLE \"pending_logins\" DROP CONSTRAINT \"FK_2756c641c8e99c0f379c64d35b2\"");
    await runner.query("ALTER TABLE \"facilitators\" DROP COLUMN \"totp_last_step\"");
    await runner.query("ALTER TABLE \"facilitators\" DROP COLUMN \"totp_pending_secret\"");
    await runner.query("ALTER TABLE \"facilitators\" DROP COLUMN \"totp_secret\"");
    await runner.query("DROP INDEX \"public\".\"IDX_d72db01457ce1f234f663aef2e\"");
    await runner.query("DROP TABLE \"recovery_codes\"");
    await runner.query("DROP INDEX \"public\".\"IDX_2756c641c8e99c0f379c64d35b\"");
    await runner.query("DROP TABLE \"pending_logins\"");
  }
}
