// npm run bench [-- N ...]: Candor (PostgreSQL, Redis if REDIS_URL is set) and a bare socket.io
// server, each on core 0, loaded by bench/load.mjs on core 1. Prints the figures for each N.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { PROTOCOL_VERSION as PROTOCOL } from '@candor/shared';
import { io } from 'socket.io-client';

const ROOT = join(import.meta.dirname, '..');
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const Ns = sizes.length > 0 ? sizes : [1000, 10000];
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/candor_bench';
// BENCH_JOIN_RATE=r: participants arrive at r a second (an open loop) instead of 64 at a time.
// For profiling: extra node flags for the Candor server (e.g. BENCH_NODE_ARGS="--cpu-prof
// --cpu-prof-dir=/tmp/prof"), and BENCH_ONLY=candor to skip the bare server.
const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
const only = process.env.BENCH_ONLY;
// BENCH_INSTANCES=1,2,3: Candor also as two and three instances behind one Redis (REDIS_URL, else the
// machine's 127.0.0.1:6379) and one PostgreSQL, the phones spread over them. All instances share core 0
// with each other (the generator keeps core 1): the figures say what scale-out costs per answer and per
// join, not how far it scales on more cores.
const instanceCounts = (process.env.BENCH_INSTANCES ?? '1').split(',').map(Number).filter((k) => k > 0);
// With several instance counts, one instance goes through Redis too, so that the columns compare.
const redisUrl = process.env.REDIS_URL ?? (instanceCounts.some((k) => k > 1) ? 'redis://127.0.0.1:6379' : undefined);

// The benchmark's own database starts empty each time, so that runs compare (a PostgreSQL with
// autovacuum off, as on these machines, would otherwise carry every earlier run's dead rows).
async function ensureDatabase() {
  if (process.env.DATABASE_URL) return;
  const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS candor_bench WITH (FORCE)');
  await admin.query('CREATE DATABASE candor_bench');
  await admin.end();
}

// Starts a process pinned to a core, with the file-descriptor limit raised, and waits for its port.
function startPinned(core, args, env) {
  const child = spawn('sh', ['-c', `ulimit -n 20000; exec taskset -c ${core} "$@"`, 'sh', process.execPath, ...args], {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`did not start:\n${output}`)), 60_000);
    child.stdout.on('data', () => {
      const m = /listening on http:\/\/localhost:(\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        ok({ child, port: Number(m[1]), output: () => output });
      }
    });
    child.once('exit', (code) => fail(new Error(`exited ${code}:\n${output}`)));
    // BENCH_SERVER_LOG=file: the server's output, for when it dies during a run.
    if (process.env.BENCH_SERVER_LOG) child.once('exit', () => writeFileSync(process.env.BENCH_SERVER_LOG, output));
  });
}

function runLoad(args) {
  return new Promise((ok, fail) => {
    const child = spawn('sh', ['-c', 'ulimit -n 20000; exec taskset -c 1 "$@"', 'sh', process.execPath, join(ROOT, 'bench/load.mjs'), ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.once('exit', (code) => (code === 0 ? ok(JSON.parse(out.trim().split('\n').at(-1))) : fail(new Error(`load generator exited ${code}`))));
  });
}

function stop(child) {
  return new Promise((ok) => {
    if (child.exitCode !== null) return ok();
    child.once('exit', ok);
    child.kill('SIGTERM');
  });
}

async function json(res) {
  if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
  return res.json();
}

async function benchCandor(n, k = 1) {
  const env = {
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
    CANDOR_LOG_LEVEL: 'log',
    // Every simulated participant joins from 127.0.0.1: lift the per-IP limits.
    CANDOR_JOIN_RATE_PER_MINUTE: '1000000',
    CANDOR_JOIN_FAILURES_PER_MINUTE: '1000000',
    CANDOR_SOCKET_RATE_PER_SECOND: '100000',
  };
  const servers = [];
  for (let i = 0; i < k; i += 1) servers.push(await startPinned(0, [...nodeArgs, join(ROOT, 'apps/server/dist/main.js')], env));
  const [server] = servers;
  const url = `http://127.0.0.1:${server.port}`;
  try {
    const signup = await fetch(`${url}/api/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `bench-${randomUUID()}@example.test`, password: 'correct horse battery' }),
    });
    const cookie = signup.headers.get('set-cookie').split(';')[0];
    const created = await json(
      await fetch(`${url}/api/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ deckId: 'consent-and-boundaries', k: 5 }),
      }),
    );
    const sessionId = created.state.id;
    const facilitator = io(url, { transports: ['websocket'], auth: { protocol: PROTOCOL, role: 'facilitator', sessionId }, extraHeaders: { cookie } });
    await new Promise((ok, fail) => facilitator.once('connect', ok).once('connect_error', fail));
    const opened = await facilitator.timeout(10_000).emitWithAck('prompt:open', {});
    if (!opened.ok) throw new Error(opened.error.code);
    const result = await runLoad([
      servers.map((s) => `http://127.0.0.1:${s.port}`).join(','),
      created.state.code,
      String(n),
      created.screenToken,
      servers.map((s) => String(s.child.pid)).join(','),
      opened.data.prompt.id,
      databaseUrl,
    ]);

    // The exact final tally: released after close, and the rows in the database.
    await facilitator.timeout(10_000).emitWithAck('prompt:close', {});
    const released = await facilitator.timeout(30_000).emitWithAck('results:release', {});
    const hugs = released.data.result.distribution.items.find((i) => i.id === 'hugs');
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    const rows = (await db.query('SELECT count(*)::int AS n FROM answers WHERE session_id = $1', [sessionId])).rows[0].n;
    await db.query('DELETE FROM live_sessions WHERE id = $1', [sessionId]);
    // The next N starts without this run's dead rows, autovacuum or not.
    await db.query('VACUUM ANALYZE participants, answers, live_sessions, prompt_results, text_reviews');
    await db.end();
    facilitator.close();
    result.exact = rows === n && [hugs.yes, hugs.maybe, hugs.no].join() === result.expectedLast.join();
    result.rows = rows;
    return result;
  } finally {
    await Promise.all(servers.map((s) => stop(s.child)));
  }
}

