import type { Deck } from '@candor/shared';
import { describe, expect, it } from 'vitest';
import { transition } from './session-transitions.js';

const deck: Deck = {
  id: 'd',
  title: 'D',
  language: 'en',
  prompts: [
    { id: 'p1', kind: 'single', title: 'One', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] },
    { id: 'p2', kind: 'single', title: 'Two', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] },
  ],
};

describe(transition.name, () => {
  it('walks a whole session: lobby, open, closed, released, next, ended', () => {
    let at = transition({ phase: 'lobby', promptIndex: null }, deck, { type: 'open' });
    expect(at).toEqual({ phase: 'open', promptIndex: 0, promptId: 'p1' });
    at = transition(at, deck, { type: 'close' });
    expect(at).toEqual({ phase: 'closed', promptIndex: 0, promptId: 'p1' });
    at = transition(at, deck, { type: 'release' });
    expect(at.phase).toBe('released');
    at = transition(at, deck, { type: 'open' });
    expect(at).toEqual({ phase: 'open', promptIndex: 1, promptId: 'p2' });
    at = transition(at, deck, { type: 'end' });
    expect(at).toEqual({ phase: 'ended', promptIndex: 1, promptId: 'p2' });
  });

  it('opens a named prompt, also straight after closing without a release', () => {
    expect(transition({ phase: 'closed', promptIndex: 1 }, deck, { type: 'open', promptId: 'p1' })).toEqual({
      phase: 'open',
      promptIndex: 0,
      promptId: 'p1',
    });
  });

  it.each([
    [{ phase: 'open', promptIndex: 0 }, { type: 'open' }, 'INVALID_TRANSITION'],
    [{ phase: 'lobby', promptIndex: null }, { type: 'close' }, 'INVALID_TRANSITION'],
    [{ phase: 'open', promptIndex: 0 }, { type: 'release' }, 'INVALID_TRANSITION'],
    [{ phase: 'released', promptIndex: 1 }, { type: 'open' }, 'INVALID_TRANSITION'],
    [{ phase: 'lobby', promptIndex: null }, { type: 'open', promptId: 'nope' }, 'INVALID_TRANSITION'],
    [{ phase: 'ended', promptIndex: 0 }, { type: 'end' }, 'SESSION_ENDED'],
    [{ phase: 'ended', promptIndex: 0 }, { type: 'open' }, 'SESSION_ENDED'],
  ] as const)('refuses %o with %o', (from, command, code) => {
    expect(() => transition(from, deck, command)).toThrow(expect.objectContaining({ code }));
  });
});
