import { Inject, Injectable } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { CONFIG, type Config } from '../config/config.js';

// The server's one clock for deadlines (a homework's close). In tests, CANDOR_TEST_CLOCK_FILE (refused in
// production) names a file with an offset in milliseconds, read at every reading, so a test can move to
// "the next day" without restarting anything. Without it, this is the machine's clock.
@Injectable()
export class Clock {
  constructor(@Inject(CONFIG) private readonly config: Config) {}

  now(): Date {
    return new Date(Date.now() + this.offsetMs());
  }

  private offsetMs(): number {
    if (!this.config.testClockFile) return 0;
    try {
      const offset = Number(readFileSync(this.config.testClockFile, 'utf8').trim());
      return Number.isFinite(offset) ? offset : 0;
    } catch {
      return 0;
    }
  }
}
