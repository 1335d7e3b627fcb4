import type { AnswerValue, Prompt } from '@candor/shared';

// Why an answer does not fit its prompt, or null when it does. The shape was checked by the schema.
export function answerProblem(prompt: Prompt, value: AnswerValue): string | null {
  if (value.kind === 'pass') return null;
  if (value.kind !== prompt.kind) return `This question takes a "${prompt.kind}" answer, not "${value.kind}".`;
  switch (value.kind) {
    case 'ynm': {
      if (prompt.kind !== 'ynm') return null;
      const known = new Set(prompt.items.map((i) => i.id));
      const unknown = Object.keys(value.items).filter((id) => !known.has(id));
      if (unknown.length > 0) return `Unknown item: ${unknown.slice(0, 3).join(', ')}.`;
      if (Object.keys(value.items).length === 0) return 'Answer at least one item, or pass the question.';
      return null;
    }
    case 'single': {
      if (prompt.kind !== 'single') return null;
      return prompt.options.some((o) => o.id === value.optionId) ? null : 'That option is not part of this question.';
    }
  }
}
