import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newDataDir, ROOT, SERVER_ENTRY } from './utils.js';

type DataSourceModule = {
  openDataSource: (c: { databaseUrl?: string; dataDir: string }) => Promise<{
    destroy(): Promise<void>;
    query(sql: string): Promise<unknown[]>;
  }>;
};
type DriftModule = { schemaDiff: (ds: unknown) => Promise<{ up: string[] }> };

describe('storage', () => {
  it('has migrations that match the entities exactly', async () => {
    const { openDataSource } = (await import(join(ROOT, 'apps/server/dist/database/data-source.js'))) as DataSourceModule;
    const { schemaDiff } = (await import(join(ROOT, 'apps/server/dist/database/schema-drift.js'))) as DriftModule;
    const dataSource = await openDataSource({ databaseUrl: process.env.DATABASE_URL, dataDir: newDataDir() });
    try {
      const diff = await schemaDiff(dataSource);
      // When this fails: npm run migration:generate -w apps/server -- DescribeTheChange
      expect(diff.up).toEqual([]);
      const tables = (await dataSource.query(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
      )) as { table_name: string }[];
      expect(tables.map((t) => t.table_name)).toEqual(
        expect.arrayContaining(['answers', 'facilitators', 'live_sessions', 'login_sessions', 'participants', 'prompt_results']),
      );
      // Nothing about a participant beyond a token hash: no name, address, device or time.
      const columnsOf = async (table: string) =>
        (
          (await dataSource.query(
            `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '${table}' ORDER BY column_name`,
          )) as { column_name: string }[]
        ).map((c) => c.column_name);
      // A couple's or homework's seat number, its shuffle seed and a new link's invitation hash: nothing about a person.
      expect(await columnsOf('participants')).toEqual([
        'away_until',
        'finished_prompt_id',
        'id',
        'invite_hash',
        'seat_number',
        'session_id',
        'shuffle_seed',
        'talk_alone',
        'token_hash',
      ]);
      expect(await columnsOf('answers')).toEqual(['client_id', 'participant_id', 'prompt_id', 'session_id', 'value']);
      // A homework seat adds its link order, its unopened invitation's hash and "I've finished": nothing about a person.
      expect(await columnsOf('homework_seats')).toEqual(['finished', 'invite_hash', 'participant_id', 'position', 'session_id']);
      // A login keeps a device name ("Firefox on Linux"), not the User-Agent; the audit log no address.
      expect(await columnsOf('login_sessions')).toEqual(['created_at', 'device', 'expires_at', 'facilitator_id', 'id', 'last_seen_at', 'token_hash']);
      expect(await columnsOf('audit_events')).toEqual(['action', 'at', 'detail', 'facilitator_id', 'id']);
      // Two-step login: the secret (and one being set up) and the last code's time step; recovery codes and
      // a login's pending second step only as hashes.
      expect(await columnsOf('facilitators')).toEqual(['created_at', 'email', 'id', 'password_hash', 'totp_last_step', 'totp_pending_secret', 'totp_secret']);
      expect(await columnsOf('recovery_codes')).toEqual(['code_hash', 'facilitator_id']);
      expect(await columnsOf('pending_logins')).toEqual(['device', 'expires_at', 'facilitator_id', 'token_hash']);
      // Passkeys: a public key and its counter, no secret; a WebAuthn challenge only as a hash, with what it is bound to.
      expect(await columnsOf('passkeys')).toEqual(['counter', 'created_at', 'credential_id', 'facilitator_id', 'id', 'last_used_at', 'name', 'public_key', 'transports']);
      expect(await columnsOf('webauthn_challenges')).toEqual(['bound_to', 'challenge_hash', 'expires_at', 'facilitator_id', 'purpose']);
      // A mailed link: only its hash, what it is for, the new address of an e-mail change, when it expires, and wrong codes given with it.
      expect(await columnsOf('mail_tokens')).toEqual(['attempts', 'email', 'expires_at', 'facilitator_id', 'purpose', 'token_hash']);
      // A homework's audience and a group homework's one link (the hash of its invitation).
      expect(await columnsOf('live_sessions')).toEqual(expect.arrayContaining(['audience', 'closes_at', 'group_invite_hash', 'schedule']));
      // A self-run couple's new phone asking for a seat: hashes, a count and an expiry; nothing of the phone.
      // Co-facilitators: which account may run or view which session, given by whom and when; nothing of a participant.
      expect(await columnsOf('session_access')).toEqual(['created_at', 'facilitator_id', 'invited_by', 'role', 'session_id']);
      expect(await columnsOf('deck_access')).toEqual(['created_at', 'deck_id', 'facilitator_id', 'invited_by', 'role']);
      expect(await columnsOf('seat_reclaims')).toEqual(['attempts', 'code_hash', 'expires_at', 'id', 'session_id', 'status', 'token_hash']);
      // A blind couple reveal's messages: blinded points a seat sent for its partner (or the reveal it showed), no answer.
      expect(await columnsOf('blind_messages')).toEqual(['created_at', 'message', 'participant_id', 'prompt_id', 'session_id', 'step']);
      expect(await columnsOf('live_sessions')).toEqual(expect.arrayContaining(['blind_reveal']));
    } finally {
      await dataSource.destroy();
    }
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://localhost/candor' }, 'DATABASE_URL: must start with postgres: or postgresql://'],
    [{ REDIS_URL: 'not a url' }, 'REDIS_URL'],
    [{ CANDOR_ALLOWED_ORIGINS: 'https://ok.example, not-an-origin' }, 'CANDOR_ALLOWED_ORIGINS'],
    [{ CANDOR_TEST_CLOCK_FILE: '/tmp/clock', NODE_ENV: 'production' }, 'CANDOR_TEST_CLOCK_FILE: a test clock is refused in production'],
    [{ CANDOR_SMTP_URL: 'smtp://127.0.0.1:2525' }, 'CANDOR_SMTP_URL: needs CANDOR_PUBLIC_URL too'],
  ])('refuses to start with a bad setting (%o)', (env, message) => {
    const run = spawnSync(process.execPath, [SERVER_ENTRY], {
      env: { PATH: process.env.PATH, ...env },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Invalid configuration');
    expect(run.stderr).toContain(message);
  });
});
