import { z } from 'zod';
import { slugSchema } from './common.js';

const promptBase = {
  id: slugSchema,
  title: z.string().min(1).max(300),
  body: z.string().max(2000).optional(),
  // Shown to participants before the prompt opens.
  contentNote: z.string().max(500).optional(),
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

export const promptSchema = z.discriminatedUnion('kind', [ynmPromptSchema, singleChoicePromptSchema]);

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

export type YnmItem = z.infer<typeof ynmItemSchema>;
export type ChoiceOption = z.infer<typeof choiceOptionSchema>;
export type YnmPrompt = z.infer<typeof ynmPromptSchema>;
export type SingleChoicePrompt = z.infer<typeof singleChoicePromptSchema>;
export type Prompt = z.infer<typeof promptSchema>;
export type PromptKind = Prompt['kind'];
export type Deck = z.infer<typeof deckSchema>;
export type DeckSummary = z.infer<typeof deckSummarySchema>;
