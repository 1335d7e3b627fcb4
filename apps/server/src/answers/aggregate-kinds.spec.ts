import type { AnswerValue, CheckinPrompt, MultipleChoicePrompt, RankingPrompt, ScalePrompt } from '@candor/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateCheckinLevels } from './aggregate-checkin.js';
import { aggregateMultiple, aggregateRanking } from './aggregate-choices.js';
import { aggregateScale } from './aggregate-scale.js';
import { aggregateText, shuffled, wordFrequencies } from './aggregate-text.js';

const options = (ids: string[]) => ids.map((id) => ({ id, label: id.toUpperCase() }));
const multiple: MultipleChoicePrompt = { id: 'm', kind: 'multiple', title: 'M', maxPicks: 3, options: options(['a', 'b', 'c', 'd']) };
const ranking: RankingPrompt = { id: 'r', kind: 'ranking', title: 'R', options: options(['a', 'b', 'c', 'd']) };
const scale: ScalePrompt = { id: 's', kind: 'scale', title: 'S', min: 0, max: 10, minLabel: 'low', maxLabel: 'high' };
const checkin: CheckinPrompt = { id: 'c', kind: 'checkin', title: 'C', moment: 'start', levels: options(['low', 'mid', 'high']) };

const permutation = (ids: string[]) => fc.shuffledSubarray(ids, { minLength: ids.length, maxLength: ids.length });

describe(aggregateMultiple.name, () => {
  it('counts picks and gives shares of the participants who answered', () => {
    const answers: AnswerValue[] = [
      { kind: 'multiple', optionIds: ['a', 'b'] },
      { kind: 'multiple', optionIds: ['a'] },
      { kind: 'pass' },
    ];
    expect(aggregateMultiple(multiple, answers).options.map((o) => [o.id, o.count, o.share])).toEqual([
      ['a', 2, 1],
      ['b', 1, 0.5],
      ['c', 0, 0],
      ['d', 0, 0],
    ]);
  });

  it('has as many picks in its counts as the answers hold', () => {
    fc.assert(
      fc.property(fc.array(fc.subarray(['a', 'b', 'c', 'd'], { minLength: 1, maxLength: 3 })), (picks) => {
        const result = aggregateMultiple(multiple, picks.map((optionIds) => ({ kind: 'multiple', optionIds })));
        expect(result.options.reduce((s, o) => s + o.count, 0)).toBe(picks.reduce((s, p) => s + p.length, 0));
      }),
    );
  });
});

describe(aggregateRanking.name, () => {
  it('gives n − 1 points for first place and averages the ranks', () => {
    const result = aggregateRanking(ranking, [
      { kind: 'ranking', order: ['a', 'b', 'c', 'd'] },
      { kind: 'ranking', order: ['b', 'a', 'd', 'c'] },
    ]);
    expect(result.options.map((o) => [o.id, o.borda, o.averageRank])).toEqual([
      ['a', 5, 1.5],
      ['b', 5, 1.5],
      ['c', 1, 3.5],
      ['d', 1, 3.5],
    ]);
  });

  it('hands out n(n − 1)/2 points per ranking, and the scores do not depend on the names of the options', () => {
    const ids = ['a', 'b', 'c', 'd'];
    fc.assert(
      fc.property(fc.array(permutation(ids), { maxLength: 30 }), permutation(ids), (orders, relabel) => {
        const rename = new Map(ids.map((id, i) => [id, relabel[i]]));
        const result = aggregateRanking(ranking, orders.map((order) => ({ kind: 'ranking', order })));
        const renamed = aggregateRanking(
          ranking,
          orders.map((order) => ({ kind: 'ranking', order: order.map((id) => rename.get(id) ?? id) })),
        );
        expect(result.options.reduce((s, o) => s + o.borda, 0)).toBe(orders.length * 6);
        for (const o of result.options) {
          expect(renamed.options.find((r) => r.id === rename.get(o.id))?.borda).toBe(o.borda);
        }
      }),
    );
  });
});

describe(aggregateScale.name, () => {
  it('computes histogram, median, mean and spread', () => {
    const result = aggregateScale(scale, [3, 7, 7, 9].map((value) => ({ kind: 'scale', value })));
    expect(result.histogram.filter((h) => h.count > 0)).toEqual([
      { value: 3, count: 1 },
      { value: 7, count: 2 },
      { value: 9, count: 1 },
    ]);
    expect(result.median).toBe(7);
    expect(result.mean).toBe(6.5);
    expect(result.spread).toBeCloseTo(Math.sqrt((3.5 ** 2 + 0.5 ** 2 * 2 + 2.5 ** 2) / 4));
  });

  it('keeps its statistics within the scale, and its histogram sums to the answers', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1 }), (values) => {
        const result = aggregateScale(scale, values.map((value) => ({ kind: 'scale', value })));
        expect(result.histogram.reduce((s, h) => s + h.count, 0)).toBe(values.length);
        for (const stat of [result.median, result.mean]) {
          expect(stat).toBeGreaterThanOrEqual(Math.min(...values));
          expect(stat).toBeLessThanOrEqual(Math.max(...values));
        }
        expect(result.spread).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe(aggregateCheckinLevels.name, () => {
  it('counts levels and averages them from 1', () => {
    const result = aggregateCheckinLevels(checkin, [
      { kind: 'checkin', levelId: 'low' },
      { kind: 'checkin', levelId: 'high' },
      { kind: 'checkin', levelId: 'high' },
      { kind: 'pass' },
    ]);
    expect(result.levels.map((l) => l.count)).toEqual([1, 0, 2]);
    expect(result.mean).toBeCloseTo(7 / 3);
    expect(result.respondents).toBe(3);
  });
});

describe(wordFrequencies.name, () => {
  it('counts words across texts, case-insensitively, without stop words', () => {
    expect(wordFrequencies(['Tea and a blanket', 'TEA, then quiet', 'quiet tea!'])).toEqual([
      { word: 'tea', count: 3 },
      { word: 'quiet', count: 2 },
      { word: 'blanket', count: 1 },
    ]);
  });

  it('keeps letters of any language', () => {
    expect(wordFrequencies(['Nähe und Ruhe', 'Ruhe'])).toEqual([
      { word: 'ruhe', count: 2 },
      { word: 'nähe', count: 1 },
    ]);
  });
});

describe(shuffled.name, () => {
  it('keeps every item', () => {
    fc.assert(
      fc.property(fc.array(fc.string()), (items) => {
        expect(shuffled(items).sort()).toEqual([...items].sort());
      }),
    );
  });

  it('does not keep the order it was given', () => {
    const items = Array.from({ length: 20 }, (_, i) => i);
    const orders = new Set(Array.from({ length: 5 }, () => aggregateText(items.map(String)).texts.join(',')));
    expect(orders.size).toBeGreaterThan(1);
  });
});
