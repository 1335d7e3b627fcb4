import type {
  AnswerValue,
  MultipleChoicePrompt,
  MultipleChoiceResult,
  RankingPrompt,
  RankingResult,
} from '@candor/shared';

// Counts per option; shares are of the participants who answered, so they may add up to more than 1.
export function aggregateMultiple(prompt: MultipleChoicePrompt, answers: readonly AnswerValue[]): MultipleChoiceResult {
  const counts = new Map(prompt.options.map((o) => [o.id, 0]));
  let respondents = 0;
  for (const answer of answers) {
    if (answer.kind !== 'multiple') continue;
    respondents += 1;
    for (const id of answer.optionIds) if (counts.has(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return {
    kind: 'multiple',
    options: prompt.options.map((o) => {
      const count = counts.get(o.id) ?? 0;
      return { id: o.id, label: o.label, count, share: respondents === 0 ? 0 : count / respondents };
    }),
  };
}

// Borda count: with n options, first place earns n − 1 points and last place 0. Sorted by score,
// ties broken by the order of the options in the prompt.
export function aggregateRanking(prompt: RankingPrompt, answers: readonly AnswerValue[]): RankingResult {
  const n = prompt.options.length;
  const points = new Map(prompt.options.map((o) => [o.id, 0]));
  const rankSum = new Map(prompt.options.map((o) => [o.id, 0]));
  let respondents = 0;
  for (const answer of answers) {
    if (answer.kind !== 'ranking') continue;
    respondents += 1;
    answer.order.forEach((id, position) => {
      points.set(id, (points.get(id) ?? 0) + (n - 1 - position));
      rankSum.set(id, (rankSum.get(id) ?? 0) + position + 1);
    });
  }
  const options = prompt.options.map((o) => ({
    id: o.id,
    label: o.label,
    borda: points.get(o.id) ?? 0,
    averageRank: respondents === 0 ? 0 : (rankSum.get(o.id) ?? 0) / respondents,
  }));
  return { kind: 'ranking', options: [...options].sort((a, b) => b.borda - a.borda) };
}
