import { describe, expect, it } from 'vitest';
import { moveItem, sameOrder, sameSet, scaleValues, startingOrder, togglePick } from './answer-drafts';

describe(scaleValues.name, () => {
  it('lists every integer from min to max', () => {
    expect(scaleValues(1, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(scaleValues(-2, 2)).toEqual([-2, -1, 0, 1, 2]);
    expect(scaleValues(0, 10)).toHaveLength(11);
  });
});

describe(togglePick.name, () => {
  it('ticks an option while there is room and unticks a ticked one', () => {
    expect(togglePick([], 'a', 2)).toEqual(['a']);
    expect(togglePick(['a'], 'b', 2)).toEqual(['a', 'b']);
    expect(togglePick(['a', 'b'], 'a', 2)).toEqual(['b']);
  });

  it('refuses one more than maxPicks', () => {
    expect(togglePick(['a', 'b'], 'c', 2)).toBeNull();
    expect(togglePick(['a'], 'b', 1)).toBeNull();
  });
});

describe(moveItem.name, () => {
  it('moves an entry up or down', () => {
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
  });

  it('returns the same array when the move goes nowhere or off the ends', () => {
    const list = ['a', 'b'];
    expect(moveItem(list, 0, -1)).toBe(list);
    expect(moveItem(list, 1, 2)).toBe(list);
    expect(moveItem(list, 1, 1)).toBe(list);
  });
});

describe(startingOrder.name, () => {
  it('starts from the prompt order when nothing was saved', () => {
    expect(startingOrder(['a', 'b', 'c'], null)).toEqual(['a', 'b', 'c']);
  });

  it('prefills a saved ranking of the same options', () => {
    expect(startingOrder(['a', 'b', 'c'], ['c', 'a', 'b'])).toEqual(['c', 'a', 'b']);
  });

  it('ignores a saved ranking that no longer fits the options', () => {
    expect(startingOrder(['a', 'b', 'c'], ['c', 'a'])).toEqual(['a', 'b', 'c']);
    expect(startingOrder(['a', 'b'], ['a', 'x'])).toEqual(['a', 'b']);
  });
});

describe('sameOrder and sameSet', () => {
  it('compare order and membership', () => {
    expect(sameOrder(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(sameOrder(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(sameSet(['a', 'b'], ['b', 'a'])).toBe(true);
    expect(sameSet(['a'], ['a', 'b'])).toBe(false);
  });
});
