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
export const TEXT_LENGTH = { min: 10, max: TEXT_MAX_LENGTH, default: 280 } as const;

// The file format for exporting and importing decks. Bump the version on an incompatible change.
export const DECK_FORMAT = 'candor-deck';
export const DECK_FORMAT_VERSION = 1;
