import type { Deck } from '@candor/shared';
import { deckInputSchema } from '@candor/shared';
import { PROMPT_KINDS, promptSourceTexts, translationFingerprint } from '@candor/shared/rules';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { de } from '../../i18n/locales/de';
import { en } from '../../i18n/locales/en';
import {
  deckDraftReducer,
  deckDraftStatus,
  deckInputFromDraft,
  describeIssue,
  draftFromDeck,
  duplicatePromptDraft,
  newKey,
  newPromptDraft,
  promptDraftStatus,
  slugify,
  translationLanguages,
  uniqueSlug,
  type DeckDraft,
} from './deck-draft';

// The issue lines are checked in English.
const i18n = i18next.createInstance();
await i18n.init({ lng: 'en', resources: { en }, interpolation: { escapeValue: false } });
const t = i18n.getFixedT('en', 'decks');

describe(slugify.name, () => {
  it('makes lowercase dashed slugs from labels', () => {
    expect(slugify('Touch & Hugs (gentle)')).toBe('touch-hugs-gentle');
    expect(slugify('  Café crème  ')).toBe('cafe-creme');
    expect(slugify('Nap / rest: 20 min')).toBe('nap-rest-20-min');
  });

  it('falls back when a label has no letters or digits', () => {
    expect(slugify('!!!', 'option')).toBe('option');
    expect(slugify('')).toBe('item');
  });

  it('keeps room for a suffix within the 64-character limit', () => {
    expect(slugify('a'.repeat(100)).length).toBeLessThanOrEqual(60);
  });
});

describe(uniqueSlug.name, () => {
  it('numbers repeated slugs', () => {
    const taken = new Set(['hugs']);
    expect(uniqueSlug('hugs', taken)).toBe('hugs-2');
    expect(uniqueSlug('hugs', taken)).toBe('hugs-3');
    expect(uniqueSlug('kisses', taken)).toBe('kisses');
  });
});

const deck: Deck = {
  id: 'mine',
  title: 'Mine',
  language: 'en',
  prompts: [
    { id: 'energy', kind: 'checkin', title: 'Energy', moment: 'start', levels: [{ id: 'low', label: 'Low' }, { id: 'high', label: 'High' }] },
    { id: 'touch', kind: 'ynm', title: 'Touch', reveal: 'side-by-side', items: [{ id: 'hugs', label: 'Hugs', category: 'Touch' }] },
  ],
};

