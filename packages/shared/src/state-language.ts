import type { SessionState } from './schemas/session.js';

// The languages a state carries deck text in, besides the deck's own.
export function stateLanguages(state: SessionState): string[] {
  return [...new Set([...Object.keys(state.translations ?? {}), ...Object.keys(state.prompt?.translations ?? {})])];
}

// A state with the deck's translations cut to one language (or to none, for null): what a participant's
// phone needs. Facilitators and screens, whose pages may switch language at any time, get them all.
export function stateInLanguage(state: SessionState, language: string | null | undefined): SessionState {
  const keep = <T>(all: Record<string, T> | undefined): Record<string, T> | undefined =>
    language && all?.[language] !== undefined ? { [language]: all[language] } : undefined;
  const { translations, prompt, ...rest } = state;
  const kept = keep(translations);
  let narrowed: SessionState['prompt'] = prompt;
  if (prompt) {
    const { translations: promptTranslations, ...promptRest } = prompt;
    const keptPrompt = keep(promptTranslations);
    narrowed = (keptPrompt ? { ...promptRest, translations: keptPrompt } : promptRest);
  }
  return { ...rest, ...(kept ? { translations: kept } : {}), prompt: narrowed };
}
