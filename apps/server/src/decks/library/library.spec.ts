import { deckSchema, deckTranslationStatus, promptTranslationStatus, type Deck, type Prompt } from '@candor/shared';
import { describe, expect, it } from 'vitest';
import { aftercarePreferences } from './aftercare-preferences.js';
import { communicationStyles } from './communication-styles.js';
import { consentAndBoundaries } from './consent-and-boundaries.js';
import { consentMythsAndFacts } from './consent-myths-and-facts.js';
import { aftercarePreferencesDe } from './de/aftercare-preferences.js';
import { communicationStylesDe } from './de/communication-styles.js';
import { consentAndBoundariesDe } from './de/consent-and-boundaries.js';
import { consentMythsAndFactsDe } from './de/consent-myths-and-facts.js';
import { workshopCheckInDe } from './de/workshop-check-in.js';
import { BUILT_IN_DECKS } from './index.js';
import { withTranslation, type DeckText } from './translation.js';
import { workshopCheckIn } from './workshop-check-in.js';

const GERMAN: [Deck, DeckText][] = [
  [consentAndBoundaries, consentAndBoundariesDe],
  [aftercarePreferences, aftercarePreferencesDe],
  [communicationStyles, communicationStylesDe],
  [workshopCheckIn, workshopCheckInDe],
  [consentMythsAndFacts, consentMythsAndFactsDe],
];

const sorted = (values: Iterable<string>) => [...values].sort();

// The translation keys a complete translation of `prompt` has: one per text the prompt shows.
function expectedKeys(prompt: Prompt): string[] {
  const keys = ['title'];
  if (prompt.body !== undefined) keys.push('body');
  if (prompt.contentNote !== undefined) keys.push('contentNote');
  if (prompt.kind === 'scale') keys.push('minLabel', 'maxLabel');
  if (entriesOf(prompt).length > 0) keys.push('labels');
  if (categoriesOf(prompt).length > 0) keys.push('categories');
  return sorted(keys);
}

function entriesOf(prompt: Prompt): { id: string }[] {
  switch (prompt.kind) {
    case 'ynm':
      return prompt.items;
    case 'single':
    case 'multiple':
    case 'ranking':
      return prompt.options;
    case 'checkin':
      return prompt.levels;
    default:
      return [];
  }
}

const categoriesOf = (prompt: Prompt) => (prompt.kind === 'ynm' ? [...new Set(prompt.items.flatMap((i) => (i.category ? [i.category] : [])))] : []);

// Every string in a translation, for the checks on typography.
function textsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(textsOf);
  return [];
}

describe('the German of the built-in decks', () => {
  it('has one German text per built-in deck', () => {
    expect(sorted(GERMAN.map(([deck]) => deck.id))).toEqual(sorted(BUILT_IN_DECKS.map((d) => d.id)));
  });

  describe.each(GERMAN.map(([deck, de]) => [deck.id, deck, de] as const))('%s', (_id, deck, de) => {
    it('translates the deck title, description and content note, and nothing else', () => {
      const { prompts: _prompts, ...deckText } = de;
      const expected = ['title', ...(deck.description ? ['description'] : []), ...(deck.contentNote ? ['contentNote'] : [])];
      expect(sorted(Object.keys(deckText))).toEqual(sorted(expected));
    });

    it('translates every prompt of the deck and names no other', () => {
      expect(sorted(Object.keys(de.prompts))).toEqual(sorted(deck.prompts.map((p) => p.id)));
    });

    it.each(deck.prompts.map((p) => [p.id, p] as const))('translates every text and label of %s, and nothing else', (promptId, prompt) => {
      const text = de.prompts[promptId];
      expect(sorted(Object.keys(text))).toEqual(expectedKeys(prompt));
      expect(sorted(Object.keys(text.labels ?? {}))).toEqual(sorted(entriesOf(prompt).map((e) => e.id)));
      expect(sorted(Object.keys(text.categories ?? {}))).toEqual(sorted(categoriesOf(prompt)));
    });

    it('uses German quotation marks and no empty text', () => {
      for (const text of textsOf(de)) {
        expect(text.trim()).not.toBe('');
        expect(text).not.toMatch(/["']/);
      }
    });
  });

  it('is merged into every built-in deck and prompt, within the schema limits', () => {
    for (const deck of BUILT_IN_DECKS) {
      expect(deckSchema.safeParse(deck).success).toBe(true);
      expect(deck.translations?.de?.title).toBeTruthy();
      for (const prompt of deck.prompts) expect(prompt.translations?.de?.title).toBeTruthy();
    }
  });

  it('comes out up to date: each German is stamped with the fingerprint of the English it translates', () => {
    for (const deck of BUILT_IN_DECKS) {
      expect(deckTranslationStatus(deck, 'de'), deck.id).toEqual({ state: 'current', untranslated: [] });
      for (const prompt of deck.prompts) expect(promptTranslationStatus(prompt, 'de'), `${deck.id} ${prompt.id}`).toEqual({ state: 'current', untranslated: [] });
    }
  });

  it('leaves the English text of the decks as it was', () => {
    for (const [deck] of GERMAN) {
      const merged = BUILT_IN_DECKS.find((d) => d.id === deck.id);
      const { translations: _t, prompts, ...rest } = merged as Deck;
      expect(rest).toEqual(Object.fromEntries(Object.entries(deck).filter(([key]) => key !== 'prompts' && key !== 'translations')));
      expect(prompts.map(({ translations: _pt, ...p }) => p)).toEqual(deckSchema.parse(deck).prompts);
    }
  });
});

describe(withTranslation.name, () => {
  it('refuses a text for a prompt the deck does not have', () => {
    const text: DeckText = { title: 'Titel', prompts: { 'no-such-prompt': { title: 'Frage' } } };
    expect(() => withTranslation(workshopCheckIn, 'de', text)).toThrow(/no-such-prompt/);
  });

  it('leaves a label id the prompt does not have for the schema to refuse', () => {
    const text: DeckText = { title: 'Titel', prompts: { 'energy-start': { title: 'Energie', labels: { 'very-lo': 'Sehr niedrig' } } } };
    const parsed = deckSchema.safeParse(withTranslation(workshopCheckIn, 'de', text));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toContain('prompts.0.translations.de.labels.very-lo');
  });
});
