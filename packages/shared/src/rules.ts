// The contract's constants and pure rules, without zod: the limits, kinds and defaults that the schemas in
// schemas/ are built from, for a client that must know them without downloading the schemas (a
// participant's phone). Imported as '@candor/shared/rules'. It imports nothing, and must stay that way.

// Bumped when an event or payload changes incompatibly; checked at the handshake.
export const PROTOCOL_VERSION = 3;

// Ids inside a deck (prompts, items, options) are short slugs chosen by the deck author.
export const SLUG_MAX_LENGTH = 64;
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

// A language tag as in `deck.language`: "de", "pt-BR".
export const LANGUAGE_TAG_LENGTH = { min: 2, max: 16 } as const;
export const LANGUAGE_TAG_PATTERN = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

// Join codes avoid look-alike characters (0/O, 1/I/L) so they can be read off a projector.
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;
export const JOIN_CODE_PATTERN = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);

// A group's results show only once at least k participants answered.
export const K_MIN = 3;
export const K_MAX = 20;
export const K_DEFAULT = 5;

export const PASSWORD_LENGTH = { min: 10, max: 200 } as const;

export const PROMPT_KINDS = ['ynm', 'single', 'multiple', 'scale', 'ranking', 'text', 'checkin'] as const;
export type PromptKind = (typeof PROMPT_KINDS)[number];

export const YNM_CHOICES = ['yes', 'maybe', 'no', 'pass'] as const;
export type YnmChoice = (typeof YNM_CHOICES)[number];

// How a yes/no/maybe item is sorted into a discussion group, as shares of its yes, maybe and no answers
// (passes apart): consensus when yes or no reaches `consensus`; most maybe when maybe reaches `mostMaybe`
// and leads; split when the polarisation 4 × yes × no reaches `splitPolarisation`. The server sorts by
// these; the console explains them.
export const YNM_THRESHOLDS = { consensus: 0.75, mostMaybe: 0.4, splitPolarisation: 0.5 } as const;

export const CHECKIN_MOMENTS = ['start', 'end'] as const;

// How a couple's answers to one prompt are compared (couple mode only).
//   mutual-only: only what both share is shown (matches, things worth exploring); never who said no.
//   side-by-side: once both answered, both answers are shown to both.
//   private: each partner sees only their own answer.
export const REVEAL_POLICIES = ['mutual-only', 'side-by-side', 'private'] as const;
export type RevealPolicy = (typeof REVEAL_POLICIES)[number];

// Lists and choices default to mutual-only, scales, rankings and check-ins to side-by-side, and open
// text to private.
export function revealPolicyOf(prompt: { kind: PromptKind; reveal?: RevealPolicy }): RevealPolicy {
  if (prompt.reveal) return prompt.reveal;
  switch (prompt.kind) {
    case 'ynm':
    case 'single':
    case 'multiple':
      return 'mutual-only';
    case 'text':
      return 'private';
    default:
      return 'side-by-side';
  }
}

// In a couple session with the blind reveal on (issue 15, blind.ts), these prompts are compared on the two
// phones and their answers never reach the server: yes/no/maybe lists under mutual-only.
export function isBlindPrompt(prompt: { kind: PromptKind; reveal?: RevealPolicy }): boolean {
  return prompt.kind === 'ynm' && revealPolicyOf(prompt) === 'mutual-only';
}

// The longest text of each field of a deck, in characters (titles and labels also need one).
export const DECK_TEXT_MAX = {
  deckTitle: 200,
  deckDescription: 1000,
  deckContentNote: 1000,
  promptTitle: 300,
  promptBody: 2000,
  promptContentNote: 500,
  // An item's, option's or level's label.
  label: 200,
  category: 80,
  scaleLabel: 80,
} as const;

// How many entries each list of a deck holds.
export const DECK_LIST_LENGTH = {
  prompts: { min: 1, max: 200 },
  ynmItems: { min: 1, max: 100 },
  // Single and multiple choice; maxPicks is at most the number of options.
  choiceOptions: { min: 2, max: 20 },
  rankingOptions: { min: 2, max: 10 },
  checkinLevels: { min: 2, max: 7 },
} as const;

// A scale's ends are whole numbers within these bounds; a scale spans 2 to 11 values (e.g. 1–5 or 0–10).
export const SCALE_BOUNDS = { lowest: -10, highest: 10, maxSpan: 10 } as const;

// An open-text prompt's maxLength, and so the longest answer to it.
export const TEXT_MAX_LENGTH = 500;
// Most texts one moderation message carries (a socket message is at most 64 KB); a client sends more in several.
export const MODERATE_MANY_MAX = 1000;
// Homework closes at most this many days after it is assigned.
export const HOMEWORK_MAX_DAYS = 60;
// A group homework's one link opens at most this many seats (a class, a course: not a public poll).
export const HOMEWORK_GROUP_MAX_SEATS = 500;
// While a group homework is open its facilitator is told how many opened the link and finished in steps
// of this many (rounded down): a count that moved by one would say when one person was there.
export const HOMEWORK_COUNT_STEP = 3;
export const TEXT_LENGTH = { min: 10, max: TEXT_MAX_LENGTH, default: 280 } as const;

