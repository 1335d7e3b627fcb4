import { z } from 'zod';
import { slugSchema } from './common.js';

// How a couple's answers to one prompt are compared (couple mode only).
//   mutual-only: only what both share is shown (matches, things worth exploring); never who said no.
//   side-by-side: once both answered, both answers are shown to both.
//   private: each partner sees only their own answer.
export const REVEAL_POLICIES = ['mutual-only', 'side-by-side', 'private'] as const;
export const revealPolicySchema = z.enum(REVEAL_POLICIES);

const promptBase = {
  id: slugSchema,
  title: z.string().min(1).max(300),
  body: z.string().max(2000).optional(),
  // Shown to participants before the prompt opens.
  contentNote: z.string().max(500).optional(),
  // Couple mode; when absent, the default for the kind (see revealPolicyOf).
  reveal: revealPolicySchema.optional(),
};

export const ynmItemSchema = z.object({
  id: slugSchema,
  label: z.string().min(1).max(200),
  category: z.string().min(1).max(80).optional(),
});

export const choiceOptionSchema = z.object({
  id: slugSchema,
  label: z.string().min(1).max(200),
});

// Yes / maybe / no inventory: many items in one prompt, each answered on its own.
export const ynmPromptSchema = z.object({
  ...promptBase,
  kind: z.literal('ynm'),
  items: z
    .array(ynmItemSchema)
    .min(1)
    .max(100)
    .refine((items) => new Set(items.map((i) => i.id)).size === items.length, 'item ids must be unique'),
});

export const singleChoicePromptSchema = z.object({
  ...promptBase,
  kind: z.literal('single'),
  options: z
    .array(choiceOptionSchema)
    .min(2)
    .max(20)
    .refine((opts) => new Set(opts.map((o) => o.id)).size === opts.length, 'option ids must be unique'),
});

const uniqueOptions = (opts: { id: string }[]) => new Set(opts.map((o) => o.id)).size === opts.length;

export const multipleChoicePromptSchema = z
  .object({
    ...promptBase,
    kind: z.literal('multiple'),
    options: z.array(choiceOptionSchema).min(2).max(20).refine(uniqueOptions, 'option ids must be unique'),
    // How many options one person may pick.
    maxPicks: z.number().int().min(1).max(20),
  })
  .refine((p) => p.maxPicks <= p.options.length, { message: 'maxPicks cannot exceed the number of options', path: ['maxPicks'] });

export const scalePromptSchema = z
  .object({
    ...promptBase,
    kind: z.literal('scale'),
    min: z.number().int().min(-10).max(10),
    max: z.number().int().min(-10).max(10),
    minLabel: z.string().min(1).max(80),
    maxLabel: z.string().min(1).max(80),
  })
  .refine((p) => p.max > p.min && p.max - p.min <= 10, { message: 'a scale spans 2 to 11 values (e.g. 1–5 or 0–10)', path: ['max'] });

export const rankingPromptSchema = z.object({
  ...promptBase,
  kind: z.literal('ranking'),
  options: z.array(choiceOptionSchema).min(2).max(10).refine(uniqueOptions, 'option ids must be unique'),
});

export const TEXT_MAX_LENGTH = 500;
export const textPromptSchema = z.object({
  ...promptBase,
  kind: z.literal('text'),
  maxLength: z.number().int().min(10).max(TEXT_MAX_LENGTH).default(280),
});

// A mood or energy level, asked at the start and again at the end of a session.
export const checkinPromptSchema = z.object({
  ...promptBase,
  kind: z.literal('checkin'),
  moment: z.enum(['start', 'end']),
  // From low to high, e.g. drained … energised.
  levels: z.array(choiceOptionSchema).min(2).max(7).refine(uniqueOptions, 'level ids must be unique'),
});

export const promptSchema = z.discriminatedUnion('kind', [
  ynmPromptSchema,
  singleChoicePromptSchema,
  multipleChoicePromptSchema,
  scalePromptSchema,
  rankingPromptSchema,
  textPromptSchema,
  checkinPromptSchema,
]);

export const PROMPT_KINDS = ['ynm', 'single', 'multiple', 'scale', 'ranking', 'text', 'checkin'] as const;

export type RevealPolicy = z.infer<typeof revealPolicySchema>;

// Lists and choices default to mutual-only, scales, rankings and check-ins to side-by-side, and open
// text to private.
export function revealPolicyOf(prompt: { kind: (typeof PROMPT_KINDS)[number]; reveal?: RevealPolicy }): RevealPolicy {
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

export const deckSchema = z.object({
  id: slugSchema,
  title: z.string().min(1).max(200),
  language: z.string().min(2).max(16),
  description: z.string().max(1000).optional(),
  contentNote: z.string().max(1000).optional(),
  prompts: z
    .array(promptSchema)
    .min(1)
    .max(200)
    .refine((ps) => new Set(ps.map((p) => p.id)).size === ps.length, 'prompt ids must be unique'),
});

export const deckSummarySchema = deckSchema
  .pick({ id: true, title: true, language: true, description: true, contentNote: true })
  .extend({ promptCount: z.number().int(), builtIn: z.boolean() });

// The file format for exporting and importing decks. Bump the version on an incompatible change.
export const DECK_FORMAT = 'candor-deck';
export const DECK_FORMAT_VERSION = 1;
export const deckFileSchema = z
  .object({
    format: z.literal(DECK_FORMAT),
    version: z.literal(DECK_FORMAT_VERSION),
    deck: deckSchema,
  })
  .strict();

// What a facilitator sends to create or replace one of their own decks (the server assigns the id).
export const deckInputSchema = deckSchema.omit({ id: true });
export const createDeckSchema = z.union([
  z.object({ copyOf: slugSchema }).strict(),
  z.object({ deck: deckInputSchema }).strict(),
]);

export type YnmItem = z.infer<typeof ynmItemSchema>;
export type ChoiceOption = z.infer<typeof choiceOptionSchema>;
export type YnmPrompt = z.infer<typeof ynmPromptSchema>;
export type SingleChoicePrompt = z.infer<typeof singleChoicePromptSchema>;
export type MultipleChoicePrompt = z.infer<typeof multipleChoicePromptSchema>;
export type ScalePrompt = z.infer<typeof scalePromptSchema>;
export type RankingPrompt = z.infer<typeof rankingPromptSchema>;
export type TextPrompt = z.infer<typeof textPromptSchema>;
export type CheckinPrompt = z.infer<typeof checkinPromptSchema>;
export type Prompt = z.infer<typeof promptSchema>;
export type PromptKind = Prompt['kind'];
export type Deck = z.infer<typeof deckSchema>;
export type DeckSummary = z.infer<typeof deckSummarySchema>;
export type DeckFile = z.infer<typeof deckFileSchema>;
export type DeckInput = z.infer<typeof deckInputSchema>;
export type CreateDeck = z.infer<typeof createDeckSchema>;
