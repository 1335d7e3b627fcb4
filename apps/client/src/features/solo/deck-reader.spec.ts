import { answerValueSchema, deckFileSchema } from '@candor/shared';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readAnswer, readDeckFile } from './deck-reader';

// The repository's deck fixtures: every prompt kind, and every reveal policy.
const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../../../../test/fixtures/${name}`, import.meta.url), 'utf8')) as unknown;
const files = ['all-kinds.deck.json', 'every-kind.deck.json'].map(fixture);

type DeckFile = { format: string; version: number; deck: { prompts: Record<string, unknown>[] } & Record<string, unknown> };
const copy = (file: unknown) => structuredClone(file) as DeckFile;

// Each change makes a valid deck file invalid for the shared schema.
const breakages: [string, (file: DeckFile) => void][] = [
  ['another format', (f) => (f.format = 'other')],
  ['another version', (f) => (f.version = 2)],
  ['no prompts', (f) => (f.deck.prompts = [])],
  ['an unknown kind', (f) => (f.deck.prompts[0].kind = 'quiz')],
  ['a repeated prompt id', (f) => (f.deck.prompts[1].id = f.deck.prompts[0].id as string)],
  ['an id that is not a slug', (f) => (f.deck.id = 'Not A Slug')],
  ['an item without a label', (f) => ((f.deck.prompts[0].items as Record<string, unknown>[])[0].label = '')],
  ['an unknown reveal policy', (f) => (f.deck.prompts[0].reveal = 'everything')],
  ['a missing title', (f) => delete f.deck.title],
];

describe(readDeckFile.name, () => {
  it('reads every fixture deck exactly as the shared schema does', () => {
    for (const file of files) {
      const parsed = deckFileSchema.parse(file);
      expect(readDeckFile(file)).toEqual(parsed.deck);
    }
  });

  it.each(breakages)('refuses a deck file with %s, like the shared schema', (_name, breakIt) => {
    const file = copy(files[0]);
    breakIt(file);
    expect(deckFileSchema.safeParse(file).success).toBe(false);
    expect(readDeckFile(file)).toBeNull();
  });

  it('refuses what is not a deck file at all', () => {
    for (const value of [null, 'text', 3, [], {}]) expect(readDeckFile(value)).toBeNull();
  });
});

describe(readAnswer.name, () => {
  it('keeps answers of every kind that the shared schema accepts', () => {
    const answers = [
      { kind: 'pass' },
      { kind: 'ynm', items: { a: 'yes', b: 'pass' } },
      { kind: 'single', optionId: 'x' },
      { kind: 'multiple', optionIds: ['x', 'y'] },
      { kind: 'scale', value: 3 },
      { kind: 'ranking', order: ['x', 'y'] },
      { kind: 'text', text: 'hello' },
      { kind: 'checkin', levelId: 'low' },
    ];
    for (const answer of answers) {
      expect(answerValueSchema.safeParse(answer).success).toBe(true);
      expect(readAnswer(answer)).toEqual(answer);
    }
  });

  it('drops what it cannot read', () => {
    for (const value of [null, { kind: 'ynm', items: { a: 'perhaps' } }, { kind: 'scale', value: 1.5 }, { kind: 'unknown' }]) {
      expect(readAnswer(value)).toBeNull();
    }
  });
});
