import type { ErrorBody } from '@candor/shared';
import { Logger } from '@nestjs/common';
import type { Request, RequestHandler, Response } from 'express';
import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit';
import { createHash } from 'node:crypto';
import type { SendCommandFn } from 'rate-limit-redis';
import { clientKey, describe, limitStore } from './join-limiter.js';

const WINDOW_MS = 15 * 60_000;

export type LoginLimits = {
  // Failed logins (a wrong email or password) per account, and per client address, in 15 minutes.
  failuresPerAccount: number;
  failuresPerAddress: number;
};

// The account's logins were just refused for a while (its audit log says so once per window).
export type OnThrottled = (email: string) => void;

// Brute force on POST /api/auth/login: failures are counted per account (the email, hashed) and per
// client address; once either has failed that many times in 15 minutes, every login there waits for
// the window to end, even with the right password (a guess beyond the limit must learn nothing).
// Successful logins are not counted. With `redis` (REDIS_URL) every instance counts together.
export function loginLimiter(limits: LoginLimits, redis?: SendCommandFn, onThrottled: OnThrottled = () => undefined): RequestHandler {
  const log = new Logger('LoginLimiter');
  const byAccount = limitStore('login-account', limits.failuresPerAccount, log, redis);
  const byAddress = limitStore('login-address', limits.failuresPerAddress, log, redis);
  for (const store of [byAccount, byAddress]) {
    void Promise.resolve(store.init?.({ windowMs: WINDOW_MS } as Options)).catch((error: unknown) => log.warn(describe(error)));
  }

  return (req, res, next) => {
    const email = emailOf(req);
    const counts: [Store, string, number][] = [[byAddress, clientKey(req), limits.failuresPerAddress]];
    if (email) counts.push([byAccount, accountKey(email), limits.failuresPerAccount]);
    void (async () => {
      for (const [store, key, limit] of counts) {
        const seen = await store.get?.(key);
        if (seen && seen.totalHits >= limit) return refuse(res, seen);
      }
      // Counted before the answer leaves, so that the next guess sees it (as the join limits do).
      const end = res.end.bind(res) as (...args: unknown[]) => Response;
      res.end = ((...args: unknown[]) => {
        if (res.statusCode !== 401) return end(...args);
        const counted = async () => {
          for (const [store, key, limit] of counts) {
            const { totalHits } = await store.increment(key);
            if (store === byAccount && email && totalHits === limit) onThrottled(email);
          }
        };
        void counted()
          .catch((error: unknown) => log.warn(describe(error)))
          .finally(() => end(...args));
        return res;
      }) as Response['end'];
      next();
    })().catch(next);
  };
}

function refuse(res: Response, info: ClientRateLimitInfo): void {
  const left = info.resetTime ? info.resetTime.getTime() - Date.now() : WINDOW_MS;
  const seconds = Math.max(1, Math.ceil(left / 1000));
  const minutes = Math.ceil(seconds / 60);
  const body: ErrorBody = {
    code: 'RATE_LIMITED',
    message: `Too many attempts to log in. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`,
  };
  res.setHeader('Retry-After', String(seconds));
  res.status(429).json(body);
}

// The email as the credentials schema reads it (lower-cased), or undefined.
function emailOf(req: Request): string | undefined {
  const raw = (req.body as { email?: unknown } | undefined)?.email;
  return typeof raw === 'string' && raw.length <= 254 ? raw.toLowerCase() : undefined;
}

// Neither an address nor an email is kept in memory or in Redis, only hashes, for one window.
function accountKey(email: string): string {
  return createHash('sha256').update(`account\n${email}`).digest('base64url').slice(0, 22);
}
