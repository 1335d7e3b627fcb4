import type { Prompt } from '@candor/shared';
import { describe, expect, it } from 'vitest';
import { inOwnOrder } from './shuffled-order';

const items = Array.from({ length: 24 }, (_, i) => ({ id: `item-${i}`, label: `Item ${i}`, category: i < 12 ? 'Touch' : 'Words' }));
const list: Prompt = { id: 'list', kind: 'ynm', title: 'List', items };
const choice: Prompt = { id: 'pick', kind: 'single', title: 'Pick', options: ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ id, label: id })) };
const ids = (prompt: Prompt) => (prompt.kind === 'ynm' ? prompt.items.map((i) => i.id) : prompt.kind === 'single' ? prompt.options.map((o) => o.id) : []);

describe(inOwnOrder.name, () => {
  it('gives the same seat the same order every time, and keeps every item once', () => {
    expect(ids(inOwnOrder(list, 'seat-a'))).toEqual(ids(inOwnOrder(list, 'seat-a')));
    expect([...ids(inOwnOrder(list, 'seat-a'))].sort()).toEqual([...ids(list)].sort());
    expect(ids(inOwnOrder(list, 'seat-a'))).not.toEqual(ids(list));
  });

  it("gives the partner's seat, and another prompt, an order of its own", () => {
    expect(ids(inOwnOrder(list, 'seat-a'))).not.toEqual(ids(inOwnOrder(list, 'seat-b')));
    expect(ids(inOwnOrder({ ...list, id: 'other' }, 'seat-a'))).not.toEqual(ids(inOwnOrder(list, 'seat-a')));
    // Over many seats, every item comes first now and then: no position is fixed.
    const firsts = new Set(Array.from({ length: 400 }, (_, n) => ids(inOwnOrder(list, `seat-${n}`))[0]));
    expect(firsts.size).toBe(items.length);
  });

  it("shuffles a choice's options but leaves a scale alone, and never changes the prompt it was given", () => {
    expect([...ids(inOwnOrder(choice, 'seat-a'))].sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    const scale: Prompt = { id: 's', kind: 'scale', title: 'How much', min: 1, max: 5, minLabel: 'Little', maxLabel: 'Lots' };
    expect(inOwnOrder(scale, 'seat-a')).toBe(scale);
    inOwnOrder(list, 'seat-a');
    expect(ids(list)).toEqual(items.map((i) => i.id));
  });
});
