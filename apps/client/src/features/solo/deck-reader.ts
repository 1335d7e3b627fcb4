import type { AnswerValue, Deck, Prompt } from '@candor/shared';

// Reads a deck file, or a kept record, without the shared zod schemas: importing those into any page pulls
// zod into the phone's first download (the shared modules live in the entry chunk). The checks below are
// the structure the solo pages rely on; deck-reader.spec.ts holds them against deckFileSchema.

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown, max = 5000): value is string => typeof value === 'string' && value.length > 0 && value.length <= max;
const isSlug = (value: unknown): value is string => typeof value === 'string' && /^[a-z0-9][a-z0-9-]{0,63}$/.test(value);
const isInt = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);
const optionalText = (value: unknown) => value === undefined || typeof value === 'string';

function isEntryList(value: unknown, min: number, max: number): boolean {
  if (!Array.isArray(value) || value.length < min || value.length > max) return false;
  const ids = new Set<string>();
  for (const entry of value) {
    if (!isObject(entry) || !isSlug(entry.id) || !isText(entry.label, 200) || ids.has(entry.id)) return false;
    if (!optionalText(entry.category)) return false;
    ids.add(entry.id);
  }
  return true;
}

function isPrompt(value: unknown): value is Prompt {
  if (!isObject(value) || !isSlug(value.id) || !isText(value.title, 300)) return false;
  if (!optionalText(value.body) || !optionalText(value.contentNote)) return false;
  if (value.reveal !== undefined && value.reveal !== 'mutual-only' && value.reveal !== 'side-by-side' && value.reveal !== 'private') return false;
  switch (value.kind) {
    case 'ynm':
      return isEntryList(value.items, 1, 100);
    case 'single':
      return isEntryList(value.options, 2, 20);
    case 'multiple':
      return isEntryList(value.options, 2, 20) && isInt(value.maxPicks) && value.maxPicks >= 1 && value.maxPicks <= (value.options as unknown[]).length;
    case 'ranking':
      return isEntryList(value.options, 2, 10);
    case 'checkin':
      return isEntryList(value.levels, 2, 7) && (value.moment === 'start' || value.moment === 'end');
    case 'scale':
      return (
        isInt(value.min) && isInt(value.max) && value.max > value.min && value.max - value.min <= 10 && isText(value.minLabel, 80) && isText(value.maxLabel, 80)
      );
    case 'text':
      return value.maxLength === undefined || (isInt(value.maxLength) && value.maxLength >= 10 && value.maxLength <= 500);
    default:
      return false;
  }
}

export function readDeck(value: unknown): Deck | null {
  if (!isObject(value) || !isSlug(value.id) || !isText(value.title, 200) || !isText(value.language, 16)) return null;
  if (!optionalText(value.description) || !optionalText(value.contentNote)) return null;
  if (!Array.isArray(value.prompts) || value.prompts.length === 0 || value.prompts.length > 200) return null;
  if (!value.prompts.every(isPrompt)) return null;
  if (new Set(value.prompts.map((prompt) => prompt.id)).size !== value.prompts.length) return null;
  // Open text has a default length, as the schema gives it.
  const prompts = value.prompts.map((prompt) => (prompt.kind === 'text' ? { ...prompt, maxLength: prompt.maxLength ?? 280 } : prompt));
  return { ...(value as unknown as Deck), prompts };
}

// { format: 'candor-deck', version: 1, deck }
export function readDeckFile(value: unknown): Deck | null {
  if (!isObject(value) || value.format !== 'candor-deck' || value.version !== 1) return null;
  return readDeck(value.deck);
}

// An answer this page stored itself: checked loosely, by kind.
export function readAnswer(value: unknown): AnswerValue | null {
  if (!isObject(value)) return null;
  switch (value.kind) {
    case 'pass':
      return { kind: 'pass' };
    case 'ynm':
      return isObject(value.items) && Object.values(value.items).every((c) => c === 'yes' || c === 'maybe' || c === 'no' || c === 'pass')
        ? (value as AnswerValue)
        : null;
    case 'single':
      return isSlug(value.optionId) ? (value as AnswerValue) : null;
    case 'multiple':
      return Array.isArray(value.optionIds) && value.optionIds.every(isSlug) ? (value as AnswerValue) : null;
    case 'scale':
      return isInt(value.value) ? (value as AnswerValue) : null;
    case 'ranking':
      return Array.isArray(value.order) && value.order.every(isSlug) ? (value as AnswerValue) : null;
    case 'text':
      return typeof value.text === 'string' ? (value as AnswerValue) : null;
    case 'checkin':
      return isSlug(value.levelId) ? (value as AnswerValue) : null;
    default:
      return null;
  }
}
