import type { ErrorBody } from '@candor/shared';
import { Logger } from '@nestjs/common';
import type { Request, RequestHandler, Response } from 'express';
import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit';
import { createHash } from 'node:crypto';
import type { SendCommandFn } from 'rate-limit-redis';
import { readCookie, SECOND_STEP_COOKIE } from '../accounts/login-cookie.js';
import { clientKey, describe, limitStore } from './join-limiter.js';

const WINDOW_MS = 15 * 60_000;

export type LoginLimits = {
  // Failed logins (a wrong email or password) per account, and per client address, in 15 minutes.
  failuresPerAccount: number;
  failuresPerAddress: number;
};

// The account's logins were just refused for a while (its audit log says so once per window): named by
// the email of a login or a reset, or by the facilitator id of a login's second step.
export type ThrottledAccount = { email: string } | { facilitatorId: string };
export type OnThrottled = (account: ThrottledAccount) => void;

// Brute force on POST /api/auth/login: failures are counted per account (the email, hashed) and per
// client address; once either has failed that many times in 15 minutes, every login there waits for
// the window to end, even with the right password (a guess beyond the limit must learn nothing).
// Successful logins are not counted. With `redis` (REDIS_URL) every instance counts together.
// The same limits guard a login's second step (POST /api/auth/login/totp: a wrong code, counted per
// account by the candor_2fa cookie's facilitator id) and the password reset by recovery code (by email).
export function loginLimiter(limits: LoginLimits, redis?: SendCommandFn, onThrottled: OnThrottled = () => undefined): RequestHandler {
  const log = new Logger('LoginLimiter');
  const byAccount = limitStore('login-account', limits.failuresPerAccount, log, redis);
  const byAddress = limitStore('login-address', limits.failuresPerAddress, log, redis);
  for (const store of [byAccount, byAddress]) {
    void Promise.resolve(store.init?.({ windowMs: WINDOW_MS } as Options)).catch((error: unknown) => log.warn(describe(error)));
  }

  return (req, res, next) => {
    const account = accountOf(req);
    const counts: [Store, string, number][] = [[byAddress, clientKey(req), limits.failuresPerAddress]];
    if (account) counts.push([byAccount, accountKey(account), limits.failuresPerAccount]);
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
            if (store === byAccount && account && totalHits === limit) onThrottled(account);
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

// The email as the credentials schema reads it (lower-cased); else the facilitator id that a second
// step's cookie names (a forged id only counts against that id: the service refuses a token whose id
// is not its own before it looks at the code); else undefined.
function accountOf(req: Request): ThrottledAccount | undefined {
  const raw = (req.body as { email?: unknown } | undefined)?.email;
  if (typeof raw === 'string' && raw.length <= 254) return { email: raw.toLowerCase() };
  const secondStep = readCookie(req.headers.cookie, SECOND_STEP_COOKIE);
  const facilitatorId = secondStep?.split('.')[0];
  return facilitatorId && facilitatorId.length <= 64 ? { facilitatorId } : undefined;
}

// Neither an address nor an email is kept in memory or in Redis, only hashes, for one window. The
// second step counts with the account's logins: an email and its facilitator id are one account only
// to the service, so they are two counters here, each with the same limit.
function accountKey(account: ThrottledAccount): string {
  const name = 'email' in account ? `account\n${account.email}` : `facilitator\n${account.facilitatorId}`;
  return createHash('sha256').update(name).digest('base64url').slice(0, 22);
}
