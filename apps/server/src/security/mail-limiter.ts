import type { ErrorBody } from '@candor/shared';
import { Logger } from '@nestjs/common';
import type { RequestHandler, Response } from 'express';
import type { Options } from 'express-rate-limit';
import { createHash } from 'node:crypto';
import type { SendCommandFn } from 'rate-limit-redis';
import { clientKey, describe, limitStore } from './join-limiter.js';

const WINDOW_MS = 15 * 60_000;

export type MailLimits = {
  // Reset e-mails asked for per address typed (whether it has an account or not), and per client address, in 15 minutes.
  perEmail: number;
  perAddress: number;
};

// POST /api/auth/forgot: every request counts (the answer is the same for every address, so it cannot
// count only the ones that sent a mail), per email typed and per client address. A mailbox gets at most
// `perEmail` reset mails in 15 minutes, whoever asks; past either limit, 429 until the window ends. With
// `redis` (REDIS_URL) every instance counts together. Only hashes are kept, for one window.
export function mailLimiter(limits: MailLimits, redis?: SendCommandFn): RequestHandler {
  const log = new Logger('MailLimiter');
  const byEmail = limitStore('mail-email', limits.perEmail, log, redis);
  const byAddress = limitStore('mail-address', limits.perAddress, log, redis);
  for (const store of [byEmail, byAddress]) {
    void Promise.resolve(store.init?.({ windowMs: WINDOW_MS } as Options)).catch((error: unknown) => log.warn(describe(error)));
  }
  return (req, res, next) => {
    const raw = (req.body as { email?: unknown } | undefined)?.email;
    const counts = [{ store: byAddress, key: clientKey(req), limit: limits.perAddress }];
    if (typeof raw === 'string' && raw.length <= 254) {
      counts.push({ store: byEmail, key: createHash('sha256').update(`mail\n${raw.toLowerCase()}`).digest('base64url').slice(0, 22), limit: limits.perEmail });
    }
    void (async () => {
      for (const { store, key, limit } of counts) {
        const { totalHits, resetTime } = await store.increment(key);
        if (totalHits > limit) return refuse(res, resetTime);
      }
      next();
    })().catch(next);
  };
}

function refuse(res: Response, resetTime: Date | undefined): void {
  const seconds = Math.max(1, Math.ceil((resetTime ? resetTime.getTime() - Date.now() : WINDOW_MS) / 1000));
  const minutes = Math.ceil(seconds / 60);
  const body: ErrorBody = {
    code: 'RATE_LIMITED',
    message: `Several reset e-mails were asked for just now. Please check your mailbox, or wait ${minutes} minute${minutes === 1 ? '' : 's'} and ask again.`,
  };
  res.setHeader('Retry-After', String(seconds));
  res.status(429).json(body);
}
