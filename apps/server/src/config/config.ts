import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';

const urlWith = (protocols: string[]) =>
  z
    .string()
    .url()
    .refine((u) => URL.canParse(u) && protocols.includes(new URL(u).protocol), `must start with ${protocols.join(' or ')}//`);

// Express's names for address ranges, and single addresses or subnets (10.0.0.0/8, fd00::/8).
const PROXY_RANGES = ['loopback', 'linklocal', 'uniquelocal'];
const isProxyEntry = (entry: string) => {
  if (PROXY_RANGES.includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
};

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  // Unset: the embedded PGlite database in CANDOR_DATA_DIR.
  DATABASE_URL: urlWith(['postgres:', 'postgresql:']).optional(),
  // Unset: broadcasts stay in this process.
  REDIS_URL: urlWith(['redis:', 'rediss:']).optional(),
  CANDOR_DATA_DIR: z.string().min(1).default('./data/pglite'),
  // Comma-separated origins allowed to open sockets and call the API from another site.
  CANDOR_ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url())),
  // The origin people open Candor at (https://candor.example.org): the links in e-mails and the passkeys' site
  // are made from it, never from a request's Host header. Unset: no e-mail links, and passkeys on localhost only.
  CANDOR_PUBLIC_URL: urlWith(['http:', 'https:'])
    .refine((u) => !URL.canParse(u) || new URL(u).origin === u.replace(/\/$/, ''), 'must be an origin only: scheme, host and port, no path')
    .transform((u) => new URL(u).origin)
    .optional(),
  // Where e-mails go out (smtp://user:pass@host:587, or smtps:// for TLS from the start). Unset: no e-mail is sent,
  // passwords are reset with a recovery code, and a new e-mail address applies at once. Needs CANDOR_PUBLIC_URL.
  CANDOR_SMTP_URL: urlWith(['smtp:', 'smtps:']).optional(),
  // The sender of those e-mails: an address, or a name with it ("Candor <no-reply@candor.example.org>").
  // Default: Candor <no-reply@the host of CANDOR_PUBLIC_URL>.
  CANDOR_MAIL_FROM: z
    .string()
    .max(320)
    .regex(/^(?:[^<>@\r\n]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/, 'must be an address (no-reply@example.org) or a name and an address (Candor <no-reply@example.org>)')
    .optional(),
  // Where the built client lives; served on the same port when present.
  CANDOR_CLIENT_DIR: z.string().optional(),
  CANDOR_SECURE_COOKIES: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  CANDOR_LOGIN_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  // A login ends after this many minutes without a request or console command (the console warns 2 minutes
  // before, or a third of the time before when that is less). Fractions allowed (tests use seconds).
  CANDOR_IDLE_MINUTES: z.coerce.number().min(0.05).max(24 * 60).default(30),
  // Failed logins per account, and per client address, in 15 minutes; then logging in there waits.
  CANDOR_LOGIN_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).max(1_000_000).default(10),
  CANDOR_LOGIN_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).max(1_000_000).default(30),
  // The audit log's events are deleted this many days after they happened.
  CANDOR_AUDIT_RETENTION_DAYS: z.coerce.number().min(1).max(3650).default(365),
  CANDOR_LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug']).default('log'),
  // Raw answers are deleted this long after a session ends (fractions allowed, e.g. 0.5).
  CANDOR_ANSWER_RETENTION_HOURS: z.coerce.number().min(0).max(24 * 365).default(24),
  CANDOR_RETENTION_SWEEP_SECONDS: z.coerce.number().min(1).max(86_400).default(300),
  // Joins per client IP and minute (a lecture hall behind one NAT joins under one address), counted per instance,
  // or shared through Redis with REDIS_URL. The join info a phone reads first has a limit of its own as high.
  CANDOR_JOIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  // Different codes per client IP and minute that may fail (unknown or ended); then every join from it waits.
  CANDOR_JOIN_FAILURES_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(20),
  // Which proxies in front may name the client's address (X-Forwarded-For) and scheme (X-Forwarded-Proto):
  // 'false' (none: the address the connection comes from), a number of proxy hops, or a comma-separated
  // list of addresses, subnets and the names loopback, linklocal, uniquelocal.
  CANDOR_TRUST_PROXY: z
    .string()
    .default('false')
    .transform((s, ctx): boolean | number | string[] => {
      const value = s.trim();
      if (value === 'false') return false;
      if (/^\d+$/.test(value)) return Number(value);
      const entries = value.split(',').map((entry) => entry.trim()).filter(Boolean);
      const bad = entries.filter((entry) => !isProxyEntry(entry));
      if (entries.length === 0 || bad.length > 0) {
        ctx.addIssue({ code: 'custom', message: `'false', a number of hops, or addresses, subnets, loopback, linklocal, uniquelocal (not: ${bad.join(', ') || value})` });
        return z.NEVER;
      }
      return entries;
    }),
  // Socket messages per socket: a burst of this many, refilled at this rate a second.
  CANDOR_SOCKET_RATE_PER_SECOND: z.coerce.number().int().min(1).max(100_000).default(20),
  // Tests only (refused with NODE_ENV=production): a file holding a number of milliseconds that the server's
  // clock runs ahead, read at each reading of the clock, so a test moves time (a homework's "next day").
  CANDOR_TEST_CLOCK_FILE: z.string().min(1).optional(),
  NODE_ENV: z.string().optional(),
}).refine((e) => !(e.CANDOR_TEST_CLOCK_FILE && e.NODE_ENV === 'production'), {
  path: ['CANDOR_TEST_CLOCK_FILE'],
  message: 'a test clock is refused in production (NODE_ENV=production)',
}).refine((e) => !e.CANDOR_SMTP_URL || e.CANDOR_PUBLIC_URL, {
  path: ['CANDOR_SMTP_URL'],
  message: 'needs CANDOR_PUBLIC_URL too: the links in e-mails are made from it (never from a request\'s Host)',
});