// The file format for exporting and importing decks. Bump the version on an incompatible change.
export const DECK_FORMAT = 'candor-deck';
export const DECK_FORMAT_VERSION = 1;

// A translation records which original it was written for: `source` holds a fingerprint of the texts it
// translates, made by translationFingerprint. When the original changes, the fingerprint no longer matches
// and the editor says the translation needs an update; participants still see it (see docs/deck-format.md).
export const TRANSLATION_SOURCE_PATTERN = /^[0-9a-f]{14}$/;

// The texts of a deck or prompt that a translation may translate, as [key, text] pairs in a fixed order.
// Keys name the translation's fields: 'title', 'body', 'contentNote', 'minLabel', 'maxLabel',
// 'labels.<id>' for an item, option or level, and 'categories.<heading>' for a yes/maybe/no category.
export type TranslatableEntry = { id: string; label: string; category?: string };
export type TranslatablePrompt = {
  kind: PromptKind;
  title: string;
  body?: string;
  contentNote?: string;
  minLabel?: string;
  maxLabel?: string;
  items?: readonly TranslatableEntry[];
  options?: readonly TranslatableEntry[];
  levels?: readonly TranslatableEntry[];
};
export type TranslatableDeck = { title: string; description?: string; contentNote?: string };

const present = (key: string, text: string | undefined): [string, string][] => (text ? [[key, text]] : []);

export function promptSourceTexts(prompt: TranslatablePrompt): [string, string][] {
  const entries = prompt.items ?? prompt.options ?? prompt.levels ?? [];
  const categories = [...new Set(entries.flatMap((e) => (e.category ? [e.category] : [])))];
  return [
    ['title', prompt.title],
    ...present('body', prompt.body),
    ...present('contentNote', prompt.contentNote),
    ...(prompt.kind === 'scale' ? [...present('minLabel', prompt.minLabel), ...present('maxLabel', prompt.maxLabel)] : []),
    ...entries.map((e): [string, string] => [`labels.${e.id}`, e.label]),
    ...categories.map((c): [string, string] => [`categories.${c}`, c]),
  ];
}

export function deckSourceTexts(deck: TranslatableDeck): [string, string][] {
  return [['title', deck.title], ...present('description', deck.description), ...present('contentNote', deck.contentNote)];
}

// 14 hex digits of a 53-bit hash (cyrb53) of the texts: short, stable across machines, and no crypto API
// needed, so the phone-sized client and the server compute the same value. Not a security measure.
export function translationFingerprint(texts: readonly (readonly [string, string])[]): string {
  const input = JSON.stringify(texts);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < input.length; i += 1) {
    const c = input.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hash = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return hash.toString(16).padStart(14, '0');
}

// missing: no translation, or some text has none (`untranslated` lists their keys);
// stale: its fingerprint is not the original's (the original changed since, or it was saved before
//   translations had fingerprints: such a translation is reviewed once rather than trusted silently);
// current: written for the original as it is, and complete.
export type TranslationState = 'missing' | 'stale' | 'current';
export type TranslationStatus = { state: TranslationState; untranslated: string[] };

type TranslationTexts = {
  source?: string;
  title?: string;
  body?: string;
  contentNote?: string;
  description?: string;
  minLabel?: string;
  maxLabel?: string;
  labels?: Record<string, string>;
  categories?: Record<string, string>;
};

function translatedText(translation: TranslationTexts, key: string): string | undefined {
  const dot = key.indexOf('.');
  if (dot === -1) return (translation as Record<string, unknown>)[key] as string | undefined;
  const record = key.slice(0, dot) === 'labels' ? translation.labels : translation.categories;
  const name = key.slice(dot + 1);
  return record && Object.hasOwn(record, name) ? record[name] : undefined;
}

export function translationStatus(texts: readonly (readonly [string, string])[], translation: TranslationTexts | undefined): TranslationStatus {
  const untranslated = texts.filter(([key]) => !translation || !translatedText(translation, key)?.trim()).map(([key]) => key);
  if (!translation || untranslated.length === texts.length) return { state: 'missing', untranslated };
  if (translation.source !== translationFingerprint(texts)) return { state: 'stale', untranslated };
  return { state: untranslated.length > 0 ? 'missing' : 'current', untranslated };
}

export function promptTranslationStatus(prompt: TranslatablePrompt & { translations?: Record<string, TranslationTexts> }, language: string): TranslationStatus {
  return translationStatus(promptSourceTexts(prompt), prompt.translations?.[language]);
}

export function deckTranslationStatus(deck: TranslatableDeck & { translations?: Record<string, TranslationTexts> }, language: string): TranslationStatus {
  return translationStatus(deckSourceTexts(deck), deck.translations?.[language]);
}

// The plain pages a participant's "Leave quickly" goes to (apps/client/public), by page language. The
// server sends them with Clear-Site-Data (app.module.ts).
export const QUICK_EXIT_PAGES = { en: '/notes.html', de: '/notizen.html' } as const;

// Every file of a session's results says it (the facilitator's summary exports and a self-run couple's
// own file): nothing Candor writes reads like a record of consent.
export const NOT_A_CONSENT_RECORD =
  'Not a record of consent: these answers say how people felt when they gave them, and anyone can change their mind at any time.';
