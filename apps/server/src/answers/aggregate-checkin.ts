import type { AnswerValue, CheckinLevels, CheckinPrompt } from '@candor/shared';

// How many chose each level, and the average level (1 = the lowest).
export function aggregateCheckinLevels(prompt: CheckinPrompt, answers: readonly AnswerValue[]): CheckinLevels {
  const counts = new Map(prompt.levels.map((l) => [l.id, 0]));
  for (const answer of answers) {
    if (answer.kind === 'checkin' && counts.has(answer.levelId)) {
      counts.set(answer.levelId, (counts.get(answer.levelId) ?? 0) + 1);
    }
  }
  const respondents = [...counts.values()].reduce((s, c) => s + c, 0);
  const levelSum = prompt.levels.reduce((s, l, i) => s + (counts.get(l.id) ?? 0) * (i + 1), 0);
  return {
    promptId: prompt.id,
    levels: prompt.levels.map((l) => {
      const count = counts.get(l.id) ?? 0;
      return { id: l.id, label: l.label, count, share: respondents === 0 ? 0 : count / respondents };
    }),
    mean: respondents === 0 ? 0 : levelSum / respondents,
    respondents,
  };
}
