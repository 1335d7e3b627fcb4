import { z } from 'zod';

// Ids inside a deck (prompts, items, options) are short slugs chosen by the deck author.
export const slugSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and dashes');

export const uuidSchema = z.uuid();

// Join codes avoid look-alike characters (0/O, 1/I/L) so they can be read off a projector.
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;
export const joinCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`), 'a join code is 6 letters or digits');

export const K_MIN = 3;
export const K_MAX = 20;
export const K_DEFAULT = 5;
export const kThresholdSchema = z.number().int().min(K_MIN).max(K_MAX);

// The empty payload of commands that need no arguments; unknown keys are refused.
export const emptyPayloadSchema = z.object({}).strict();
