import type { z } from 'zod';
import { AppError } from './app-error.js';

// Parses untrusted input with a shared schema; anything off is an INVALID_PAYLOAD listing what is wrong.
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.slice(0, 20).map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`);
  throw new AppError('INVALID_PAYLOAD', 'The request is not valid.', issues);
}
