import type { AnswerValue, Distribution, Prompt, PromptResult } from '@candor/shared';
import { aggregateSingle } from './aggregate-single.js';
import { aggregateYnm } from './aggregate-ynm.js';

// The result of one prompt from everyone's current answers. The distribution stays null until
// k participants gave a non-pass answer (privacy rule 3): until then only the counts are shown.
export function aggregatePrompt(prompt: Prompt, answers: readonly AnswerValue[], k: number): PromptResult {
  const given = answers.filter((a) => a.kind === prompt.kind);
  const passed = answers.filter((a) => a.kind === 'pass').length;
  const base = { promptId: prompt.id, respondents: given.length, passed, k };
  if (given.length < k) return { ...base, distribution: null };
  return { ...base, distribution: distribution(prompt, given, k) };
}

function distribution(prompt: Prompt, answers: readonly AnswerValue[], k: number): Distribution {
  switch (prompt.kind) {
    case 'ynm':
      return aggregateYnm(prompt, answers, k);
    case 'single':
      return aggregateSingle(prompt, answers);
  }
}
