import { describe, expect, it } from 'vitest';
import { answerSubmitSchema, deckSchema, handshakeAuthSchema, joinCodeSchema, joinRequestSchema } from './index.js';

describe('shared schemas', () => {
  it('normalises a typed join code and refuses look-alike characters', () => {
    expect(joinCodeSchema.parse(' abc234 ')).toBe('ABC234');
    expect(joinCodeSchema.safeParse('ABC0O1').success).toBe(false);
  });

  it('refuses unknown keys in an answer, so nothing can ride along', () => {
    const ok = { promptId: 'p', clientId: '2b4e4f4e-4b8f-4b8f-9b8f-4b8f4b8f4b8f', value: { kind: 'pass' } };
    expect(answerSubmitSchema.safeParse(ok).success).toBe(true);
    expect(answerSubmitSchema.safeParse({ ...ok, participantId: 'x' }).success).toBe(false);
    expect(answerSubmitSchema.safeParse({ ...ok, value: { kind: 'pass', note: 'x' } }).success).toBe(false);
  });

  it('requires consent to join', () => {
    expect(joinRequestSchema.safeParse({ code: 'ABCDEF', consent: true }).success).toBe(true);
    expect(joinRequestSchema.safeParse({ code: 'ABCDEF', consent: false }).success).toBe(false);
    expect(joinRequestSchema.safeParse({ code: 'ABCDEF' }).success).toBe(false);
  });

  it('takes a role-specific handshake', () => {
    expect(handshakeAuthSchema.safeParse({ role: 'screen', protocol: 1, token: 'x'.repeat(32) }).success).toBe(true);
    expect(handshakeAuthSchema.safeParse({ role: 'facilitator', protocol: 1 }).success).toBe(false);
  });

  describe('deck translations', () => {
    const deck = (translations: unknown, kind: 'ynm' | 'scale' = 'ynm') => ({
      id: 'd',
      title: 'Deck',
      language: 'en',
      translations: { de: { title: 'Deck auf Deutsch' } },
      prompts: [
        kind === 'ynm'
          ? { id: 'p', kind, title: 'Touch', items: [{ id: 'hugs', label: 'Hugs', category: 'Touch' }], translations }
          : { id: 'p', kind, title: 'How much', min: 1, max: 5, minLabel: 'Little', maxLabel: 'Lots', translations },
      ],
    });
    const issues = (value: unknown) => deckSchema.safeParse(value).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

    it('keeps the translations of a deck and its prompts', () => {
      const translations = { de: { title: 'Berührung', labels: { hugs: 'Umarmungen' }, categories: { Touch: 'Berührung' } } };
      const parsed = deckSchema.parse(deck(translations));
      expect(parsed.translations).toEqual({ de: { title: 'Deck auf Deutsch' } });
      expect(parsed.prompts[0].translations).toEqual(translations);
    });

    it('names a label id, a category or a scale label the prompt does not have', () => {
      expect(issues(deck({ de: { labels: { hugz: 'Umarmungen' } } }))).toEqual([
        'prompts.0.translations.de.labels.hugz: this prompt has no item with the id "hugz"',
      ]);
      expect(issues(deck({ de: { categories: { Touching: 'Berührung' } } }))).toEqual([
        'prompts.0.translations.de.categories.Touching: no item of this prompt has the category "Touching"',
      ]);
      expect(issues(deck({ de: { minLabel: 'Wenig' } }))).toEqual(['prompts.0.translations.de.minLabel: only a scale has minLabel']);
      expect(issues(deck({ de: { labels: { a: 'A' } } }, 'scale'))).toEqual(['prompts.0.translations.de.labels: a scale prompt has no labels to translate']);
    });

    it('refuses unknown fields, a bad language tag and texts over the limits', () => {
      expect(issues(deck({ de: { titel: 'Berührung' } }))).toHaveLength(1);
      expect(issues(deck({ German: { title: 'Berührung' } }))).toHaveLength(1);
      expect(issues(deck({ de: { title: 'x'.repeat(301) } }))).toHaveLength(1);
      expect(issues(deck({ de: { labels: { hugs: '' } } }))).toHaveLength(1);
    });
  });
});
