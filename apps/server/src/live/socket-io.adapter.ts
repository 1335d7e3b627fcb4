import type { Ack, ErrorBody } from '@candor/shared';
import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { IncomingMessage } from 'node:http';
import { createClient } from 'redis';
import type { Server, ServerOptions, Socket } from 'socket.io';
import type { Config } from '../config/config.js';
import { TokenBucket } from '../security/rate-limit.js';

type RedisClient = ReturnType<typeof createClient>;

// socket.io with our limits, an Origin check, and (with REDIS_URL) the Redis streams adapter, so
// that several instances broadcast to one session and missed packets can be replayed.
export class CandorIoAdapter extends IoAdapter {
  private readonly log = new Logger(CandorIoAdapter.name);
  private redis?: RedisClient;

  constructor(
    app: INestApplicationContext,
    private readonly config: Config,
  ) {
    super(app);
  }

  async connectRedis(): Promise<void> {
    if (!this.config.redisUrl) return;
    this.redis = createClient({ url: this.config.redisUrl });
    this.redis.on('error', (error: Error) => this.log.error(`redis: ${error.message}`));
    await this.redis.connect();
    this.log.log('broadcasting through Redis');
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, {
      ...(options as ServerOptions),
      maxHttpBufferSize: 64 * 1024,
      connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
      allowRequest: (req, callback) => callback(null, this.originAllowed(req)),
      ...(this.redis ? { adapter: createAdapter(this.redis) } : {}),
    } satisfies Partial<ServerOptions>);
    server.on('connection', (socket: Socket) => this.limitMessages(socket));
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    if (this.redis?.isOpen) await this.redis.quit();
  }

  // A burst of CANDOR_SOCKET_RATE_PER_SECOND messages, then that many a second. A message over
  // the limit is not handled at all: its ack says RATE_LIMITED and nobody else hears of it.
  private limitMessages(socket: Socket): void {
    const bucket = new TokenBucket(this.config.socketRatePerSecond);
    socket.use((packet, next) => {
      if (bucket.take()) return next();
      const ack: unknown = packet.at(-1);
      if (typeof ack === 'function') {
        const error: ErrorBody = { code: 'RATE_LIMITED', message: 'Too many messages. Please slow down.' };
        (ack as (a: Ack<never>) => void)({ ok: false, error });
      }
    });
  }

  // Browsers always send Origin: it must be this server itself or an allowed origin.
  // Clients without one (native apps, tests) are judged by their handshake token alone.
  private originAllowed(req: IncomingMessage): boolean {
    const origin = req.headers.origin;
    if (!origin) return true;
    if (this.config.allowedOrigins.includes(origin)) return true;
    try {
      return new URL(origin).host === req.headers.host;
    } catch {
      return false;
    }
  }
}
