import type { HomeworkAudience, Prompt } from '@candor/shared';
import { PROTOCOL_VERSION } from '@candor/shared/rules';
import * as routes from '@candor/shared/routes';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localizeSessionState } from '../../i18n/deck-language';
import { useErrorText } from '../../i18n/error-text';
import { useDeckLanguage } from '../../i18n/use-deck-language';
import { ApiError, call } from '../../lib/api';
import { routeQuery, useLoginRedirect, withQueries } from '../../lib/queries';
import { Link } from '../../lib/router';
import { useLocation } from '../../lib/router';
import { copyLink } from '../../lib/copy-link';
import { useSessionSocket } from '../../lib/use-session-socket';
import { homeworkLink } from '../homework/homework-progress';
import { JoinQr } from '../join-links/join-qr';
import { ResultView } from '../results/result-view';
import type { HomeworkHandover } from './homework-assign';
import { HomeworkTalkThrough } from './homework-talk-through';
import { AccessPanel } from './access-panel';
import { SeatsPanel } from './seats-panel';
import { formatShort } from './homework-assign';
import '../../i18n/facilitator-texts';
import '../../i18n/homework-texts';

type SeatLabelKey = 'page.partnerA' | 'page.partnerB' | 'page.client' | 'page.group';

// Each seat's name on this page, in link order. A further audience adds its names here.
function seatLabels(audience: HomeworkAudience, count: number): SeatLabelKey[] {
  if (audience === 'couple') return ['page.partnerA', 'page.partnerB'].slice(0, count) as SeatLabelKey[];
  // A group's one link; its seats are never listed (nobody in a group can be told apart).
  if (audience === 'group') return ['page.group'];
  return Array.from({ length: count }, () => 'page.client' as const);
}

function invitesFrom(historyState: unknown): (string | null)[] | null {
  const invites = (historyState as Partial<HomeworkHandover> | null)?.homeworkInvites;
  return Array.isArray(invites) ? invites : null;
}

