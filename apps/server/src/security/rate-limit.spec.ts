import { afterEach, describe, expect, it, vi } from 'vitest';
import { TokenBucket } from './rate-limit.js';

describe(TokenBucket.name, () => {
  afterEach(() => vi.useRealTimers());

  it('allows a burst of perSecond messages, then refuses until it refills', () => {
    vi.useFakeTimers({ now: 0 });
    const bucket = new TokenBucket(3);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    vi.setSystemTime(400);
    expect([bucket.take(), bucket.take()]).toEqual([true, false]);
  });
});
