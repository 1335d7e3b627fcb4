import type { Deck, Prompt, PromptResult, SessionState } from '@candor/shared';
import { describe, expect, it } from 'vitest';
import { localizeDeck, localizeDeckSummary, localizePrompt, localizeResult, localizeSessionState, pickTranslation } from './deck-language';

const ynm: Prompt = {
  id: 'touch',
  kind: 'ynm',
  title: 'Touch',
  body: 'Answer for yourself.',
  contentNote: 'About touch.',
  items: [
    { id: 'hugs', label: 'Hugs', category: 'Closeness' },
    { id: 'kissing', label: 'Kissing', category: 'Closeness' },
    { id: 'lights-on', label: 'Lights on' },
  ],
  translations: {
    de: { title: 'Berührung', contentNote: 'Über Berührung.', labels: { hugs: 'Umarmungen', kissing: 'Küssen' }, categories: { Closeness: 'Nähe' } },
  },
};

const scale: Prompt = {
  id: 'ease',
  kind: 'scale',
  title: 'How easy?',
  min: 1,
  max: 5,
  minLabel: 'Hard',
  maxLabel: 'Easy',
  translations: { de: { title: 'Wie leicht?', minLabel: 'Schwer', maxLabel: 'Leicht' } },
};

const checkin: Prompt = {
  id: 'energy-end',
  kind: 'checkin',
  moment: 'end',
  title: 'Energy',
  levels: [
    { id: 'low', label: 'Low' },
    { id: 'high', label: 'High' },
  ],
  translations: { de: { labels: { low: 'Niedrig', high: 'Hoch' } } },
};

const choice: Prompt = {
  id: 'pick',
  kind: 'single',
  title: 'Pick one',
  options: [
    { id: 'a', label: 'A' },
    { id: 'b', label: 'B' },
  ],
  translations: { de: { title: 'Wähl eine', labels: { a: 'Ä' } } },
};

describe(pickTranslation.name, () => {
  it('takes the exact tag, else the base language, else nothing', () => {
    const translations = { de: { title: 'Deutsch' }, 'pt-BR': { title: 'Português' } };
    expect(pickTranslation(translations, 'de')).toEqual({ title: 'Deutsch' });
    expect(pickTranslation(translations, 'de-AT')).toEqual({ title: 'Deutsch' });
    expect(pickTranslation(translations, 'pt-BR')).toEqual({ title: 'Português' });
    expect(pickTranslation(translations, 'fr')).toBeUndefined();
    expect(pickTranslation(undefined, 'de')).toBeUndefined();
  });

  it('ignores translations that are not objects (a deck file from a device is not schema-checked)', () => {
    expect(pickTranslation({ de: 'Deutsch' }, 'de')).toBeUndefined();
    expect(pickTranslation('de' as never, 'de')).toBeUndefined();
  });
});

describe(localizePrompt.name, () => {
  it('translates the texts and labels it has, and keeps the original for the rest', () => {
    const de = localizePrompt(ynm, 'de');
    expect(de).toMatchObject({ id: 'touch', title: 'Berührung', body: 'Answer for yourself.', contentNote: 'Über Berührung.' });
    expect(de.kind === 'ynm' && de.items).toEqual([
      { id: 'hugs', label: 'Umarmungen', category: 'Nähe' },
      { id: 'kissing', label: 'Küssen', category: 'Nähe' },
      { id: 'lights-on', label: 'Lights on' },
    ]);
    const scaleDe = localizePrompt(scale, 'de');
    expect(scaleDe.kind === 'scale' && [scaleDe.minLabel, scaleDe.maxLabel]).toEqual(['Schwer', 'Leicht']);
    const choiceDe = localizePrompt(choice, 'de');
    expect(choiceDe.kind === 'single' && choiceDe.options.map((o) => o.label)).toEqual(['Ä', 'B']);
  });

  it('returns the prompt itself in a language it has no translation for', () => {
    expect(localizePrompt(ynm, 'en')).toBe(ynm);
    expect(localizePrompt({ ...ynm, translations: undefined }, 'de')).toEqual({ ...ynm, translations: undefined });
  });

  it('adds no text the original lacks, and skips empty or malformed translations', () => {
    const odd = { ...choice, translations: { de: { title: '', body: 'Neu', labels: { a: 42, b: '' } } } } as unknown as Prompt;
    const de = localizePrompt(odd, 'de');
    expect(de.title).toBe('Pick one');
    expect(de).not.toHaveProperty('body');
    expect(de.kind === 'single' && de.options.map((o) => o.label)).toEqual(['A', 'B']);
  });

  it('gives the same prompt when applied twice', () => {
    const once = localizePrompt(ynm, 'de');
    expect(localizePrompt(once, 'de')).toEqual(once);
  });
});

