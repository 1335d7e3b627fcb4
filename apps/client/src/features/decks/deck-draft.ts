import type { Deck, DeckInput, DeckTranslation, Prompt, PromptKind, PromptTranslation, RevealPolicy } from '@candor/shared';
import {
  deckSourceTexts,
  promptSourceTexts,
  REVEAL_POLICIES,
  SLUG_MAX_LENGTH,
  TEXT_LENGTH,
  translationFingerprint,
  translationStatus,
  type TranslationStatus,
} from '@candor/shared/rules';
import type { TFunction } from 'i18next';
import { decks as english } from '../../i18n/locales/en/decks';
import { moveItem } from '../answer-forms/answer-drafts';

// The deck editor's working copy. Number fields stay strings while someone types; ids stay null for new
// prompts and options until the deck is saved, when they are made from the labels.

export type EntryDraft = { key: string; id: string | null; label: string; category: string };

export type PromptDraft = {
  key: string;
  id: string | null;
  kind: PromptKind;
  title: string;
  body: string;
  contentNote: string;
  // Couple mode only; '' keeps the default for the kind.
  reveal: RevealPolicy | '';
  // Items (yes/no/maybe), options (choices, ranking) or levels (check-in), in order.
  entries: EntryDraft[];
  maxPicks: string;
  min: string;
  max: string;
  minLabel: string;
  maxLabel: string;
  maxLength: string;
  moment: 'start' | 'end';
  // By language; edited beside the original, and trimmed to what still has an original on save (see
  // keptTranslations). Each carries the fingerprint of the original it was last edited or confirmed for.
  translations?: Prompt['translations'];
};

export type DeckDraft = {
  title: string;
  language: string;
  description: string;
  contentNote: string;
  prompts: PromptDraft[];
  // The deck's title, description and content note in other languages, as on a prompt.
  translations?: Deck['translations'];
};

// What a couple sees of one prompt, in the order the editor offers them; '' leaves the choice to the kind's
// default. Their names are in the decks texts (reveal.*, with 'default' for '').
export const REVEAL_CHOICES: readonly (RevealPolicy | '')[] = ['', ...REVEAL_POLICIES];

// What a prompt's rows are called; also the fallback for ids made from empty labels.
export type EntryNoun = 'item' | 'option' | 'level';

export const ENTRY_NOUNS: Record<PromptKind, EntryNoun | null> = {
  ynm: 'item',
  single: 'option',
  multiple: 'option',
  scale: null,
  ranking: 'option',
  text: null,
  checkin: 'level',
};

let keySeed = 0;
// React keys for rows that have no id yet; never sent to the server.
export function newKey(): string {
  keySeed += 1;
  return `k${keySeed}`;
}

// "Touch & hugs (gentle)" → "touch-hugs-gentle": lowercase letters, digits and dashes, as the deck format wants.
export function slugify(label: string, fallback = 'item'): string {
  const slug = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX_LENGTH - 4)
    .replace(/-+$/, '');
  return slug || fallback;
}

// The slug itself if free, else slug-2, slug-3, …; the result is added to `taken`.
export function uniqueSlug(base: string, taken: Set<string>): string {
  let candidate = base;
  for (let n = 2; taken.has(candidate); n += 1) candidate = `${base}-${n}`;
  taken.add(candidate);
  return candidate;
}

function entry(label = '', id: string | null = null, category = '', key = newKey()): EntryDraft {
  return { key, id, label, category };
}

// The words a new prompt starts with, in the language the editor is shown in; the facilitator changes them to fit.
export type PromptDefaults = { minLabel: string; maxLabel: string; checkinTitle: string; checkinLevels: readonly string[] };

export function promptDefaults(t: TFunction<'decks'>): PromptDefaults {
  return {
    minLabel: t('defaults.minLabel'),
    maxLabel: t('defaults.maxLabel'),
    checkinTitle: t('defaults.checkinTitle'),
    checkinLevels: (Object.keys(english.defaults.checkinLevels) as (keyof typeof english.defaults.checkinLevels)[]).map((level) =>
      t(`defaults.checkinLevels.${level}`),
    ),
  };
}

const ENGLISH_DEFAULTS: PromptDefaults = { ...english.defaults, checkinLevels: Object.values(english.defaults.checkinLevels) };

