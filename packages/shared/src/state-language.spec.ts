import { describe, expect, it } from 'vitest';
import type { SessionState } from './schemas/session.js';
import { stateInLanguage, stateLanguages } from './state-language.js';

const state = {
  id: '00000000-0000-4000-8000-000000000001',
  code: 'ABCDEF',
  title: 'Consent',
  translations: { de: { title: 'Konsens' }, fr: { title: 'Consentement' } },
  mode: 'group',
  k: 3,
  phase: 'open',
  promptIndex: 0,
  promptCount: 1,
  prompt: {
    id: 'p',
    kind: 'single',
    title: 'Pick one',
    options: [
      { id: 'a', label: 'A' },
      { id: 'b', label: 'B' },
    ],
    translations: { de: { title: 'Wähle eins', labels: { a: 'Ä' } }, es: { title: 'Elige uno' } },
  },
  participants: 3,
  answered: 1,
  finished: 0,
  result: null,
  paused: false,
  liveResults: false,
  livePhones: false,
  selfRun: false,
  blindReveal: false,
  version: 4,
  homework: null,
} as SessionState;

describe('stateInLanguage', () => {
  it('lists every language the deck text comes in', () => {
    expect(stateLanguages(state).sort()).toEqual(['de', 'es', 'fr']);
  });

  it('keeps only the one language, on the deck and on the prompt', () => {
    const de = stateInLanguage(state, 'de');
    expect(de.translations).toEqual({ de: { title: 'Konsens' } });
    expect(de.prompt?.translations).toEqual({ de: { title: 'Wähle eins', labels: { a: 'Ä' } } });
    expect({ ...de, translations: undefined, prompt: { ...de.prompt, translations: undefined } }).toEqual({
      ...state,
      translations: undefined,
      prompt: { ...state.prompt, translations: undefined },
    });
  });

  it('drops all translations for the deck language or a language the deck lacks', () => {
    for (const language of [null, 'en', 'it']) {
      const narrowed = stateInLanguage(state, language);
      expect(narrowed).not.toHaveProperty('translations');
      expect(narrowed.prompt).not.toHaveProperty('translations');
      expect(narrowed.prompt?.title).toBe('Pick one');
    }
  });

  it('leaves a state without a prompt alone but for the translations', () => {
    expect(stateInLanguage({ ...state, prompt: null }, 'fr')).toMatchObject({ prompt: null, translations: { fr: { title: 'Consentement' } } });
  });
});