export type Config = {
  port: number;
  host: string;
  databaseUrl?: string;
  redisUrl?: string;
  dataDir: string;
  allowedOrigins: string[];
  publicUrl?: string;
  // Both set, or neither: mail is sent only with an SMTP URL (and then always from mailFrom).
  smtpUrl?: string;
  mailFrom?: string;
  clientDir?: string;
  secureCookies: boolean;
  loginDays: number;
  idleMinutes: number;
  loginFailuresPerAccount: number;
  loginFailuresPerAddress: number;
  auditRetentionDays: number;
  logLevel: 'error' | 'warn' | 'log' | 'debug';
  answerRetentionHours: number;
  retentionSweepSeconds: number;
  joinRatePerMinute: number;
  joinFailuresPerMinute: number;
  socketRatePerSecond: number;
  trustProxy: boolean | number | string[];
  testClockFile?: string;
};

export class ConfigError extends Error {}

// Reads the environment once at start; a bad value stops the server with a message naming it.
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    dataDir: resolve(e.CANDOR_DATA_DIR),
    allowedOrigins: e.CANDOR_ALLOWED_ORIGINS,
    publicUrl: e.CANDOR_PUBLIC_URL,
    smtpUrl: e.CANDOR_SMTP_URL,
    mailFrom: e.CANDOR_SMTP_URL && e.CANDOR_PUBLIC_URL ? (e.CANDOR_MAIL_FROM ?? `Candor <no-reply@${new URL(e.CANDOR_PUBLIC_URL).hostname}>`) : undefined,
    clientDir: e.CANDOR_CLIENT_DIR ? resolve(e.CANDOR_CLIENT_DIR) : undefined,
    secureCookies: e.CANDOR_SECURE_COOKIES,
    loginDays: e.CANDOR_LOGIN_DAYS,
    idleMinutes: e.CANDOR_IDLE_MINUTES,
    loginFailuresPerAccount: e.CANDOR_LOGIN_FAILURES_PER_ACCOUNT,
    loginFailuresPerAddress: e.CANDOR_LOGIN_FAILURES_PER_ADDRESS,
    auditRetentionDays: e.CANDOR_AUDIT_RETENTION_DAYS,
    logLevel: e.CANDOR_LOG_LEVEL,
    answerRetentionHours: e.CANDOR_ANSWER_RETENTION_HOURS,
    retentionSweepSeconds: e.CANDOR_RETENTION_SWEEP_SECONDS,
    joinRatePerMinute: e.CANDOR_JOIN_RATE_PER_MINUTE,
    joinFailuresPerMinute: e.CANDOR_JOIN_FAILURES_PER_MINUTE,
    socketRatePerSecond: e.CANDOR_SOCKET_RATE_PER_SECOND,
    trustProxy: e.CANDOR_TRUST_PROXY,
    testClockFile: e.CANDOR_TEST_CLOCK_FILE ? resolve(e.CANDOR_TEST_CLOCK_FILE) : undefined,
  };
}

export const CONFIG = Symbol('CONFIG');
