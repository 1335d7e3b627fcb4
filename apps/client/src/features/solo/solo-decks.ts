import type { Deck } from '@candor/shared';
import { readDeckFile } from './deck-reader';

// Solo mode reads the built-in decks as static files (written at build time by scripts/export-decks.mjs),
// so that it needs no login and talks to no API.
export type SoloDeckListing = { id: string; title: string; description?: string; contentNote?: string; promptCount: number };

export class SoloDeckError extends Error {}

export async function loadSoloIndex(): Promise<SoloDeckListing[]> {
  const body = await fetchJson('/decks/index.json');
  const decks = (body as { decks?: unknown } | null)?.decks;
  if (!Array.isArray(decks)) throw new SoloDeckError('The list of decks could not be read.');
  return decks as SoloDeckListing[];
}

export async function loadSoloDeck(deckId: string): Promise<Deck> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(deckId)) throw new SoloDeckError('There is no deck with this name.');
  const deck = readDeckFile(await fetchJson(`/decks/${deckId}.json`));
  if (!deck) throw new SoloDeckError('There is no deck with this name.');
  return deck;
}

// A deck file chosen from this device (a Candor deck export). It is read here and never uploaded.
export function parseDeckFile(text: string): { deck: Deck } | { error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { error: 'This file is not a Candor deck file (it is not JSON).' };
  }
  const deck = readDeckFile(json);
  if (!deck) return { error: 'This file is not a Candor deck file, or it is from a version this page cannot read.' };
  return { deck };
}

async function fetchJson(path: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { Accept: 'application/json' } });
  } catch {
    throw new SoloDeckError('Could not load the deck. Check your connection and try again.');
  }
  // An unknown path answers with the app's own page, not JSON.
  const type = response.headers.get('Content-Type') ?? '';
  if (!response.ok || !type.includes('json')) throw new SoloDeckError('There is no deck with this name.');
  return response.json();
}
