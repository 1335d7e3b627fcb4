import type { AnswerValue, Prompt, PromptResult, SessionState } from '@candor/shared';
import { useEffect, useState } from 'react';

// The result as the server sent it; `coupleResult` (what-we-shared.ts) gives it in the page's language.
export type KeptReveal = { prompt: Prompt; result: PromptResult; myAnswer?: AnswerValue };

// Every reveal a self-run couple's phone received, in the order they came, held in this page's memory
// only: a reload or the quick exit drops them. A therapist-run couple keeps nothing (the therapist has the
// summary), nor does a group.
export function useKeptReveals(state: SessionState | null, saved: Readonly<Record<string, AnswerValue>>): KeptReveal[] {
  const [kept, setKept] = useState<KeptReveal[]>([]);
  const prompt = state?.prompt ?? null;
  const result = state?.result ?? null;
  const keeps = state?.mode === 'couple' && state.selfRun && state.phase === 'released';
  const myAnswer = prompt ? saved[prompt.id] : undefined;

  useEffect(() => {
    if (!keeps || !prompt || result?.distribution?.kind !== 'couple') return;
    const reveal: KeptReveal = { prompt, result, myAnswer };
    // The same prompt again (a reconnect, a change of language) replaces its entry in place.
    setKept((previous) =>
      previous.some((entry) => entry.prompt.id === prompt.id)
        ? previous.map((entry) => (entry.prompt.id === prompt.id ? reveal : entry))
        : [...previous, reveal],
    );
  }, [keeps, prompt, result, myAnswer]);

  return kept;
}
