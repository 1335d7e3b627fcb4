import {
  revealPolicyOf,
  type AnswerValue,
  type CoupleResult,
  type Prompt,
  type PromptResult,
  type YnmChoice,
} from '@candor/shared';

export type PairCategory = 'match' | 'explore' | 'not-shared';

// Yes + yes is a match; yes + maybe or maybe + maybe is worth exploring; anything with a no, a pass
// or no answer is "not shared", which never says which of the two it came from.
export function pairCategory(a: YnmChoice | undefined, b: YnmChoice | undefined): PairCategory {
  const open = (c: YnmChoice | undefined) => c === 'yes' || c === 'maybe';
  if (!open(a) || !open(b)) return 'not-shared';
  return a === 'yes' && b === 'yes' ? 'match' : 'explore';
}

// Serialised answers in a fixed order, so that side-by-side says nothing about whose is whose.
const canonical = (values: AnswerValue[]) =>
  [...values].sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));

// The reveal of one prompt for a couple, once both partners answered. The result is the same for
// both partners and the facilitator; under mutual-only and private it depends on nothing one
// partner answered that is not shared.
export function aggregateCouple(prompt: Prompt, answers: readonly AnswerValue[]): PromptResult {
  const base = { promptId: prompt.id, respondents: answers.length, passed: 0, k: 2 };
  if (answers.length < 2) return { ...base, distribution: null };
  const [a, b] = answers;
  const policy = revealPolicyOf(prompt);
  const result: CoupleResult = { kind: 'couple', policy, matches: [], explore: [], notShared: null, answers: null };
  if (policy === 'side-by-side') {
    result.answers = canonical([a, b]);
  } else if (policy === 'mutual-only') {
    if (prompt.kind === 'ynm') {
      const choice = (v: AnswerValue, id: string) => (v.kind === 'ynm' ? v.items[id] : undefined);
      let notShared = 0;
      for (const item of prompt.items) {
        const category = pairCategory(choice(a, item.id), choice(b, item.id));
        if (category === 'match') result.matches.push(item);
        else if (category === 'explore') result.explore.push(item);
        else notShared += 1;
      }
      result.notShared = notShared;
    } else if (prompt.kind === 'single' || prompt.kind === 'multiple') {
      const picks = (v: AnswerValue) =>
        new Set(v.kind === 'single' ? [v.optionId] : v.kind === 'multiple' ? v.optionIds : []);
      const [pa, pb] = [picks(a), picks(b)];
      result.matches = prompt.options.filter((o) => pa.has(o.id) && pb.has(o.id));
    }
    // Other kinds have nothing to match on: mutual-only shows them like private.
  }
  return { ...base, distribution: result };
}
