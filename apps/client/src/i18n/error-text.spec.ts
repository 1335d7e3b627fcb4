import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { fieldIssueSentences, issueProblems, type FieldErrorTexts } from './error-text';
import { de } from './locales/de';
import { en } from './locales/en';

async function textsIn(language: 'en' | 'de'): Promise<FieldErrorTexts> {
  const instance = i18next.createInstance();
  await instance.init({ resources: { en, de }, lng: language, defaultNS: 'common', ns: Object.keys(en), interpolation: { escapeValue: false } });
  return (key, values) => instance.t(key, values ?? {});
}

// What the server sends for a sign-up with "not-an-email" and a short password.
const signUp = {
  issues: ['email: Invalid email address', 'password: use at least 10 characters'],
  fields: [
    { path: 'email', code: 'invalid_format', format: 'email' },
    { path: 'password', code: 'too_small', origin: 'string', minimum: 10 },
  ],
};

describe(fieldIssueSentences.name, () => {
  it('says per field what to change, in English and in German', async () => {
    expect(fieldIssueSentences(signUp, await textsIn('en'))).toEqual([
      'Please enter a valid email address, such as name@example.org.',
      'The password needs at least 10 characters.',
    ]);
    expect(fieldIssueSentences(signUp, await textsIn('de'))).toEqual([
      'Bitte gib eine gültige E-Mail-Adresse ein, etwa name@example.org.',
      'Das Passwort braucht mindestens 10 Zeichen.',
    ]);
  });

  it('names the field by the last named part of its path, and says each sentence once', async () => {
    const t = await textsIn('en');
    const fields = [
      { path: 'prompts.0.title', code: 'too_small', origin: 'string', minimum: 1 },
      { path: 'prompts.3.title', code: 'too_small', origin: 'string', minimum: 1 },
      { path: 'k', code: 'too_big', origin: 'number', maximum: 20 },
      { path: 'prompts', code: 'too_big', origin: 'array', maximum: 60 },
      { path: 'prompts.1', code: 'invalid_union' },
      { path: '', code: 'invalid_type' },
    ];
    expect(fieldIssueSentences({ fields }, t)).toEqual([
      'The title is empty.',
      'The privacy threshold must be at most 20.',
      'The list of prompts can have at most 60 entries.',
      'The list of prompts is not valid.',
      'What was sent is not valid.',
    ]);
  });

  it('never shows the schema’s own words, also when the server sends only the text lines', async () => {
    for (const language of ['en', 'de'] as const) {
      const sentences = fieldIssueSentences({ issues: signUp.issues.concat('(payload): Invalid discriminator value') }, await textsIn(language));
      expect(sentences).toHaveLength(3);
      expect(sentences.join(' ')).not.toMatch(/Invalid|expected|Too small|discriminator|email:/);
    }
    expect(fieldIssueSentences({ issues: signUp.issues }, await textsIn('de'))).toEqual([
      'Die E-Mail-Adresse ist nicht gültig.',
      'Das Passwort ist nicht gültig.',
    ]);
  });
});

describe(issueProblems.name, () => {
  const deckSave = {
    issues: ['prompts.2.options.0.label: Too small: expected string to have >=1 characters', 'prompts: prompt ids must be unique', 'prompts.1: Invalid input'],
    fields: [
      { path: 'prompts.2.options.0.label', code: 'too_small', origin: 'string', minimum: 1 },
      { path: 'prompts', code: 'custom' },
      { path: 'prompts.1', code: 'invalid_union' },
    ],
  };

  it('says each line’s problem about “this”, for a list that names the place itself', async () => {
    expect(issueProblems(deckSave, await textsIn('en'), true)).toEqual(['This is empty.', 'Prompt ids must be unique.', 'This is not valid.']);
    expect(issueProblems(deckSave, await textsIn('de'), false)).toEqual(['Das ist leer.', 'Das ist nicht gültig.', 'Das ist nicht gültig.']);
  });
});
