import type { Deck, DeckTranslation } from '@candor/shared';
import { SLUG_PATTERN } from '@candor/shared/rules';
import { readDeckFile } from './deck-reader';

// Solo mode reads the built-in decks as static files (written at build time by scripts/export-decks.mjs),
// so that it needs no login and talks to no API.
export type SoloDeckListing = {
  id: string;
  title: string;
  description?: string;
  contentNote?: string;
  // The title, description and content note in other languages, by language tag.
  translations?: Record<string, DeckTranslation>;
  promptCount: number;
};

// Why a deck could not be loaded; the page puts it in words (solo errors.<reason>).
export type SoloDeckProblem = 'index' | 'missing' | 'network';

export class SoloDeckError extends Error {
  constructor(readonly reason: SoloDeckProblem) {
    super(`Solo deck not loaded: ${reason}`);
    this.name = 'SoloDeckError';
  }
}

export async function loadSoloIndex(): Promise<SoloDeckListing[]> {
  const body = await fetchJson('/decks/index.json');
  const decks = (body as { decks?: unknown } | null)?.decks;
  if (!Array.isArray(decks)) throw new SoloDeckError('index');
  return decks as SoloDeckListing[];
}

export async function loadSoloDeck(deckId: string): Promise<Deck> {
  if (!SLUG_PATTERN.test(deckId)) throw new SoloDeckError('missing');
  const deck = await checkDeckFile(await fetchJson(`/decks/${deckId}.json`));
  if (!deck) throw new SoloDeckError('missing');
  return deck;
}

// A deck file chosen from this device (a Candor deck export). It is read here and never uploaded.
export async function parseDeckFile(text: string): Promise<{ deck: Deck } | { error: 'notJson' | 'notDeck' | 'network' }> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { error: 'notJson' };
  }
  let deck: Deck | null;
  try {
    deck = await checkDeckFile(json);
  } catch {
    return { error: 'network' };
  }
  if (!deck) return { error: 'notDeck' };
  return { deck };
}

// The schema comes in its own chunk; a connection that drops before it arrives is a network problem.
async function checkDeckFile(json: unknown): Promise<Deck | null> {
  try {
    return await readDeckFile(json);
  } catch {
    throw new SoloDeckError('network');
  }
}

async function fetchJson(path: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { Accept: 'application/json' } });
  } catch {
    throw new SoloDeckError('network');
  }
  // An unknown path answers with the app's own page, not JSON.
  const type = response.headers.get('Content-Type') ?? '';
  if (!response.ok || !type.includes('json')) throw new SoloDeckError('missing');
  return response.json();
}
