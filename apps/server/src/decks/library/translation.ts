import type { Deck, DeckTranslation, PromptTranslation } from '@candor/shared';

// A deck's texts in one language, kept apart from the deck so that the original stays readable: the
// deck's own title, description and content note, and each prompt's texts by prompt id.
export type DeckText = DeckTranslation & { title: string; prompts: Record<string, PromptTranslation & { title: string }> };

// The deck with `text` merged in as `translations[language]`, on the deck and on each prompt. A prompt id
// the deck does not have is a mistake in the library, so it throws (the schema then checks label ids).
export function withTranslation(deck: Deck, language: string, text: DeckText): Deck {
  const { prompts, ...deckText } = text;
  const unknown = Object.keys(prompts).filter((id) => !deck.prompts.some((p) => p.id === id));
  if (unknown.length > 0) throw new Error(`${deck.id}: the ${language} text names prompts the deck does not have: ${unknown.join(', ')}`);
  return {
    ...deck,
    translations: { ...deck.translations, [language]: deckText },
    prompts: deck.prompts.map((prompt) => {
      const promptText = prompts[prompt.id];
      return promptText ? { ...prompt, translations: { ...prompt.translations, [language]: promptText } } : prompt;
    }),
  };
}
