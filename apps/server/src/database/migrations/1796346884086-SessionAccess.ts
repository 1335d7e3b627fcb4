import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SessionAccess1796346884086 implements MigrationInterface {
  name = 'SessionAccess1796346884086';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query("CREATE TABLE \"session_access\" (\"session_id\" uuid NOT NULL, \"facilitator_id\" uuid NOT NULL, \"role\" text NOT NULL, \"invited_by\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_0a0df7eb0b23d4da09eaae67f48\" PRIMARY KEY (\"session_id\", \"facilitator_id\"))");
    await runner.query("CREATE INDEX \"IDX_8e3da289f8b32e31d0fa44152c\" ON \"session_access\"  (\"facilitator_id\") ");
    await runner.query("CREATE INDEX \"IDX_f5b23e78520d5858a520d7446e\" ON \"session_access\"  (\"invited_by\") ");
    await runner.query("ALTER TABLE \"session_access\" ADD CONSTRAINT \"FK_4d700dbca4058130e13fb1a8ab2\" FOREIGN KEY (\"session_id\") REFERENCES \"live_sessions\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await runner.query("ALTER TABLE \"session_access\" ADD CONSTRAINT \"FK_8e3da289f8b32e31d0fa44152ca\" FOREIGN KEY (\"facilitator_id\") REFERENCES \"facilitators\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await runner.query("ALTER TABLE \"session_access\" ADD CONSTRAINT \"FK_f5b23e78520d5858a520d7446e8\" FOREIGN KEY (\"invited_by\") REFERENCES \"facilitators\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query("ALTER TABLE \"session_access\" DROP CONSTRAINT \"FK_f5b23e78520d5858a520d7446e8\"");
    await runner.query("ALTER TABLE \"session_access\" DROP CONSTRAINT \"FK_8e3da289f8b32e31d0fa44152ca\"");
    await runner.query("ALTER TABLE \"session_access\" DROP CONSTRAINT \"FK_4d700dbca4058130e13fb1a8ab2\"");
    await runner.query("DROP INDEX \"public\".\"IDX_f5b23e78520d5858a520d7446e\"");
    await runner.query("DROP INDEX \"public\".\"IDX_8e3da289f8b32e31d0fa44152c\"");
    await runner.query("DROP TABLE \"session_access\"");
  }
}
