import { z } from 'zod';
import { JOIN_CODE_PATTERN, K_MAX, K_MIN, SLUG_MAX_LENGTH, SLUG_PATTERN } from '../rules.js';

// Ids inside a deck (prompts, items, options) are short slugs chosen by the deck author.
export const slugSchema = z
  .string()
  .min(1)
  .max(SLUG_MAX_LENGTH)
  .regex(SLUG_PATTERN, 'use lowercase letters, digits and dashes');

export const uuidSchema = z.uuid();

export const joinCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(JOIN_CODE_PATTERN, 'a join code is 6 letters or digits');

export const kThresholdSchema = z.number().int().min(K_MIN).max(K_MAX);

// The empty payload of commands that need no arguments; unknown keys are refused.
export const emptyPayloadSchema = z.object({}).strict();
