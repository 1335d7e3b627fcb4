import { z } from 'zod';
import {
  CHECKIN_MOMENTS,
  DECK_FORMAT,
  DECK_FORMAT_VERSION,
  DECK_LIST_LENGTH,
  DECK_TEXT_MAX,
  LANGUAGE_TAG_LENGTH,
  LANGUAGE_TAG_PATTERN,
  REVEAL_POLICIES,
  SCALE_BOUNDS,
  TEXT_LENGTH,
  TRANSLATION_SOURCE_PATTERN,
} from '../rules.js';
import { slugSchema } from './common.js';

// How a couple's answers to one prompt are compared: see REVEAL_POLICIES.
export const revealPolicySchema = z.enum(REVEAL_POLICIES);

export const languageTagSchema = z
  .string()
  .min(LANGUAGE_TAG_LENGTH.min)
  .max(LANGUAGE_TAG_LENGTH.max)
  .regex(LANGUAGE_TAG_PATTERN, 'use a language tag like "de" or "pt-BR"');

// Which original a translation was written for: translationFingerprint of the texts it translates.
export const translationSourceSchema = z
  .string()
  .regex(TRANSLATION_SOURCE_PATTERN, 'a translation\'s source is the fingerprint of its original: 14 hexadecimal digits, as the deck editor makes it');

// One prompt in another language. Each field is optional: a client shows the deck's own text wherever
// a translation is missing. `labels` are the prompt's items, options or levels by id; `categories` are
// a yes/maybe/no list's category headings, keyed by the heading as the deck writes it.
export const promptTranslationSchema = z
  .object({
    source: translationSourceSchema.optional(),
    title: z.string().min(1).max(DECK_TEXT_MAX.promptTitle).optional(),
    body: z.string().max(DECK_TEXT_MAX.promptBody).optional(),
    contentNote: z.string().max(DECK_TEXT_MAX.promptContentNote).optional(),
    minLabel: z.string().min(1).max(DECK_TEXT_MAX.scaleLabel).optional(),
    maxLabel: z.string().min(1).max(DECK_TEXT_MAX.scaleLabel).optional(),
    labels: z.record(slugSchema, z.string().min(1).max(DECK_TEXT_MAX.label)).optional(),
    categories: z.record(z.string().min(1).max(DECK_TEXT_MAX.category), z.string().min(1).max(DECK_TEXT_MAX.category)).optional(),
  })
  .strict();

const promptBase = {
  id: slugSchema,
  title: z.string().min(1).max(DECK_TEXT_MAX.promptTitle),
  body: z.string().max(DECK_TEXT_MAX.promptBody).optional(),
  // Shown to participants before the prompt opens.
  contentNote: z.string().max(DECK_TEXT_MAX.promptContentNote).optional(),
  // Couple mode; when absent, the default for the kind (see revealPolicyOf).
  reveal: revealPolicySchema.optional(),
  // The prompt in other languages, by language tag.
  translations: z.record(languageTagSchema, promptTranslationSchema).optional(),
};

export const ynmItemSchema = z.object({
  id: slugSchema,
  label: z.string().min(1).max(DECK_TEXT_MAX.label),
  category: z.string().min(1).max(DECK_TEXT_MAX.category).optional(),
});

export const choiceOptionSchema = z.object({
  id: slugSchema,
  label: z.string().min(1).max(DECK_TEXT_MAX.label),
});

// Yes / maybe / no inventory: many items in one prompt, each answered on its own.
export const ynmPromptSchema = z.object({
  ...promptBase,
  kind: z.literal('ynm'),
  items: z
    .array(ynmItemSchema)
    .min(DECK_LIST_LENGTH.ynmItems.min)
    .max(DECK_LIST_LENGTH.ynmItems.max)
    .refine((items) => new Set(items.map((i) => i.id)).size === items.length, 'item ids must be unique'),
});

export const singleChoicePromptSchema = z.object({
  ...promptBase,
  kind: z.literal('single'),
  options: z
    .array(choiceOptionSchema)
    .min(DECK_LIST_LENGTH.choiceOptions.min)
    .max(DECK_LIST_LENGTH.choiceOptions.max)
    .refine((opts) => new Set(opts.map((o) => o.id)).size === opts.length, 'option ids must be unique'),
});

const uniqueOptions = (opts: { id: string }[]) => new Set(opts.map((o) => o.id)).size === opts.length;

export const multipleChoicePromptSchema = z
  .object({
    ...promptBase,
    kind: z.literal('multiple'),
    options: z
      .array(choiceOptionSchema)
      .min(DECK_LIST_LENGTH.choiceOptions.min)
      .max(DECK_LIST_LENGTH.choiceOptions.max)
      .refine(uniqueOptions, 'option ids must be unique'),
    // How many options one person may pick.
    maxPicks: z.number().int().min(1).max(DECK_LIST_LENGTH.choiceOptions.max),
  })
  .refine((p) => p.maxPicks <= p.options.length, { message: 'maxPicks cannot exceed the number of options', path: ['maxPicks'] });

export const scalePromptSchema = z
  .object({
    ...promptBase,
    kind: z.literal('scale'),
    min: z.number().int().min(SCALE_BOUNDS.lowest).max(SCALE_BOUNDS.highest),
    max: z.number().int().min(SCALE_BOUNDS.lowest).max(SCALE_BOUNDS.highest),
    minLabel: z.string().min(1).max(DECK_TEXT_MAX.scaleLabel),
    maxLabel: z.string().min(1).max(DECK_TEXT_MAX.scaleLabel),
  })
  .refine((p) => p.max > p.min && p.max - p.min <= SCALE_BOUNDS.maxSpan, { message: 'a scale spans 2 to 11 values (e.g. 1–5 or 0–10)', path: ['max'] });

