import type { AnswerValue, SessionState } from '@candor/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeckLanguage } from '../../i18n/use-deck-language';
import { CoupleResultView } from '../results/couple-result';
import { coupleResult, keptFileName, keptToMarkdown, type KeptReveal } from './what-we-shared';

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

export function WhatWeShared({ title, kept }: { title: string; kept: readonly KeptReveal[] }) {
  const { t } = useTranslation('participant');
  const { t: resultsT } = useTranslation('results');
  const language = useDeckLanguage();
  const download = () => {
    const text = keptToMarkdown(title, kept, language, t, resultsT);
    const url = URL.createObjectURL(new Blob([text], { type: 'text/markdown;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = keptFileName(title, t);
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <section aria-labelledby="shared-heading" className="what-we-shared">
      <h2 id="shared-heading">{t('couplePlay.shared.heading')}</h2>
      <p className="no-print">{t('couplePlay.shared.stays')}</p>
      <div className="controls">
        <button type="button" onClick={() => window.print()}>
          {t('couplePlay.shared.print')}
        </button>
        <button type="button" onClick={download}>
          {t('couplePlay.shared.download')}
        </button>
      </div>
      <p className="hint">{t('couplePlay.shared.notConsent')}</p>
      {kept.map((reveal) => {
        const result = coupleResult(reveal, language);
        const { prompt, myAnswer } = reveal;
        return (
          <section key={prompt.id} aria-labelledby={`shared-${prompt.id}`} className="shared-reveal">
            <h3 id={`shared-${prompt.id}`}>{prompt.title}</h3>
            {result && <CoupleResultView prompt={prompt} result={result} viewer="partner" myAnswer={myAnswer} headingLevel={4} />}
          </section>
        );
      })}
    </section>
  );
}
