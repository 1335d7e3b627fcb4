import { z } from 'zod';
import { slugSchema, uuidSchema } from './common.js';

export const YNM_CHOICES = ['yes', 'maybe', 'no', 'pass'] as const;
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

export const answerValueSchema = z.discriminatedUnion('kind', [
  passAnswerSchema,
  ynmAnswerSchema,
  singleChoiceAnswerSchema,
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

export type YnmChoice = z.infer<typeof ynmChoiceSchema>;
export type AnswerValue = z.infer<typeof answerValueSchema>;
export type YnmAnswer = z.infer<typeof ynmAnswerSchema>;
export type SingleChoiceAnswer = z.infer<typeof singleChoiceAnswerSchema>;
export type AnswerSubmit = z.infer<typeof answerSubmitSchema>;
export type AnswerReceipt = z.infer<typeof answerReceiptSchema>;
