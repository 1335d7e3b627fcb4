import { JOIN_CODE_LENGTH, type ErrorBody } from '@candor/shared';
import { Logger } from '@nestjs/common';
import type { Request, RequestHandler, Response } from 'express';
import { MemoryStore, rateLimit, type ClientRateLimitInfo, type Options, type Store } from 'express-rate-limit';
import { createHash } from 'node:crypto';
import { RedisStore, type SendCommandFn } from 'rate-limit-redis';

const WINDOW_MS = 60_000;
// Behind one school network hundreds of people share an address: a refusal never says they did wrong.
const LIMITED: ErrorBody = {
  code: 'RATE_LIMITED',
  message: 'Many people are joining from this network right now. Please wait a moment and try again.',
};

export type JoinLimits = {
  // Joins (POST /api/join, /api/join/couple) per client address and minute; the join info GET has its own as many.
  joinsPerMinute: number;
  // Different codes per client address and minute that failed (unknown, ended, malformed).
  failuresPerMinute: number;
};

// Someone was refused by a limit while asking for this code (as typed, upper-cased): the session's
// facilitators may hear that joins are being limited. Never told who, or from where.
export type OnRefused = (code: string, retryAfterSeconds: number) => void;

// Per client address and minute. Joins that succeed are limited generously (a lecture hall behind one
// NAT); failures are counted apart, once per address *and code*: the same typo from thirty phones in
// one room is one failure, while a guesser's every guess is a new code and counts. Once an address has
// failed with that many codes, every join from it waits for the minute to end (a guess beyond the limit
// must not learn whether its code exists). With `redis` (REDIS_URL) every instance counts together;
// without it, each instance counts on its own. It runs before Nest (see app.ts), hence Express middleware,
// after the JSON body parser (the code is in the body).
export function joinLimiter(limits: JoinLimits, redis?: SendCommandFn, onRefused: OnRefused = () => undefined): RequestHandler[] {
  const log = new Logger('JoinLimiter');
  const failedLimit = limits.failuresPerMinute;
  const failed = limitStore('join-failed', failedLimit, log, redis);
  // One count per address and code that failed: only its first failure in the minute reaches `failed`.
  const failedCodes = limitStore('join-failed-code', 1, log, redis);
  for (const store of [failed, failedCodes]) {
    void Promise.resolve(store.init?.({ windowMs: WINDOW_MS } as Options)).catch((error: unknown) => log.warn(describe(error)));
  }

  const refuse = (req: Request, res: Response, info: ClientRateLimitInfo): void => {
    const left = info.resetTime ? info.resetTime.getTime() - Date.now() : WINDOW_MS;
    const seconds = Math.max(1, Math.ceil(left / 1000));
    res.setHeader('Retry-After', String(seconds));
    res.status(429).json(LIMITED);
    const code = codeOf(req);
    if (code) onRefused(code, seconds);
  };

  // Failures are checked without counting and counted when they happen, not on the way in, so a room
  // that joins at once from one address is never refused for the joins still under way.
  const failures: RequestHandler = (req, res, next) => {
    const key = clientKey(req);
    // Read now: once a route answers, req.path is the whole path again.
    const failedKey = codeKey(key, codeOf(req));
    void (async () => {
      const seen = await failed.get?.(key);
      if (seen && seen.totalHits >= failedLimit) return refuse(req, res, seen);
      // A failed join is counted before its answer leaves, so the next guess already sees it (with the
      // count in Redis, after 'finish' would be too late for a client that asks again at once).
      const end = res.end.bind(res) as (...args: unknown[]) => Response;
      res.end = ((...args: unknown[]) => {
        if (res.statusCode < 400 || res.statusCode >= 500 || res.statusCode === 429) return end(...args);
        const counted = async () => {
          const first = (await failedCodes.increment(failedKey)).totalHits === 1;
          if (first) await failed.increment(key);
        };
        void counted().finally(() => end(...args));
        return res;
      }) as Response['end'];
      next();
    })().catch(next);
  };

  // Joins and the join info are limited apart, so that a phone's two requests count once each.
  const counter = (name: string, counts: (req: Request) => boolean) =>
    rateLimit({
      windowMs: WINDOW_MS,
      limit: limits.joinsPerMinute,
      store: limitStore(name, limits.joinsPerMinute, log, redis),
      keyGenerator: clientKey,
      skip: (req) => !counts(req),
      // No RateLimit-* headers: a refusal says Retry-After, as it always did.
      legacyHeaders: false,
      standardHeaders: false,
      handler: (req, res) => refuse(req, res, (req as Request & { rateLimit: ClientRateLimitInfo }).rateLimit),
      // The key is the exact address, hashed (clientKey), as before this limiter used the library.
      validate: { keyGeneratorIpFallback: false },
      logger: { error: (error) => log.error(describe(error)), warn: (error) => log.warn(describe(error)) },
    });
  return [failures, counter('join', (req) => req.method !== 'GET'), counter('join-info', (req) => req.method === 'GET')];
}

// The code a request asks for: POST /api/join's body, or GET /api/join/:code's path. Upper-cased and
// cut to a code's length, as the schema reads it; undefined when there is none.
function codeOf(req: Request): string | undefined {
  const raw = req.method === 'GET' ? req.path.slice(1) : req.path === '/' ? (req.body as { code?: unknown } | undefined)?.code : undefined;
  if (typeof raw !== 'string' || raw.includes('/')) return undefined;
  const code = raw.trim().toUpperCase().slice(0, JOIN_CODE_LENGTH + 2);
  return code || undefined;
}

// The connection's address, or behind a trusted proxy the client's (CANDOR_TRUST_PROXY), as a hash:
// no address is kept in memory or in Redis, only this, for one window.
export function clientKey(req: Request): string {
  const ip = req.ip ?? req.socket.remoteAddress ?? 'unknown';
  return createHash('sha256').update(ip).digest('base64url').slice(0, 22);
}

// The address (as its key) and the code together, hashed again: neither can be read back.
function codeKey(client: string, code: string | undefined): string {
  return createHash('sha256').update(`${client}\n${code ?? ''}`).digest('base64url').slice(0, 22);
}

// Instances that enforce the same limit count together (during a change of the limit, old and new
// instances keep apart).
export function limitStore(name: string, limit: number, log: Logger, redis?: SendCommandFn): Store {
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

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
