import type { AnswerValue, CheckinLevels, Distribution, Prompt, PromptResult } from '@candor/shared';
import { aggregateCheckinLevels } from './aggregate-checkin.js';
import { aggregateMultiple, aggregateRanking } from './aggregate-choices.js';
import { aggregateScale } from './aggregate-scale.js';
import { aggregateSingle } from './aggregate-single.js';
import { aggregateText } from './aggregate-text.js';
import { aggregateYnm } from './aggregate-ynm.js';

// What a result needs besides the answers: the approved open texts, and for an end check-in the
// start check-in's levels (already k-checked by the caller).
export type AggregateExtras = { approvedTexts?: readonly string[]; before?: CheckinLevels | null };

// The result of one prompt from everyone's current answers. The distribution stays null until
// k participants gave a non-pass answer (privacy rule 3): until then only the counts are shown.
export function aggregatePrompt(
  prompt: Prompt,
  answers: readonly AnswerValue[],
  k: number,
  extras: AggregateExtras = {},
): PromptResult {
  const given = answers.filter((a) => a.kind === prompt.kind);
  const passed = answers.filter((a) => a.kind === 'pass').length;
  const base = { promptId: prompt.id, respondents: given.length, passed, k };
  if (given.length < k) return { ...base, distribution: null };
  return { ...base, distribution: distribution(prompt, given, k, extras) };
}

function distribution(prompt: Prompt, answers: readonly AnswerValue[], k: number, extras: AggregateExtras): Distribution {
  switch (prompt.kind) {
    case 'ynm':
      return aggregateYnm(prompt, answers, k);
    case 'single':
      return aggregateSingle(prompt, answers);
    case 'multiple':
      return aggregateMultiple(prompt, answers);
    case 'scale':
      return aggregateScale(prompt, answers);
    case 'ranking':
      return aggregateRanking(prompt, answers);
    case 'text':
      return aggregateText(extras.approvedTexts ?? []);
    case 'checkin': {
      const { levels, mean } = aggregateCheckinLevels(prompt, answers);
      return { kind: 'checkin', moment: prompt.moment, levels, mean, before: extras.before ?? null };
    }
  }
}
