import type { FieldIssue } from '@candor/shared';
import type { z } from 'zod';
import { AppError } from './app-error.js';

const MAX_ISSUES = 20;

// Parses untrusted input with a shared schema; anything off is an INVALID_PAYLOAD listing what is wrong.
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const found = result.error.issues.slice(0, MAX_ISSUES);
  const issues = found.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`);
  throw new AppError('INVALID_PAYLOAD', 'The request is not valid.', issues, found.map(fieldIssueOf));
}

// What a client needs to say what is wrong in its own language; never the value that was sent.
export function fieldIssueOf(issue: z.core.$ZodIssue): FieldIssue {
  const field: FieldIssue = { path: issue.path.map(String).join('.'), code: issue.code };
  if (issue.code === 'too_small') return { ...field, origin: issue.origin, minimum: Number(issue.minimum) };
  if (issue.code === 'too_big') return { ...field, origin: issue.origin, maximum: Number(issue.maximum) };
  if (issue.code === 'invalid_format') return { ...field, format: issue.format };
  return field;
}
