import type { ErrorBody } from '@candor/shared';
import { Logger } from '@nestjs/common';
import type { Request, RequestHandler, Response } from 'express';
import { MemoryStore, rateLimit, type ClientRateLimitInfo, type Options, type Store } from 'express-rate-limit';
import { createHash } from 'node:crypto';
import { RedisStore, type SendCommandFn } from 'rate-limit-redis';

const WINDOW_MS = 60_000;
const LIMITED: ErrorBody = { code: 'RATE_LIMITED', message: 'Too many attempts. Please wait a minute and try again.' };

// Per client address and minute: every join request counts, and a third of that may fail (an unknown
// code). A wrong-code brute force is stopped after a few guesses while joins from elsewhere go on.
// There is no per-code counter: codes are what an attacker guesses, so it would only let them lock
// people out of a real session. With `redis` (REDIS_URL) every instance counts together; without it,
// each instance counts on its own. It runs before Nest (see app.ts), hence Express middleware.
export function joinLimiter(perMinute: number, redis?: SendCommandFn): RequestHandler[] {
  const log = new Logger('JoinLimiter');
  const failedLimit = Math.max(1, Math.ceil(perMinute / 3));
  const failed = limitStore('join-failed', failedLimit, log, redis);
  void Promise.resolve(failed.init?.({ windowMs: WINDOW_MS } as Options)).catch((error: unknown) => log.warn(describe(error)));

  // Failures are checked without counting and counted when they happen, not on the way in, so a room
  // that joins at once from one address is never refused for the joins still under way.
  const failures: RequestHandler = (req, res, next) => {
    const key = clientKey(req);
    void (async () => {
      const seen = await failed.get?.(key);
      if (seen && seen.totalHits >= failedLimit) return refuse(res, seen);
      // A failed join is counted before its answer leaves, so the next guess already sees it (with the
      // count in Redis, after 'finish' would be too late for a client that asks again at once).
      const end = res.end.bind(res) as (...args: unknown[]) => Response;
      res.end = ((...args: unknown[]) => {
        if (res.statusCode !== 404 && res.statusCode !== 400) return end(...args);
        void Promise.resolve(failed.increment(key)).finally(() => end(...args));
        return res;
      }) as Response['end'];
      next();
    })().catch(next);
  };

  const all = rateLimit({
    windowMs: WINDOW_MS,
    limit: perMinute,
    store: limitStore('join', perMinute, log, redis),
    keyGenerator: clientKey,
    // No RateLimit-* headers: a refusal says Retry-After, as it always did.
    legacyHeaders: false,
    standardHeaders: false,
    handler: (req, res) => refuse(res, (req as Request & { rateLimit: ClientRateLimitInfo }).rateLimit),
    // The key is the exact address, hashed (clientKey), as before this limiter used the library.
    validate: { keyGeneratorIpFallback: false },
    logger: { error: (error) => log.error(describe(error)), warn: (error) => log.warn(describe(error)) },
  });
  return [failures, all];
}

// The connection's address, or behind a trusted proxy the client's (CANDOR_TRUST_PROXY), as a hash:
// no address is kept in memory or in Redis, only this, for one window.
function clientKey(req: Request): string {
  const ip = req.ip ?? req.socket.remoteAddress ?? 'unknown';
  return createHash('sha256').update(ip).digest('base64url').slice(0, 22);
}

function refuse(res: Response, info: ClientRateLimitInfo): void {
  const left = info.resetTime ? info.resetTime.getTime() - Date.now() : WINDOW_MS;
  res.setHeader('Retry-After', String(Math.max(1, Math.ceil(left / 1000))));
  res.status(429).json(LIMITED);
}

// Instances that enforce the same limit count together (during a change of the limit, old and new
// instances keep apart).
function limitStore(name: string, limit: number, log: Logger, redis?: SendCommandFn): Store {
  if (!redis) return new MemoryStore();
  return new SharedStore(new RedisStore({ sendCommand: redis, prefix: `candor:limit:${name}-${limit}:` }), name, log);
}

// Counts in Redis; if Redis fails, this instance counts on its own until it is back: a Redis hiccup
// never stops people joining.
export class SharedStore implements Store {
  private readonly local = new MemoryStore();

  constructor(
    private readonly shared: Store,
    private readonly name: string,
    private readonly log: Logger,
  ) {}

  async init(options: Options): Promise<void> {
    this.local.init(options);
    await this.either(async () => this.shared.init?.(options), () => undefined);
  }

  get(key: string): Promise<ClientRateLimitInfo | undefined> {
    return this.either(async () => this.shared.get?.(key), () => this.local.get(key));
  }

  increment(key: string): Promise<ClientRateLimitInfo> {
    return this.either(async () => this.shared.increment(key), () => this.local.increment(key));
  }

  decrement(key: string): Promise<void> {
    return this.either(async () => this.shared.decrement(key), () => this.local.decrement(key));
  }

  resetKey(key: string): Promise<void> {
    return this.either(async () => this.shared.resetKey(key), () => this.local.resetKey(key));
  }

  private async either<T>(shared: () => Promise<T>, local: () => T | Promise<T>): Promise<T> {
    try {
      return await shared();
    } catch (error) {
      this.log.warn(`counting ${this.name} in this instance only: ${describe(error)}`);
      return local();
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
