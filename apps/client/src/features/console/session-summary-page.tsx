import type { ExportFormat, SessionSummary } from '@candor/shared';
import { useEffect, useState } from 'react';
import { ApiError, apiGet, downloadFile } from '../../lib/api';
import { Link, navigate } from '../../lib/router';
import { ResultView } from '../results/result-view';

const FORMATS: { format: ExportFormat; label: string }[] = [
  { format: 'csv', label: 'Download CSV' },
  { format: 'json', label: 'Download JSON' },
  { format: 'md', label: 'Download Markdown' },
];

export function SessionSummaryPage({ sessionId }: { sessionId: string }) {
  const [summary, setSummary] = useState<SessionSummary | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [downloadError, setDownloadError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    apiGet<SessionSummary>(`/api/sessions/${encodeURIComponent(sessionId)}/summary`)
      .then((loaded) => {
        if (current) setSummary(loaded);
      })
      .catch((caught: unknown) => {
        if (!current) return;
        if (caught instanceof ApiError && caught.status === 401) navigate('/login', { replace: true });
        else setLoadError(caught instanceof ApiError ? caught.message : 'Could not load the summary.');
      });
    return () => {
      current = false;
    };
  }, [sessionId]);

  const download = async (format: ExportFormat) => {
    setDownloadError(null);
    try {
      await downloadFile(`/api/sessions/${encodeURIComponent(sessionId)}/export?format=${format}`, `candor-summary.${format}`);
    } catch (caught) {
      setDownloadError(caught instanceof ApiError ? caught.message : 'Could not download the file.');
    }
  };

  const nav = (
    <nav className="no-print breadcrumbs" aria-label="Back">
      <Link to="/console">Console</Link>
      <span aria-hidden="true"> › </span>
      <Link to={`/console/sessions/${encodeURIComponent(sessionId)}`}>Session</Link>
    </nav>
  );

  if (loadError || !summary) {
    return (
      <main className="page">
        {nav}
        <h1>Session summary</h1>
        {loadError ? (
          <p className="error" role="alert">
            {loadError}
          </p>
        ) : (
          <p role="status">Loading…</p>
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
      <h1>Summary: {summary.title}</h1>
      <p className="muted">
        {summary.phase === 'ended' ? 'Session ended' : 'Session still running'} · privacy threshold k = {summary.k} · {released.length} of{' '}
        {summary.prompts.length} prompts released
      </p>

      <section aria-labelledby="export-heading" className="card no-print">
        <h2 id="export-heading">Keep a copy</h2>
        <p className="hint">
          The files hold what this page shows: counts, shares and approved texts. Nobody's single answers, and no times.
        </p>
        <div className="controls">
          {FORMATS.map(({ format, label }) => (
            <button key={format} type="button" onClick={() => void download(format)}>
              {label}
            </button>
          ))}
          <button type="button" onClick={() => window.print()}>
            Print
          </button>
        </div>
        {downloadError && (
          <p className="error" role="alert">
            {downloadError}
          </p>
        )}
      </section>

      {released.length === 0 && <p>No results were released in this session.</p>}
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
            <ResultView prompt={prompt} result={result} headingLevel={3} />
          </article>
        );
      })}

      {notReleased.length > 0 && (
        <section aria-labelledby="unreleased-heading" className="card summary-item">
          <h2 id="unreleased-heading">Not released</h2>
          <p className="hint">These prompts were not shown to the room, so they have no results here.</p>
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
}
