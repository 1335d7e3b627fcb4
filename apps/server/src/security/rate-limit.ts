import { Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';

// A fixed-window counter per key (a client IP): `allows` asks without counting, `hit` counts one and
// says whether it was still within the limit.
export type Counter = {
  allows(key: string): boolean | Promise<boolean>;
  hit(key: string): boolean | Promise<boolean>;
  retryAfterSeconds(): number;
};

// In-memory counters for a fixed window (without REDIS_URL). Each instance counts on its own: with several
// instances behind a load balancer a client gets up to (instances × limit) per window.
// Keys (client IPs) live only here, for one window, and are never logged or stored.
export class WindowCounter implements Counter {
  private readonly counts = new Map<string, number>();
  private windowStart = Date.now();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  // True while the key is still under the limit (without counting).
  allows(key: string): boolean {
    this.roll();
    return (this.counts.get(key) ?? 0) < this.limit;
  }

  // Counts one hit; false when this hit went over the limit.
  hit(key: string): boolean {
    this.roll();
    const next = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, next);
    return next <= this.limit;
  }

  retryAfterSeconds(): number {
    return Math.max(1, Math.ceil((this.windowStart + this.windowMs - Date.now()) / 1000));
  }

  // The whole map is dropped at the end of each window, so it never outgrows one window's clients.
  private roll(): void {
    const now = Date.now();
    if (now - this.windowStart < this.windowMs) return;
    this.counts.clear();
    this.windowStart = now;
  }
}

// A token bucket for one socket: `perSecond` messages in a burst, refilled at `perSecond` a second.
export class TokenBucket {
  private tokens: number;
  private last = Date.now();

  constructor(private readonly perSecond: number) {
    this.tokens = perSecond;
  }

  take(): boolean {
    const now = Date.now();
    this.tokens = Math.min(this.perSecond, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

// What the shared counters need from Redis: read a count, and count one with an expiry (atomically).
export type LimitStore = {
  get(key: string): Promise<string | null>;
  incrementWithExpiry(key: string, ttlMs: number): Promise<number>;
};

// The same window, shared by every instance through Redis (with REDIS_URL), so that a client gets the
// limit once however many instances serve it. Windows are aligned on the clock, so all instances agree
// where one ends. Keys are a hash of the IP (not the IP) and expire with their window. If Redis fails,
// this instance counts on its own until it is back: a Redis hiccup never stops people joining.
export class SharedWindowCounter implements Counter {
  private readonly log = new Logger(SharedWindowCounter.name);
  private readonly local: WindowCounter;

  constructor(
    private readonly store: LimitStore,
    private readonly name: string,
    private readonly limit: number,
    private readonly windowMs: number,
  ) {
    this.local = new WindowCounter(limit, windowMs);
  }

  async allows(key: string): Promise<boolean> {
    try {
      return Number((await this.store.get(this.keyOf(key))) ?? 0) < this.limit;
    } catch (error) {
      this.failed(error);
      return this.local.allows(key);
    }
  }

  async hit(key: string): Promise<boolean> {
    try {
      return (await this.store.incrementWithExpiry(this.keyOf(key), this.windowMs * 2)) <= this.limit;
    } catch (error) {
      this.failed(error);
      return this.local.hit(key);
    }
  }

  retryAfterSeconds(): number {
    return Math.max(1, Math.ceil((this.windowMs - (Date.now() % this.windowMs)) / 1000));
  }

  private keyOf(key: string): string {
    const window = Math.floor(Date.now() / this.windowMs);
    const hashed = createHash('sha256').update(key).digest('base64url').slice(0, 22);
    // Instances that enforce the same limit count together (during a change of the limit, old and new
    // instances keep apart).
    return `candor:limit:${this.name}-${this.limit}:${window}:${hashed}`;
  }

  private failed(error: unknown): void {
    this.log.warn(`counting ${this.name} in this instance only: ${error instanceof Error ? error.message : String(error)}`);
  }
}
