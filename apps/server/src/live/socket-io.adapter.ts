import type { Ack, ErrorBody } from '@candor/shared';
import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Adapter, SessionAwareAdapter, type BroadcastOptions } from 'socket.io-adapter';
import type { Namespace, Server, ServerOptions, Socket } from 'socket.io';
import type { IncomingMessage } from 'node:http';
import { createClient } from 'redis';
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
      adapter: this.redis ? ownPacketsLocal(createAdapter(this.redis)) : OwnPacketsAdapter,
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

// socket.emit to one socket (a snapshot on every connection, a console's count) goes through the adapter
// when connection-state recovery is on, so that it can be replayed: the in-memory adapter keeps every such
// packet for two minutes, and the Redis streams adapter writes it to the stream that every instance reads
// back. A phone's snapshot holds its own answers, and a room of 10,000 joining would keep 10,000 snapshots.
// A socket that comes back gets a fresh snapshot anyway (handleConnection), so a packet for one socket of
// this instance goes to it directly: never stored, never in Redis. Room broadcasts are replayed as before.
function forOwnSocket(adapter: Adapter, opts: BroadcastOptions): boolean {
  if (opts.rooms.size !== 1 || (opts.except?.size ?? 0) > 0) return false;
  const [room] = opts.rooms;
  return (adapter.nsp as Namespace).sockets.has(room);
}

class OwnPacketsAdapter extends SessionAwareAdapter {
  override broadcast(packet: Parameters<Adapter['broadcast']>[0], opts: BroadcastOptions): void {
    if (forOwnSocket(this, opts)) Adapter.prototype.broadcast.call(this, packet, opts);
    else super.broadcast(packet, opts);
  }
}

// The Redis streams adapter's: a packet for one socket here is sent as `local`, which the cluster adapter
// neither publishes nor gives an offset.
function ownPacketsLocal(make: (nsp: Namespace) => Adapter): (nsp: Namespace) => Adapter {
  // socket.io calls it with `new`: a function, not an arrow, returning the adapter it made.
  return function (nsp: Namespace): Adapter {
    const adapter = make(nsp);
    const broadcast = adapter.broadcast.bind(adapter);
    adapter.broadcast = (packet, opts) => broadcast(packet, forOwnSocket(adapter, opts) ? { ...opts, flags: { ...opts.flags, local: true } } : opts);
    return adapter;
  };
}
