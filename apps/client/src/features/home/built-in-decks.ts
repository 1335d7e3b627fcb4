// The built-in decks a couple can start on their own (POST /api/join/couple takes a built-in deck's id).
// Listing decks needs a facilitator login, so the ids and titles live here; they follow the server's
// library (apps/server/src/decks/library), and a wrong id is refused with DECK_NOT_FOUND. What each deck is
// about is text of the home namespace (couple.deckAbout.<id>).
export type CoupleDeckId = 'consent-and-boundaries' | 'aftercare-preferences' | 'communication-styles';
// `translations` as on a deck summary: the title in other languages (built-in-decks.spec.ts holds both
// to the server's library).
export type CoupleDeck = { id: CoupleDeckId; title: string; translations: Record<string, { title: string }> };

export const COUPLE_DECKS: readonly CoupleDeck[] = [
  {
    id: 'consent-and-boundaries',
    title: 'Consent and boundaries',
    translations: { de: { title: 'Konsens und Grenzen' } },
  },
  {
    id: 'aftercare-preferences',
    title: 'Aftercare preferences',
    translations: { de: { title: 'Aftercare-Vorlieben' } },
  },
  {
    id: 'communication-styles',
    title: 'Communication styles and needs',
    translations: { de: { title: 'Kommunikation: Stile und Bedürfnisse' } },
  },
];
