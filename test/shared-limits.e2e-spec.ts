import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, signUp, startServer, type RunningServer } from './utils.js';

// Collected only with REDIS_URL (test/vitest.config.ts): two instances count one client's joins together,
// so more instances do not mean more guesses at join codes.
function postFrom(ip: string, url: string, body: unknown): Promise<number> {
  const data = JSON.stringify(body);
  return new Promise((ok, fail) => {
    const req = httpRequest(
      `${url}/api/join`,
      { method: 'POST', localAddress: ip, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } },
      (res) => {
        res.resume();
        res.on('end', () => ok(res.statusCode ?? 0));
      },
    );
    req.once('error', fail);
    req.end(data);
  });
}

describe('join limits shared through Redis', () => {
  const servers: RunningServer[] = [];
  // 6 joins a minute, and 2 different codes failed, per client and for all instances together.
  const env = { CANDOR_JOIN_RATE_PER_MINUTE: '6', CANDOR_JOIN_FAILURES_PER_MINUTE: '2' };

  beforeAll(async () => {
    if (!process.env.REDIS_URL) throw new Error('REDIS_URL must be set for this suite');
    servers.push(await startServer({ env }), await startServer({ env }));
  });
  afterAll(async () => {
    for (const server of servers) await server.stop();
  });

  it('stops a wrong-code guesser who spreads the guesses over two instances', async () => {
    const [a, b] = servers;
    const code = (await createSession(await signUp(a.url))).state.code;
    // A fresh address for each run (counts live a minute from an address's first request).
    const fresh = () => `127.${1 + Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;
    const ip = fresh();

    expect(await postFrom(ip, a.url, { code: 'ZZZZZZ', consent: true })).toBe(404);
    // The same wrong code again, on the other instance, is the same failure (a typo a room repeats).
    expect(await postFrom(ip, b.url, { code: 'ZZZZZZ', consent: true })).toBe(404);
    expect(await postFrom(ip, b.url, { code: 'YYYYYY', consent: true })).toBe(404);
    // Each instance has seen one code fail; together they have seen two, the limit.
    expect(await postFrom(ip, a.url, { code: 'XXXXXX', consent: true })).toBe(429);
    expect(await postFrom(ip, b.url, { code, consent: true })).toBe(429);
    // Someone else still joins (on the instance that holds the session: without DATABASE_URL each
    // instance has its own embedded database).
    expect(await postFrom(fresh(), a.url, { code, consent: true })).toBe(201);
  });
});
