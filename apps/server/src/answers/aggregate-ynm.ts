import type { AnswerValue, YnmItemResult, YnmPrompt, YnmResult } from '@candor/shared';
import { YNM_THRESHOLDS } from '@candor/shared/rules';

// Thresholds for sorting items into discussion groups, as shares of the non-pass answers.
export const CONSENSUS_SHARE = YNM_THRESHOLDS.consensus;
export const MOST_MAYBE_SHARE = YNM_THRESHOLDS.mostMaybe;
export const SPLIT_POLARISATION = YNM_THRESHOLDS.splitPolarisation;

// Counts every item of a yes/maybe/no inventory. Items with fewer than k non-pass answers are withheld.
export function aggregateYnm(prompt: YnmPrompt, answers: readonly AnswerValue[], k: number): YnmResult {
  const items: YnmItemResult[] = prompt.items.map((item) => {
    const counts = { yes: 0, maybe: 0, no: 0, pass: 0 };
    for (const answer of answers) {
      if (answer.kind !== 'ynm') continue;
      const choice = answer.items[item.id];
      if (choice) counts[choice] += 1;
    }
    const answered = counts.yes + counts.maybe + counts.no;
    if (answered < k) {
      return { ...item, yes: 0, maybe: 0, no: 0, pass: counts.pass, answered, withheld: true, group: null, polarisation: 0 };
    }
    const yes = counts.yes / answered;
    const no = counts.no / answered;
    const maybe = counts.maybe / answered;
    const polarisation = 4 * yes * no;
    return { ...item, ...counts, answered, withheld: false, group: classify(yes, maybe, no, polarisation), polarisation };
  });

  const shown = items.filter((i) => !i.withheld);
  const ids = (list: YnmItemResult[]) => list.map((i) => i.id);
  const share = (i: YnmItemResult, n: number) => n / i.answered;
  return {
    kind: 'ynm',
    items,
    consensus: ids(
      shown
        .filter((i) => i.group === 'consensus')
        .sort((a, b) => Math.max(share(b, b.yes), share(b, b.no)) - Math.max(share(a, a.yes), share(a, a.no))),
    ),
    split: ids(shown.filter((i) => i.group === 'split').sort((a, b) => b.polarisation - a.polarisation)),
    mostMaybe: ids(shown.filter((i) => i.group === 'most-maybe').sort((a, b) => share(b, b.maybe) - share(a, a.maybe))),
  };
}

// Consensus: most people agree (yes or no). Most-maybe: curiosity or uncertainty leads.
// Split: yes and no both strong (polarisation 4·yes·no, 1 at an even split). Otherwise mixed.
function classify(yes: number, maybe: number, no: number, polarisation: number): YnmItemResult['group'] {
  if (Math.max(yes, no) >= CONSENSUS_SHARE) return 'consensus';
  if (maybe >= MOST_MAYBE_SHARE && maybe >= yes && maybe >= no) return 'most-maybe';
  if (polarisation >= SPLIT_POLARISATION) return 'split';
  return 'mixed';
}
