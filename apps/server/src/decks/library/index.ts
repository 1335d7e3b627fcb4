import { deckSchema, type Deck } from '@candor/shared';
import { consentAndBoundaries } from './consent-and-boundaries.js';

// The built-in decks, checked against the deck schema when the server loads them.
export const BUILT_IN_DECKS: readonly Deck[] = [consentAndBoundaries].map((deck) => deckSchema.parse(deck));