describe(deckInputFromDraft.name, () => {
  it('round-trips a saved deck unchanged', () => {
    const { id: _id, ...input } = deck;
    expect(deckInputFromDraft(draftFromDeck(deck))).toEqual(input);
  });

  it('makes ids from labels for new prompts and options, unique within their list', () => {
    const draft = draftFromDeck(deck);
    const prompt = newPromptDraft('single');
    prompt.title = 'Touch';
    prompt.entries = prompt.entries.map((entry, i) => ({ ...entry, label: ['Yes please', 'Yes please', 'Not now'][i] }));
    draft.prompts.push(prompt);
    const input = deckInputFromDraft(draft);
    const added = input.prompts[2];
    // "touch" is taken by the existing prompt.
    expect(added.id).toBe('touch-2');
    expect(added.kind === 'single' && added.options.map((o) => o.id)).toEqual(['yes-please', 'yes-please-2', 'not-now']);
  });

  it('gives a duplicated prompt its own id and keeps its option ids', () => {
    const draft = draftFromDeck(deck);
    draft.prompts.push(duplicatePromptDraft(draft.prompts[1]));
    const input = deckInputFromDraft(draft);
    expect(input.prompts.map((p) => p.id)).toEqual(['energy', 'touch', 'touch-copy']);
    expect(input.prompts[2].kind === 'ynm' && input.prompts[2].items[0].id).toBe('hugs');
  });

  it('produces a valid deck for a new prompt of every kind once its labels are filled in', () => {
    const draft: DeckDraft = { title: 'All kinds', language: 'en', description: '', contentNote: '', prompts: [] };
    for (const kind of PROMPT_KINDS) {
      const prompt = newPromptDraft(kind);
      prompt.title = `A ${kind} prompt`;
      prompt.entries = prompt.entries.map((entry, i) => ({ ...entry, label: entry.label || `Choice ${i + 1}` }));
      draft.prompts.push(prompt);
    }
    const parsed = deckInputSchema.safeParse(deckInputFromDraft(draft));
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('leaves out empty optional texts and sends non-numbers for the server to refuse', () => {
    const draft = draftFromDeck(deck);
    const scale = newPromptDraft('scale');
    scale.title = 'How sure?';
    scale.max = 'lots';
    draft.prompts.push(scale);
    const input = deckInputFromDraft(draft);
    expect(input.description).toBeUndefined();
    expect(input.prompts[2]).toMatchObject({ kind: 'scale', min: 1, max: Number.NaN });
    expect(input.prompts[2].contentNote).toBeUndefined();
  });
});

describe('translations in the editor', () => {
  const translated: Deck = {
    id: 'mine',
    title: 'Mine',
    language: 'en',
    translations: { de: { title: 'Meins' } },
    prompts: [
      {
        id: 'touch',
        kind: 'ynm',
        title: 'Touch',
        body: 'Answer for yourself.',
        items: [
          { id: 'hugs', label: 'Hugs', category: 'Touch' },
          { id: 'kissing', label: 'Kissing', category: 'Closeness' },
        ],
        translations: {
          de: { title: 'Berührung', body: 'Antworte für dich.', labels: { hugs: 'Umarmungen', kissing: 'Küssen' }, categories: { Touch: 'Berührung', Closeness: 'Nähe' } },
        },
      },
      { id: 'ease', kind: 'scale', title: 'Ease', min: 1, max: 5, minLabel: 'Hard', maxLabel: 'Easy', translations: { de: { minLabel: 'Schwer', maxLabel: 'Leicht' } } },
    ],
  };

  it('keeps them through a save unchanged', () => {
    const { id: _id, ...input } = translated;
    expect(deckInputFromDraft(draftFromDeck(translated))).toEqual(input);
    expect(deckInputSchema.safeParse(input).success).toBe(true);
  });

  it('keeps what still exists after an edit and drops what was removed', () => {
    const draft = draftFromDeck(translated);
    const touch = draft.prompts[0];
    // Kissing removed, a new item added, the English title and hugs label edited, the body emptied.
    touch.entries = [{ ...touch.entries[0], label: 'Long hugs' }, { key: newKey(), id: null, label: 'Kissing', category: 'Touch' }];
    touch.title = 'Touch, gently';
    touch.body = '';
    const input = deckInputFromDraft(draft);
    expect(input.translations).toEqual({ de: { title: 'Meins' } });
    // The German of an edited English text stays as it was (stale until someone updates it).
    expect(input.prompts[0].translations).toEqual({ de: { title: 'Berührung', labels: { hugs: 'Umarmungen' }, categories: { Touch: 'Berührung' } } });
    expect(input.prompts[0].kind === 'ynm' && input.prompts[0].items.map((i) => i.id)).toEqual(['hugs', 'kissing']);
    expect(input.prompts[1].translations).toEqual({ de: { minLabel: 'Schwer', maxLabel: 'Leicht' } });
    expect(deckInputSchema.safeParse(input).error?.issues ?? []).toEqual([]);
  });

  it('drops a language with nothing left to translate', () => {
    const draft = draftFromDeck(translated);
    const touch = draft.prompts[0];
    touch.entries = [{ key: newKey(), id: null, label: 'Hugs', category: '' }];
    touch.translations = { de: { labels: { hugs: 'Umarmungen' } } };
    expect(deckInputFromDraft(draft).prompts[0].translations).toBeUndefined();
  });
});

// Frozen all the way down: a reducer that changed its input in place would throw.
function frozen<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) frozen(inner);
    Object.freeze(value);
  }
  return value;
}