export function newPromptDraft(kind: PromptKind, defaults: PromptDefaults = ENGLISH_DEFAULTS): PromptDraft {
  const base: PromptDraft = {
    key: newKey(),
    id: null,
    kind,
    title: '',
    body: '',
    contentNote: '',
    reveal: '',
    entries: [],
    maxPicks: '2',
    min: '1',
    max: '5',
    minLabel: defaults.minLabel,
    maxLabel: defaults.maxLabel,
    maxLength: String(TEXT_LENGTH.default),
    moment: 'start',
  };
  switch (kind) {
    case 'ynm':
      return { ...base, entries: [entry(), entry()] };
    case 'single':
    case 'multiple':
      return { ...base, entries: [entry(), entry(), entry()] };
    case 'ranking':
      return { ...base, entries: [entry(), entry(), entry()] };
    case 'checkin':
      return {
        ...base,
        title: defaults.checkinTitle,
        entries: defaults.checkinLevels.map((label) => entry(label)),
      };
    case 'scale':
    case 'text':
      return base;
  }
}

export function draftFromPrompt(prompt: Prompt): PromptDraft {
  const draft: PromptDraft = {
    ...newPromptDraft(prompt.kind),
    id: prompt.id,
    title: prompt.title,
    body: prompt.body ?? '',
    contentNote: prompt.contentNote ?? '',
    reveal: prompt.reveal ?? '',
    entries: [],
    translations: prompt.translations,
  };
  switch (prompt.kind) {
    case 'ynm':
      return { ...draft, entries: prompt.items.map((item) => entry(item.label, item.id, item.category ?? '')) };
    case 'single':
    case 'ranking':
      return { ...draft, entries: prompt.options.map((option) => entry(option.label, option.id)) };
    case 'multiple':
      return { ...draft, entries: prompt.options.map((option) => entry(option.label, option.id)), maxPicks: String(prompt.maxPicks) };
    case 'scale':
      return { ...draft, min: String(prompt.min), max: String(prompt.max), minLabel: prompt.minLabel, maxLabel: prompt.maxLabel };
    case 'text':
      return { ...draft, maxLength: String(prompt.maxLength) };
    case 'checkin':
      return { ...draft, moment: prompt.moment, entries: prompt.levels.map((level) => entry(level.label, level.id)) };
  }
}

export function draftFromDeck(deck: Deck): DeckDraft {
  return {
    title: deck.title,
    language: deck.language,
    description: deck.description ?? '',
    contentNote: deck.contentNote ?? '',
    prompts: deck.prompts.map(draftFromPrompt),
    translations: deck.translations,
  };
}

// Every edit the editor makes to its working copy. New prompts and rows come made (with their keys), so that
// the reducer stays pure and the page can focus them.
export type DeckField = 'title' | 'language' | 'description' | 'contentNote';
export type DraftAction =
  | { type: 'setDeckField'; field: DeckField; value: string }
  | { type: 'updatePrompt'; key: string; patch: Partial<PromptDraft> }
  | { type: 'insertPrompt'; prompt: PromptDraft; index: number }
  | { type: 'movePrompt'; from: number; to: number }
  | { type: 'removePrompt'; key: string }
  | { type: 'addEntry'; promptKey: string; key: string }
  | { type: 'updateEntry'; promptKey: string; key: string; patch: Partial<Pick<EntryDraft, 'label' | 'category'>> }
  | { type: 'moveEntry'; promptKey: string; from: number; to: number }
  | { type: 'removeEntry'; promptKey: string; key: string }
  // `text` is a key of promptSourceTexts / deckSourceTexts ('title', 'labels.hugs', 'categories.Touch').
  // Editing or confirming a translation stamps it with the fingerprint of the original as it is now.
  | { type: 'setPromptTranslation'; key: string; language: string; text: string; value: string }
  | { type: 'confirmPromptTranslation'; key: string; language: string }
  | { type: 'setDeckTranslation'; language: string; text: string; value: string }
  | { type: 'confirmDeckTranslation'; language: string }
  // The deck as the server saved it, as a draft.
  | { type: 'saved'; draft: DeckDraft };

