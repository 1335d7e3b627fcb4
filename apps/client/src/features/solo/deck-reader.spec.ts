import { answerValueSchema, deckFileSchema, deckSchema } from '@candor/shared';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readAnswers, readDeck, readDeckFile } from './deck-reader';

// The repository's deck fixtures: every prompt kind, and every reveal policy.
const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../../../../test/fixtures/${name}`, import.meta.url), 'utf8')) as unknown;
const files = ['all-kinds.deck.json', 'every-kind.deck.json'].map(fixture);

type Json = Record<string, unknown>;
type DeckFile = { format: string; version: number; deck: { prompts: Json[] } & Json };
const copy = (file: unknown) => structuredClone(file) as DeckFile;
// all-kinds.deck.json: prompt 0 is a yes/maybe/no list with categories, prompt 1 a single choice, prompt 3 a scale.
const items = (f: DeckFile) => f.deck.prompts[0].items as Json[];
const long = (length: number) => 'x'.repeat(length);

// Each change makes a valid deck file invalid for the server's import.
const breakages: [string, (file: DeckFile) => void][] = [
  ['another format', (f) => (f.format = 'other')],
  ['another version', (f) => (f.version = 2)],
  ['no prompts', (f) => (f.deck.prompts = [])],
  ['an unknown kind', (f) => (f.deck.prompts[0].kind = 'quiz')],
  ['a repeated prompt id', (f) => (f.deck.prompts[1].id = f.deck.prompts[0].id as string)],
  ['an id that is not a slug', (f) => (f.deck.id = 'Not A Slug')],
  ['an item without a label', (f) => (items(f)[0].label = '')],
  ['an unknown reveal policy', (f) => (f.deck.prompts[0].reveal = 'everything')],
  ['a missing title', (f) => delete f.deck.title],
  ['a language tag over 16 characters', (f) => (f.deck.language = long(17))],
  // What the hand-written checker this reader replaced let through (it had drifted from the schema).
  ['a scale end below -10', (f) => Object.assign(f.deck.prompts[3], { min: -11, max: -6 })],
  ['a scale end above 10', (f) => Object.assign(f.deck.prompts[3], { min: 6, max: 11 })],
  ['an empty category', (f) => (items(f)[0].category = '')],
  ['a category over 80 characters', (f) => (items(f)[0].category = long(81))],
  ['a deck description over 1000 characters', (f) => (f.deck.description = long(1001))],
  ['a prompt body over 2000 characters', (f) => (f.deck.prompts[0].body = long(2001))],
  ['a content note over 500 characters', (f) => (f.deck.prompts[0].contentNote = long(501))],
  ['a translation under something that is not a language tag', (f) => (f.deck.prompts[1].translations = { German: { title: 'Frage' } })],
  ['an empty translated title', (f) => (f.deck.prompts[1].translations = { de: { title: '' } })],
  ['a translated label of an option the prompt lacks', (f) => (f.deck.prompts[1].translations = { de: { labels: { nope: 'Nein' } } })],
  ['a translated category no item has', (f) => (f.deck.prompts[0].translations = { de: { categories: { Third: 'Dritte' } } })],
  ['a translated scale label on a list', (f) => (f.deck.prompts[0].translations = { de: { minLabel: 'Gar nicht' } })],
  ['an unknown field in a translation', (f) => (f.deck.prompts[1].translations = { de: { title: 'Frage', note: 'x' } })],
  ['a deck translation over 200 characters', (f) => (f.deck.translations = { de: { title: long(201) } })],
];

describe(readDeckFile.name, () => {
  it('reads every fixture deck exactly as the shared schema does', async () => {
    for (const file of files) {
      const parsed = deckFileSchema.parse(file);
      expect(await readDeckFile(file)).toEqual(parsed.deck);
    }
  });

  it.each(breakages)('refuses a deck file with %s, as the server does', async (_name, breakIt) => {
    const file = copy(files[0]);
    breakIt(file);
    expect(deckFileSchema.safeParse(file).success).toBe(false);
    expect(await readDeckFile(file)).toBeNull();
  });

  it('reads translations and scale ends at the limits, and leaves out unknown fields, as the server does', async () => {
    const file = copy(files[0]);
    Object.assign(file.deck.prompts[3], { min: -10, max: 0, translations: { de: { minLabel: 'Gar nicht', maxLabel: 'Sehr' } } });
    file.deck.prompts[0].translations = { de: { title: 'Ja, vielleicht oder nein?', labels: { a: 'Punkt A' }, categories: { First: 'Erste' } } };
    file.deck.translations = { 'pt-BR': { title: 'Todos os tipos' } };
    file.deck.extra = 'not part of the format';
    const read = await readDeckFile(file);
    expect(read).toEqual(deckFileSchema.parse(file).deck);
    expect(read?.prompts[0].translations?.de.categories).toEqual({ First: 'Erste' });
    expect(read).not.toHaveProperty('extra');
  });

  it('gives an open-text prompt without a length the default length, as the server does', async () => {
    const file = copy(files[0]);
    const text = file.deck.prompts.find((p) => p.kind === 'text') as Json;
    delete text.maxLength;
    const read = await readDeckFile(file);
    expect(read?.prompts.find((p) => p.kind === 'text')).toMatchObject({ maxLength: 280 });
  });

  it('refuses what is not a deck file at all', async () => {
    for (const value of [null, 'text', 3, [], {}]) expect(await readDeckFile(value)).toBeNull();
  });
});

describe(readDeck.name, () => {
  it('reads a kept deck with the deck schema', async () => {
    const file = copy(files[0]);
    const { deck } = file;
    expect(await readDeck(deck)).toEqual(deckSchema.parse(deck));
    items(file)[0].category = '';
    expect(await readDeck(deck)).toBeNull();
  });
});

describe(readAnswers.name, () => {
  it('keeps answers of every kind that the shared schema accepts, and leaves out the others', async () => {
    const good = {
      p1: { kind: 'pass' },
      p2: { kind: 'ynm', items: { a: 'yes', b: 'pass' } },
      p3: { kind: 'single', optionId: 'x' },
      p4: { kind: 'multiple', optionIds: ['x', 'y'] },
      p5: { kind: 'scale', value: 3 },
      p6: { kind: 'ranking', order: ['x', 'y'] },
      p7: { kind: 'text', text: 'hello' },
      p8: { kind: 'checkin', levelId: 'low' },
    };
    const bad = {
      q1: null,
      q2: { kind: 'ynm', items: { a: 'perhaps' } },
      q3: { kind: 'scale', value: 1.5 },
      q4: { kind: 'unknown' },
      q5: { kind: 'text', text: long(501) },
      q6: { kind: 'multiple', optionIds: ['x', 'x'] },
    };
    for (const answer of Object.values(good)) expect(answerValueSchema.safeParse(answer).success).toBe(true);
    for (const answer of Object.values(bad)) expect(answerValueSchema.safeParse(answer).success).toBe(false);
    expect(await readAnswers({ ...good, ...bad })).toEqual(good);
  });
});
