import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearCandorStorage, ESC_WINDOW_MS, escTwice } from './quick-exit';

// A Storage as browsers have it, in memory.
function memoryStorage(entries: Record<string, string>): Storage {
  const map = new Map(Object.entries(entries));
  return {
    get length() {
      return map.size;
    },
    key: (index) => [...map.keys()][index] ?? null,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
    clear: () => map.clear(),
  };
}

const key = (name: string) => ({ key: name }) as KeyboardEvent;

describe(escTwice.name, () => {
  it('leaves on the second Escape within the window, and not on one, a late one or another key', () => {
    let now = 0;
    const leave = vi.fn();
    const onKey = escTwice(leave, () => now);
    onKey(key('Escape'));
    expect(leave).not.toHaveBeenCalled();
    now += ESC_WINDOW_MS + 1;
    onKey(key('Escape'));
    expect(leave).not.toHaveBeenCalled();
    now += 200;
    onKey(key('Enter'));
    onKey(key('Escape'));
    expect(leave).toHaveBeenCalledTimes(1);
    // A third press starts over.
    now += 100;
    onKey(key('Escape'));
    expect(leave).toHaveBeenCalledTimes(1);
  });
});

describe(clearCandorStorage.name, () => {
  afterEach(() => vi.unstubAllGlobals());

  it("removes every candor key from local and session storage and leaves other sites' keys", () => {
    const local = memoryStorage({
      'candor:token:abc': 't1',
      'candor:token:def': 't2',
      'candor:presenter:abc': 'p',
      'candor:solo:consent': '{}',
      'candor.language': 'de',
      'someone-else': 'kept',
    });
    const session = memoryStorage({ 'candor:draft': 'x', other: 'kept' });
    vi.stubGlobal('window', { localStorage: local, sessionStorage: session });
    clearCandorStorage();
    expect([...Array(local.length).keys()].map((i) => local.key(i))).toEqual(['someone-else']);
    expect([...Array(session.length).keys()].map((i) => session.key(i))).toEqual(['other']);
  });

  it('does nothing when storage is refused', () => {
    vi.stubGlobal('window', {
      get localStorage(): Storage {
        throw new Error('SecurityError');
      },
      sessionStorage: memoryStorage({ 'candor:x': '1' }),
    });
    expect(() => clearCandorStorage()).not.toThrow();
  });
});
