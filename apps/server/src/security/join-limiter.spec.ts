import { Logger } from '@nestjs/common';
import express from 'express';
import { MemoryStore, type Options, type Store } from 'express-rate-limit';
import type { AddressInfo } from 'node:net';
import type { RedisReply, SendCommandFn } from 'rate-limit-redis';
import { afterEach, describe, expect, it } from 'vitest';
import { joinLimiter, SharedStore } from './join-limiter.js';

const closers: (() => void)[] = [];
afterEach(() => closers.splice(0).forEach((close) => close()));

// The limiter in front of a stand-in for POST /api/join: 'WRONG' is an unknown code, anything else joins.
async function joinServer(perMinute: number, redis?: SendCommandFn) {
  const app = express();
  app.use(express.json());
  app.use('/api/join', ...joinLimiter(perMinute, redis));
  app.post('/api/join', (req, res) => {
    const { code } = req.body as { code: string };
    setTimeout(() => void (code === 'WRONG' ? res.status(404).json({ code: 'SESSION_NOT_FOUND' }) : res.status(201).json({})), 20);
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((ok) => server.once('listening', ok));
  closers.push(() => server.close());
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/join`;
  return (code: string) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
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
  it('refuses every join from an address once a third of its limit has failed, with the usual answer', async () => {
    const join = await joinServer(6);
    expect([(await join('WRONG')).status, (await join('WRONG')).status]).toEqual([404, 404]);
    const refused = await join('RIGHT');
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual({ code: 'RATE_LIMITED', message: 'Too many attempts. Please wait a minute and try again.' });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect([...refused.headers.keys()].filter((name) => name.includes('ratelimit'))).toEqual([]);
  });

  it('refuses the join after the limit, however many succeeded', async () => {
    const join = await joinServer(3);
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await join('RIGHT')).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
  });

  it('does not count joins still under way as failures', async () => {
    const join = await joinServer(6);
    expect((await Promise.all(Array.from({ length: 6 }, () => join('RIGHT')))).map((r) => r.status)).toEqual(Array(6).fill(201));
  });

  it('counts in Redis under a hash of the address, never the address', async () => {
    const redis = fakeRedis();
    const join = await joinServer(6, redis.send);
    await join('WRONG');
    expect(redis.keys.length).toBeGreaterThan(0);
    for (const key of redis.keys) expect(key).toMatch(/^candor:limit:join(-failed)?-[26]:[A-Za-z0-9_-]{22}$/);
    expect(redis.keys.join()).not.toContain('127.0.0.1');
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
