import { z } from 'zod';
import { CHECKIN_MOMENTS } from '../rules.js';
import { answerValueSchema } from './answer.js';
import { slugSchema } from './common.js';
import { revealPolicySchema } from './deck.js';

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

// Shares are of the participants who answered (for multiple choice they may add up to more than 1).
export const multipleChoiceResultSchema = z.object({
  kind: z.literal('multiple'),
  options: z.array(
    z.object({ id: slugSchema, label: z.string(), count: z.number().int(), share: z.number() }),
  ),
});

export const scaleResultSchema = z.object({
  kind: z.literal('scale'),
  histogram: z.array(z.object({ value: z.number().int(), count: z.number().int() })),
  median: z.number(),
  mean: z.number(),
  // The population standard deviation.
  spread: z.number(),
  min: z.number().int(),
  max: z.number().int(),
  minLabel: z.string(),
  maxLabel: z.string(),
});

export const rankingResultSchema = z.object({
  kind: z.literal('ranking'),
  // Sorted by Borda score, highest first. With n options, first place earns n − 1 points, last 0.
  options: z.array(
    z.object({ id: slugSchema, label: z.string(), borda: z.number().int(), averageRank: z.number() }),
  ),
});

export const textResultSchema = z.object({
  kind: z.literal('text'),
  // Approved answers only, in shuffled order, never with an author.
  texts: z.array(z.string()),
  // Most frequent words of the approved answers, common stop words left out.
  words: z.array(z.object({ word: z.string(), count: z.number().int() })),
});

export const checkinLevelsSchema = z.object({
  promptId: slugSchema,
  levels: z.array(z.object({ id: slugSchema, label: z.string(), count: z.number().int(), share: z.number() })),
  // Average level, 1 = the lowest.
  mean: z.number(),
  respondents: z.number().int(),
});

export const checkinResultSchema = checkinLevelsSchema.omit({ promptId: true, respondents: true }).extend({
  kind: z.literal('checkin'),
  moment: z.enum(CHECKIN_MOMENTS),
  // For the end check-in: the start check-in of the same deck, when it had k answers.
  before: checkinLevelsSchema.nullable(),
});

const sharedThingSchema = z.object({ id: slugSchema, label: z.string(), category: z.string().optional() });

// A couple's reveal. It is a function of what both share only: the same for both partners and the
// facilitator, and unchanged by what one partner answered where it is not shared.
export const coupleResultSchema = z.object({
  kind: z.literal('couple'),
  policy: revealPolicySchema,
  // mutual-only: yes/no/maybe items both said yes to, or options both chose.
  matches: z.array(sharedThingSchema),
  // mutual-only yes/no/maybe: yes + maybe, or maybe + maybe.
  explore: z.array(sharedThingSchema),
  // mutual-only yes/no/maybe: how many items are not shared (never which partner said no).
  notShared: z.number().int().nullable(),
  // side-by-side only: both answers, in a fixed order that does not say whose is whose.
  answers: z.array(answerValueSchema).nullable(),
});

export const distributionSchema = z.discriminatedUnion('kind', [
  coupleResultSchema,
  ynmResultSchema,
  singleChoiceResultSchema,
  multipleChoiceResultSchema,
  scaleResultSchema,
  rankingResultSchema,
  textResultSchema,
  checkinResultSchema,
]);

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
export type MultipleChoiceResult = z.infer<typeof multipleChoiceResultSchema>;
export type ScaleResult = z.infer<typeof scaleResultSchema>;
export type RankingResult = z.infer<typeof rankingResultSchema>;
export type TextResult = z.infer<typeof textResultSchema>;
export type CheckinLevels = z.infer<typeof checkinLevelsSchema>;
export type CheckinResult = z.infer<typeof checkinResultSchema>;
export type CoupleResult = z.infer<typeof coupleResultSchema>;
export type Distribution = z.infer<typeof distributionSchema>;
export type PromptResult = z.infer<typeof promptResultSchema>;
