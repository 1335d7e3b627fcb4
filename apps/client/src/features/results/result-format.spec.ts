import type { CheckinResult, RankingResult, ScaleResult, SingleChoiceResult, TextResult } from '@candor/shared';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { de } from '../../i18n/locales/de';
import { en } from '../../i18n/locales/en';
import {
  checkinTalkingPoint,
  choiceSummary,
  choiceTalkingPoint,
  decimal,
  firstWords,
  percent,
  rankingSummary,
  rankingTalkingPoint,
  scaleSummary,
  scaleTalkingPoint,
  textTalkingPoint,
  wrapLabel,
  type ResultWords,
} from './result-format';

// The sentences are checked in English, and a few in German.
const i18n = i18next.createInstance();
await i18n.init({ lng: 'en', resources: { en, de }, interpolation: { escapeValue: false } });
const words: ResultWords = { t: i18n.getFixedT('en', 'results'), language: 'en' };
const german: ResultWords = { t: i18n.getFixedT('de', 'results'), language: 'de' };

const single: SingleChoiceResult = {
  kind: 'single',
  options: [
    { id: 'a', label: 'Talk first', count: 2, share: 2 / 3 },
    { id: 'b', label: 'Write it down', count: 1, share: 1 / 3 },
  ],
};

const scale: ScaleResult = {
  kind: 'scale',
  histogram: [1, 2, 3, 4, 5].map((value) => ({ value, count: value === 2 ? 1 : value === 4 ? 2 : 0 })),
  median: 4,
  mean: 10 / 3,
  spread: 0.9428,
  min: 1,
  max: 5,
  minLabel: 'Not at all',
  maxLabel: 'Very much',
};

describe('number formatting', () => {
  it('rounds shares to whole percents and other numbers to one decimal', () => {
    expect(percent(2 / 3)).toBe('67%');
    expect(decimal(10 / 3)).toBe('3.3');
    expect(decimal(3)).toBe('3');
    expect(decimal(2.96)).toBe('3');
    expect(decimal(-0.01)).toBe('0');
  });

  it('writes numbers as the language does', () => {
    expect(percent(2 / 3, 'de')).toBe('67\u00a0%');
    expect(decimal(10 / 3, 'de')).toBe('3,3');
  });
});

describe(choiceSummary.name, () => {
  it('reads every option with its count and share', () => {
    expect(choiceSummary(single, 3, words)).toBe('Bar chart of 3 people answering. Talk first: 2 people (67%); Write it down: 1 person (33%).');
    expect(choiceSummary(single, 3, german)).toBe(
      'Balkendiagramm der Antworten von 3 Personen. Talk first: 2 Personen (67\u00a0%); Write it down: 1 Person (33\u00a0%).',
    );
  });
});

describe(choiceTalkingPoint.name, () => {
  it('names the most chosen option, or says when options tie', () => {
    expect(choiceTalkingPoint(single, words)).toBe('Most often chosen: Talk first (67%).');
    const tie = { ...single, options: single.options.map((o) => ({ ...o, count: 1, share: 0.5 })) };
    expect(choiceTalkingPoint(tie, words)).toBe('Every option was picked equally often.');
  });
});

describe('scale texts', () => {
  it('summarise the histogram with the end labels and the statistics', () => {
    expect(scaleSummary(scale, 3, words)).toBe(
      'Histogram of 3 people answering on a scale from 1 (Not at all) to 5 (Very much). 1 (Not at all): 0 people; 2: 1 person; 3: 0 people; 4: 2 people; 5 (Very much): 0 people. Median 4, mean 3.3, spread 0.9.',
    );
  });

  it('say where answers lie and whether they are spread widely', () => {
    expect(scaleTalkingPoint(scale, words)).toBe('Answers run from 2 to 4; the middle answer is 4. Most answers are close together.');
    const wide = { ...scale, histogram: scale.histogram.map((b) => ({ ...b, count: b.value === 1 || b.value === 5 ? 2 : 0 })), spread: 2 };
    expect(scaleTalkingPoint(wide, words)).toMatch(/spread widely/);
  });
});

const ranking: RankingResult = {
  kind: 'ranking',
  options: [
    { id: 'rest', label: 'Rest', borda: 5, averageRank: 1.33 },
    { id: 'talk', label: 'Talk', borda: 3, averageRank: 2 },
    { id: 'food', label: 'Food', borda: 1, averageRank: 2.67 },
  ],
};

describe('ranking texts', () => {
  it('read the options in Borda order', () => {
    expect(rankingSummary(ranking, 3, words)).toBe(
      'Bar chart of Borda scores from 3 people ranking. 1. Rest: Borda score 5, average rank 1.3; 2. Talk: Borda score 3, average rank 2; 3. Food: Borda score 1, average rank 2.7.',
    );
    expect(rankingTalkingPoint(ranking, words)).toBe('Ranked highest overall: Rest. Lowest: Food.');
  });
});

describe(textTalkingPoint.name, () => {
  it('counts approved texts and quotes the top words', () => {
    const text: TextResult = { kind: 'text', texts: ['a', 'b'], words: [{ word: 'calm', count: 2 }, { word: 'tea', count: 1 }] };
    expect(textTalkingPoint(text, words)).toBe('2 texts shared. Words that came up most: “calm” and “tea”.');
    expect(textTalkingPoint({ kind: 'text', texts: [], words: [] }, words)).toBe('No texts have been approved for the room.');
  });
});

describe(checkinTalkingPoint.name, () => {
  const levels = [
    { id: 'low', label: 'Low', count: 1, share: 1 / 3 },
    { id: 'high', label: 'High', count: 2, share: 2 / 3 },
  ];
  const end: CheckinResult = { kind: 'checkin', moment: 'end', levels, mean: 1.67, before: null };

  it('reports the average, and the change when the start is known', () => {
    expect(checkinTalkingPoint(end, 2, words)).toBe('Average level: 1.7 of 2.');
    const withStart = { ...end, before: { promptId: 'start', levels, mean: 1.33, respondents: 3 } };
    expect(checkinTalkingPoint(withStart, 2, words)).toBe('Average level went up from 1.3 of 2 at the start to 1.7 of 2 at the end.');
    expect(checkinTalkingPoint(withStart, 2, german)).toBe('Die durchschnittliche Stufe ist von 1,3 von 2 zu Beginn auf 1,7 von 2 am Ende gestiegen.');
  });
});

describe('labels', () => {
  it('wraps long axis labels and shortens texts to their first words', () => {
    expect(wrapLabel('Someone to stay with me for a while', 16)).toEqual(['Someone to stay', 'with me for a', 'while']);
    expect(firstWords('I would like more time to talk about this after', 6)).toBe('I would like more time to…');
    expect(firstWords('Short one')).toBe('Short one');
  });
});
