// Load generator (run by bench/run.mjs, pinned to its own core): joins N participants over REST
// with keep-alive agents, connects them websocket-only, then measures a burst (each answers once
// within 10 s) and a flood (each answers 20 times back to back). Prints one JSON line.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import pg from 'pg';
import { io } from 'socket.io-client';
import { PROTOCOL_VERSION as PROTOCOL } from '@candor/shared';

// `urls` and `serverPids`: one or more instances, comma-separated; participant i joins and connects at
// instance i mod their count (phones spread over the instances behind one balancer), the screen at the first.
const [urls, code, nText, screenToken, serverPids, promptId, databaseUrl] = process.argv.slice(2);
const instances = urls.split(',');
const pids = serverPids.split(',');
const url = instances[0];
const N = Number(nText);
const FLOOD = 20;
// BENCH_JOIN_RATE=r: participants arrive at r a second whatever the server's pace (an open loop, as
// phones in a lecture hall do), instead of 64 joining at a time (a closed loop, paced by the server).
const ARRIVALS_PER_SECOND = Number(process.env.BENCH_JOIN_RATE ?? 0);
const agent = new http.Agent({ keepAlive: true, maxSockets: ARRIVALS_PER_SECOND > 0 ? 2048 : 64 });
const origins = instances.map((u) => new URL(u));

const rssOf = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);
const rssKb = () => pids.reduce((sum, pid) => sum + rssOf(pid), 0);
const now = () => performance.now();
// The server's CPU time (user + system) in ms: a figure that a busy machine disturbs far less than
// the rates, so it is reported per join and per answer next to them.
const ticksPerMs = 100 / 1000;
const cpuOf = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / ticksPerMs;
};
// All instances together, and each one's share (for how evenly the phones load them).
const cpuEach = () => pids.map(cpuOf);
const cpuMs = () => cpuEach().reduce((sum, ms) => sum + ms, 0);
// With the server's database given: its transactions committed (pg_stat_database), per answer.
// A busy backend reports its counts at most once a second, an idle one within 10 s (PostgreSQL 15),
// so a reading waits for that first.
const commits = databaseUrl ? new pg.Client({ connectionString: databaseUrl }) : null;
await commits?.connect();
const commitCount = async () => {
  if (!commits) return null;
  await new Promise((ok) => setTimeout(ok, 11_000));
  await commits.query('SELECT pg_stat_clear_snapshot()');
  const { rows } = await commits.query('SELECT xact_commit::float8 AS n FROM pg_stat_database WHERE datname = current_database()');
  return rows[0].n;
};
const value = (i) => ({ kind: 'ynm', items: { hugs: ['yes', 'maybe', 'no'][i % 3] } });

function post(origin, path, body) {
  return new Promise((ok, fail) => {
    const data = JSON.stringify(body);
    const req = http.request(
      { host: origin.hostname, port: origin.port, path, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => (res.statusCode === 201 ? ok(JSON.parse(text)) : fail(new Error(`join ${res.statusCode} ${text}`))));
      },
    );
    req.on('error', fail);
    req.end(data);
  });
}

// A keep-alive connection the server has just closed fails with ECONNRESET: join again (the lost
// attempt may have left an unused seat, which changes no answer count).
async function join(origin) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await post(origin, '/api/join', { code, consent: true });
    } catch (error) {
      if (error.code !== 'ECONNRESET' || attempt >= 3) throw error;
    }
  }
}

function open(auth, at = url) {
  return new Promise((ok, fail) => {
    const socket = io(at, { transports: ['websocket'], auth: { protocol: PROTOCOL, ...auth }, reconnection: false, timeout: 60_000 });
    socket.once('connect', () => ok(socket));
    socket.once('connect_error', fail);
  });
}

async function pool(count, concurrency, work) {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count) await work(next++);
  }));
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const summary = (lat) => {
  const s = [...lat].sort((x, y) => x - y);
  return { p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s.at(-1) };
};

const screen = await open({ role: 'screen', token: screenToken });
let answeredSeen = 0;
let answeredAt = 0;
screen.on('progress:updated', (p) => {
  if (p.answered > answeredSeen) {
    answeredSeen = p.answered;
    answeredAt = now();
  }
});

// BENCH_HEAP_SNAPSHOTS=SIGWINCH with BENCH_NODE_ARGS="--heapsnapshot-signal=SIGWINCH
// --diagnostic-dir=DIR": the server writes a heap snapshot before the joins and another after them.
// (Not SIGUSR2: Nest's shutdown hooks take that one.)
const heapSnapshot = async () => {
  if (!process.env.BENCH_HEAP_SNAPSHOTS) return;
  for (const pid of pids) process.kill(Number(pid), process.env.BENCH_HEAP_SNAPSHOTS);
  await new Promise((ok) => setTimeout(ok, 15_000));
};
await heapSnapshot();
const rssBefore = rssKb();
const sockets = new Array(N);
const joinCpu = cpuMs();
const startCpuEach = cpuEach();
const joinStart = now();
// Mean time of the two steps of a join, to tell where a slow join waits.
let postMs = 0;
let connectMs = 0;
const joinLat = [];
const joinOne = async (i) => {
  const t0 = now();
  const at = i % instances.length;
  const seat = await join(origins[at]);
  const t1 = now();
  sockets[i] = await open({ role: 'participant', token: seat.token }, instances[at]);
  postMs += t1 - t0;
  connectMs += now() - t1;
  joinLat.push(now() - t0);
};
if (ARRIVALS_PER_SECOND > 0) {
  // Arrival i is due at i / rate seconds; a late timer starts at once (the generator never waits for the server).
  await Promise.all(
    Array.from({ length: N }, (_, i) => new Promise((ok, fail) => setTimeout(() => joinOne(i).then(ok, fail), (i * 1000) / ARRIVALS_PER_SECOND))),
  );
} else {
  await pool(N, 64, joinOne);
}
const joinSeconds = (now() - joinStart) / 1000;
const joinCpuMs = cpuMs() - joinCpu;
await new Promise((ok) => setTimeout(ok, 1000));
const rssAfter = rssKb();
await heapSnapshot();

