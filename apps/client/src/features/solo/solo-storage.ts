import type { Deck } from '@candor/shared';
import { readAnswers, readDeck } from './deck-reader';
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

// Kept records are checked with the deck schema, which loads on first use: hence a promise.
export async function readKept(deckId: string): Promise<KeptSolo | null> {
  try {
    return await parseKept(window.localStorage.getItem(PREFIX + deckId));
  } catch {
    return null;
  }
}

export async function listKept(): Promise<KeptSolo[]> {
  const kept: KeptSolo[] = [];
  try {
    const raws: (string | null)[] = [];
    for (let i = 0; i < window.localStorage.length; i += 1) {
      const key = window.localStorage.key(i);
      if (key?.startsWith(PREFIX)) raws.push(window.localStorage.getItem(key));
    }
    for (const raw of raws) {
      const record = await parseKept(raw);
      if (record) kept.push(record);
    }
  } catch {
    // No storage: nothing kept.
  }
  return kept.sort((a, b) => a.deck.title.localeCompare(b.deck.title));
}

async function parseKept(raw: string | null): Promise<KeptSolo | null> {
  if (!raw) return null;
  let record: unknown;
  try {
    record = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!record || typeof record !== 'object') return null;
  const { format, deck, answers } = record as { format?: unknown; deck?: unknown; answers?: unknown };
  if (format !== FORMAT || !answers || typeof answers !== 'object') return null;
  const parsedDeck = await readDeck(deck);
  if (!parsedDeck) return null;
  return { deck: parsedDeck, answers: await readAnswers(answers as Record<string, unknown>) };
}
