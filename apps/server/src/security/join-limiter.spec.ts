import { Logger } from '@nestjs/common';
import express from 'express';
import { MemoryStore, type Options, type Store } from 'express-rate-limit';
import type { AddressInfo } from 'node:net';
import type { RedisReply, SendCommandFn } from 'rate-limit-redis';
import { afterEach, describe, expect, it } from 'vitest';
import { joinLimiter, SharedStore, type JoinLimits, type OnRefused } from './join-limiter.js';

const closers: (() => void)[] = [];
afterEach(() => closers.splice(0).forEach((close) => close()));

// The limiter in front of a stand-in for POST /api/join and GET /api/join/:code: codes starting with 'WRONG'
// are unknown, anything else joins.
async function joinServer(limits: JoinLimits, redis?: SendCommandFn, onRefused?: OnRefused) {
  const app = express();
  app.use(express.json());
  app.use('/api/join', ...joinLimiter(limits, redis, onRefused));
  app.get('/api/join/:code', (req, res) => void (req.params.code.startsWith('WRONG') ? res.status(404).json({ code: 'SESSION_NOT_FOUND' }) : res.status(200).json({})));
  app.post('/api/join', (req, res) => {
    const { code } = req.body as { code: string };
    setTimeout(() => void (code.startsWith('WRONG') ? res.status(404).json({ code: 'SESSION_NOT_FOUND' }) : res.status(201).json({})), 20);
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((ok) => server.once('listening', ok));
  closers.push(() => server.close());
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/join`;
  const join = (code: string) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
  return Object.assign(join, { info: (code: string) => fetch(`${url}/${code}`) });
}

// Just enough of Redis for rate-limit-redis: its scripts, run on a map; every key it was sent is kept.
function fakeRedis() {
  const counts = new Map<string, number>();
  const keys: string[] = [];
  const send: SendCommandFn = (...args) => {
    const [command, , , key] = args;
    if (command === 'SCRIPT') return Promise.resolve<RedisReply>(args[2].includes('INCR') ? 'increment' : 'get');
    if (command !== 'EVALSHA') return Promise.reject(new Error(`unexpected ${command}`));
    keys.push(key);
    if (args[1] === 'increment') counts.set(key, (counts.get(key) ?? 0) + 1);
    return Promise.resolve<RedisReply>([counts.get(key) ?? 0, 60_000]);
  };
  return { send, keys };
}

describe(joinLimiter.name, () => {
  it('refuses every join from an address once that many codes failed, with a text that blames nobody', async () => {
    const join = await joinServer({ joinsPerMinute: 100, failuresPerMinute: 2 });
    expect([(await join('WRONG1')).status, (await join('WRONG2')).status]).toEqual([404, 404]);
    const refused = await join('RIGHT');
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual({
      code: 'RATE_LIMITED',
      message: 'Many people are joining from this network right now. Please wait a moment and try again.',
    });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect([...refused.headers.keys()].filter((name) => name.includes('ratelimit'))).toEqual([]);
  });

  it('counts the same wrong code from one address once: a room that repeats a typo is not a guesser', async () => {
    const join = await joinServer({ joinsPerMinute: 100, failuresPerMinute: 2 });
    const statuses = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await join('WRONG1')).status, (await join.info('WRONG1')).status);
    expect(statuses).toEqual(Array(12).fill(404));
    expect((await join('RIGHT')).status).toBe(201);
    expect((await join('WRONG2')).status).toBe(404);
    expect((await join('RIGHT')).status).toBe(429);
  });

  it('refuses the join after the limit, however many succeeded, and counts the join info apart', async () => {
    const join = await joinServer({ joinsPerMinute: 3, failuresPerMinute: 1 });
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await join.info('RIGHT')).status, (await join('RIGHT')).status);
    expect(statuses).toEqual([200, 201, 200, 201, 200, 201, 429, 429]);
  });

  it('names the code that was refused, and nothing about the caller', async () => {
    const refusals: [string, number][] = [];
    const join = await joinServer({ joinsPerMinute: 1, failuresPerMinute: 5 }, undefined, (code, seconds) => refusals.push([code, seconds]));
    expect([(await join('right')).status, (await join('right')).status, (await join.info('ABCDEF')).status, (await join.info('ABCDEF')).status]).toEqual([201, 429, 200, 429]);
    expect(refusals.map(([code]) => code)).toEqual(['RIGHT', 'ABCDEF']);
    for (const [, seconds] of refusals) expect(seconds).toBeGreaterThanOrEqual(1);
  });

  it('does not count joins still under way as failures', async () => {
    const join = await joinServer({ joinsPerMinute: 100, failuresPerMinute: 1 });
    expect((await Promise.all(Array.from({ length: 6 }, () => join('RIGHT')))).map((r) => r.status)).toEqual(Array(6).fill(201));
  });

  it('counts in Redis under a hash of the address, never the address', async () => {
    const redis = fakeRedis();
    const join = await joinServer({ joinsPerMinute: 6, failuresPerMinute: 2 }, redis.send);
    await join('WRONG');
    expect(redis.keys.length).toBeGreaterThan(0);
    for (const key of redis.keys) expect(key).toMatch(/^candor:limit:join(-failed|-failed-code|-info)?-[126]:[A-Za-z0-9_-]{22}$/);
    expect(redis.keys.join()).not.toContain('127.0.0.1');
    expect(redis.keys.join()).not.toContain('WRONG');
  });
});

describe(SharedStore.name, () => {
  const options = { windowMs: 60_000 } as Options;
  const log = new Logger('test');
  log.warn = () => undefined;

  it('shares one count between instances through the shared store', async () => {
    const shared = new MemoryStore();
    shared.init(options);
    closers.push(() => shared.shutdown());
    const [a, b] = [new SharedStore(shared, 'join', log), new SharedStore(shared, 'join', log)];
    await Promise.all([a.init(options), b.init(options)]);
    await a.increment('k');
    expect((await b.increment('k')).totalHits).toBe(2);
    expect((await a.get('k'))?.totalHits).toBe(2);
  });

  it('counts in the instance while the shared store is down, so people can still join', async () => {
    const down = () => Promise.reject(new Error('down'));
    const broken: Store = { init: down, get: down, increment: down, decrement: down, resetKey: down };
    const store = new SharedStore(broken, 'join', log);
    await store.init(options);
    expect([(await store.increment('k')).totalHits, (await store.increment('k')).totalHits]).toEqual([1, 2]);
    expect((await store.get('k'))?.totalHits).toBe(2);
  });
});
