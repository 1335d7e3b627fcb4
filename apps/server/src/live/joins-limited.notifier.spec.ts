import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { strictFake } from '../common/strict-fake.js';
import type { SeatsService } from '../sessions/seats.service.js';
import type { LiveBroadcaster } from './live-broadcaster.js';
import { JoinsLimitedNotifier } from './joins-limited.notifier.js';

// Running sessions by code, as SeatsService.runningSessionsByCodes finds them; every lookup is recorded.
function notifier(running: Record<string, string>) {
  const lookups: string[][] = [];
  const sent: [string, number][] = [];
  const seats = strictFake<SeatsService>({
    runningSessionsByCodes: (codes: string[]) => {
      lookups.push(codes);
      return Promise.resolve(codes.filter((code) => running[code]).map((code) => ({ id: running[code], code })));
    },
  });
  const broadcaster = strictFake<LiveBroadcaster>({ joinsLimited: (id: string, seconds: number) => void sent.push([id, seconds]) });
  return { notify: new JoinsLimitedNotifier(seats, broadcaster), lookups, sent };
}

describe(JoinsLimitedNotifier.name, () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('looks the refusals of a moment up together and tells each running session once, with the longest wait', async () => {
    const { notify, lookups, sent } = notifier({ ABCDEF: 's1', GHJKMN: 's2' });
    notify.refused('ABCDEF', 20);
    notify.refused('ABCDEF', 45);
    notify.refused('GHJKMN', 30);
    notify.refused('PQRSTU', 50);
    await vi.advanceTimersByTimeAsync(600);
    expect(lookups).toEqual([['ABCDEF', 'GHJKMN', 'PQRSTU']]);
    expect(sent).toEqual([
      ['s1', 45],
      ['s2', 30],
    ]);
  });

  it('does not look up what is not a join code', async () => {
    const { notify, lookups } = notifier({});
    notify.refused('abcdef', 10);
    notify.refused('ABCDE', 10);
    notify.refused('ABCDEFG', 10);
    notify.refused('ABCDE0', 10);
    await vi.advanceTimersByTimeAsync(600);
    expect(lookups).toEqual([]);
  });

  it('tells a session again only after a quiet while', async () => {
    const { notify, sent } = notifier({ ABCDEF: 's1' });
    notify.refused('ABCDEF', 60);
    await vi.advanceTimersByTimeAsync(600);
    notify.refused('ABCDEF', 58);
    await vi.advanceTimersByTimeAsync(600);
    expect(sent).toEqual([['s1', 60]]);
    await vi.advanceTimersByTimeAsync(5_000);
    notify.refused('ABCDEF', 50);
    await vi.advanceTimersByTimeAsync(600);
    expect(sent).toEqual([
      ['s1', 60],
      ['s1', 50],
    ]);
  });

  it('looks up at most 500 codes at a time, so a flood of refused guesses stays one small query', async () => {
    const { notify, lookups } = notifier({});
    const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
    for (let i = 0; i < 900; i++) notify.refused(`AA${alphabet[i % 31]}${alphabet[Math.floor(i / 31) % 31]}ZZ`, 60);
    await vi.advanceTimersByTimeAsync(600);
    expect(lookups).toHaveLength(1);
    expect(lookups[0]).toHaveLength(500);
  });
});
