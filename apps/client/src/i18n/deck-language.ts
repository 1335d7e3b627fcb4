import type { Deck, DeckTranslation, Prompt, PromptResult, PromptTranslation, SessionState } from '@candor/shared';

// Deck content in the language the page shows. A deck carries its translations (by language tag) on the
// deck and on each prompt; these functions pick the one for `language` and fall back to the deck's own
// text field by field. Ids never change, so answers and results stay keyed as the server knows them.
// Translations from a deck file chosen on this device are not checked by a schema, hence the type guards.

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

// The translation for `language`: the exact tag, else the base language (a page in de-AT reads "de").
export function pickTranslation<T>(translations: Record<string, T> | undefined, language: string): Partial<T> | undefined {
  if (!isObject(translations)) return undefined;
  const base = language.split('-')[0];
  const found = translations[language] ?? translations[base];
  return isObject(found) ? found : undefined;
}

const text = (translated: unknown, original: string): string =>
  typeof translated === 'string' && translated.length > 0 ? translated : original;


// Looks up one entry of a record of strings (labels by id, categories by their original heading).
const lookup = (record: unknown, key: string | undefined): unknown => (key !== undefined && isObject(record) ? record[key] : undefined);

function relabel<T extends { id: string; label: string }>(entries: T[], t: Partial<PromptTranslation>): T[] {
  return entries.map((entry) => ({ ...entry, label: text(lookup(t.labels, entry.id), entry.label) }));
}

function relabelWithCategory<T extends { id: string; label: string; category?: string }>(entries: T[], t: Partial<PromptTranslation>): T[] {
  return entries.map((entry) => ({
    ...entry,
    label: text(lookup(t.labels, entry.id), entry.label),
    ...(entry.category === undefined ? {} : { category: text(lookup(t.categories, entry.category), entry.category) }),
  }));
}

// The prompt with its title, body, content note, labels and scale ends in `language` where translated.
export function localizePrompt<P extends Prompt>(prompt: P, language: string): P {
  const t = pickTranslation(prompt.translations, language);
  if (!t) return prompt;
  // A text the prompt does not have in its own language stays absent, as on the deck.
  const localized: Prompt = {
    ...prompt,
    title: text(t.title, prompt.title),
    ...(prompt.body === undefined ? {} : { body: text(t.body, prompt.body) }),
    ...(prompt.contentNote === undefined ? {} : { contentNote: text(t.contentNote, prompt.contentNote) }),
  };
  switch (localized.kind) {
    case 'ynm':
      return { ...localized, items: relabelWithCategory(localized.items, t) } as P;
    case 'single':
    case 'multiple':
    case 'ranking':
      return { ...localized, options: relabel(localized.options, t) } as P;
    case 'checkin':
      return { ...localized, levels: relabel(localized.levels, t) } as P;
    case 'scale':
      return { ...localized, minLabel: text(t.minLabel, localized.minLabel), maxLabel: text(t.maxLabel, localized.maxLabel) } as P;
    case 'text':
      return localized as P;
  }
}

// The result with the item, option and level labels, categories and scale ends of its prompt in
// `language`, matched by id. Counts, order and everything else stay as the server sent them. A result
// of another prompt than `prompt` is left alone. An end check-in's "before" column is relabelled from
// the end check-in's own translation, so it reads right when both share their level ids (as built-in
// decks do).
export function localizeResult(result: PromptResult, prompt: Prompt | null, language: string): PromptResult {
  if (!prompt || prompt.id !== result.promptId || !result.distribution) return result;
  const t = pickTranslation(prompt.translations, language);
  if (!t) return result;
  const d = result.distribution;
  switch (d.kind) {
    case 'ynm':
      return { ...result, distribution: { ...d, items: relabelWithCategory(d.items, t) } };
    case 'single':
    case 'multiple':
      return { ...result, distribution: { ...d, options: relabel(d.options, t) } };
    case 'ranking':
      return { ...result, distribution: { ...d, options: relabel(d.options, t) } };
    case 'checkin':
      return {
        ...result,
        distribution: { ...d, levels: relabel(d.levels, t), before: d.before && { ...d.before, levels: relabel(d.before.levels, t) } },
      };
    case 'scale':
      return { ...result, distribution: { ...d, minLabel: text(t.minLabel, d.minLabel), maxLabel: text(t.maxLabel, d.maxLabel) } };
    case 'couple':
      return { ...result, distribution: { ...d, matches: relabelWithCategory(d.matches, t), explore: relabelWithCategory(d.explore, t) } };
    case 'text':
      return result;
  }
}

type DeckTexts = { title: string; description?: string; contentNote?: string; translations?: Record<string, DeckTranslation> };

// A deck's title, description and content note in `language`: for deck lists, the join page (title and
// content note) and the session's name in the state (title only). Fields the object lacks stay absent.
export function localizeDeckSummary<T extends DeckTexts>(deck: T, language: string): T {
  const t = pickTranslation(deck.translations, language);
  if (!t) return deck;
  return {
    ...deck,
    title: text(t.title, deck.title),
    ...(deck.description === undefined ? {} : { description: text(t.description, deck.description) }),
    ...(deck.contentNote === undefined ? {} : { contentNote: text(t.contentNote, deck.contentNote) }),
  };
}

// A whole deck in `language`: its own texts and every prompt.
export function localizeDeck(deck: Deck, language: string): Deck {
  const localized = localizeDeckSummary(deck, language);
  const prompts = deck.prompts.map((prompt) => localizePrompt(prompt, language));
  return prompts.every((prompt, i) => prompt === deck.prompts[i]) && localized === deck ? deck : { ...localized, prompts };
}

// A session state with the session's name and the current prompt in `language`. The result is left as
// sent: ResultView relabels it with the prompt (whose translations travel with it).
export function localizeSessionState(state: SessionState, language: string): SessionState {
  const titled = localizeDeckSummary(state, language);
  const prompt = state.prompt && localizePrompt(state.prompt, language);
  return titled === state && prompt === state.prompt ? state : { ...titled, prompt };
}
