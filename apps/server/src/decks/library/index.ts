import { deckSchema, type Deck } from '@candor/shared';
import { aftercarePreferences } from './aftercare-preferences.js';
import { communicationStyles } from './communication-styles.js';
import { consentAndBoundaries } from './consent-and-boundaries.js';
import { consentMythsAndFacts } from './consent-myths-and-facts.js';
import { workshopCheckIn } from './workshop-check-in.js';

// The built-in decks, checked against the deck schema when the server loads them.
export const BUILT_IN_DECKS: readonly Deck[] = [
  consentAndBoundaries,
  aftercarePreferences,
  communicationStyles,
  workshopCheckIn,
  consentMythsAndFacts,
].map((deck) => deckSchema.parse(deck));