export const rankingPromptSchema = z.object({
  ...promptBase,
  kind: z.literal('ranking'),
  options: z
    .array(choiceOptionSchema)
    .min(DECK_LIST_LENGTH.rankingOptions.min)
    .max(DECK_LIST_LENGTH.rankingOptions.max)
    .refine(uniqueOptions, 'option ids must be unique'),
});

export const textPromptSchema = z.object({
  ...promptBase,
  kind: z.literal('text'),
  maxLength: z.number().int().min(TEXT_LENGTH.min).max(TEXT_LENGTH.max).default(TEXT_LENGTH.default),
});

// A mood or energy level, asked at the start and again at the end of a session.
export const checkinPromptSchema = z.object({
  ...promptBase,
  kind: z.literal('checkin'),
  moment: z.enum(CHECKIN_MOMENTS),
  // From low to high, e.g. drained … energised.
  levels: z
    .array(choiceOptionSchema)
    .min(DECK_LIST_LENGTH.checkinLevels.min)
    .max(DECK_LIST_LENGTH.checkinLevels.max)
    .refine(uniqueOptions, 'level ids must be unique'),
});

// A translation may only name what the prompt has: its own item, option or level ids, the categories
// of its items, and scale labels on a scale.
function checkTranslations(
  prompt: {
    kind: string;
    translations?: Record<string, PromptTranslation>;
    items?: { id: string; category?: string }[];
    options?: { id: string }[];
    levels?: { id: string }[];
  },
  ctx: z.RefinementCtx,
): void {
  if (!prompt.translations) return;
  const entries = prompt.items ?? prompt.options ?? prompt.levels;
  const noun = prompt.items ? 'item' : prompt.options ? 'option' : 'level';
  const ids = new Set(entries?.map((e) => e.id));
  const categories = new Set(prompt.items?.flatMap((i) => (i.category ? [i.category] : [])));
  for (const [language, translation] of Object.entries(prompt.translations)) {
    const at = (...path: string[]) => ['translations', language, ...path];
    for (const id of Object.keys(translation.labels ?? {})) {
      if (!entries) ctx.addIssue({ code: 'custom', path: at('labels'), message: `a ${prompt.kind} prompt has no labels to translate` });
      else if (!ids.has(id)) ctx.addIssue({ code: 'custom', path: at('labels', id), message: `this prompt has no ${noun} with the id "${id}"` });
    }
    for (const category of Object.keys(translation.categories ?? {})) {
      if (!categories.has(category)) {
        ctx.addIssue({ code: 'custom', path: at('categories', category), message: `no item of this prompt has the category "${category}"` });
      }
    }
    for (const field of ['minLabel', 'maxLabel'] as const) {
      if (translation[field] !== undefined && prompt.kind !== 'scale') {
        ctx.addIssue({ code: 'custom', path: at(field), message: `only a scale has ${field}` });
      }
    }
  }
}

export const promptSchema = z
  .discriminatedUnion('kind', [
    ynmPromptSchema,
    singleChoicePromptSchema,
    multipleChoicePromptSchema,
    scalePromptSchema,
    rankingPromptSchema,
    textPromptSchema,
    checkinPromptSchema,
  ])
  .superRefine(checkTranslations);

// The deck's own texts in another language. Prompts carry their translations themselves.
export const deckTranslationSchema = z
  .object({
    source: translationSourceSchema.optional(),
    title: z.string().min(1).max(DECK_TEXT_MAX.deckTitle).optional(),
    description: z.string().max(DECK_TEXT_MAX.deckDescription).optional(),
    contentNote: z.string().max(DECK_TEXT_MAX.deckContentNote).optional(),
  })
  .strict();

export const deckSchema = z.object({
  id: slugSchema,
  title: z.string().min(1).max(DECK_TEXT_MAX.deckTitle),
  language: z.string().min(LANGUAGE_TAG_LENGTH.min).max(LANGUAGE_TAG_LENGTH.max),
  description: z.string().max(DECK_TEXT_MAX.deckDescription).optional(),
  contentNote: z.string().max(DECK_TEXT_MAX.deckContentNote).optional(),
  // By language tag; a client in that language shows these, and the deck's own text where one is missing.
  translations: z.record(languageTagSchema, deckTranslationSchema).optional(),
  prompts: z
    .array(promptSchema)
    .min(DECK_LIST_LENGTH.prompts.min)
    .max(DECK_LIST_LENGTH.prompts.max)
    .refine((ps) => new Set(ps.map((p) => p.id)).size === ps.length, 'prompt ids must be unique'),
});

export const deckSummarySchema = deckSchema
  .pick({ id: true, title: true, language: true, description: true, contentNote: true, translations: true })
  // `shared`: a deck another account gave this one access to, with that role (schemas/access.ts).
  .extend({ promptCount: z.number().int(), builtIn: z.boolean(), shared: z.enum(['co-run', 'view']).optional() });

// The file format for exporting and importing decks (see DECK_FORMAT_VERSION).
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
export type PromptTranslation = z.infer<typeof promptTranslationSchema>;
export type DeckTranslation = z.infer<typeof deckTranslationSchema>;
export type Deck = z.infer<typeof deckSchema>;
export type DeckSummary = z.infer<typeof deckSummarySchema>;
export type DeckFile = z.infer<typeof deckFileSchema>;
export type DeckInput = z.infer<typeof deckInputSchema>;
export type CreateDeck = z.infer<typeof createDeckSchema>;
