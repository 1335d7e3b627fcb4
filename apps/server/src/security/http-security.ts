import type { ErrorBody } from '@candor/shared';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import type { Config } from '../config/config.js';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// A Host header as browsers send it; anything else is left out of the policy.
const HOST = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

// Headers, CORS and the Origin check: everything HTTP that is not a route. The join limits
// (join-limiter.ts) follow the JSON body parser in app.ts, since they read the code.
export function applyHttpSecurity(app: NestExpressApplication, config: Config): void {
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

function send(res: Response, status: number, body: ErrorBody): void {
  res.status(status).json(body);
}
