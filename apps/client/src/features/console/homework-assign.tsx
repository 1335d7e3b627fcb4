import type { DeckSummary, HomeworkAudience, SessionAccess, SessionState } from '@candor/shared';
import { HOMEWORK_MAX_DAYS } from '@candor/shared/rules';
import * as routes from '@candor/shared/routes';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n/error-text';
import { ApiError, call } from '../../lib/api';
import { CheckWithHint } from '../../lib/check-with-hint';
import { Link, navigate } from '../../lib/router';
import { DeleteSession } from './delete-session';
import '../../i18n/homework-texts';

// Who a homework can be for. A further audience (a group, one link for many) is one more entry here and its
// words under homework.console.
const AUDIENCES = [
  { audience: 'couple', label: 'console.audienceCouple' },
  { audience: 'client', label: 'console.audienceClient' },
  { audience: 'group', label: 'console.audienceGroup' },
] as const satisfies readonly { audience: HomeworkAudience; label: string }[];

const DAY_MS = 24 * 3600 * 1000;

// A moment as a datetime-local input shows it: local time, to the minute.
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

// The links go to the homework page through the history entry's state, which that page reads once and clears:
// they are shown only then, and a reload does not bring them back.
export type HomeworkHandover = { homeworkInvites: string[] };

// "Assign as homework": a deck, who it is for, and until when; then the homework's page with its links.
export function HomeworkAssign({ decks }: { decks: readonly DeckSummary[] }) {
  const { t } = useTranslation('homework');
  const errorText = useErrorText();
  const [deckId, setDeckId] = useState(decks[0]?.id ?? '');
  const [audience, setAudience] = useState<HomeworkAudience>('couple');
  const [closesAt, setClosesAt] = useState(() => toLocalInput(new Date(Date.now() + 7 * DAY_MS)));
  const [blindReveal, setBlindReveal] = useState(false);
  // Folded until asked for, so that the console's first screen stays about starting a session.
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ failure: ApiError | null; invalid?: boolean } | null>(null);
  const now = Date.now();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const moment = new Date(closesAt);
    if (Number.isNaN(moment.getTime()) || moment.getTime() <= Date.now() || moment.getTime() > Date.now() + HOMEWORK_MAX_DAYS * DAY_MS) {
      setProblem({ failure: null, invalid: true });
      return;
    }
    setBusy(true);
    setProblem(null);
    call(routes.createHomework, { body: { deckId, audience, closesAt: moment.toISOString(), blindReveal: audience === 'couple' && blindReveal } })
      .then((created) => {
        const handover: HomeworkHandover = { homeworkInvites: created.invites };
        navigate(`/console/homework/${created.state.id}`, { state: handover });
      })
      .catch((caught: unknown) => {
        setProblem({ failure: caught instanceof ApiError ? caught : null });
        setBusy(false);
      });
  };

  return (
    <section aria-labelledby="homework-heading" className="card">
      <h2 id="homework-heading">{t('console.heading')}</h2>
      <p>{t('console.intro')}</p>
      <button type="button" aria-expanded={open} aria-controls="homework-form" onClick={() => setOpen((was) => !was)}>
        {t('console.toggle')}
      </button>
      <form id="homework-form" onSubmit={submit} hidden={!open}>
        <label htmlFor="homework-deck">{t('console.deck')}</label>
        <select id="homework-deck" value={deckId} onChange={(event) => setDeckId(event.target.value)}>
          {decks.map((deck) => (
            <option key={deck.id} value={deck.id}>
              {deck.title}
            </option>
          ))}
        </select>
        <fieldset className="mode-choice">
          <legend>{t('console.audience')}</legend>
          {AUDIENCES.map((choice) => (
            <label key={choice.audience} className="check">
              <input type="radio" name="homework-audience" value={choice.audience} checked={audience === choice.audience} onChange={() => setAudience(choice.audience)} />
              <span>{t(choice.label)}</span>
            </label>
          ))}
        </fieldset>
        {audience === 'couple' && (
          <CheckWithHint id="homework-blind-hint" label={t('console.blindReveal')} hint={t('console.blindHint')} checked={blindReveal} onChange={setBlindReveal} />
        )}
        <label htmlFor="homework-closes">{t('console.closesAt')}</label>
        <input
          id="homework-closes"
          type="datetime-local"
          value={closesAt}
          min={toLocalInput(new Date(now))}
          max={toLocalInput(new Date(now + HOMEWORK_MAX_DAYS * DAY_MS))}
          onChange={(event) => setClosesAt(event.target.value)}
          aria-describedby="homework-closes-hint"
          aria-invalid={problem?.invalid ? true : undefined}
        />
        <p id="homework-closes-hint" className="hint">
          {t('console.closesHint', { days: HOMEWORK_MAX_DAYS })}
        </p>
        {problem && (
          <p className="error" role="alert">
            {problem.invalid ? t('console.closesInvalid', { days: HOMEWORK_MAX_DAYS }) : problem.failure ? errorText(problem.failure) : t('console.failed')}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy || !deckId}>
          {t('console.assign')}
        </button>
      </form>
    </section>
  );
}

// One homework in the console's list: where it stands (open until…, finished n of 2, closed, revealed), linked to
// its own page rather than the live console. Only "finished" flags: never a count of answers.
export function HomeworkRow({ state, access = 'owner', onDeleted }: { state: SessionState; access?: SessionAccess; onDeleted: () => void }) {
  const { t, i18n } = useTranslation('homework');
  const { t: tf } = useTranslation('facilitator');
  const homework = state.homework;
  if (!homework) return null;
  const finished = homework.finished.filter(Boolean).length;
  const standing =
    state.phase === 'released'
      ? t('console.revealed')
      : homework.closed
        ? t('console.closed')
        : t('console.open', { date: formatShort(homework.closesAt, i18n.resolvedLanguage) });
  return (
    <li data-testid="homework-row">
      <Link to={`/console/homework/${state.id}`}>{state.title}</Link>
      <span className="muted">
        {' '}
        · {t(`console.${homework.audience}`)} · {standing} ·{' '}
        {homework.audience === 'group'
          ? t('console.groupCount', { opened: state.participants, finished: state.finished })
          : t('console.finishedCount', { finished, total: homework.finished.length })}{' '}
      </span>
      {access === 'owner' ? (
        <DeleteSession sessionId={state.id} label={state.title} onDeleted={onDeleted} />
      ) : (
        <span className="badge" data-testid="shared-role">
          {tf(access === 'co-run' ? 'console.sessions.sharedCoRun' : 'console.sessions.sharedView')}
        </span>
      )}
    </li>
  );
}

export function formatShort(iso: string, language: string | undefined): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short' });
}
