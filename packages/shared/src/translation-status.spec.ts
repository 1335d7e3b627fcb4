import { describe, expect, it } from 'vitest';
import {
  deckSourceTexts,
  deckTranslationStatus,
  PROMPT_KINDS,
  promptSourceTexts,
  promptTranslationStatus,
  TRANSLATION_SOURCE_PATTERN,
  translationFingerprint,
  type PromptKind,
  type TranslatablePrompt,
} from './rules.js';
import { deckSchema, promptSchema, type Prompt, type PromptTranslation } from './schemas/deck.js';

// One prompt of each kind, with a complete German translation written for it (fingerprint included).
const entries = [
  { id: 'a', label: 'Alpha' },
  { id: 'b', label: 'Beta' },
];
const prompts: Record<PromptKind, Prompt> = {
  ynm: { id: 'p', kind: 'ynm', title: 'Touch', items: [{ id: 'hugs', label: 'Hugs', category: 'Closeness' }, { id: 'kiss', label: 'Kissing', category: 'Closeness' }] },
  single: { id: 'p', kind: 'single', title: 'Pick one', options: entries },
  multiple: { id: 'p', kind: 'multiple', title: 'Pick some', options: entries, maxPicks: 2 },
  scale: { id: 'p', kind: 'scale', title: 'How much', body: 'Be honest.', min: 1, max: 5, minLabel: 'Little', maxLabel: 'Lots' },
  ranking: { id: 'p', kind: 'ranking', title: 'Order them', options: entries },
  text: { id: 'p', kind: 'text', title: 'Anything else?', contentNote: 'Optional.', maxLength: 280 },
  checkin: { id: 'p', kind: 'checkin', title: 'Energy', moment: 'start', levels: entries },
};

function german(prompt: TranslatablePrompt): PromptTranslation {
  const texts = promptSourceTexts(prompt);
  const translation: PromptTranslation = { source: translationFingerprint(texts) };
  for (const [key, text] of texts) {
    const [field, name] = key.split(/\.(.*)/s);
    if (field === 'labels') translation.labels = { ...translation.labels, [name]: `DE ${text}` };
    else if (field === 'categories') translation.categories = { ...translation.categories, [name]: `DE ${text}` };
    else (translation as Record<string, string>)[field] = `DE ${text}`;
  }
  return translation;
}

describe(translationFingerprint.name, () => {
  it('is 14 hex digits, the same for the same texts and different when one changes', () => {
    const texts: [string, string][] = [['title', 'Touch'], ['labels.hugs', 'Hugs']];
    const print = translationFingerprint(texts);
    expect(print).toMatch(TRANSLATION_SOURCE_PATTERN);
    expect(translationFingerprint([['title', 'Touch'], ['labels.hugs', 'Hugs']])).toBe(print);
    expect(translationFingerprint([['title', 'Touch!'], ['labels.hugs', 'Hugs']])).not.toBe(print);
    expect(translationFingerprint([['title', 'Touch'], ['labels.hug', 'Hugs']])).not.toBe(print);
    // Not fooled by moving text between fields.
    expect(translationFingerprint([['title', 'TouchHugs'], ['labels.hugs', '']])).not.toBe(print);
  });

  it('stays what it was when these texts were written, so that saved fingerprints keep matching', () => {
    // Pinned: changing the hash would turn every saved translation stale.
    expect(translationFingerprint([['title', 'Touch']])).toBe('0d9420ed89e3c2');
    expect(translationFingerprint([])).toBe('15202279b28c9e');
  });
});

describe(promptSourceTexts.name, () => {
  it('lists each kind’s translatable texts by the translation’s keys', () => {
    expect(promptSourceTexts(prompts.ynm).map(([key]) => key)).toEqual(['title', 'labels.hugs', 'labels.kiss', 'categories.Closeness']);
    expect(promptSourceTexts(prompts.scale).map(([key]) => key)).toEqual(['title', 'body', 'minLabel', 'maxLabel']);
    expect(promptSourceTexts(prompts.text).map(([key]) => key)).toEqual(['title', 'contentNote']);
    for (const kind of ['single', 'multiple', 'ranking', 'checkin'] as const) {
      expect(promptSourceTexts(prompts[kind]).map(([key]) => key), kind).toEqual(['title', 'labels.a', 'labels.b']);
    }
  });
});

