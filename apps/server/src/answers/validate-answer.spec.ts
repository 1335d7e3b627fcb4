import type { Prompt } from '@candor/shared';
import { describe, expect, it } from 'vitest';
import { answerProblem } from './validate-answer.js';

const ynm: Prompt = { id: 'l', kind: 'ynm', title: 'L', items: [{ id: 'hugs', label: 'Hugs' }] };
const single: Prompt = { id: 's', kind: 'single', title: 'S', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] };

describe(answerProblem.name, () => {
  it('accepts a pass for any prompt', () => {
    expect(answerProblem(ynm, { kind: 'pass' })).toBeNull();
    expect(answerProblem(single, { kind: 'pass' })).toBeNull();
  });

  it('accepts answers that fit the prompt', () => {
    expect(answerProblem(ynm, { kind: 'ynm', items: { hugs: 'maybe' } })).toBeNull();
    expect(answerProblem(single, { kind: 'single', optionId: 'b' })).toBeNull();
  });

  it('names what does not fit', () => {
    expect(answerProblem(ynm, { kind: 'ynm', items: { kisses: 'yes' } })).toBe('Unknown item: kisses.');
    expect(answerProblem(ynm, { kind: 'ynm', items: {} })).toMatch(/at least one item/);
    expect(answerProblem(single, { kind: 'single', optionId: 'c' })).toMatch(/not part of this question/);
    expect(answerProblem(single, { kind: 'ynm', items: { hugs: 'yes' } })).toMatch(/takes a "single" answer/);
  });
});
