import { useTranslation } from 'react-i18next';
import { useDeckLanguage } from '../../i18n/use-deck-language';
import { CoupleResultView } from '../results/couple-result';
import type { KeptReveal } from './kept-reveals';
import { coupleResult, keptFileName, keptToMarkdown } from './what-we-shared';

// A self-run couple's ended screen: what the phone was shown, to print or download.
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
