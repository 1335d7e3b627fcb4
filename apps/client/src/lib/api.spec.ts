import { describe, expect, it } from 'vitest';
import { fileNameFrom } from './api';

describe(fileNameFrom.name, () => {
  it('reads plain, quoted and encoded file names', () => {
    expect(fileNameFrom('attachment; filename="consent.candor-deck.json"')).toBe('consent.candor-deck.json');
    expect(fileNameFrom('attachment; filename=summary.csv')).toBe('summary.csv');
    expect(fileNameFrom("attachment; filename*=UTF-8''caf%C3%A9.md")).toBe('café.md');
  });

  it('gives null without a usable name and strips folders', () => {
    expect(fileNameFrom(null)).toBeNull();
    expect(fileNameFrom('attachment')).toBeNull();
    expect(fileNameFrom('attachment; filename="../../x.json"')).toBe('.._.._x.json');
  });
});
