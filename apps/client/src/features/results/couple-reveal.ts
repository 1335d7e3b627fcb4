import type { AnswerValue, Prompt, YnmChoice } from '@candor/shared';

// Pure helpers behind the couple result view: whose side-by-side answer is whose, answers in words, and
// the conversation starters. Written fresh for Candor; gentle, open questions, never a verdict.

export const STARTERS = {
  matches: [
    'What would make this feel good for both of you?',
    'Is there anything you would like to agree on first, like a pace or a signal?',
    'How will you check in with each other along the way?',
  ],
  explore: [
    'What would help a maybe feel clearer, or safer?',
    'Is there a small first step you would both be comfortable with?',
    'What would you like to know from each other before deciding?',
    'A maybe can stay a maybe. When would you like to come back to it?',
  ],
  sharedChoice: ['What draws each of you to this?', 'What would it look like for the two of you, day to day?'],
  differentChoice: [
    'If you both want to, you could each say what you picked and why.',
    'What would help you meet somewhere in between?',
  ],
  sideBySide: ['Where are you close, and where are you further apart?', 'What would you like the other to understand about your answer?'],
} as const;

// The inference the reveal cannot hide, said plainly: to a partner, and to a therapist or a projector.
export const PLAIN_NOTE_PARTNER =
  'One thing this cannot hide: if you said yes to something and it is not a match, your partner did not say yes. ' +
  'That is not a verdict on either of you, just a place where you differ today.';
export const PLAIN_NOTE_OBSERVER =
  '"Not shared" never says who said no or who passed. One thing the partners can work out: if one of them said yes and ' +
  'an item is not a match, the other did not say yes.';

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

const YNM_WORDS: Record<YnmChoice, string> = { yes: 'yes', maybe: 'maybe', no: 'no', pass: 'passed' };

// One answer in words, as lines: "Hugs: yes", "1. Talking first", "5: very".
export function describeAnswer(prompt: Prompt | null, value: AnswerValue): string[] {
  if (value.kind === 'pass') return ['Passed'];
  const labelOf = (id: string): string => {
    if (!prompt) return id;
    const entries = 'options' in prompt ? prompt.options : 'levels' in prompt ? prompt.levels : 'items' in prompt ? prompt.items : [];
    return entries.find((entry) => entry.id === id)?.label ?? id;
  };
  switch (value.kind) {
    case 'ynm': {
      const order = prompt?.kind === 'ynm' ? prompt.items.map((item) => item.id) : Object.keys(value.items);
      return order.filter((id) => value.items[id] !== undefined).map((id) => `${labelOf(id)}: ${YNM_WORDS[value.items[id]]}`);
    }
    case 'single':
      return [labelOf(value.optionId)];
    case 'multiple':
      return value.optionIds.map(labelOf);
    case 'scale':
      if (prompt?.kind !== 'scale') return [String(value.value)];
      if (value.value === prompt.min) return [`${value.value}: ${prompt.minLabel}`];
      if (value.value === prompt.max) return [`${value.value}: ${prompt.maxLabel}`];
      return [`${value.value}, on a scale from ${prompt.min} (${prompt.minLabel}) to ${prompt.max} (${prompt.maxLabel})`];
    case 'ranking':
      return value.order.map((id, index) => `${index + 1}. ${labelOf(id)}`);
    case 'text':
      return [value.text];
    case 'checkin':
      return [labelOf(value.levelId)];
  }
}

export function itemCount(count: number): string {
  return count === 1 ? '1 item' : `${count} items`;
}