describe(deckDraftReducer.name, () => {
  const start = () => frozen(draftFromDeck(deck));
  const keys = (draft: DeckDraft) => draft.prompts.map((p) => p.key);

  it('sets a deck field and leaves the rest as it was', () => {
    const before = start();
    const after = deckDraftReducer(before, { type: 'setDeckField', field: 'description', value: 'For two' });
    expect(after).toEqual({ ...before, description: 'For two' });
    expect(after.prompts).toBe(before.prompts);
  });

  it('changes only the prompt it names', () => {
    const before = start();
    const after = deckDraftReducer(before, { type: 'updatePrompt', key: before.prompts[1].key, patch: { title: 'Closeness', reveal: 'private' } });
    expect(after.prompts[0]).toBe(before.prompts[0]);
    expect(after.prompts[1]).toMatchObject({ title: 'Closeness', reveal: 'private', id: 'touch' });
  });

  it('inserts, moves and removes prompts by index and key', () => {
    const before = start();
    const [energy, touch] = keys(before);
    const added = newPromptDraft('text');
    let draft = deckDraftReducer(before, { type: 'insertPrompt', prompt: added, index: 1 });
    expect(keys(draft)).toEqual([energy, added.key, touch]);
    draft = deckDraftReducer(draft, { type: 'movePrompt', from: 0, to: 2 });
    expect(keys(draft)).toEqual([added.key, touch, energy]);
    draft = deckDraftReducer(draft, { type: 'removePrompt', key: touch });
    expect(keys(draft)).toEqual([added.key, energy]);
    expect(deckDraftReducer(draft, { type: 'insertPrompt', prompt: added, index: draft.prompts.length }).prompts.at(-1)).toBe(added);
  });

  it('returns the same draft when a move goes nowhere', () => {
    const before = start();
    expect(deckDraftReducer(before, { type: 'movePrompt', from: 0, to: 5 })).toBe(before);
    expect(deckDraftReducer(before, { type: 'moveEntry', promptKey: before.prompts[0].key, from: 1, to: 1 })).toBe(before);
  });

  it("adds a row with an empty label in the last row's category, and edits, moves and removes rows of one prompt only", () => {
    const before = start();
    const touch = before.prompts[1].key;
    let draft = deckDraftReducer(before, { type: 'addEntry', promptKey: touch, key: 'new-row' });
    expect(draft.prompts[1].entries.at(-1)).toEqual({ key: 'new-row', id: null, label: '', category: 'Touch' });
    expect(draft.prompts[0]).toBe(before.prompts[0]);
    draft = deckDraftReducer(draft, { type: 'updateEntry', promptKey: touch, key: 'new-row', patch: { label: 'Holding hands' } });
    draft = deckDraftReducer(draft, { type: 'moveEntry', promptKey: touch, from: 1, to: 0 });
    expect(draft.prompts[1].entries.map((e) => e.label)).toEqual(['Holding hands', 'Hugs']);
    draft = deckDraftReducer(draft, { type: 'removeEntry', promptKey: touch, key: draft.prompts[1].entries[1].key });
    expect(draft.prompts[1].entries.map((e) => e.label)).toEqual(['Holding hands']);
    const energy = before.prompts[0].key;
    expect(deckDraftReducer(before, { type: 'addEntry', promptKey: energy, key: 'k' }).prompts[0].entries.at(-1)?.category).toBe('');
  });

  it('takes the saved deck but keeps the keys of rows in the same place', () => {
    const before = start();
    const saved = draftFromDeck({ ...deck, title: 'Saved', prompts: [...deck.prompts, { id: 'more', kind: 'text', title: 'More?', maxLength: 280 }] });
    const after = deckDraftReducer(before, { type: 'saved', draft: saved });
    expect(after.title).toBe('Saved');
    expect(keys(after)).toEqual([...keys(before), saved.prompts[2].key]);
    expect(deckInputFromDraft(after)).toEqual(deckInputFromDraft(saved));
  });
});