describe(localizeResult.name, () => {
  const ynmResult: PromptResult = {
    promptId: 'touch',
    respondents: 5,
    passed: 1,
    k: 5,
    distribution: {
      kind: 'ynm',
      items: [
        { id: 'kissing', label: 'Kissing', category: 'Closeness', yes: 4, maybe: 1, no: 0, pass: 0, answered: 5, withheld: false, group: 'consensus', polarisation: 0 },
        { id: 'lights-on', label: 'Lights on', yes: 0, maybe: 0, no: 0, pass: 0, answered: 2, withheld: true, group: null, polarisation: 0 },
      ],
      consensus: ['kissing'],
      split: [],
      mostMaybe: [],
    },
  };

  it('relabels items by id and changes nothing else', () => {
    const de = localizeResult(ynmResult, ynm, 'de');
    const { distribution, ...rest } = de;
    const { distribution: original, ...originalRest } = ynmResult;
    expect(rest).toEqual(originalRest);
    expect(distribution?.kind === 'ynm' && distribution.items.map((i) => [i.label, i.category])).toEqual([
      ['Küssen', 'Nähe'],
      ['Lights on', undefined],
    ]);
    // The counts and groups as they were; only labels and categories differ.
    const strip = (d: typeof distribution) => d?.kind === 'ynm' && d.items.map(({ label: _l, category: _c, ...counts }) => counts);
    expect(strip(distribution)).toEqual(strip(original));
    expect(distribution?.kind === 'ynm' && distribution.consensus).toEqual(['kissing']);
    expect(ynmResult.distribution?.kind === 'ynm' && ynmResult.distribution.items[0].label).toBe('Kissing');
  });

  it('relabels scale ends, options, check-in levels (with the start column) and a couple reveal', () => {
    const scaleResult: PromptResult = {
      promptId: 'ease',
      respondents: 3,
      passed: 0,
      k: 3,
      distribution: { kind: 'scale', histogram: [{ value: 1, count: 3 }], median: 1, mean: 1, spread: 0, min: 1, max: 5, minLabel: 'Hard', maxLabel: 'Easy' },
    };
    expect(localizeResult(scaleResult, scale, 'de').distribution).toEqual({ ...scaleResult.distribution, minLabel: 'Schwer', maxLabel: 'Leicht' });

    const choiceResult: PromptResult = {
      promptId: 'pick',
      respondents: 3,
      passed: 0,
      k: 3,
      distribution: { kind: 'single', options: [{ id: 'b', label: 'B', count: 2, share: 2 / 3 }, { id: 'a', label: 'A', count: 1, share: 1 / 3 }] },
    };
    expect(localizeResult(choiceResult, choice, 'de').distribution).toEqual({
      kind: 'single',
      options: [{ id: 'b', label: 'B', count: 2, share: 2 / 3 }, { id: 'a', label: 'Ä', count: 1, share: 1 / 3 }],
    });

    const levels = [{ id: 'low', label: 'Low', count: 1, share: 1 / 3 }, { id: 'high', label: 'High', count: 2, share: 2 / 3 }];
    const checkinResult: PromptResult = {
      promptId: 'energy-end',
      respondents: 3,
      passed: 0,
      k: 3,
      distribution: { kind: 'checkin', moment: 'end', levels, mean: 1.7, before: { promptId: 'energy-start', levels, mean: 1.7, respondents: 3 } },
    };
    const checkinDe = localizeResult(checkinResult, checkin, 'de').distribution;
    expect(checkinDe?.kind === 'checkin' && [checkinDe.levels.map((l) => l.label), checkinDe.before?.levels.map((l) => l.label)]).toEqual([
      ['Niedrig', 'Hoch'],
      ['Niedrig', 'Hoch'],
    ]);

    const couple: PromptResult = {
      promptId: 'touch',
      respondents: 2,
      passed: 0,
      k: 2,
      distribution: { kind: 'couple', policy: 'mutual-only', matches: [{ id: 'hugs', label: 'Hugs', category: 'Closeness' }], explore: [{ id: 'lights-on', label: 'Lights on' }], notShared: 1, answers: null },
    };
    expect(localizeResult(couple, ynm, 'de').distribution).toEqual({
      ...couple.distribution,
      matches: [{ id: 'hugs', label: 'Umarmungen', category: 'Nähe' }],
      explore: [{ id: 'lights-on', label: 'Lights on' }],
    });
  });

  it('leaves a result alone without a translation, without a prompt, for another prompt, or while withheld', () => {
    expect(localizeResult(ynmResult, ynm, 'en')).toBe(ynmResult);
    expect(localizeResult(ynmResult, null, 'de')).toBe(ynmResult);
    expect(localizeResult(ynmResult, { ...choice, id: 'touch-2' }, 'de')).toBe(ynmResult);
    const hidden = { ...ynmResult, distribution: null };
    expect(localizeResult(hidden, ynm, 'de')).toBe(hidden);
  });

  it('leaves approved texts as they were written', () => {
    const textPrompt: Prompt = { id: 'words', kind: 'text', title: 'A word', maxLength: 100, translations: { de: { title: 'Ein Wort' } } };
    const result: PromptResult = { promptId: 'words', respondents: 3, passed: 0, k: 3, distribution: { kind: 'text', texts: ['calm'], words: [{ word: 'calm', count: 1 }] } };
    expect(localizeResult(result, textPrompt, 'de')).toBe(result);
  });
});

