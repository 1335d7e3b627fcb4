import { describe, expect, it } from 'vitest';
import { pickLanguage } from './i18n';
import { de } from './locales/de';
import { en } from './locales/en';

// Every key path to a string, with plural suffixes folded so that languages may differ in plural forms.
function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value as object, `${prefix}${key}.`),
  );
}

function values(tree: object): string[] {
  return Object.values(tree).flatMap((value) => (typeof value === 'string' ? [value] : values(value as object)));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)/g)].map((match) => match[1]).sort();
}

function lookup(tree: object, path: string): string {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], tree) as string;
}

describe('translations', () => {
  it('German has exactly the keys English has', () => {
    expect(keys(de).sort()).toEqual(keys(en).sort());
  });

  it('no text is empty', () => {
    expect(values(en).filter((text) => text.trim() === '')).toEqual([]);
    expect(values(de).filter((text) => text.trim() === '')).toEqual([]);
  });

  it('German uses the same placeholders as English', () => {
    const mismatched = keys(en).filter((path) => placeholders(lookup(en, path)).join() !== placeholders(lookup(de, path)).join());
    expect(mismatched).toEqual([]);
  });
});

describe('pickLanguage', () => {
  it('prefers a remembered choice', () => {
    expect(pickLanguage('de', ['en-GB'])).toBe('de');
  });

  it('ignores a remembered value Candor does not speak', () => {
    expect(pickLanguage('xx', ['de-AT', 'en'])).toBe('de');
  });

  it('takes the first browser language Candor speaks', () => {
    expect(pickLanguage(null, ['fr-FR', 'de-CH', 'en'])).toBe('de');
    expect(pickLanguage(null, ['fr-FR', 'en-US', 'de'])).toBe('en');
  });

  it('falls back to English', () => {
    expect(pickLanguage(null, ['fr', 'es'])).toBe('en');
    expect(pickLanguage(null, [])).toBe('en');
  });
});
