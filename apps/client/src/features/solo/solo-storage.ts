import type { AnswerValue, Deck } from '@candor/shared';
import { readAnswer, readDeck } from './deck-reader';
import type { SoloAnswers } from './solo-summary';

// Solo answers live in memory. Only when the person asks are they kept on this device (localStorage),
// with the deck they belong to, until the person forgets them. Nothing here is ever sent anywhere.
const PREFIX = 'candor:solo:';
const FORMAT = 'candor-solo-kept';

export type KeptSolo = { deck: Deck; answers: SoloAnswers };

export function keepOnDevice(deck: Deck, answers: SoloAnswers): boolean {
  try {
    window.localStorage.setItem(PREFIX + deck.id, JSON.stringify({ format: FORMAT, version: 1, deck, answers }));
    return true;
  } catch {
    // Storage is off or full (some private modes): the person is told it was not kept.
    return false;
  }
}

export function forgetOnDevice(deckId: string): void {
  try {
    window.localStorage.removeItem(PREFIX + deckId);
  } catch {
    // Nothing stored, nothing to forget.
  }
}

export function readKept(deckId: string): KeptSolo | null {
  try {
    return parseKept(window.localStorage.getItem(PREFIX + deckId));
  } catch {
    return null;
  }
}

export function listKept(): KeptSolo[] {
  const kept: KeptSolo[] = [];
  try {
    for (let i = 0; i < window.localStorage.length; i += 1) {
      const key = window.localStorage.key(i);
      if (!key?.startsWith(PREFIX)) continue;
      const record = parseKept(window.localStorage.getItem(key));
      if (record) kept.push(record);
    }
  } catch {
    // No storage: nothing kept.
  }
  return kept.sort((a, b) => a.deck.title.localeCompare(b.deck.title));
}

function parseKept(raw: string | null): KeptSolo | null {
  if (!raw) return null;
  let record: unknown;
  try {
    record = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!record || typeof record !== 'object') return null;
  const { format, deck, answers } = record as { format?: unknown; deck?: unknown; answers?: unknown };
  const parsedDeck = readDeck(deck);
  if (format !== FORMAT || !parsedDeck || !answers || typeof answers !== 'object') return null;
  const valid: Record<string, AnswerValue> = {};
  for (const [promptId, value] of Object.entries(answers as Record<string, unknown>)) {
    const answer = readAnswer(value);
    if (answer) valid[promptId] = answer;
  }
  return { deck: parsedDeck, answers: valid };
}
