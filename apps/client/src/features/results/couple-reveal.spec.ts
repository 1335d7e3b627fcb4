import type { AnswerValue, Prompt } from '@candor/shared';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { de } from '../../i18n/locales/de';
import { describeAnswer, splitSideBySide, stableJson } from './couple-reveal';

const scale: Prompt = { id: 'comfort', kind: 'scale', title: 'Comfort', min: 1, max: 5, minLabel: 'not at all', maxLabel: 'very' };
const list: Prompt = {
  id: 'list',
  kind: 'ynm',
  title: 'List',
  items: [
    { id: 'hugs', label: 'Hugs' },
    { id: 'kissing', label: 'Kissing' },
  ],
};
const ranking: Prompt = {
  id: 'rank',
  kind: 'ranking',
  title: 'Rank',
  options: [
    { id: 'talk', label: 'Talking' },
    { id: 'quiet', label: 'Quiet' },
  ],
};

describe(stableJson.name, () => {
  it('gives the same text whatever order the keys were written in', () => {
    expect(stableJson({ kind: 'ynm', items: { b: 'no', a: 'yes' } })).toBe(stableJson({ items: { a: 'yes', b: 'no' }, kind: 'ynm' }));
  });

  it('keeps the order of arrays', () => {
    expect(stableJson(['a', 'b'])).not.toBe(stableJson(['b', 'a']));
  });
});

describe(splitSideBySide.name, () => {
  const two: AnswerValue[] = [
    { kind: 'scale', value: 2 },
    { kind: 'scale', value: 5 },
  ];

  it("names the viewer's own answer and the partner's, in either order", () => {
    expect(splitSideBySide(two, { kind: 'scale', value: 5 })).toEqual({ mine: two[1], partner: two[0] });
    expect(splitSideBySide(two, { kind: 'scale', value: 2 })).toEqual({ mine: two[0], partner: two[1] });
  });

  it('tells two equal answers apart only as "you" and "your partner"', () => {
    const same: AnswerValue[] = [
      { kind: 'scale', value: 3 },
      { kind: 'scale', value: 3 },
    ];
    expect(splitSideBySide(same, { kind: 'scale', value: 3 })).toEqual({ mine: same[0], partner: same[1] });
  });

  it('matches a yes/no/maybe answer whose items were written in another order', () => {
    const answers: AnswerValue[] = [
      { kind: 'ynm', items: { hugs: 'yes', kissing: 'no' } },
      { kind: 'ynm', items: { hugs: 'maybe' } },
    ];
    expect(splitSideBySide(answers, { kind: 'ynm', items: { kissing: 'no', hugs: 'yes' } })?.partner).toEqual(answers[1]);
  });

  it('attributes nothing to someone without an answer among the two (therapist, screen)', () => {
    expect(splitSideBySide(two, undefined)).toBeNull();
    expect(splitSideBySide(two, { kind: 'scale', value: 4 })).toBeNull();
    expect(splitSideBySide([two[0]], two[0])).toBeNull();
  });
});

describe(describeAnswer.name, () => {
  it('says a pass plainly', () => {
    expect(describeAnswer(scale, { kind: 'pass' })).toEqual(['Passed']);
  });

  it('names an end of a scale by its label, and places a middle value between the ends', () => {
    expect(describeAnswer(scale, { kind: 'scale', value: 5 })).toEqual(['5: very']);
    expect(describeAnswer(scale, { kind: 'scale', value: 1 })).toEqual(['1: not at all']);
    expect(describeAnswer(scale, { kind: 'scale', value: 4 })).toEqual(['4, on a scale from 1 (not at all) to 5 (very)']);
  });

  it("lists a yes/no/maybe answer in the deck's order, with labels", () => {
    expect(describeAnswer(list, { kind: 'ynm', items: { kissing: 'pass', hugs: 'yes' } })).toEqual(['Hugs: yes', 'Kissing: passed']);
  });

  it('speaks the language of the t it is given', () => {
    const german = i18next.createInstance();
    void german.init({ lng: 'de', resources: { de }, interpolation: { escapeValue: false }, initAsync: false });
    const t = german.getFixedT('de', 'results');
    expect(describeAnswer(list, { kind: 'ynm', items: { kissing: 'pass', hugs: 'yes' } }, t)).toEqual(['Hugs: Ja', 'Kissing: übersprungen']);
    expect(describeAnswer(scale, { kind: 'scale', value: 4 }, t)).toEqual(['4, auf einer Skala von 1 (not at all) bis 5 (very)']);
  });

  it('numbers a ranking from the top', () => {
    expect(describeAnswer(ranking, { kind: 'ranking', order: ['quiet', 'talk'] })).toEqual(['1. Quiet', '2. Talking']);
  });

  it('falls back to ids when the prompt is not known', () => {
    expect(describeAnswer(null, { kind: 'single', optionId: 'talk' })).toEqual(['talk']);
  });
});