describe('deck titles', () => {
  const deck: Deck = {
    id: 'mine',
    title: 'Consent',
    language: 'en',
    description: 'About consent.',
    prompts: [ynm, scale],
    translations: { de: { title: 'Konsens', contentNote: 'Nur auf Deutsch.' } },
  };

  it('translates the title, keeps an untranslated description, adds no content note the deck lacks', () => {
    expect(localizeDeckSummary(deck, 'de')).toMatchObject({ title: 'Konsens', description: 'About consent.' });
    expect(localizeDeckSummary(deck, 'de')).not.toHaveProperty('contentNote');
    expect(localizeDeckSummary(deck, 'en')).toBe(deck);
  });

  it('translates a whole deck, prompts included', () => {
    const de = localizeDeck(deck, 'de');
    expect(de.title).toBe('Konsens');
    expect(de.prompts.map((p) => p.title)).toEqual(['Berührung', 'Wie leicht?']);
    expect(localizeDeck(deck, 'fr')).toBe(deck);
  });
});

describe(localizeSessionState.name, () => {
  const state: SessionState = {
    id: '2b4e4f4e-4b8f-4b8f-9b8f-4b8f4b8f4b8f',
    code: 'ABCDEF',
    title: 'Consent',
    translations: { de: { title: 'Konsens' } },
    mode: 'group',
    k: 3,
    phase: 'open',
    promptIndex: 0,
    promptCount: 2,
    prompt: ynm,
    participants: 3,
    answered: 0,
    finished: 0,
    result: null,
    paused: false,
    liveResults: false,
    livePhones: false,
    selfRun: false,
    blindReveal: false,
    version: 4,
    homework: null,
  };

  it('translates the session name and the current prompt, and keeps everything else', () => {
    const de = localizeSessionState(state, 'de');
    expect(de).toEqual({ ...state, title: 'Konsens', prompt: localizePrompt(ynm, 'de') });
    expect(localizeSessionState(state, 'en')).toBe(state);
    expect(localizeSessionState({ ...state, prompt: null, translations: undefined }, 'de')).toEqual({ ...state, prompt: null, translations: undefined });
  });
});
