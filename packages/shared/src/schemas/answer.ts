import { z } from 'zod';
import { DECK_LIST_LENGTH, TEXT_MAX_LENGTH, YNM_CHOICES } from '../rules.js';
import { slugSchema, uuidSchema } from './common.js';

export const ynmChoiceSchema = z.enum(YNM_CHOICES);

// Passing a whole prompt is its own answer, counted apart from the distribution.
export const passAnswerSchema = z.object({ kind: z.literal('pass') }).strict();
export const ynmAnswerSchema = z
  .object({
    kind: z.literal('ynm'),
    items: z.record(slugSchema, ynmChoiceSchema),
  })
  .strict();
export const singleChoiceAnswerSchema = z
  .object({ kind: z.literal('single'), optionId: slugSchema })
  .strict();

export const multipleChoiceAnswerSchema = z
  .object({
    kind: z.literal('multiple'),
    optionIds: z
      .array(slugSchema)
      .min(1)
      .max(DECK_LIST_LENGTH.choiceOptions.max)
      .refine((ids) => new Set(ids).size === ids.length, 'pick each option once'),
  })
  .strict();
export const scaleAnswerSchema = z.object({ kind: z.literal('scale'), value: z.number().int() }).strict();
export const rankingAnswerSchema = z
  .object({
    kind: z.literal('ranking'),
    // Option ids, most preferred first; every option exactly once.
    order: z
      .array(slugSchema)
      .min(DECK_LIST_LENGTH.rankingOptions.min)
      .max(DECK_LIST_LENGTH.rankingOptions.max)
      .refine((ids) => new Set(ids).size === ids.length, 'rank each option once'),
  })
  .strict();
export const textAnswerSchema = z
  .object({ kind: z.literal('text'), text: z.string().trim().min(1).max(TEXT_MAX_LENGTH) })
  .strict();
export const checkinAnswerSchema = z.object({ kind: z.literal('checkin'), levelId: slugSchema }).strict();

export const answerValueSchema = z.discriminatedUnion('kind', [
  passAnswerSchema,
  ynmAnswerSchema,
  singleChoiceAnswerSchema,
  multipleChoiceAnswerSchema,
  scaleAnswerSchema,
  rankingAnswerSchema,
  textAnswerSchema,
  checkinAnswerSchema,
]);

export const answerSubmitSchema = z
  .object({
    promptId: slugSchema,
    // Made by the client; a resend with the same id is acknowledged and stored once.
    clientId: uuidSchema,
    value: answerValueSchema,
  })
  .strict();

export const answerReceiptSchema = z.object({
  promptId: slugSchema,
  clientId: uuidSchema,
  duplicate: z.boolean(),
});

export type AnswerValue = z.infer<typeof answerValueSchema>;
export type YnmAnswer = z.infer<typeof ynmAnswerSchema>;
export type SingleChoiceAnswer = z.infer<typeof singleChoiceAnswerSchema>;
export type MultipleChoiceAnswer = z.infer<typeof multipleChoiceAnswerSchema>;
export type ScaleAnswer = z.infer<typeof scaleAnswerSchema>;
export type RankingAnswer = z.infer<typeof rankingAnswerSchema>;
export type TextAnswer = z.infer<typeof textAnswerSchema>;
export type CheckinAnswer = z.infer<typeof checkinAnswerSchema>;
export type AnswerSubmit = z.infer<typeof answerSubmitSchema>;
export type AnswerReceipt = z.infer<typeof answerReceiptSchema>;