describe('editing translations', () => {
  const touch = deck.prompts[1];
  const source = translationFingerprint(promptSourceTexts(touch));
  // Touch with its German written for the English as it is.
  const translated: Deck = {
    ...deck,
    translations: { de: { source: translationFingerprint([['title', 'Mine']]), title: 'Meins' } },
    prompts: [deck.prompts[0], { ...touch, translations: { de: { source, title: 'Berührung', labels: { hugs: 'Umarmungen' }, categories: { Touch: 'Berührung' } } } }],
  };
  const start = () => frozen(draftFromDeck(translated));
  const key = (draft: DeckDraft) => draft.prompts[1].key;

  it('offers the languages Candor speaks and those the deck has, never the deck’s own', () => {
    expect(translationLanguages(start(), ['en', 'de'])).toEqual(['de']);
    expect(translationLanguages({ ...start(), language: 'de-AT' }, ['en', 'de'])).toEqual(['en']);
    expect(translationLanguages({ ...start(), translations: { fr: { title: 'Le mien' } } }, ['en', 'de'])).toEqual(['de', 'fr']);
  });

  it('turns a translation stale when the English changes, and keeps it stale through a save and reload', () => {
    const draft = start();
    expect(promptDraftStatus(draft.prompts[1], 'de').state).toBe('current');
    expect(deckDraftStatus(draft, 'de').state).toBe('current');
    const edited = deckDraftReducer(draft, { type: 'updatePrompt', key: key(draft), patch: { title: 'Touch, gently' } });
    expect(promptDraftStatus(edited.prompts[1], 'de')).toEqual({ state: 'stale', untranslated: [] });
    const { id: _id, ...input } = translated;
    const saved = deckInputFromDraft(edited);
    expect(saved.prompts[1].translations?.de?.source).toBe(source);
    const reloaded = draftFromDeck({ ...input, ...saved, id: 'mine' });
    expect(promptDraftStatus(reloaded.prompts[1], 'de').state).toBe('stale');
    // The first prompt has no German at all.
    expect(promptDraftStatus(reloaded.prompts[0], 'de')).toEqual({ state: 'missing', untranslated: ['title', 'labels.low', 'labels.high'] });
  });

  it('renews the fingerprint when a translated text is edited, and saves it', () => {
    const initial = start();
    const draft = deckDraftReducer(initial, { type: 'updatePrompt', key: key(initial), patch: { title: 'Touch, gently' } });
    const edited = deckDraftReducer(draft, { type: 'setPromptTranslation', key: key(draft), language: 'de', text: 'title', value: 'Berührung, sanft' });
    expect(promptDraftStatus(edited.prompts[1], 'de').state).toBe('current');
    const saved = deckInputFromDraft(edited).prompts[1].translations?.de;
    expect(saved).toMatchObject({ title: 'Berührung, sanft', labels: { hugs: 'Umarmungen' } });
    expect(saved?.source).toBe(translationFingerprint(promptSourceTexts(deckInputFromDraft(edited).prompts[1])));
    expect(saved?.source).not.toBe(source);
    expect(deckInputSchema.safeParse(deckInputFromDraft(edited)).success).toBe(true);
    // The other prompt is the same object.
    expect(edited.prompts[0]).toBe(draft.prompts[0]);
  });

  it('edits labels and categories by their keys, and renews without an edit when confirmed', () => {
    const initial = start();
    const draft = deckDraftReducer(initial, { type: 'updateEntry', promptKey: key(initial), key: initial.prompts[1].entries[0].key, patch: { label: 'Long hugs' } });
    expect(promptDraftStatus(draft.prompts[1], 'de').state).toBe('stale');
    const relabelled = deckDraftReducer(draft, { type: 'setPromptTranslation', key: key(draft), language: 'de', text: 'labels.hugs', value: 'Lange Umarmungen' });
    const recategorised = deckDraftReducer(relabelled, { type: 'setPromptTranslation', key: key(draft), language: 'de', text: 'categories.Touch', value: 'Nähe' });
    expect(recategorised.prompts[1].translations?.de).toMatchObject({ labels: { hugs: 'Lange Umarmungen' }, categories: { Touch: 'Nähe' } });
    expect(promptDraftStatus(recategorised.prompts[1], 'de').state).toBe('current');
    const confirmed = deckDraftReducer(draft, { type: 'confirmPromptTranslation', key: key(draft), language: 'de' });
    expect(promptDraftStatus(confirmed.prompts[1], 'de').state).toBe('current');
    expect(confirmed.prompts[1].translations?.de?.labels).toEqual({ hugs: 'Umarmungen' });
  });

  it('starts a translation for a prompt that has none, and leaves an emptied text out on save', () => {
    const draft = start();
    const first = draft.prompts[0].key;
    const started = deckDraftReducer(draft, { type: 'setPromptTranslation', key: first, language: 'de', text: 'title', value: 'Energie' });
    expect(promptDraftStatus(started.prompts[0], 'de')).toEqual({ state: 'missing', untranslated: ['labels.low', 'labels.high'] });
    const emptied = deckDraftReducer(started, { type: 'setPromptTranslation', key: first, language: 'de', text: 'title', value: '  ' });
    expect(deckInputFromDraft(emptied).prompts[0].translations).toBeUndefined();
    expect(promptDraftStatus(emptied.prompts[0], 'de').state).toBe('missing');
  });

  it('edits and confirms the deck’s own translation', () => {
    const renamed = deckDraftReducer(start(), { type: 'setDeckField', field: 'title', value: 'Ours' });
    expect(deckDraftStatus(renamed, 'de').state).toBe('stale');
    const edited = deckDraftReducer(renamed, { type: 'setDeckTranslation', language: 'de', text: 'title', value: 'Unseres' });
    expect(deckDraftStatus(edited, 'de').state).toBe('current');
    expect(deckInputFromDraft(edited).translations).toEqual({ de: { source: translationFingerprint([['title', 'Ours']]), title: 'Unseres' } });
    expect(deckDraftStatus(deckDraftReducer(renamed, { type: 'confirmDeckTranslation', language: 'de' }), 'de').state).toBe('current');
  });
});