describe(promptTranslationStatus.name, () => {
  for (const kind of PROMPT_KINDS) {
    describe(kind, () => {
      const prompt = prompts[kind];
      const translated = { ...prompt, translations: { de: german(prompt) } } as Prompt;

      it('is current when complete and written for the prompt as it is (and the schema takes it)', () => {
        expect(promptTranslationStatus(translated, 'de')).toEqual({ state: 'current', untranslated: [] });
        expect(promptSchema.safeParse(translated).success).toBe(true);
      });

      it('is missing when there is none, in this language or at all', () => {
        expect(promptTranslationStatus(prompt, 'de').state).toBe('missing');
        expect(promptTranslationStatus(translated, 'fr')).toEqual({ state: 'missing', untranslated: promptSourceTexts(prompt).map(([key]) => key) });
      });

      it('is stale when the original’s title changed after the translation was written', () => {
        const edited = { ...translated, title: `${prompt.title} now` };
        expect(promptTranslationStatus(edited, 'de')).toEqual({ state: 'stale', untranslated: [] });
      });

      it('is stale when the translation has no fingerprint (saved before there were any)', () => {
        const { source: _source, ...old } = german(prompt);
        expect(promptTranslationStatus({ ...prompt, translations: { de: old } }, 'de').state).toBe('stale');
      });

      it('is missing when a text has no translation, even with a matching fingerprint', () => {
        const { title: _title, ...partial } = german(prompt);
        expect(promptTranslationStatus({ ...prompt, translations: { de: partial } }, 'de')).toEqual({ state: 'missing', untranslated: ['title'] });
      });
    });
  }

  it('is stale when a label, a category or a scale end changed, and lists a new item as untranslated', () => {
    const ynm = prompts.ynm.kind === 'ynm' ? prompts.ynm : null;
    if (!ynm) throw new Error('not a ynm prompt');
    const de = german(ynm);
    const relabelled = { ...ynm, items: [{ ...ynm.items[0], label: 'Long hugs' }, ynm.items[1]], translations: { de } };
    expect(promptTranslationStatus(relabelled, 'de').state).toBe('stale');
    const recategorised = { ...ynm, items: ynm.items.map((i) => ({ ...i, category: 'Touch' })), translations: { de } };
    expect(promptTranslationStatus(recategorised, 'de')).toEqual({ state: 'stale', untranslated: ['categories.Touch'] });
    const added = { ...ynm, items: [...ynm.items, { id: 'hold', label: 'Holding hands', category: 'Closeness' }], translations: { de } };
    expect(promptTranslationStatus(added, 'de')).toEqual({ state: 'stale', untranslated: ['labels.hold'] });
    const scale = { ...prompts.scale, translations: { de: german(prompts.scale) } } as Prompt;
    expect(promptTranslationStatus({ ...scale, maxLabel: 'A lot' }, 'de').state).toBe('stale');
  });
});

describe(deckTranslationStatus.name, () => {
  const deck = { title: 'Mine', description: 'For us' };
  const source = translationFingerprint(deckSourceTexts(deck));

  it('is current, stale or missing like a prompt’s', () => {
    expect(deckTranslationStatus({ ...deck, translations: { de: { source, title: 'Meins', description: 'Für uns' } } }, 'de').state).toBe('current');
    expect(deckTranslationStatus({ ...deck, title: 'Ours', translations: { de: { source, title: 'Meins', description: 'Für uns' } } }, 'de').state).toBe('stale');
    expect(deckTranslationStatus({ ...deck, translations: { de: { source, title: 'Meins' } } }, 'de')).toEqual({ state: 'missing', untranslated: ['description'] });
    expect(deckTranslationStatus(deck, 'de').state).toBe('missing');
  });

  it('is refused by the schema when its source is not a fingerprint', () => {
    const base = { id: 'd', title: 'Mine', language: 'en', prompts: [prompts.text] };
    const result = deckSchema.safeParse({ ...base, translations: { de: { source: 'not-a-hash', title: 'Meins' } } });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['translations.de.source']);
    expect(deckSchema.safeParse({ ...base, translations: { de: { source, title: 'Meins' } } }).success).toBe(true);
  });
});