export function deckDraftReducer(draft: DeckDraft, action: DraftAction): DeckDraft {
  // Unchanged prompts stay the same objects, and a draft with nothing changed stays the same draft.
  const withPrompts = (prompts: PromptDraft[]): DeckDraft =>
    prompts.length === draft.prompts.length && prompts.every((p, i) => p === draft.prompts[i]) ? draft : { ...draft, prompts };
  const editPrompt = (key: string, edit: (prompt: PromptDraft) => PromptDraft) =>
    withPrompts(draft.prompts.map((p) => (p.key === key ? edit(p) : p)));
  const withEntries = (key: string, edit: (entries: EntryDraft[]) => EntryDraft[]) =>
    editPrompt(key, (p) => {
      const entries = edit(p.entries);
      return entries === p.entries ? p : { ...p, entries };
    });
  switch (action.type) {
    case 'setDeckField':
      return { ...draft, [action.field]: action.value };
    case 'updatePrompt':
      return editPrompt(action.key, (p) => ({ ...p, ...action.patch }));
    case 'insertPrompt':
      return withPrompts([...draft.prompts.slice(0, action.index), action.prompt, ...draft.prompts.slice(action.index)]);
    case 'movePrompt':
      return withPrompts(moveItem(draft.prompts, action.from, action.to));
    case 'removePrompt':
      return withPrompts(draft.prompts.filter((p) => p.key !== action.key));
    case 'addEntry':
      // A new row takes the category of the row above, as lists are usually written category by category.
      return withEntries(action.promptKey, (entries) => [...entries, entry('', null, entries.at(-1)?.category ?? '', action.key)]);
    case 'updateEntry':
      return withEntries(action.promptKey, (entries) => entries.map((e) => (e.key === action.key ? { ...e, ...action.patch } : e)));
    case 'moveEntry':
      return withEntries(action.promptKey, (entries) => moveItem(entries, action.from, action.to));
    case 'removeEntry':
      return withEntries(action.promptKey, (entries) => entries.filter((e) => e.key !== action.key));
    case 'setPromptTranslation':
      return editPrompt(action.key, (p) => withTranslation(p, action.language, promptFingerprint(p), action.text, action.value));
    case 'confirmPromptTranslation':
      return editPrompt(action.key, (p) => withTranslation(p, action.language, promptFingerprint(p)));
    case 'setDeckTranslation':
      return withTranslation(draft, action.language, deckFingerprint(draft), action.text, action.value);
    case 'confirmDeckTranslation':
      return withTranslation(draft, action.language, deckFingerprint(draft));
    case 'saved':
      // Keep the rows' keys where the prompt order is unchanged, so that focus and scroll stay put.
      return { ...action.draft, prompts: action.draft.prompts.map((p, i) => ({ ...p, key: draft.prompts[i]?.key ?? p.key })) };
  }
}

type Translatable = { translations?: Record<string, PromptTranslation | DeckTranslation> };

// `owner` with its translation into `language` stamped with `source`, and one text set when given ('' clears
// it: an empty text is left out on save, so that participants see the original there).
function withTranslation<T extends Translatable>(owner: T, language: string, source: string, text?: string, value?: string): T {
  const translation: Record<string, unknown> = { ...owner.translations?.[language], source };
  if (text !== undefined) {
    const dot = text.indexOf('.');
    if (dot === -1) translation[text] = value;
    else {
      const field = text.slice(0, dot);
      translation[field] = { ...(translation[field] as Record<string, string> | undefined), [text.slice(dot + 1)]: value };
    }
  }
  return { ...owner, translations: { ...owner.translations, [language]: translation } };
}

// The texts of a prompt as they would be saved now, and their fingerprint.
export function draftSourceTexts(draft: PromptDraft): [string, string][] {
  return promptSourceTexts(promptFromDraft({ ...draft, translations: undefined }, draft.id ?? 'new'));
}

function promptFingerprint(draft: PromptDraft): string {
  return translationFingerprint(draftSourceTexts(draft));
}

export function deckDraftSourceTexts(draft: DeckDraft): [string, string][] {
  return deckSourceTexts({ title: draft.title.trim(), description: optional(draft.description), contentNote: optional(draft.contentNote) });
}

function deckFingerprint(draft: DeckDraft): string {
  return translationFingerprint(deckDraftSourceTexts(draft));
}

