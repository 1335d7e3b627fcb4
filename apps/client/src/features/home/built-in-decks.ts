// The built-in decks a couple can start on their own (POST /api/join/couple takes a built-in deck's id).
// Listing decks needs a facilitator login, so the ids and titles live here; they follow the server's
// library (apps/server/src/decks/library), and a wrong id is refused with DECK_NOT_FOUND.
export type CoupleDeck = { id: string; title: string; about: string };

export const COUPLE_DECKS: readonly CoupleDeck[] = [
  {
    id: 'consent-and-boundaries',
    title: 'Consent and boundaries',
    about: 'A yes / maybe / no list about asking, touch, pace and care, then how you like to be asked.',
  },
  {
    id: 'aftercare-preferences',
    title: 'Aftercare preferences',
    about: 'What helps each of you feel settled after closeness: physical, emotional, practical and on your own.',
  },
  {
    id: 'communication-styles',
    title: 'Communication styles and needs',
    about: 'How each of you likes to talk about wishes and limits: when, in what form, and what makes it easier.',
  },
];