describe(describeIssue.name, () => {
  it('names the prompt and the entry an issue is about', () => {
    const draft = draftFromDeck(deck);
    expect(describeIssue('prompts.1.items.0.label: Too small', draft, t, 'This is empty.')).toBe('Prompt 2 (“Touch”), item 1, label: This is empty.');
    expect(describeIssue('deck.prompts.0.levels: level ids must be unique', draft, t, 'Level ids must be unique.')).toBe(
      'Prompt 1 (“Energy”), levels: Level ids must be unique.',
    );
    expect(describeIssue('title: Required', draft, t, 'This is not valid.')).toBe('title: This is not valid.');
  });

  it('names the place in the language the editor is shown in', () => {
    const german = i18next.createInstance();
    void german.init({ lng: 'de', resources: { de }, interpolation: { escapeValue: false }, initAsync: false });
    expect(describeIssue('prompts.1.options.0.label: Too small', draftFromDeck(deck), german.getFixedT('de', 'decks'), 'Das ist leer.')).toBe(
      'Frage 2 („Touch“), Option 1, Bezeichnung: Das ist leer.',
    );
  });

  it('says only the problem for a line without a place', () => {
    expect(describeIssue('something odd', null, t, 'This is not valid.')).toBe('This is not valid.');
  });
});
