import type { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import type { SendCommandFn } from 'rate-limit-redis';
import { createClient } from 'redis';
import { AppModule } from './app.module.js';
import { AppLogger } from './common/app-logger.js';
import { HttpExceptionFilter } from './common/http-exception.filter.js';
import type { Config } from './config/config.js';
import { CandorIoAdapter } from './live/socket-io.adapter.js';
import { JoinsLimitedNotifier } from './live/joins-limited.notifier.js';
import { applyHttpSecurity } from './security/http-security.js';
import { joinLimiter } from './security/join-limiter.js';
import { loginLimiter } from './security/login-limiter.js';
import { mailLimiter } from './security/mail-limiter.js';
import { AccountsService } from './accounts/accounts.service.js';
import { joinRoute } from './sessions/join-route.js';
import { SeatsService } from './sessions/seats.service.js';

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug'];
// Reset e-mails per address typed in 15 minutes: enough for a mail that went to spam, too few to flood a mailbox.
const MAILS_PER_EMAIL = 5;

export async function createApp(config: Config): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: new AppLogger(LEVELS.slice(0, LEVELS.indexOf(config.logLevel) + 1)),
  });
  app.setGlobalPrefix('api');
  applyHttpSecurity(app, config);
  app.useBodyParser('json', { limit: '64kb' });
  const notifier = app.get(JoinsLimitedNotifier);
  const limits = { joinsPerMinute: config.joinRatePerMinute, failuresPerMinute: config.joinFailuresPerMinute };
  const redis = await limitsRedis(app, config);
  app.use('/api/join', ...joinLimiter(limits, redis, (code, seconds) => notifier.refused(code, seconds)));
  const accounts = app.get(AccountsService);
  const loginLimits = { failuresPerAccount: config.loginFailuresPerAccount, failuresPerAddress: config.loginFailuresPerAddress };
  // One limiter for the login, its second step (/api/auth/login/totp), the reset by recovery code and, by its
  // prefix, the reset by a mailed link (/api/auth/reset/link and /mail: wrong two-step codes count by address).
  app.use(['/api/auth/login', '/api/auth/reset'], loginLimiter(loginLimits, redis, (account) => void accounts.throttled(account).catch(() => undefined)));
  // Reset e-mails asked for (/api/auth/forgot; the link's own routes are under /api/auth/reset, above).
  app.use('/api/auth/forgot', mailLimiter({ perEmail: MAILS_PER_EMAIL, perAddress: config.loginFailuresPerAddress }, redis));
  app.use('/api/join', joinRoute(app.get(SeatsService)));
  // The client's files, compressed: a phone on a slow line downloads a third of the bytes. API answers stay
  // uncompressed (they are small, and compressing what mixes secrets with input invites BREACH-style guessing).
  app.use(compression({ filter: (req, res) => !req.path.startsWith('/api/') && compression.filter(req, res) }));
  app.use(cookieParser());
  app.useGlobalFilters(new HttpExceptionFilter());
  app.disable('x-powered-by');
  // Behind a proxy (CANDOR_TRUST_PROXY), req.ip and req.protocol are the client's, as the proxy names them.
  app.set('trust proxy', config.trustProxy);
  const io = new CandorIoAdapter(app, config);
  await io.connectRedis();
  app.useWebSocketAdapter(io);
  app.enableShutdownHooks();
  return app;
}

// With REDIS_URL, a connection of its own for the join limits that all instances share (the broadcast
// adapter's connection blocks on stream reads). Closed with the HTTP server.
async function limitsRedis(app: NestExpressApplication, config: Config): Promise<SendCommandFn | undefined> {
  if (!config.redisUrl) return undefined;
  const redis = createClient({ url: config.redisUrl });
  redis.on('error', () => undefined); // each failed count says so itself (join-limiter.ts)
  await redis.connect();
  app.getHttpServer().once('close', () => void redis.quit().catch(() => undefined));
  return (...args) => redis.sendCommand(args);
}