export function promptDraftStatus(draft: PromptDraft, language: string): TranslationStatus {
  return translationStatus(draftSourceTexts(draft), draft.translations?.[language]);
}

export function deckDraftStatus(draft: DeckDraft, language: string): TranslationStatus {
  return translationStatus(deckDraftSourceTexts(draft), draft.translations?.[language]);
}

// The languages the editor offers translations for: those Candor speaks (`spoken`) and any the deck already
// has, but never the deck's own.
export function translationLanguages(draft: DeckDraft, spoken: readonly string[]): string[] {
  const own = draft.language.trim().split('-')[0];
  const present = [draft.translations, ...draft.prompts.map((p) => p.translations)].flatMap((t) => Object.keys(t ?? {}));
  return [...new Set([...spoken, ...present])].filter((language) => language.split('-')[0] !== own);
}

// A copy placed after the original: new keys, and a prompt id made fresh at save time. The editor names the
// copy in its own language.
export function duplicatePromptDraft(prompt: PromptDraft, copyTitle = (title: string) => `${title} (copy)`): PromptDraft {
  return {
    ...prompt,
    key: newKey(),
    id: null,
    title: prompt.title ? copyTitle(prompt.title) : '',
    entries: prompt.entries.map((e) => ({ ...e, key: newKey() })),
  };
}

