import type { AnswerValue, Prompt } from '@candor/shared';
import i18next, { type TFunction } from 'i18next';
import { results } from '../../i18n/locales/en/results';

// Pure helpers behind the couple result view: whose side-by-side answer is whose, and answers in words. The
// conversation starters and notes are in the results texts (couple.*).

// JSON with object keys in a fixed order, so that one answer compares equal however its keys were written.
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${stableJson(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

// Side by side, the server sends both answers in an order that says nothing about whose is whose. A partner
// knows their own; the other one is their partner's. Null when this viewer has no answer among the two
// (the therapist, the projector), and then nothing is attributed.
export function splitSideBySide(
  answers: readonly AnswerValue[],
  mine: AnswerValue | undefined,
): { mine: AnswerValue; partner: AnswerValue } | null {
  if (!mine || answers.length !== 2) return null;
  const key = stableJson(mine);
  const index = answers.findIndex((answer) => stableJson(answer) === key);
  if (index === -1) return null;
  return { mine: answers[index], partner: answers[1 - index] };
}

let englishT: TFunction<'results'> | null = null;

// English words for callers that pass none (they were English before translation).
function english(): TFunction<'results'> {
  if (!englishT) {
    const instance = i18next.createInstance();
    void instance.init({ lng: 'en', resources: { en: { results } }, interpolation: { escapeValue: false }, initAsync: false });
    englishT = instance.getFixedT('en', 'results');
  }
  return englishT;
}

// One answer in words, as lines: "Hugs: yes", "1. Talking first", "5: very". Pass the results `t` of the
// language shown; without one, the lines are in English.
export function describeAnswer(prompt: Prompt | null, value: AnswerValue, t: TFunction<'results'> = english()): string[] {
  if (value.kind === 'pass') return [t('answer.passed')];
  const labelOf = (id: string): string => {
    if (!prompt) return id;
    const entries = 'options' in prompt ? prompt.options : 'levels' in prompt ? prompt.levels : 'items' in prompt ? prompt.items : [];
    return entries.find((entry) => entry.id === id)?.label ?? id;
  };
  switch (value.kind) {
    case 'ynm': {
      const order = prompt?.kind === 'ynm' ? prompt.items.map((item) => item.id) : Object.keys(value.items);
      return order
        .filter((id) => value.items[id] !== undefined)
        .map((id) => t('answer.line', { label: labelOf(id), answer: t(`answer.${value.items[id]}`) }));
    }
    case 'single':
      return [labelOf(value.optionId)];
    case 'multiple':
      return value.optionIds.map(labelOf);
    case 'scale':
      if (prompt?.kind !== 'scale') return [String(value.value)];
      if (value.value === prompt.min) return [t('answer.scaleEnd', { value: value.value, label: prompt.minLabel })];
      if (value.value === prompt.max) return [t('answer.scaleEnd', { value: value.value, label: prompt.maxLabel })];
      return [
        t('answer.scaleMiddle', { value: value.value, min: prompt.min, minLabel: prompt.minLabel, max: prompt.max, maxLabel: prompt.maxLabel }),
      ];
    case 'ranking':
      return value.order.map((id, index) => t('answer.ranked', { place: index + 1, label: labelOf(id) }));
    case 'text':
      return [value.text];
    case 'checkin':
      return [labelOf(value.levelId)];
  }
}
