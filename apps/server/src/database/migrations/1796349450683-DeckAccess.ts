import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DeckAccess1796349450683 implements MigrationInterface {
  name = 'DeckAccess1796349450683';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query("CREATE TABLE \"deck_access\" (\"deck_id\" text NOT NULL, \"facilitator_id\" uuid NOT NULL, \"role\" text NOT NULL, \"invited_by\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_00b59eb09a2044529acd18d8aec\" PRIMARY KEY (\"deck_id\", \"facilitator_id\"))");
    await runner.query("CREATE INDEX \"IDX_bd59d41271ef67360dfa3275bb\" ON \"deck_access\"  (\"facilitator_id\") ");
    await runner.query("CREATE INDEX \"IDX_9f61226bd9b877394741f6e54d\" ON \"deck_access\"  (\"invited_by\") ");
    await runner.query("ALTER TABLE \"deck_access\" ADD CONSTRAINT \"FK_d3efa3c6eba4b02fd2e9c19a43c\" FOREIGN KEY (\"deck_id\") REFERENCES \"decks\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await runner.query("ALTER TABLE \"deck_access\" ADD CONSTRAINT \"FK_bd59d41271ef67360dfa3275bb7\" FOREIGN KEY (\"facilitator_id\") REFERENCES \"facilitators\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await runner.query("ALTER TABLE \"deck_access\" ADD CONSTRAINT \"FK_9f61226bd9b877394741f6e54da\" FOREIGN KEY (\"invited_by\") REFERENCES \"facilitators\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query("ALTER TABLE \"deck_access\" DROP CONSTRAINT \"FK_9f61226bd9b877394741f6e54da\"");
    await runner.query("ALTER TABLE \"deck_access\" DROP CONSTRAINT \"FK_bd59d41271ef67360dfa3275bb7\"");
    await runner.query("ALTER TABLE \"deck_access\" DROP CONSTRAINT \"FK_d3efa3c6eba4b02fd2e9c19a43c\"");
    await runner.query("DROP INDEX \"public\".\"IDX_9f61226bd9b877394741f6e54d\"");
    await runner.query("DROP INDEX \"public\".\"IDX_bd59d41271ef67360dfa3275bb\"");
    await runner.query("DROP TABLE \"deck_access\"");
  }
}