function submit(socket, i) {
  const started = now();
  return socket
    .timeout(60_000)
    .emitWithAck('answer:submit', { promptId, clientId: randomUUID(), value: value(i) })
    .then((ack) => {
      if (!ack.ok) throw new Error(`answer refused: ${ack.error.code}`);
      return now() - started;
    });
}

// Burst: each participant answers once, at a random moment within 10 s.
const burstLat = [];
let lastAck = 0;
const burstCommits = await commitCount();
const burstCpu = cpuMs();
const burstStart = now();
await Promise.all(
  sockets.map(
    (socket, i) =>
      new Promise((ok, fail) =>
        setTimeout(() => submit(socket, i).then((ms) => { burstLat.push(ms); lastAck = now(); ok(); }, fail), Math.random() * 10_000),
      ),
  ),
);
const burstSeconds = (now() - burstStart) / 1000;
const burstCpuMs = cpuMs() - burstCpu;
const tallyDeadline = now() + 10_000;
while (answeredSeen < N && now() < tallyDeadline) await new Promise((ok) => setTimeout(ok, 5));
const burstTallyMs = answeredSeen === N ? Math.max(0, answeredAt - lastAck) : null;
const burstCommitted = commits ? (await commitCount()) - burstCommits : null;

// Flood: everyone answers 20 times, back to back, without waiting for acks.
const floodLat = [];
const floodCommits = await commitCount();
const floodCpu = cpuMs();
const floodStart = now();
await Promise.all(
  sockets.map((socket, i) =>
    Promise.all(Array.from({ length: FLOOD }, (_, k) => submit(socket, i + k).then((ms) => floodLat.push(ms)))),
  ),
);
const floodSeconds = (now() - floodStart) / 1000;
const floodCpuMs = cpuMs() - floodCpu;
const cpuShares = cpuEach().map((ms, i) => ms - startCpuEach[i]);
const cpuTotal = cpuShares.reduce((sum, ms) => sum + ms, 0);
const floodCommitted = commits ? (await commitCount()) - floodCommits : null;
await commits?.end();

console.log(
  JSON.stringify({
    n: N,
    joinPerSecond: Math.round(N / joinSeconds),
    joinStepMs: { post: Math.round(postMs / N), connect: Math.round(connectMs / N) },
    // Each join's time from its start (open loop: its arrival) to its socket connected.
    joinLatencyMs: roundAll(summary(joinLat)),
    ...(ARRIVALS_PER_SECOND > 0 ? { arrivalsPerSecond: ARRIVALS_PER_SECOND } : {}),
    // Server CPU ms per join (REST and handshake), per burst answer and per flood answer.
    cpuMsPer: { join: round2(joinCpuMs / N), burstAnswer: round2(burstCpuMs / N), floodAnswer: round2(floodCpuMs / (N * FLOOD)) },
    // The same per flood answer in µs (the ms figure rounds to 0.01 ms).
    floodCpuUsPerAnswer: Math.round((floodCpuMs * 1000) / (N * FLOOD)),
    // PostgreSQL commits per answer (every transaction of the database, reads included), if known.
    commitsPer: commits ? { burstAnswer: round2(burstCommitted / N), floodAnswer: round2(floodCommitted / (N * FLOOD)) } : null,
    rssPerConnectionKb: Math.round(((rssAfter - rssBefore) / N) * 10) / 10,
    instances: instances.length,
    // Each instance's share of the server CPU from the joins to the end of the flood.
    cpuShare: cpuShares.map((ms) => round2(ms / cpuTotal)),
    burst: { answers: burstLat.length, seconds: Math.round(burstSeconds * 10) / 10, latencyMs: summary(burstLat).p50 === undefined ? null : roundAll(summary(burstLat)), tallyAfterLastAckMs: burstTallyMs === null ? null : Math.round(burstTallyMs) },
    flood: { answers: floodLat.length, perSecond: Math.round(floodLat.length / floodSeconds), latencyMs: roundAll(summary(floodLat)) },
    // Each participant's last answer is (i + 19) % 3 on the hugs item.
    expectedLast: [0, 1, 2].map((c) => sockets.filter((_, i) => (i + FLOOD - 1) % 3 === c).length),
  }),
);
sockets.forEach((s) => s.close());
screen.close();
process.exit(0);

function round2(x) {
  return Math.round(x * 100) / 100;
}

function roundAll(o) {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Math.round(v)]));
}
