import type { ExportFormat } from '@candor/shared';
import * as routes from '@candor/shared/routes';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localizePrompt } from '../../i18n/deck-language';
import { useErrorText } from '../../i18n/error-text';
import { useDeckLanguage } from '../../i18n/use-deck-language';
import { ApiError, downloadFile, routeUrl } from '../../lib/api';
import { routeQuery, useLoginRedirect, withQueries } from '../../lib/queries';
import { Link, navigate } from '../../lib/router';
import { DeleteSession } from './delete-session';
import { ResultView } from '../results/result-view';
import '../../i18n/facilitator-texts';

const FORMATS: readonly ExportFormat[] = ['csv', 'json', 'md'];

// '2026-12-02' as "2 December 2026" / "2. Dezember 2026": the day the server names, whatever the local time zone.
function formatDay(day: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

export const SessionSummaryPage = withQueries(function SessionSummaryPage({ sessionId }: { sessionId: string }) {
  const { data: deckSummary, error } = useQuery(routeQuery(routes.sessionSummary, { params: { id: sessionId } }));
  // The prompts in the page's language where the deck has them (the downloads stay in the deck's language).
  const language = useDeckLanguage();
  const summary = useMemo(
    () => deckSummary && { ...deckSummary, prompts: deckSummary.prompts.map((prompt) => localizePrompt(prompt, language)) },
    [deckSummary, language],
  );
  // What failed: the server's error, or null for one the client noticed itself.
  const failed = useLoginRedirect(error);
  const loadError = failed ? { failure: failed instanceof ApiError ? failed : null } : null;
  const [downloadError, setDownloadError] = useState<{ failure: ApiError | null } | null>(null);
  const { t } = useTranslation('facilitator');
  const { t: tc, i18n } = useTranslation();
  const errorText = useErrorText();

  const download = async (format: ExportFormat) => {
    setDownloadError(null);
    try {
      await downloadFile(routeUrl(routes.exportSession, { params: { id: sessionId }, query: { format } }), `candor-summary.${format}`);
    } catch (caught) {
      setDownloadError({ failure: caught instanceof ApiError ? caught : null });
    }
  };

  const nav = (
    <nav className="no-print breadcrumbs" aria-label={t('summary.back')}>
      <Link to="/console">{t('summary.console')}</Link>
      <span aria-hidden="true"> › </span>
      <Link to={`/console/sessions/${encodeURIComponent(sessionId)}`}>{t('summary.session')}</Link>
    </nav>
  );

  if (loadError || !summary) {
    return (
      <main className="page">
        {nav}
        <h1>{t('summary.heading')}</h1>
        {loadError ? (
          <p className="error" role="alert">
            {loadError.failure ? errorText(loadError.failure) : t('summary.loadError')}
          </p>
        ) : (
          <p role="status">{tc('loading')}</p>
        )}
      </main>
    );
  }

  const resultOf = new Map(summary.results.map((result) => [result.promptId, result]));
  const released = summary.prompts.filter((prompt) => resultOf.has(prompt.id));
  const notReleased = summary.prompts.filter((prompt) => !resultOf.has(prompt.id));

  return (
    <main className="page summary">
      {nav}
      <h1>{t('summary.title', { title: summary.title })}</h1>
      <p className="muted">
        {summary.phase === 'ended' ? t('summary.ended') : t('summary.running')} ·{' '}
        <time dateTime={summary.date}>{t('summary.date', { date: formatDay(summary.date, i18n.resolvedLanguage ?? 'en') })}</time> ·{' '}
        {t('summary.threshold', { k: summary.k })} ·{' '}
        {t('summary.released', { released: released.length, total: summary.prompts.length })}
      </p>
      <p className="not-consent" data-testid="not-consent">
        {t('summary.notConsent')}
      </p>

      <section aria-labelledby="export-heading" className="card no-print">
        <h2 id="export-heading">{t('summary.export.heading')}</h2>
        <p className="hint">{t('summary.export.hint')}</p>
        <div className="controls">
          {FORMATS.map((format) => (
            <button key={format} type="button" onClick={() => void download(format)}>
              {t(`summary.export.${format}`)}
            </button>
          ))}
          <button type="button" onClick={() => window.print()}>
            {t('summary.export.print')}
          </button>
        </div>
        <p>
          <DeleteSession sessionId={sessionId} label={summary.title} onDeleted={() => navigate('/console', { replace: true })} />
        </p>
        {downloadError && (
          <p className="error" role="alert">
            {downloadError.failure ? errorText(downloadError.failure) : t('summary.export.error')}
          </p>
        )}
      </section>

      {released.length === 0 && <p>{t('summary.noneReleased')}</p>}
      {released.map((prompt) => {
        const result = resultOf.get(prompt.id);
        if (!result) return null;
        const number = summary.prompts.indexOf(prompt) + 1;
        return (
          <article key={prompt.id} className="card summary-item" aria-labelledby={`summary-${prompt.id}`}>
            <h2 id={`summary-${prompt.id}`}>
              {number}. {prompt.title}
            </h2>
            {prompt.body && <p>{prompt.body}</p>}
            <ResultView prompt={prompt} result={result} headingLevel={3} explain />
          </article>
        );
      })}

      {notReleased.length > 0 && (
        <section aria-labelledby="unreleased-heading" className="card summary-item">
          <h2 id="unreleased-heading">{t('summary.notReleased.heading')}</h2>
          <p className="hint">{t('summary.notReleased.hint')}</p>
          <ul>
            {notReleased.map((prompt) => (
              <li key={prompt.id}>
                {summary.prompts.indexOf(prompt) + 1}. {prompt.title}
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
});
