import { deckSchema, type Deck } from '@candor/shared';
import { aftercarePreferences } from './aftercare-preferences.js';
import { communicationStyles } from './communication-styles.js';
import { consentAndBoundaries } from './consent-and-boundaries.js';
import { consentMythsAndFacts } from './consent-myths-and-facts.js';
import { aftercarePreferencesDe } from './de/aftercare-preferences.js';
import { communicationStylesDe } from './de/communication-styles.js';
import { consentAndBoundariesDe } from './de/consent-and-boundaries.js';
import { consentMythsAndFactsDe } from './de/consent-myths-and-facts.js';
import { workshopCheckInDe } from './de/workshop-check-in.js';
import { withTranslation } from './translation.js';
import { workshopCheckIn } from './workshop-check-in.js';

// The built-in decks with their German merged in, checked against the deck schema when the server
// loads them.
export const BUILT_IN_DECKS: readonly Deck[] = [
  withTranslation(consentAndBoundaries, 'de', consentAndBoundariesDe),
  withTranslation(aftercarePreferences, 'de', aftercarePreferencesDe),
  withTranslation(communicationStyles, 'de', communicationStylesDe),
  withTranslation(workshopCheckIn, 'de', workshopCheckInDe),
  withTranslation(consentMythsAndFacts, 'de', consentMythsAndFactsDe),
].map((deck) => deckSchema.parse(deck));
