import { z } from 'zod';
import { DECK_LIST_LENGTH, isBlindPrompt } from '../rules.js';
import { slugSchema } from './common.js';
import type { Deck, YnmPrompt } from './deck.js';

// The blind couple reveal's messages as the server relays them (the protocol: ../blind.ts). The server checks
// their shape only: it can read nothing in them.
const pointSchema = z.string().regex(/^[0-9a-f]{64}$/, 'a point: 64 lower-case hex characters');
// A yes/no/maybe prompt of n items has 2n slots (blind.ts, ynmSlots); the server checks the exact count.
const pointsSchema = z.array(pointSchema).min(2).max(2 * DECK_LIST_LENGTH.ynmItems.max);

export const BLIND_STEPS = ['commit', 'offer', 'reply'] as const;
export type BlindStep = (typeof BLIND_STEPS)[number];

export const blindSendSchema = z.discriminatedUnion('step', [
  z.object({ promptId: slugSchema, step: z.literal('commit'), commitment: pointSchema }).strict(),
  z.object({ promptId: slugSchema, step: z.literal('offer'), key: pointSchema, points: pointsSchema }).strict(),
  z.object({ promptId: slugSchema, step: z.literal('reply'), points: pointsSchema, mac: pointSchema }).strict(),
]);
export type BlindSend = z.infer<typeof blindSendSchema>;

export const blindSyncSchema = z.object({ promptId: slugSchema }).strict();
export type BlindSync = z.infer<typeof blindSyncSchema>;

// What a phone gets back on sync: its partner's messages so far, and which of its own the server holds
// (a phone that lost its secrets, say by a reload, starts again with blind:restart).
export type BlindMessages = { promptId: string; partner: BlindSend[]; mine: BlindStep[] };

// Both phones send the reveal they computed when the couple chooses to show it to their therapist; it is
// shown once both sent the same one.
export const blindShowSchema = z
  .object({
    promptId: slugSchema,
    matches: z.array(slugSchema).max(DECK_LIST_LENGTH.ynmItems.max),
    explore: z.array(slugSchema).max(DECK_LIST_LENGTH.ynmItems.max),
  })
  .strict();
export type BlindShow = z.infer<typeof blindShowSchema>;

// A session's prompt that its phones compare blind (isBlindPrompt), or null.
export function blindPromptOf(deck: Deck, promptId: string): YnmPrompt | null {
  const prompt = deck.prompts.find((p) => p.id === promptId);
  return prompt?.kind === 'ynm' && isBlindPrompt(prompt) ? prompt : null;
}
