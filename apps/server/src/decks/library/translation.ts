import {
  deckSourceTexts,
  promptSourceTexts,
  translationFingerprint,
  type Deck,
  type DeckTranslation,
  type PromptTranslation,
} from '@candor/shared';

// A deck's texts in one language, kept apart from the deck so that the original stays readable: the
// deck's own title, description and content note, and each prompt's texts by prompt id.
export type DeckText = DeckTranslation & { title: string; prompts: Record<string, PromptTranslation & { title: string }> };

// The deck with `text` merged in as `translations[language]`, on the deck and on each prompt. A prompt id
// the deck does not have is a mistake in the library, so it throws (the schema then checks label ids).
// The library's German is written for the library's English, so each translation is stamped with the
// fingerprint of the original as it loads: the editor shows a copy's German as up to date.
export function withTranslation(deck: Deck, language: string, text: DeckText): Deck {
  const { prompts, ...deckText } = text;
  const unknown = Object.keys(prompts).filter((id) => !deck.prompts.some((p) => p.id === id));
  if (unknown.length > 0) throw new Error(`${deck.id}: the ${language} text names prompts the deck does not have: ${unknown.join(', ')}`);
  return {
    ...deck,
    translations: { ...deck.translations, [language]: { source: translationFingerprint(deckSourceTexts(deck)), ...deckText } },
    prompts: deck.prompts.map((prompt) => {
      const promptText = prompts[prompt.id];
      if (!promptText) return prompt;
      const source = translationFingerprint(promptSourceTexts(prompt));
      return { ...prompt, translations: { ...prompt.translations, [language]: { source, ...promptText } } };
    }),
  };
}
