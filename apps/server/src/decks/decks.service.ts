import { Injectable } from '@nestjs/common';
import type { Deck, DeckSummary } from '@candor/shared';
import { AppError } from '../common/app-error.js';
import { BUILT_IN_DECKS } from './library/index.js';

@Injectable()
export class DecksService {
  list(): DeckSummary[] {
    return BUILT_IN_DECKS.map((d) => ({
      id: d.id,
      title: d.title,
      language: d.language,
      description: d.description,
      contentNote: d.contentNote,
      promptCount: d.prompts.length,
      builtIn: true,
    }));
  }

  get(deckId: string): Deck {
    const deck = BUILT_IN_DECKS.find((d) => d.id === deckId);
    if (!deck) throw new AppError('DECK_NOT_FOUND', 'There is no deck with this id.');
    return deck;
  }
}
