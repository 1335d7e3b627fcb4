import type { Deck } from '@candor/shared';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/locales/en';
import { buildSoloSummary, summaryFileName, summaryToJson, summaryToMarkdown, type SoloAnswers } from './solo-summary';

// The English text, loaded synchronously.
const i18n = i18next.createInstance();
void i18n.init({ lng: 'en', resources: { en }, ns: Object.keys(en), initAsync: false, interpolation: { escapeValue: false } });
const t = i18n.getFixedT('en', 'solo');

const deck: Deck = {
  id: 'my-deck',
  title: 'My deck',
  language: 'en',
  prompts: [
    {
      id: 'list',
      kind: 'ynm',
      title: 'Yes, maybe or no?',
      items: [
        { id: 'hugs', label: 'Hugs', category: 'Touch' },
        { id: 'kissing', label: 'Kissing', category: 'Touch' },
        { id: 'massage', label: 'Massage', category: 'Touch' },
        { id: 'talk', label: 'Talking first' },
        { id: 'quiet', label: 'Quiet time' },
      ],
    },
    {
      id: 'how',
      kind: 'single',
      title: 'How do you like to be asked?',
      options: [
        { id: 'words', label: 'In words' },
        { id: 'signal', label: 'With a signal' },
      ],
    },
    { id: 'comfort', kind: 'scale', title: 'How comfortable?', min: 1, max: 5, minLabel: 'not at all', maxLabel: 'very' },
    {
      id: 'order',
      kind: 'ranking',
      title: 'What matters most?',
      options: [
        { id: 'a', label: 'Being held' },
        { id: 'b', label: 'Time alone' },
      ],
    },
    { id: 'note', kind: 'text', title: 'Anything else?', maxLength: 280 },
  ],
};

const answers: SoloAnswers = {
  // Given in another order than the deck's.
  list: { kind: 'ynm', items: { talk: 'no', kissing: 'maybe', hugs: 'yes', massage: 'pass' } },
  how: { kind: 'pass' },
  order: { kind: 'ranking', order: ['b', 'a'] },
  note: { kind: 'text', text: 'Slowly,\nplease' },
};

describe(buildSoloSummary.name, () => {
  const summary = buildSoloSummary(deck, answers, t);

  it('groups a yes/no/maybe list by answer, in the order of the deck, and counts what was left out', () => {
    expect(summary.entries[0]).toEqual({
      promptId: 'list',
      title: 'Yes, maybe or no?',
      status: 'answered',
      groups: [
        { label: 'Yes', lines: ['Hugs'] },
        { label: 'Maybe', lines: ['Kissing'] },
        { label: 'No', lines: ['Talking first'] },
        { label: 'Passed', lines: ['Massage'] },
      ],
      leftOut: 1,
    });
  });

  it('tells a pass from a question left unanswered', () => {
    expect(summary.entries[1]).toMatchObject({ promptId: 'how', status: 'passed', groups: [] });
    expect(summary.entries[2]).toMatchObject({ promptId: 'comfort', status: 'skipped', groups: [] });
  });

  it('puts other answers in words', () => {
    expect(summary.entries[3].groups).toEqual([{ label: 'Your order, most important first', lines: ['1. Time alone', '2. Being held'] }]);
    expect(summary.entries[4].groups).toEqual([{ label: 'What you wrote', lines: ['Slowly,\nplease'] }]);
  });

  it('counts answered questions (a pass is not an answer)', () => {
    expect(summary).toMatchObject({ deckId: 'my-deck', title: 'My deck', promptCount: 5, answeredCount: 3 });
  });

  it('summarises an empty run without failing', () => {
    const empty = buildSoloSummary(deck, {}, t);
    expect(empty.answeredCount).toBe(0);
    expect(empty.entries.every((entry) => entry.status === 'skipped')).toBe(true);
    expect(empty.entries[0].leftOut).toBe(5);
  });

  it('ignores an answer of the wrong kind for a list', () => {
    const odd = buildSoloSummary(deck, { list: { kind: 'single', optionId: 'words' } }, t);
    expect(odd.entries[0]).toMatchObject({ status: 'skipped', leftOut: 5 });
  });
});

describe(summaryToMarkdown.name, () => {
  const markdown = summaryToMarkdown(buildSoloSummary(deck, answers, t), t);

  it('writes one section per question, with the groups as lists', () => {
    expect(markdown).toContain('# My deck: my answers\n');
    expect(markdown).toContain('## 1. Yes, maybe or no?\n\n**Yes**\n\n- Hugs\n\n**Maybe**\n\n- Kissing\n');
    expect(markdown).toContain('_1 item left out._');
    expect(markdown).toContain('## 2. How do you like to be asked?\n\n_I passed this question._');
    expect(markdown).toContain('## 3. How comfortable?\n\n_Not answered._');
    expect(markdown).toContain('3 of 5 questions answered');
    expect(markdown).toContain('questions answered.\n\n_Not a record of consent: these answers say how I felt when I gave them, and I can change my mind at any time._\n\n## 1.');
  });

  it('keeps a written answer on one list line', () => {
    expect(markdown).toContain('- Slowly, please\n');
  });

  it('has no runs of blank lines and ends with one newline', () => {
    expect(markdown).not.toMatch(/\n{3,}/);
    expect(markdown.endsWith('\n')).toBe(true);
    expect(markdown.endsWith('\n\n')).toBe(false);
  });
});

describe(summaryToJson.name, () => {
  it('carries the answers and the summary, and nothing about time or device', () => {
    const summary = buildSoloSummary(deck, answers, t);
    const file = JSON.parse(summaryToJson(summary, answers)) as Record<string, unknown>;
    expect(Object.keys(file).sort()).toEqual(['answers', 'deck', 'format', 'summary', 'version']);
    expect(file).toMatchObject({ format: 'candor-solo-answers', version: 1, deck: { id: 'my-deck', title: 'My deck' }, answers });
  });
});

describe(summaryFileName.name, () => {
  it('names the file after the deck', () => {
    expect(summaryFileName('consent-and-boundaries', 'md')).toBe('candor-consent-and-boundaries-my-answers.md');
    expect(summaryFileName('../odd id', 'json')).toBe('candor-odd-id-my-answers.json');
  });
});
