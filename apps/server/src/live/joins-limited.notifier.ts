import { Injectable, Logger } from '@nestjs/common';
import { JOIN_CODE_PATTERN } from '@candor/shared';
import { SeatsService } from '../sessions/seats.service.js';
import { LiveBroadcaster } from './live-broadcaster.js';
import { toErrorBody } from './socket-error.js';

// Refusals are gathered for this long and looked up together: a flood of refused guesses costs one
// query per interval, not one per request.
const GATHER_MS = 500;
// At most this many codes per lookup (a guesser's codes beyond it are not worth a query).
const MAX_CODES = 500;
// A session's facilitators hear it at most once in this long from this instance (each event keeps the
// notice up for the time the limit holds).
const QUIET_MS = 5_000;

// When the join limits refuse someone asking for a running session's code, its facilitators learn
// that joins are being limited: never who, how many or from where (the event carries only how long).
@Injectable()
export class JoinsLimitedNotifier {
  private readonly logger = new Logger(JoinsLimitedNotifier.name);
  // Code → the longest Retry-After given for it meanwhile.
  private readonly pending = new Map<string, number>();
  private readonly lastSent = new Map<string, number>();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly seats: SeatsService,
    private readonly broadcaster: LiveBroadcaster,
  ) {}

  refused(code: string, retryAfterSeconds: number): void {
    if (!JOIN_CODE_PATTERN.test(code)) return;
    if (!this.pending.has(code) && this.pending.size >= MAX_CODES) return;
    this.pending.set(code, Math.max(retryAfterSeconds, this.pending.get(code) ?? 0));
    if (this.timer) return;
    this.timer = setTimeout(() => void this.flush(), GATHER_MS);
    this.timer.unref();
  }

  private async flush(): Promise<void> {
    const batch = new Map(this.pending);
    this.pending.clear();
    this.timer = undefined;
    try {
      const now = Date.now();
      for (const [id, sent] of this.lastSent) if (now - sent >= QUIET_MS) this.lastSent.delete(id);
      for (const session of await this.seats.runningSessionsByCodes([...batch.keys()])) {
        if (this.lastSent.has(session.id)) continue;
        this.lastSent.set(session.id, now);
        this.broadcaster.joinsLimited(session.id, batch.get(session.code) ?? 60);
      }
    } catch (error) {
      // The code only, as everywhere else: a driver's message may quote a value.
      this.logger.warn(`lookup failed: ${toErrorBody(error).code}`);
    }
  }
}
