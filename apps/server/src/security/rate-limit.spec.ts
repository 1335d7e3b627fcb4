import { describe, expect, it } from 'vitest';
import { SharedWindowCounter, WindowCounter, type LimitStore } from './rate-limit.js';

// A store like Redis in one process: counts with expiry, or failing when told to.
function fakeStore() {
  const counts = new Map<string, number>();
  const state = { down: false, keys: [] as string[] };
  const store: LimitStore = {
    get: (key) => (state.down ? Promise.reject(new Error('down')) : Promise.resolve(counts.has(key) ? String(counts.get(key)) : null)),
    incrementWithExpiry: (key) => {
      if (state.down) return Promise.reject(new Error('down'));
      state.keys.push(key);
      counts.set(key, (counts.get(key) ?? 0) + 1);
      return Promise.resolve(counts.get(key) ?? 0);
    },
  };
  return { store, state };
}

describe(WindowCounter.name, () => {
  it('allows up to the limit per key, then refuses', () => {
    const counter = new WindowCounter(2, 60_000);
    expect([counter.hit('a'), counter.hit('a'), counter.hit('a'), counter.hit('b')]).toEqual([true, true, false, true]);
    expect(counter.allows('a')).toBe(false);
  });
});

describe(SharedWindowCounter.name, () => {
  it('shares one count between instances through the store', async () => {
    const { store } = fakeStore();
    const a = new SharedWindowCounter(store, 'join', 2, 60_000);
    const b = new SharedWindowCounter(store, 'join', 2, 60_000);
    expect([await a.hit('198.51.100.1'), await b.hit('198.51.100.1'), await a.hit('198.51.100.1')]).toEqual([true, true, false]);
    expect(await b.allows('198.51.100.1')).toBe(false);
    expect(await b.allows('198.51.100.2')).toBe(true);
  });

  it('keeps no IP in the store, only a hash in a key of its window', async () => {
    const { store, state } = fakeStore();
    await new SharedWindowCounter(store, 'join', 2, 60_000).hit('198.51.100.1');
    expect(state.keys).toHaveLength(1);
    expect(state.keys[0]).toMatch(/^candor:limit:join-2:\d+:[A-Za-z0-9_-]{22}$/);
    expect(state.keys[0]).not.toContain('198.51.100.1');
  });

  it('counts in the instance while the store is down, so people can still join', async () => {
    const { store, state } = fakeStore();
    const counter = new SharedWindowCounter(store, 'join', 1, 60_000);
    state.down = true;
    expect(await counter.allows('198.51.100.1')).toBe(true);
    expect([await counter.hit('198.51.100.1'), await counter.hit('198.51.100.1')]).toEqual([true, false]);
  });

  it('says when the current window ends', () => {
    const seconds = new SharedWindowCounter(fakeStore().store, 'join', 1, 60_000).retryAfterSeconds();
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThanOrEqual(60);
  });
});
