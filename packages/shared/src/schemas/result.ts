import { z } from 'zod';
import { slugSchema } from './common.js';

// How a yes/no/maybe item reads for discussion.
export const YNM_GROUPS = ['consensus', 'split', 'most-maybe', 'mixed'] as const;

export const ynmItemResultSchema = z.object({
  id: slugSchema,
  label: z.string(),
  category: z.string().optional(),
  yes: z.number().int(),
  maybe: z.number().int(),
  no: z.number().int(),
  pass: z.number().int(),
  // yes + maybe + no; items below k are withheld (counts zeroed, withheld true).
  answered: z.number().int(),
  withheld: z.boolean(),
  group: z.enum(YNM_GROUPS).nullable(),
  // 4 · share(yes) · share(no): 0 when nobody disagrees, 1 when the group splits evenly.
  polarisation: z.number(),
});

export const ynmResultSchema = z.object({
  kind: z.literal('ynm'),
  items: z.array(ynmItemResultSchema),
  consensus: z.array(slugSchema),
  split: z.array(slugSchema),
  mostMaybe: z.array(slugSchema),
});

export const singleChoiceResultSchema = z.object({
  kind: z.literal('single'),
  options: z.array(
    z.object({ id: slugSchema, label: z.string(), count: z.number().int(), share: z.number() }),
  ),
});

export const distributionSchema = z.discriminatedUnion('kind', [ynmResultSchema, singleChoiceResultSchema]);

export const promptResultSchema = z.object({
  promptId: slugSchema,
  // Participants who gave a non-pass answer.
  respondents: z.number().int(),
  passed: z.number().int(),
  k: z.number().int(),
  // Null while fewer than k participants answered: then only the counts above are shown.
  distribution: distributionSchema.nullable(),
});

export type YnmItemResult = z.infer<typeof ynmItemResultSchema>;
export type YnmGroup = (typeof YNM_GROUPS)[number];
export type YnmResult = z.infer<typeof ynmResultSchema>;
export type SingleChoiceResult = z.infer<typeof singleChoiceResultSchema>;
export type Distribution = z.infer<typeof distributionSchema>;
export type PromptResult = z.infer<typeof promptResultSchema>;
