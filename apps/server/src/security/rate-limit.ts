// In-memory counters for a fixed window. Each instance counts on its own: with several
// instances behind a load balancer a client gets up to (instances × limit) per window.
// Keys (client IPs) live only here, for one window, and are never logged or stored.
export class WindowCounter {
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
