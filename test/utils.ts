import type { Ack, CreatedSession, CreateSession, DeckFile } from '@candor/shared';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import request from 'supertest';
import { inject } from 'vitest';

export const ROOT = resolve(import.meta.dirname, '..');
export const SERVER_ENTRY = join(ROOT, 'apps/server/dist/main.js');

// The deck file with one prompt of each kind that the socket-level suites run.
export function allKindsDeck(): DeckFile {
  return JSON.parse(readFileSync(join(ROOT, 'test/fixtures/all-kinds.deck.json'), 'utf8')) as DeckFile;
}

export type RunningServer = {
  url: string;
  port: number;
  dataDir: string;
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<void>;
  // How the process ended: its exit code, or the signal that ended it.
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

// A fresh embedded database folder (a copy of the migrated template), or '' on PostgreSQL.
export function newDataDir(): string {
  const template = inject('pgliteTemplate');
  if (!template) return '';
  const dir = mkdtempSync(join(tmpdir(), 'candor-e2e-'));
  cpSync(template, dir, { recursive: true });
  return dir;
}

// Starts the built server as its own process, on a free port, and waits until it listens.
export async function startServer(options: { dataDir?: string; env?: Record<string, string> } = {}): Promise<RunningServer> {
  const dataDir = options.dataDir ?? newDataDir();
  const own = options.env?.CANDOR_TEST_CLOCK_FILE && process.env.DATABASE_URL && !options.env.DATABASE_URL ? await ownDatabase(process.env.DATABASE_URL) : undefined;
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    PORT: '0',
    HOST: '127.0.0.1',
    NO_COLOR: '1',
    CANDOR_LOG_LEVEL: 'log',
    // The suites join many people from 127.0.0.1 at once; test/security.e2e-spec.ts keeps the defaults.
    CANDOR_JOIN_RATE_PER_MINUTE: '1000000',
    // Wrong codes too: with REDIS_URL every server of the run counts 127.0.0.1's failures together.
    CANDOR_JOIN_FAILURES_PER_MINUTE: '1000000',
    CANDOR_SOCKET_RATE_PER_SECOND: '100000',
    // Failed logins from 127.0.0.1, counted together by every server of the run with REDIS_URL (per account stays).
    CANDOR_LOGIN_FAILURES_PER_ADDRESS: '1000000',
    ...(dataDir ? { CANDOR_DATA_DIR: dataDir } : {}),
    ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
    ...options.env,
    ...(own ? { DATABASE_URL: own.url } : {}),
  };
  const child = spawn(process.execPath, [SERVER_ENTRY], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((ok) =>
    child.once('exit', (code, signal) => ok({ code, signal })),
  );
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const port = await new Promise<number>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start:\n${output}`)), 60_000);
    const onData = () => {
      const match = /listening on http:\/\/localhost:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        ok(Number(match[1]));
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      await stopProcess(child, signal);
      await own?.drop();
    },
    exited,
  };
}

// A server that moves its clock (CANDOR_TEST_CLOCK_FILE) sweeps retention by that clock: on the PostgreSQL
// the run shares, a day ahead it would delete other files' homework that closes tomorrow. So it gets a
// database of its own on the same server, migrated by the server at start and dropped when it stops.
async function ownDatabase(base: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `candor_clock_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

function stopProcess(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((ok) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      ok();
    });
    child.kill(signal);
  });
}

export type Facilitator = { email: string; cookie: string; api: request.Agent };

export async function signUp(url: string): Promise<Facilitator> {
  const email = `facilitator-${randomUUID()}@example.test`;
  const res = await request(url).post('/api/auth/signup').send({ email, password: 'correct horse battery' });
  if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`);
  const cookie = (res.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
  const api = request.agent(url).set('Cookie', cookie);
  return { email, cookie, api };
}

// A session of the built-in consent deck, k = 3, unless told otherwise (a k, or any of the request's fields).
export async function createSession(
  f: Facilitator,
  options: number | Partial<CreateSession> = {},
  deckId = 'consent-and-boundaries',
): Promise<CreatedSession> {
  const body = typeof options === 'number' ? { deckId, k: options } : { deckId, k: 3, ...options };
  const res = await f.api.post('/api/sessions').send(body);
  if (res.status !== 201) throw new Error(`create session failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as CreatedSession;
}

export async function joinSession(url: string, code: string): Promise<{ sessionId: string; token: string }> {
  const res = await request(url).post('/api/join').send({ code, consent: true });
  if (res.status !== 201) throw new Error(`join failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { sessionId: string; token: string };
}

// The data of a successful acknowledgement; a failed one fails the test with its code.
export function expectOk<T>(ack: Ack<T>): T {
  if (!ack.ok) throw new Error(`command failed: ${ack.error.code} ${ack.error.message}`);
  return ack.data;
}

// Co-facilitators: the owner gives another account access to a session; answers that account's id.
export async function shareSession(owner: Facilitator, sessionId: string, invitee: Facilitator, role: 'co-run' | 'view'): Promise<string> {
  const res = await owner.api.post(`/api/sessions/${sessionId}/access`).send({ email: invitee.email, role });
  if (res.status !== 201) throw new Error(`sharing failed: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { accountId: string }).accountId;
}

// The owner shares a deck with another account; answers that account's id.
export async function shareDeck(owner: Facilitator, deckId: string, invitee: Facilitator, role: 'co-run' | 'view'): Promise<string> {
  const res = await owner.api.post(`/api/decks/${deckId}/access`).send({ email: invitee.email, role });
  if (res.status !== 201) throw new Error(`sharing the deck failed: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { accountId: string }).accountId;
}