async function benchBare(n) {
  const server = await startPinned(0, [join(ROOT, 'bench/bare-server.mjs')], { PORT: '0' });
  const url = `http://127.0.0.1:${server.port}`;
  try {
    const result = await runLoad([url, 'BARE', String(n), 'bare-screen-token-0000', String(server.child.pid), 'p']);
    const tally = await json(await fetch(`${url}/tally`));
    result.exact = [tally.yes, tally.maybe, tally.no].join() === result.expectedLast.join();
    return result;
  } finally {
    await stop(server.child);
  }
}

await ensureDatabase();
// One column per run: Candor with each instance count, then the bare server, for each N.
const columns = [];
for (const n of Ns) {
  const candor = [];
  if (only !== 'bare') for (const k of instanceCounts) candor.push({ k, x: await benchCandor(n, k) });
  const bare = only === 'candor' ? null : await benchBare(n);
  for (const c of candor) {
    columns.push({ n, label: `N=${n} candor${c.k > 1 ? ` ×${c.k}` : ''}`, x: c.x, bare });
    console.log(JSON.stringify({ n, instances: c.k, candor: c.x }));
  }
  if (bare) {
    columns.push({ n, label: 'bare', x: bare });
    console.log(JSON.stringify({ n, bare }));
  }
}

const cell = (x, f) => (x ? `${f(x)}` : '-').padStart(22);
const line = (label, f) => console.log(`${label.padEnd(34)}${columns.map((c) => cell(c.x, f)).join('')}`);
const redisNote = redisUrl ? ' + Redis' : '';
console.log(`\nCandor on ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'candor_bench'}${redisNote}; servers on core 0, generator on core 1\n`);
console.log(`${''.padEnd(34)}${columns.map((c) => c.label.padStart(22)).join('')}`);
line('joins per second', (x) => x.joinPerSecond);
line('join: mean ms of POST / connect', (x) => `${x.joinStepMs.post}/${x.joinStepMs.connect}`);
line(
  process.env.BENCH_JOIN_RATE ? `join ms p50/p95/p99/max, ${process.env.BENCH_JOIN_RATE}/s arrive` : 'join ms p50/p95/p99/max, 64 at a time',
  (x) => Object.values(x.joinLatencyMs).join('/'),
);
line('burst ack ms p50/p95/p99/max', (x) => Object.values(x.burst.latencyMs).join('/'));
line('burst: last ack → exact tally ms', (x) => x.burst.tallyAfterLastAckMs ?? 'not seen');
line('flood answers per second', (x) => x.flood.perSecond);
line('flood ack ms p50/p95/p99/max', (x) => Object.values(x.flood.latencyMs).join('/'));
line('RSS per connection KB', (x) => x.rssPerConnectionKb);
line('server CPU ms per join/burst/flood', (x) => Object.values(x.cpuMsPer).join('/'));
line('server CPU µs per flood answer', (x) => x.floodCpuUsPerAnswer);
line('PostgreSQL commits per burst/flood answer', (x) => (x.commitsPer ? `${x.commitsPer.burstAnswer}/${x.commitsPer.floodAnswer}` : '-'));
line("each instance's share of the CPU", (x) => (x.cpuShare ? x.cpuShare.join('/') : '-'));
line('no answer lost, final tally exact', (x) => (x.exact ? 'yes' : 'NO'));
// The issue's goals are ratios to the bare server of the same run.
for (const c of columns) {
  if (!c.bare) continue;
  const ratio = (a, b) => (a / b).toFixed(2);
  console.log(
    `${c.label}: flood throughput / bare = ${ratio(c.x.flood.perSecond, c.bare.flood.perSecond)}; ` +
      `server CPU per flood answer / bare = ${ratio(c.x.floodCpuUsPerAnswer, c.bare.floodCpuUsPerAnswer)}; ` +
      `per join / bare = ${ratio(c.x.cpuMsPer.join, c.bare.cpuMsPer.join)}`,
  );
}
if (columns.some((c) => !c.x.exact)) process.exitCode = 1;
