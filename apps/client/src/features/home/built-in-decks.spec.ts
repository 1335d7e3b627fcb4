import { describe, expect, it } from 'vitest';
import { BUILT_IN_DECKS } from '../../../../server/src/decks/library/index';
import { COUPLE_DECKS } from './built-in-decks';

// The home page cannot list decks without a login, so it names the couple decks itself.
describe('the couple decks on the home page', () => {
  it('are built-in decks, with the titles and translated titles of the server library', () => {
    for (const deck of COUPLE_DECKS) {
      const library = BUILT_IN_DECKS.find((d) => d.id === deck.id);
      expect(library, deck.id).toBeDefined();
      expect(deck.title).toBe(library?.title);
      expect(deck.translations).toEqual(
        Object.fromEntries(Object.entries(library?.translations ?? {}).map(([language, texts]) => [language, { title: texts.title }])),
      );
    }
  });
});