// The therapist's page of one homework: who has finished (never what or how much anyone answered), until
// when it is open, its links right after assigning, and for a couple the reveal.
export const HomeworkConsolePage = withQueries(function HomeworkConsolePage({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation('homework');
  const { t: tf } = useTranslation('facilitator');
  const { t: tc, i18n } = useTranslation();
  const errorText = useErrorText();
  const language = useDeckLanguage();
  const stored = useQuery(routeQuery(routes.getSession, { params: { id: sessionId } }));
  const deck = useQuery({ ...routeQuery(routes.sessionSummary, { params: { id: sessionId } }), enabled: stored.isSuccess });
  const failed = useLoginRedirect(stored.error ?? deck.error);
  // Finished flags as they change, from the facilitator's socket (the same state every role gets).
  const auth = useMemo(() => ({ role: 'facilitator' as const, protocol: PROTOCOL_VERSION, sessionId }), [sessionId]);
  const live = useSessionSocket(auth);
  const held = live.state ?? stored.data?.state ?? null;
  const state = held && localizeSessionState(held, language);

  // Links handed over by the console right after assigning: shown now, gone on a reload.
  const { state: historyState } = useLocation();
  const [invites, setInvites] = useState<(string | null)[] | null>(() => invitesFrom(historyState));
  useEffect(() => {
    if (invitesFrom(window.history.state)) window.history.replaceState(null, '', window.location.pathname);
  }, []);
  const renew = useMutation({ mutationFn: () => call(routes.homeworkInvites, { params: { id: sessionId } }), onSuccess: (data) => setInvites(data.invites) });
  const release = useMutation({ mutationFn: () => call(routes.releaseHomework, { params: { id: sessionId } }), onSuccess: () => void stored.refetch() });

  // The reveal came (both finished): read its results.
  const revealed = state?.phase === 'released';
  // A viewer of a homework shared with them reads it: no links, no release, no talking through.
  const viewing = stored.data?.access === 'view';
  const refetched = useRef(false);
  const { refetch } = stored;
  const haveResults = (stored.data?.results.length ?? 0) > 0;
  useEffect(() => {
    if (revealed && !haveResults && !refetched.current) {
      refetched.current = true;
      void refetch();
    }
  }, [revealed, haveResults, refetch]);

  const nav = (
    <nav className="breadcrumbs" aria-label={t('page.back')}>
      <Link to="/console">{t('page.console')}</Link>
    </nav>
  );

  if (failed || !state || !state.homework) {
    return (
      <main className="page">
        {nav}
        <h1>{t('console.heading')}</h1>
        {failed ? (
          <p className="error" role="alert">
            {failed instanceof ApiError ? errorText(failed) : t('page.loadError')}
          </p>
        ) : (
          <p role="status">{tc('loading')}</p>
        )}
      </main>
    );
  }

  const homework = state.homework;
  const couple = homework.audience === 'couple';
  const group = homework.audience === 'group';
  // A couple's and a group's homework can be shown; a client's never.
  const shown = couple || group;
  const labels = seatLabels(homework.audience, homework.finished.length);
  const prompts: Prompt[] = deck.data?.prompts ?? [];
  const results = stored.data?.results ?? [];
  const resultOf = new Map(results.map((result) => [result.promptId, result]));
  const when = formatShort(homework.closesAt, i18n.resolvedLanguage);

  return (
    <main className="page summary homework-console">
      {nav}
      <h1>{t('page.title', { title: state.title })}</h1>
      <p className="muted" data-testid="homework-standing">
        {t(couple ? 'page.forCouple' : group ? 'page.forGroup' : 'page.forClient')} · {homework.closed ? t('page.closedAt', { date: when }) : t('page.openUntil', { date: when })}
      </p>

      <section aria-labelledby="seats-heading" className="card">
        <h2 id="seats-heading">{t('page.seats')}</h2>
        <p className="hint">{t('page.seatsHint')}</p>
        {group ? (
          <p data-testid="homework-group-count">
            {homework.closed ? t('page.groupCountExact', { opened: state.participants, finished: state.finished }) : t('page.groupCount', { opened: state.participants, finished: state.finished })}
          </p>
        ) : (
          <ul className="homework-seats" data-testid="homework-seats">
            {labels.map((label, i) => (
              <li key={i} data-finished={homework.finished[i] ? 'yes' : 'no'}>
                <strong>{t(label)}:</strong> {homework.finished[i] ? t('page.finished') : t('page.notFinished')}
              </li>
            ))}
          </ul>
        )}
        {!shown && <p className="hint">{t('page.clientNote')}</p>}
        {couple && !revealed && !homework.closed && <p className="hint">{t('page.waitingReveal')}</p>}
      </section>

      {!homework.closed && !revealed && !viewing && (
        <section aria-labelledby="links-heading" className="card">
          <h2 id="links-heading">{t('page.links.heading')}</h2>
          {invites && (
            <>
              <p className="notice" data-testid="links-once">
                {group ? t('page.links.onceGroup') : t('page.links.once')}
              </p>
              {invites.map((invite, i) =>
                invite ? (
                  <SeatLink key={`${i}-${invite}`} label={t(labels[i])} url={homeworkLink(window.location.origin, sessionId, invite, homework.audience)} index={i} />
                ) : (
                  <p key={i}>{t('page.links.opened', { seat: t(labels[i]) })}</p>
                ),
              )}
              {invites.every((invite) => invite === null) && <p>{t('page.links.allOpened')}</p>}
            </>
          )}
          <p className="hint">{t('page.links.renewHint')}</p>
          <button type="button" disabled={renew.isPending} onClick={() => renew.mutate()}>
            {t('page.links.renew')}
          </button>
          {renew.error && (
            <p className="error" role="alert">
              {renew.error instanceof ApiError ? errorText(renew.error) : t('page.links.renewFailed')}
            </p>
          )}
        </section>
      )}

      {/* A lost phone: a new link for a seat (the old phone stops working at once); a group's seats cannot be told apart. */}
      {!group && !homework.closed && !revealed && !viewing && <SeatsPanel sessionId={sessionId} audience={couple ? 'couple' : 'client'} />}

      {shown && homework.closed && !revealed && !viewing && (
        <section aria-labelledby="release-heading" className="card">
          <h2 id="release-heading">{t('page.release.button')}</h2>
          <p className="hint">{group ? t('page.release.hintGroup') : t('page.release.hint')}</p>
          <button type="button" className="primary" disabled={release.isPending} onClick={() => release.mutate()}>
            {t('page.release.button')}
          </button>
          {release.error && (
            <p className="error" role="alert">
              {release.error instanceof ApiError ? errorText(release.error) : t('page.release.failed')}
            </p>
          )}
        </section>
      )}

      {shown && revealed && (
        <section aria-labelledby="results-heading" data-testid="homework-results">
          <h2 id="results-heading">{group ? t('page.resultsGroup') : t('page.results')}</h2>
          <p className="not-consent" data-testid="not-consent">
            {tf('summary.notConsent')}
          </p>
          {prompts.map((prompt, index) => {
            const result = resultOf.get(prompt.id);
            if (!result) return null;
            return (
              <article key={prompt.id} className="card summary-item" aria-labelledby={`summary-${prompt.id}`}>
                <h3 id={`summary-${prompt.id}`}>
                  {index + 1}. {prompt.title}
                </h3>
                {result.distribution ? (
                  <ResultView prompt={prompt} result={result} headingLevel={3} explain />
                ) : (
                  <p className="hint">{group ? t('page.fewGroup', { k: result.k }) : t('page.nothing')}</p>
                )}
              </article>
            );
          })}
        </section>
      )}

      {/* After the reveal or the release: a question's result on a presenter screen, and a group's texts to read. */}
      {shown && revealed && !viewing && <HomeworkTalkThrough sessionId={sessionId} />}

      {stored.data?.access === 'owner' && <AccessPanel sessionId={sessionId} />}
    </main>
  );
});

function SeatLink({ label, url, index }: { label: string; url: string; index: number }) {
  const { t } = useTranslation('homework');
  const inputRef = useRef<HTMLInputElement>(null);
  const [note, setNote] = useState<'copied' | 'selected' | null>(null);
  const id = `homework-link-${index}`;
  const copy = async () => {
    setNote(await copyLink(url, inputRef.current));
  };
  return (
    <div className="homework-link">
      <label htmlFor={id}>{t('page.links.label', { seat: label })}</label>
      <div className="copy-row">
        <input id={id} ref={inputRef} readOnly value={url} onFocus={(event) => event.target.select()} />
        <button type="button" aria-label={t('page.links.copyLabel', { seat: label })} onClick={() => void copy()}>
          {t('page.links.copy')}
        </button>
      </div>
      <p className="hint" aria-live="polite">
        {note && t(`page.links.${note}`)}
      </p>
      <JoinQr url={url} size={160} />
    </div>
  );
}
