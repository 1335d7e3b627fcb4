import type { AnswerValue, SingleChoicePrompt, YnmChoice, YnmPrompt, YnmResult } from '@candor/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregatePrompt } from './aggregate.js';
import { aggregateYnm } from './aggregate-ynm.js';

const ynm: YnmPrompt = {
  id: 'list',
  kind: 'ynm',
  title: 'List',
  items: [
    { id: 'a', label: 'A' },
    { id: 'b', label: 'B' },
    { id: 'c', label: 'C' },
    { id: 'd', label: 'D' },
  ],
};
const single: SingleChoicePrompt = {
  id: 'pick',
  kind: 'single',
  title: 'Pick',
  options: [
    { id: 'x', label: 'X' },
    { id: 'y', label: 'Y' },
    { id: 'z', label: 'Z' },
  ],
};

const ynmAnswer = (items: Record<string, YnmChoice>): AnswerValue => ({ kind: 'ynm', items });
const pass: AnswerValue = { kind: 'pass' };
const pick = (optionId: string): AnswerValue => ({ kind: 'single', optionId });

describe(aggregatePrompt.name, () => {
  it('withholds the distribution until k participants gave a non-pass answer', () => {
    const answers = [pick('x'), pick('y'), pass, pass, pass, pass];
    expect(aggregatePrompt(single, answers, 3)).toEqual({ promptId: 'pick', respondents: 2, passed: 4, k: 3, distribution: null });
    const enough = aggregatePrompt(single, [...answers, pick('x')], 3);
    expect(enough.respondents).toBe(3);
    expect(enough.distribution).not.toBeNull();
  });

  it('counts and shares single-choice answers, passes apart', () => {
    const result = aggregatePrompt(single, [pick('x'), pick('x'), pick('y'), pass], 3);
    expect(result.passed).toBe(1);
    expect(result.distribution).toEqual({
      kind: 'single',
      options: [
        { id: 'x', label: 'X', count: 2, share: 2 / 3 },
        { id: 'y', label: 'Y', count: 1, share: 1 / 3 },
        { id: 'z', label: 'Z', count: 0, share: 0 },
      ],
    });
  });

  it('reflects a changed answer, since only the current answer of each participant is counted', () => {
    const before = aggregatePrompt(single, [pick('x'), pick('x'), pick('x')], 3);
    const after = aggregatePrompt(single, [pick('x'), pick('x'), pick('z')], 3);
    expect(before.distribution).toMatchObject({ options: [{ count: 3 }, { count: 0 }, { count: 0 }] });
    expect(after.distribution).toMatchObject({ options: [{ count: 2 }, { count: 0 }, { count: 1 }] });
  });

  it('ignores answers of another kind for the distribution', () => {
    const result = aggregatePrompt(single, [pick('x'), pick('y'), pick('z'), ynmAnswer({ a: 'yes' })], 3);
    expect(result.respondents).toBe(3);
  });
});

describe(aggregateYnm.name, () => {
  const sorted = (answers: AnswerValue[], k = 3) => aggregateYnm(ynm, answers, k);

  it('sorts items into consensus, split, most-maybe and mixed', () => {
    const result = sorted([
      ynmAnswer({ a: 'yes', b: 'yes', c: 'maybe', d: 'yes' }),
      ynmAnswer({ a: 'yes', b: 'no', c: 'maybe', d: 'maybe' }),
      ynmAnswer({ a: 'yes', b: 'yes', c: 'maybe', d: 'yes' }),
      ynmAnswer({ a: 'yes', b: 'no', c: 'no', d: 'pass' }),
    ]);
    const group = (id: string) => result.items.find((i) => i.id === id)?.group;
    expect(group('a')).toBe('consensus');
    expect(group('b')).toBe('split');
    expect(group('c')).toBe('most-maybe');
    expect(group('d')).toBe('mixed');
    expect(result.consensus).toEqual(['a']);
    expect(result.split).toEqual(['b']);
    expect(result.mostMaybe).toEqual(['c']);
    expect(result.items.find((i) => i.id === 'b')?.polarisation).toBe(1);
  });

  it('withholds an item with fewer than k non-pass answers, and counts item passes apart', () => {
    const result = sorted([
      ynmAnswer({ a: 'yes', b: 'pass' }),
      ynmAnswer({ a: 'no', b: 'pass' }),
      ynmAnswer({ a: 'yes', b: 'yes' }),
    ]);
    expect(result.items.find((i) => i.id === 'a')).toMatchObject({ yes: 2, no: 1, withheld: false });
    expect(result.items.find((i) => i.id === 'b')).toMatchObject({
      yes: 0,
      maybe: 0,
      no: 0,
      pass: 2,
      answered: 1,
      withheld: true,
      group: null,
    });
  });

  it('keeps counts consistent with the answers for any input', () => {
    const choice = fc.constantFrom<YnmChoice>('yes', 'maybe', 'no', 'pass');
    const answer = fc.record({ a: choice, b: choice, c: choice, d: choice }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.array(answer, { maxLength: 40 }), fc.integer({ min: 3, max: 20 }), (rows, k) => {
        const result: YnmResult = aggregateYnm(ynm, rows.map(ynmAnswer), k);
        for (const item of result.items) {
          const given = rows.filter((r) => r[item.id as 'a'] !== undefined && r[item.id as 'a'] !== 'pass').length;
          expect(item.answered).toBe(given);
          expect(item.withheld).toBe(given < k);
          if (!item.withheld) expect(item.yes + item.maybe + item.no).toBe(given);
          else expect(item.yes + item.maybe + item.no).toBe(0);
          expect(item.polarisation).toBeGreaterThanOrEqual(0);
          expect(item.polarisation).toBeLessThanOrEqual(1);
        }
        const grouped = [...result.consensus, ...result.split, ...result.mostMaybe];
        expect(new Set(grouped).size).toBe(grouped.length);
      }),
    );
  });
});