// A number field as typed; NaN when it is not a whole number, which the server then reports.
function whole(value: string): number {
  const trimmed = value.trim();
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

function optional(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed.length > 0 ? trimmed : undefined;
}

// Ids for new entries, from their labels; existing ids are kept so that a saved deck stays recognisable.
function entryIds(entries: EntryDraft[], fallback: string): string[] {
  const taken = new Set(entries.flatMap((e) => (e.id ? [e.id] : [])));
  const seen = new Set<string>();
  return entries.map((e) => {
    // A repeated existing id (which the server would refuse) is renamed rather than sent twice.
    if (e.id && !seen.has(e.id)) {
      seen.add(e.id);
      return e.id;
    }
    const id = uniqueSlug(slugify(e.label, fallback), taken);
    seen.add(id);
    return id;
  });
}

// A save keeps of each language what still has an original — labels of items, options and levels that kept
// their id, categories still in use, scale labels on a scale, a body or content note the prompt still has —
// and its fingerprint, so that a translation whose original changed since shows as needing an update.
// Empty texts are left out.
function keptTranslations(draft: PromptDraft, ids: string[]): Prompt['translations'] {
  const keptIds = new Set(draft.entries.flatMap((e, i) => (e.id !== null && ids[i] === e.id ? [e.id] : [])));
  const categories = new Set(draft.kind === 'ynm' ? draft.entries.map((e) => e.category.trim()).filter(Boolean) : []);
  const pick = (record: Record<string, string> | undefined, keep: Set<string>) => {
    const kept = Object.entries(record ?? {}).flatMap(([key, text]) => (keep.has(key) && text.trim() ? [[key, text.trim()] as const] : []));
    return kept.length > 0 ? Object.fromEntries(kept) : undefined;
  };
  const text = (value: string | undefined) => optional(value ?? '');
  const languages = Object.entries(draft.translations ?? {}).flatMap(([language, t]) => {
    const kept: PromptTranslation = {
      title: text(t.title),
      body: optional(draft.body) && text(t.body),
      contentNote: optional(draft.contentNote) && text(t.contentNote),
      minLabel: draft.kind === 'scale' ? text(t.minLabel) : undefined,
      maxLabel: draft.kind === 'scale' ? text(t.maxLabel) : undefined,
      labels: pick(t.labels, keptIds),
      categories: pick(t.categories, categories),
    };
    const defined = Object.entries(kept).filter(([, value]) => value !== undefined);
    // A fingerprint alone translates nothing.
    return defined.length > 0 ? [[language, Object.fromEntries([...(t.source ? [['source', t.source]] : []), ...defined])] as const] : [];
  });
  return languages.length > 0 ? Object.fromEntries(languages) : undefined;
}

export function promptFromDraft(draft: PromptDraft, id: string): Prompt {
  const noun = ENTRY_NOUNS[draft.kind] ?? 'item';
  const ids = entryIds(draft.entries, noun);
  const base = {
    id,
    title: draft.title.trim(),
    body: optional(draft.body),
    contentNote: optional(draft.contentNote),
    reveal: draft.reveal || undefined,
    translations: keptTranslations(draft, ids),
  };
  const options = draft.entries.map((e, i) => ({ id: ids[i], label: e.label.trim() }));
  switch (draft.kind) {
    case 'ynm':
      return {
        ...base,
        kind: 'ynm',
        items: draft.entries.map((e, i) => ({ id: ids[i], label: e.label.trim(), category: optional(e.category) })),
      };
    case 'single':
      return { ...base, kind: 'single', options };
    case 'multiple':
      return { ...base, kind: 'multiple', options, maxPicks: whole(draft.maxPicks) };
    case 'ranking':
      return { ...base, kind: 'ranking', options };
    case 'scale':
      return {
        ...base,
        kind: 'scale',
        min: whole(draft.min),
        max: whole(draft.max),
        minLabel: draft.minLabel.trim(),
        maxLabel: draft.maxLabel.trim(),
      };
    case 'text':
      return { ...base, kind: 'text', maxLength: whole(draft.maxLength) };
    case 'checkin':
      return { ...base, kind: 'checkin', moment: draft.moment, levels: options };
  }
}

// The deck's own translations without empty texts (and without a language left with none).
function keptDeckTranslations(translations: Deck['translations']): Deck['translations'] {
  const languages = Object.entries(translations ?? {}).flatMap(([language, { source, ...texts }]) => {
    const defined = Object.entries(texts).flatMap(([field, value]) => (optional(value ?? '') ? [[field, (value).trim()] as const] : []));
    return defined.length > 0 ? [[language, Object.fromEntries([...(source ? [['source', source]] : []), ...defined])] as const] : [];
  });
  return languages.length > 0 ? Object.fromEntries(languages) : undefined;
}

export function deckInputFromDraft(draft: DeckDraft): DeckInput {
  const taken = new Set(draft.prompts.flatMap((p) => (p.id ? [p.id] : [])));
  const seen = new Set<string>();
  const prompts = draft.prompts.map((p) => {
    let id = p.id;
    if (!id || seen.has(id)) id = uniqueSlug(slugify(p.title, p.kind), taken);
    seen.add(id);
    return promptFromDraft(p, id);
  });
  return {
    title: draft.title.trim(),
    language: draft.language.trim(),
    description: optional(draft.description),
    contentNote: optional(draft.contentNote),
    translations: keptDeckTranslations(draft.translations),
    prompts,
  };
}

// "prompts.2.options.0.label: Too small…" → "Prompt 3 (“Title”), option 1, label: This is empty.". The problem is
// a sentence in the page's language (useIssueProblems), never the schema's words.
export function describeIssue(
  issue: string,
  draft: { prompts: readonly { title?: unknown }[] } | null,
  t: TFunction<'decks'>,
  problem: string,
): string {
  const split = issue.indexOf(': ');
  if (split === -1) return problem;
  const path = issue.slice(0, split).split('.').filter((part) => part !== 'deck');
  const words: string[] = [];
  for (let i = 0; i < path.length; i += 1) {
    const part = path[i];
    const next = path[i + 1];
    const index = next !== undefined && /^\d+$/.test(next) ? Number(next) : null;
    if (part === 'prompts' && index !== null) {
      const raw = draft?.prompts[index]?.title;
      const title = typeof raw === 'string' ? raw.trim() : '';
      words.push(title ? t('issues.promptTitled', { n: index + 1, title }) : t('issues.prompt', { n: index + 1 }));
      i += 1;
    } else if (part === 'items' && index !== null) {
      words.push(t('issues.item', { n: index + 1 }));
      i += 1;
    } else if (part === 'options' && index !== null) {
      words.push(t('issues.option', { n: index + 1 }));
      i += 1;
    } else if (part === 'levels' && index !== null) {
      words.push(t('issues.level', { n: index + 1 }));
      i += 1;
    } else if (part.length > 0) {
      words.push(isField(part) ? t(`issues.fields.${part}`) : part);
    }
  }
  return words.length > 0 ? t('issues.line', { place: words.join(', '), problem }) : problem;
}

type Field = keyof typeof english.issues.fields;

function isField(part: string): part is Field {
  return Object.hasOwn(english.issues.fields, part);
}
