import type { ErrorBody } from '@candor/shared';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import type { Config } from '../config/config.js';
import { SharedWindowCounter, WindowCounter, type Counter, type LimitStore } from './rate-limit.js';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// A Host header as browsers send it; anything else is left out of the policy.
const HOST = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

// Headers, CORS, the Origin check and the join limits: everything HTTP that is not a route.
// `shared` (Redis, with REDIS_URL): the join limits are shared by all instances; without it, counted here.
export function applyHttpSecurity(app: NestExpressApplication, config: Config, shared?: LimitStore): void {
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          // 'self' covers the socket.io websocket in current browsers; older ones need it spelled out.
          connectSrc: ["'self'", (req) => socketSource(req, 'ws:'), (req) => socketSource(req, 'wss:')],
          frameAncestors: ["'none'"],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          formAction: ["'self'"],
          ...(config.secureCookies ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      referrerPolicy: { policy: 'no-referrer' },
      xFrameOptions: { action: 'deny' },
      // Only behind HTTPS: on plain HTTP (a laptop on the room's network) it would do harm.
      strictTransportSecurity: config.secureCookies ? { maxAge: 180 * 86_400, includeSubDomains: true } : false,
    }),
  );
  // Other sites get CORS headers only when allowlisted; the client itself is same-origin.
  app.enableCors({
    origin: (origin, callback) => callback(null, origin !== undefined && config.allowedOrigins.includes(origin)),
    credentials: true,
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (!STATE_CHANGING.has(req.method) || originAllowed(req, config)) return next();
    send(res, 403, { code: 'FORBIDDEN', message: 'Requests from another site are not allowed.' });
  });
  app.use('/api/join', joinLimiter(config, shared));
}

function socketSource(req: unknown, scheme: 'ws:' | 'wss:'): string {
  const host = (req as Request).headers.host;
  return host && HOST.test(host) ? `${scheme}//${host}` : "'self'";
}

// No Origin (curl, native apps, tests): judged by the cookie or token alone. A browser's Origin
// must be this server (same host; https also counts behind a TLS proxy) or an allowed origin.
export function originAllowed(req: Request, config: Config): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (config.allowedOrigins.includes(origin)) return true;
  if (!URL.canParse(origin)) return false;
  const url = new URL(origin);
  const schemes = [`${req.protocol}:`, ...(config.secureCookies ? ['https:'] : [])];
  return url.host === req.headers.host && schemes.includes(url.protocol);
}

// Per client IP and minute: every join request counts, and a third of that may fail (an unknown
// code). A wrong-code brute force is stopped after a few guesses while joins from elsewhere go on.
// There is no per-code counter: codes are what an attacker guesses, so it would only let them
// lock people out of a real session.
function joinLimiter(config: Config, shared?: LimitStore) {
  const counter = (name: string, limit: number): Counter =>
    shared ? new SharedWindowCounter(shared, name, limit, 60_000) : new WindowCounter(limit, 60_000);
  const all = counter('join', config.joinRatePerMinute);
  const failed = counter('join-failed', Math.max(1, Math.ceil(config.joinRatePerMinute / 3)));
  return (req: Request, res: Response, next: NextFunction) => {
    // The connection's address, or behind a trusted proxy the client's (CANDOR_TRUST_PROXY).
    const ip = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    void (async () => {
      if (!(await failed.allows(ip)) || !(await all.hit(ip))) {
        res.setHeader('Retry-After', String(Math.max(all.retryAfterSeconds(), failed.retryAfterSeconds())));
        return send(res, 429, { code: 'RATE_LIMITED', message: 'Too many attempts. Please wait a minute and try again.' });
      }
      // A failed join is counted before its answer leaves, so the next guess already sees it (with the
      // count in Redis, after 'finish' would be too late for a client that asks again at once).
      const end = res.end.bind(res) as (...args: unknown[]) => Response;
      res.end = ((...args: unknown[]) => {
        if (res.statusCode !== 404 && res.statusCode !== 400) return end(...args);
        void Promise.resolve(failed.hit(ip)).finally(() => end(...args));
        return res;
      }) as Response['end'];
      next();
    })().catch(next);
  };
}

function send(res: Response, status: number, body: ErrorBody): void {
  res.status(status).json(body);
}
