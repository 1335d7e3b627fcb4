import type { AnswerValue, Prompt, PromptResult, SessionState } from '@candor/shared';
import { useCallback, useEffect, useState } from 'react';

// The result as the server sent it, or as the two phones worked it out (a list compared on the phones);
// `coupleResult` (what-we-shared.ts) gives it in the page's language.
export type KeptReveal = { prompt: Prompt; result: PromptResult; myAnswer?: AnswerValue };

// Every reveal a self-run couple's phone received or worked out, in the order they came, held in this page's
// memory only: a reload or the quick exit drops them. A therapist-run couple keeps nothing (the therapist has
// the summary), nor does a group. `keep` adds one the phones worked out (blind-compare.tsx).
export function useKeptReveals(
  state: SessionState | null,
  saved: Readonly<Record<string, AnswerValue>>,
): { kept: KeptReveal[]; keep: (reveal: KeptReveal) => void } {
  const [kept, setKept] = useState<KeptReveal[]>([]);
  const prompt = state?.prompt ?? null;
  const result = state?.result ?? null;
  const keeps = state?.mode === 'couple' && state.selfRun && state.phase === 'released';
  const myAnswer = prompt ? saved[prompt.id] : undefined;
  const keep = useCallback((reveal: KeptReveal) => setKept((previous) => withReveal(previous, reveal)), []);

  useEffect(() => {
    if (!keeps || !prompt || result?.distribution?.kind !== 'couple') return;
    keep({ prompt, result, myAnswer });
  }, [keeps, prompt, result, myAnswer, keep]);

  return { kept, keep };
}

// The same prompt again (a reconnect, a change of language) replaces its entry in place.
function withReveal(kept: KeptReveal[], reveal: KeptReveal): KeptReveal[] {
  return kept.some((entry) => entry.prompt.id === reveal.prompt.id)
    ? kept.map((entry) => (entry.prompt.id === reveal.prompt.id ? reveal : entry))
    : [...kept, reveal];
}
