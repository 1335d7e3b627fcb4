import type { AnswerValue, Deck } from '@candor/shared';

// Solo mode judges a deck file as the server judges an import, with the shared deckFileSchema. The schemas
// load on first use, in a chunk of their own (deck-schema.ts).
const schemas = () => import('./deck-schema');

// { format: 'candor-deck', version: 1, deck }, as an export writes it.
export async function readDeckFile(value: unknown): Promise<Deck | null> {
  const { deckFileSchema } = await schemas();
  const parsed = deckFileSchema.safeParse(value);
  return parsed.success ? parsed.data.deck : null;
}

// A deck this page kept on the device.
export async function readDeck(value: unknown): Promise<Deck | null> {
  const { deckSchema } = await schemas();
  const parsed = deckSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

// Answers this page kept, by prompt id: each one the answer schema accepts; the others are left out.
export async function readAnswers(value: Record<string, unknown>): Promise<Record<string, AnswerValue>> {
  const { answerValueSchema } = await schemas();
  const answers: Record<string, AnswerValue> = {};
  for (const [promptId, answer] of Object.entries(value)) {
    const parsed = answerValueSchema.safeParse(answer);
    if (parsed.success) answers[promptId] = parsed.data;
  }
  return answers;
}
