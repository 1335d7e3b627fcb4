import type { AnswerValue, SingleChoicePrompt, SingleChoiceResult } from '@candor/shared';

export function aggregateSingle(prompt: SingleChoicePrompt, answers: readonly AnswerValue[]): SingleChoiceResult {
  const counts = new Map(prompt.options.map((o) => [o.id, 0]));
  let total = 0;
  for (const answer of answers) {
    if (answer.kind !== 'single' || !counts.has(answer.optionId)) continue;
    counts.set(answer.optionId, (counts.get(answer.optionId) ?? 0) + 1);
    total += 1;
  }
  return {
    kind: 'single',
    options: prompt.options.map((o) => {
      const count = counts.get(o.id) ?? 0;
      return { id: o.id, label: o.label, count, share: total === 0 ? 0 : count / total };
    }),
  };
}
