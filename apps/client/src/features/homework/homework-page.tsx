import type { HomeworkAudience, Prompt, PromptResult, SessionState, Snapshot } from '@candor/shared';
import { isBlindPrompt, PROTOCOL_VERSION } from '@candor/shared/rules';
import * as routes from '@candor/shared/routes';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { localizeSessionState } from '../../i18n/deck-language';
import { useErrorText } from '../../i18n/error-text';
import { useDeckLanguage } from '../../i18n/use-deck-language';
import { ApiError, call } from '../../lib/api';
import { navigate } from '../../lib/router';
import { forgetSeatToken, readSeatToken, storeSeatToken } from '../../lib/seat-token';
import { sendCommand, type CandorSocket, type CommandError } from '../../lib/socket';
import { useSessionSocket } from '../../lib/use-session-socket';
import { AnswerForm, inOwnOrder } from '../answer-forms';
import { RevealNote } from '../participant/couple-controls';
import { latestPending } from '../participant/pending-answers';
import { useAnswerSync, type AnswerSync } from '../participant/use-answer-sync';
import { ResultView } from '../results/result-view';
import { promptStatus, readHomeworkLink, unansweredPrompts, type PromptStatus } from './homework-progress';
import '../../i18n/homework-texts';

const BlindCompare = lazy(() => import('../participant/blind-compare').then((m) => ({ default: m.BlindCompare })));
const keepNothing = () => undefined;

// A private homework link on a phone (/h/:sessionId#invite=…&for=…): asks consent, exchanges the link's
// one-time invitation for this phone's own seat token, and from then on resumes that seat on every visit.
export function HomeworkPage({ sessionId, hash }: { sessionId: string; hash: string }) {
  const [token, setToken] = useState(() => readSeatToken(sessionId));
  const link = useMemo(() => readHomeworkLink(hash), [hash]);

  useEffect(() => {
    // This phone has its seat: the invitation has done its work and should not stay in the address bar.
    if (token && hash) navigate(`/h/${encodeURIComponent(sessionId)}`, { replace: true });
  }, [token, hash, sessionId]);

  if (token) return <HomeworkSeat token={token} onGone={() => forgetSeatToken(sessionId)} />;
  return (
    <Claim
      invite={link.invite}
      audience={link.audience}
      onClaimed={(seatToken) => {
        storeSeatToken(sessionId, seatToken);
        setToken(seatToken);
      }}
    />
  );
}

function Shell({ title, children }: { title?: string; children: ReactNode }) {
  const { t } = useTranslation('homework');
  return (
    <main className="page narrow participant homework">
      <header className="homework-header">
        <div>
          <p className="eyebrow">{t('phone.eyebrow')}</p>
          {title && <p className="session-name">{title}</p>}
        </div>
      </header>
      {children}
    </main>
  );
}

function Claim({ invite, audience, onClaimed }: { invite: string | null; audience: string | null; onClaimed: (token: string) => void }) {
  const { t } = useTranslation('homework');
  const errorText = useErrorText();
  const [agreed, setAgreed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ caught: unknown } | null>(null);

  if (!invite) return <Message heading={t('phone.missing.heading')} text={t('phone.missing.text')} />;
  if (failure?.caught instanceof ApiError && failure.caught.code === 'UNAUTHENTICATED') {
    return <Message heading={t('phone.used.heading')} text={t('phone.used.text')} />;
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!agreed) return;
    setBusy(true);
    setFailure(null);
    call(routes.claimHomework, { body: { invite, consent: true } })
      .then((seat) => onClaimed(seat.token))
      .catch((caught: unknown) => {
        setFailure({ caught });
        setBusy(false);
      });
  };

  return (
    <Shell>
      <HomeworkPrivacy audience={audience} />
      <form onSubmit={submit} className="card">
        <label className="check">
          <input type="checkbox" checked={agreed} onChange={(event) => setAgreed(event.target.checked)} />
          <span>{t('phone.agree')}</span>
        </label>
        {failure && (
          <p className="error" role="alert">
            {failure.caught instanceof ApiError ? errorText(failure.caught) : t('phone.claimFailed')}
          </p>
        )}
        <button type="submit" className="primary" disabled={!agreed || busy}>
          {t('phone.start')}
        </button>
      </form>
    </Shell>
  );
}

// The privacy statement before the link is opened: the couple's promises where a partner is involved, and
// what homework adds (answered at home, a link that opens once, the therapist sees only "finished").
function HomeworkPrivacy({ audience }: { audience: string | null }) {
  const { t } = useTranslation('homework');
  const { t: tp } = useTranslation('participant');
  const strong = { strong: <strong /> };
  return (
    <section aria-labelledby="privacy-heading" className="card privacy" data-audience={audience ?? 'unknown'}>
      <h2 id="privacy-heading">{tp('privacy.heading')}</h2>
      <ul>
        {audience === 'couple' && (
          <>
            <li>{t('phone.privacy.couple.seats')}</li>
            <li>{t('phone.privacy.couple.atHome')}</li>
            <li>
              <Trans t={tp} i18nKey="privacy.couple.mutual" components={strong} />
            </li>
            <li>{tp('privacy.couple.sideBySide')}</li>
            <li>
              <Trans t={tp} i18nKey="privacy.couple.inference" components={strong} />
            </li>
            <li>{t('phone.privacy.couple.reveal')}</li>
            <li>{t('phone.privacy.couple.therapist')}</li>
          </>
        )}
        {audience === 'client' && (
          <>
            <li>{t('phone.privacy.client.private')}</li>
            <li>{t('phone.privacy.client.atHome')}</li>
            <li>{t('phone.privacy.client.therapist')}</li>
            <li>{t('phone.privacy.client.pass')}</li>
          </>
        )}
        {audience === 'group' && (
          <>
            <li>{t('phone.privacy.group.private')}</li>
            <li>{t('phone.privacy.client.atHome')}</li>
            <li>{t('phone.privacy.group.results')}</li>
            <li>{t('phone.privacy.client.pass')}</li>
          </>
        )}
        <li>{audience === 'group' ? t('phone.privacy.group.link') : t('phone.privacy.once')}</li>
        <li>{t('phone.privacy.stored')}</li>
        <li>{tp('privacy.phoneKey')}</li>
      </ul>
      <p>{audience === 'couple' ? tp('privacy.couple.closing') : tp('privacy.group.closing')}</p>
    </section>
  );
}

function Message({ heading, text, title }: { heading: string; text: string; title?: string }) {
  return (
    <Shell title={title}>
      <section className="card calm">
        <h1>{heading}</h1>
        <p role="alert">{text}</p>
      </section>
    </Shell>
  );
}

type HomeworkPart = NonNullable<Snapshot['homework']>;
type View = { kind: 'list' } | { kind: 'prompt'; index: number } | { kind: 'finish' };

// The seat, resumed with this phone's token: every question, "I've finished", and the reveal.
function HomeworkSeat({ token, onGone }: { token: string; onGone: () => void }) {
  const { t } = useTranslation('homework');
  const errorText = useErrorText();
  const language = useDeckLanguage();
  // The server sends the deck's text in the handshake's language, so a switch reconnects for a fresh snapshot.
  const auth = useMemo(() => ({ role: 'participant' as const, protocol: PROTOCOL_VERSION, token, language }), [token, language]);
  const sync = useAnswerSync();
  const [part, setPart] = useState<HomeworkPart | null>(null);
  // The seat's own seed for its shuffled order (the same after a new link for this seat); older seats use the token.
  const [seed, setSeed] = useState(token);
  const onSnapshot = useCallback(
    (snapshot: Snapshot, socket: CandorSocket) => {
      sync.onSnapshot(snapshot, socket);
      setSeed(snapshot.mySeed ?? token);
      if (snapshot.homework) setPart(snapshot.homework);
    },
    [sync.onSnapshot, token],
  );
  const { socket, state: deckState, status, refusal, applyState } = useSessionSocket(auth, { onSnapshot, onDisconnect: sync.onDisconnect });
  const state = useMemo(() => deckState && localizeSessionState(deckState, language), [deckState, language]);
  const [view, setView] = useState<View>({ kind: 'list' });
  const show = (next: View) => {
    setView(next);
    window.scrollTo({ top: 0 });
  };

  const refresh = useCallback(() => {
    if (!socket) return;
    void sendCommand(socket, 'session:sync', {}).then((result) => {
      if (!result.ok) return;
      applyState(result.data.state);
      if (result.data.homework) setPart(result.data.homework);
    });
  }, [socket, applyState]);

  const phase = state?.phase;
  const revealedWithout = phase === 'released' && part !== null && part.results.length === 0;
  useEffect(() => {
    // The reveal comes as a state change; its results come with a fresh snapshot.
    if (revealedWithout) refresh();
  }, [revealedWithout, refresh]);
  const endedByServer = sync.failure?.code === 'SESSION_ENDED';
  useEffect(() => {
    // An answer refused because the homework closed meanwhile: ask for the state that says so.
    if (endedByServer) refresh();
  }, [endedByServer, refresh]);

  const gone = refusal?.code === 'UNAUTHENTICATED' || refusal?.code === 'SESSION_NOT_FOUND';
  useEffect(() => {
    // A token the server no longer knows (deleted, or past retention) is of no use to keep on this phone.
    if (gone) onGone();
  }, [gone, onGone]);

  if (gone) {
    return <Message heading={t('phone.gone.heading')} text={t('phone.gone.text')} />;
  }
  if (refusal) return <Message heading={t('phone.wentWrong')} text={errorText(refusal)} />;
  if (!state || !part || !state.homework) {
    return (
      <Shell>
        <p role="status">{t('phone.loading')}</p>
      </Shell>
    );
  }

  const homework = state.homework;
  const couple = homework.audience === 'couple';
  const prompts = part.prompts;
  const revealed = state.phase === 'released';
  const closed = homework.closed || endedByServer;
  const onPhones = new Set(state.blindReveal ? prompts.filter(isBlindPrompt).map((prompt) => prompt.id) : []);

  let body: ReactNode;
  if (revealed && couple) body = <Reveal prompts={prompts} results={part.results} sync={sync} />;
  else if (revealed && homework.audience === 'group') body = <GroupResults prompts={prompts} results={part.results} />;
  else if (closed) body = <Closed audience={homework.audience} />;
  else if (part.myFinished) body = <Finished state={state} socket={socket} sync={sync} onChanged={(myFinished) => setPart({ ...part, myFinished })} />;
  else if (view.kind === 'prompt' && prompts[view.index]) {
    body = (
      <Question
        key={prompts[view.index].id}
        prompts={prompts}
        index={view.index}
        couple={couple}
        token={seed}
        sync={sync}
        show={show}
        blind={state.blindReveal ? { state, socket } : undefined}
      />
    );
  } else if (view.kind === 'finish') {
    body = (
      <FinishStep
        prompts={prompts}
        onPhones={onPhones}
        couple={couple}
        socket={socket}
        sync={sync}
        show={show}
        onFinished={() => {
          setPart({ ...part, myFinished: true });
          show({ kind: 'list' });
        }}
      />
    );
  } else body = <Overview prompts={prompts} sync={sync} show={show} onPhones={onPhones} />;

  return (
    <Shell title={state.title}>
      {!closed && !revealed && (
        <p className="hint homework-until" data-testid="open-until">
          {t('phone.openUntil', { date: formatMoment(homework.closesAt, language) })}
        </p>
      )}
      {status === 'reconnecting' && (
        <p className="banner" role="status">
          {t('phone.notConnected')}
        </p>
      )}
      {body}
      {sync.failure && !endedByServer && (
        <p className="error" role="alert">
          {errorText(sync.failure)}
        </p>
      )}
    </Shell>
  );
}

export function formatMoment(iso: string, language: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(language, { dateStyle: 'full', timeStyle: 'short' });
}

type Show = (view: View) => void;

type OverviewProps = { prompts: readonly Prompt[]; sync: AnswerSync; show: Show; onPhones: ReadonlySet<string> };

function Overview({ prompts, sync, show, onPhones }: OverviewProps) {
  const { t } = useTranslation('homework');
  const statuses = prompts.map((prompt) => promptStatus(prompt.id, sync.saved, sync.queue, onPhones));
  const done = statuses.filter((s) => s === 'answered' || s === 'passed').length;
  const firstOpen = Math.max(0, statuses.indexOf('notYet'));
  return (
    <section aria-labelledby="overview-heading">
      <h1 id="overview-heading">{t('phone.overview.heading')}</h1>
      <p>{t('phone.overview.intro')}</p>
      <p className="hint" data-testid="homework-progress">
        {t('phone.overview.progress', { count: done, total: prompts.length })}
      </p>
      <ol className="homework-list">
        {prompts.map((prompt, index) => (
          <li key={prompt.id} data-status={statuses[index]}>
            <button
              type="button"
              className="homework-item"
              aria-label={t('phone.overview.open', { number: index + 1, title: prompt.title })}
              onClick={() => show({ kind: 'prompt', index })}
            >
              <span className="homework-item-title">
                {index + 1}. {prompt.title}
              </span>
              <StatusTag status={statuses[index]} />
            </button>
          </li>
        ))}
      </ol>
      <div className="controls">
        <button type="button" className="primary" onClick={() => show({ kind: 'prompt', index: firstOpen })}>
          {done === 0 ? t('phone.overview.start') : t('phone.question.next')}
        </button>
        <button type="button" onClick={() => show({ kind: 'finish' })}>
          {t('phone.overview.finish')}
        </button>
      </div>
    </section>
  );
}

function StatusTag({ status }: { status: PromptStatus }) {
  const { t } = useTranslation('homework');
  return <span className={`homework-status is-${status}`}>{t(`phone.overview.${status}`)}</span>;
}

// A couple's homework with the blind reveal: its yes/no/maybe lists are compared on the phones (blind-compare.tsx).
type BlindHomework = { state: SessionState; socket: CandorSocket | null };
type QuestionProps = { prompts: readonly Prompt[]; index: number; couple: boolean; token: string; sync: AnswerSync; show: Show; blind?: BlindHomework };

function Question({ prompts, index, couple, token, sync, show, blind }: QuestionProps) {
  const { t } = useTranslation('homework');
  const { t: tp } = useTranslation('participant');
  const prompt = prompts[index];
  const pending = latestPending(sync.queue, prompt.id);
  const latest = pending?.value ?? sync.saved[prompt.id];
  // A partner's list comes in an order of their own (shuffled-order.ts), the same on every visit.
  const ordered = useMemo(() => (couple ? inOwnOrder(prompt, token) : prompt), [couple, token, prompt]);
  const last = index + 1 >= prompts.length;
  return (
    <section aria-labelledby="prompt-heading">
      <p className="eyebrow">{t('phone.question.of', { number: index + 1, total: prompts.length })}</p>
      <h1 id="prompt-heading" tabIndex={-1}>
        {prompt.title}
      </h1>
      {prompt.contentNote && (
        <p className="content-note">
          <strong>{tp('contentNote')}</strong> {prompt.contentNote}
        </p>
      )}
      {prompt.body && <p>{prompt.body}</p>}
      {blind && prompt.kind === 'ynm' && ordered.kind === 'ynm' && isBlindPrompt(prompt) ? (
        <Suspense fallback={null}>
          <BlindCompare prompt={ordered} shown={prompt} state={blind.state} socket={blind.socket} selfRun={false} onKept={keepNothing} homework />
        </Suspense>
      ) : (
        <>
          {couple && <RevealNote prompt={prompt} />}
          <AnswerForm
            prompt={ordered}
            latest={latest}
            pending={pending !== undefined}
            onSubmit={(value) => sync.submit(prompt.id, value)}
            context={couple ? 'couple' : 'solo'}
          />
        </>
      )}
      <nav className="controls homework-nav" aria-label={t('phone.question.list')}>
        {index > 0 && (
          <button type="button" onClick={() => show({ kind: 'prompt', index: index - 1 })}>
            {t('phone.question.previous')}
          </button>
        )}
        {last ? (
          <button type="button" className="primary" onClick={() => show({ kind: 'finish' })}>
            {t('phone.question.toFinish')}
          </button>
        ) : (
          <button type="button" className="primary" onClick={() => show({ kind: 'prompt', index: index + 1 })}>
            {t('phone.question.next')}
          </button>
        )}
        <button type="button" onClick={() => show({ kind: 'list' })}>
          {t('phone.question.list')}
        </button>
      </nav>
    </section>
  );
}

type FinishStepProps = {
  prompts: readonly Prompt[];
  onPhones: ReadonlySet<string>;
  couple: boolean;
  socket: CandorSocket | null;
  sync: AnswerSync;
  show: Show;
  onFinished: () => void;
};

function FinishStep({ prompts, onPhones, couple, socket, sync, show, onFinished }: FinishStepProps) {
  const { t } = useTranslation('homework');
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<CommandError | 'offline' | null>(null);
  const unanswered = unansweredPrompts(prompts, sync.saved, sync.queue, onPhones);
  const waiting = sync.queue.length > 0;

  const finish = () => {
    if (!socket?.connected) return setProblem('offline');
    setBusy(true);
    setProblem(null);
    void sendCommand(socket, 'homework:finish', { finished: true }).then((result) => {
      setBusy(false);
      if (result.ok) onFinished();
      else setProblem(result.error);
    });
  };

  return (
    <section aria-labelledby="finish-heading" className="card">
      <h1 id="finish-heading">{t('phone.finishStep.heading')}</h1>
      {unanswered.length === 0 ? (
        <p>{t('phone.finishStep.allAnswered')}</p>
      ) : (
        <>
          <p data-testid="unanswered-note">
            {t(couple ? 'phone.finishStep.unansweredCouple' : 'phone.finishStep.unansweredClient', { count: unanswered.length })}
          </p>
          <ul className="homework-unanswered" data-testid="unanswered">
            {unanswered.map((prompt) => (
              <li key={prompt.id}>
                <button type="button" className="link-button" onClick={() => show({ kind: 'prompt', index: prompts.indexOf(prompt) })}>
                  {prompts.indexOf(prompt) + 1}. {prompt.title}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {waiting && <p role="status">{t('phone.finishStep.waiting')}</p>}
      {problem && (
        <p className="error" role="alert">
          {problem === 'offline' ? t('phone.finishStep.offline') : t('phone.finishStep.failed', { reason: errorText(problem) })}
        </p>
      )}
      <div className="controls">
        <button type="button" className="primary" disabled={busy || waiting} onClick={finish}>
          {t('phone.finishStep.confirm')}
        </button>
        <button type="button" onClick={() => show({ kind: 'list' })}>
          {t('phone.finishStep.back')}
        </button>
      </div>
    </section>
  );
}

type FinishedProps = { state: SessionState; socket: CandorSocket | null; sync: AnswerSync; onChanged: (finished: boolean) => void };

function Finished({ state, socket, onChanged }: FinishedProps) {
  const { t } = useTranslation('homework');
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<CommandError | 'offline' | null>(null);
  const couple = state.homework?.audience === 'couple';
  // Both flags are shown to both: this seat knows its own, so the other's says no more than a count.
  const partnerFinished = couple && (state.homework?.finished.filter(Boolean).length ?? 0) >= 2;

  const undo = () => {
    if (!socket?.connected) return setProblem('offline');
    setBusy(true);
    setProblem(null);
    void sendCommand(socket, 'homework:finish', { finished: false }).then((result) => {
      setBusy(false);
      if (result.ok) onChanged(result.data.finished);
      else setProblem(result.error);
    });
  };

  return (
    <section aria-labelledby="finished-heading" className="card calm">
      <h1 id="finished-heading">{t('phone.finished.heading')}</h1>
      <p>{t(`phone.finished.${state.homework?.audience ?? 'client'}`)}</p>
      {partnerFinished && <p>{t('phone.finished.partnerFinished')}</p>}
      <p className="hint">{couple ? t('phone.finished.undoHint') : t('phone.finished.undoHintClient')}</p>
      {problem && (
        <p className="error" role="alert">
          {problem === 'offline' ? t('phone.finishStep.offline') : t('phone.finishStep.failed', { reason: errorText(problem) })}
        </p>
      )}
      <div className="controls">
        <button type="button" disabled={busy} onClick={undo}>
          {t('phone.finished.undo')}
        </button>
      </div>
    </section>
  );
}

function Closed({ audience }: { audience: HomeworkAudience }) {
  const { t } = useTranslation('homework');
  return (
    <section className="card calm" aria-labelledby="closed-heading">
      <h1 id="closed-heading">{t('phone.closed.heading')}</h1>
      <p>{t(`phone.closed.${audience}`)}</p>
    </section>
  );
}

// A group's homework once the facilitator released it: the group's combined results, each under k as live.
function GroupResults({ prompts, results }: { prompts: readonly Prompt[]; results: readonly PromptResult[] }) {
  const { t } = useTranslation('homework');
  const resultOf = new Map(results.map((result) => [result.promptId, result]));
  return (
    <section aria-labelledby="group-results-heading">
      <h1 id="group-results-heading">{t('phone.groupResults.heading')}</h1>
      <p>{t('phone.groupResults.text')}</p>
      {prompts.map((prompt, index) => {
        const result = resultOf.get(prompt.id);
        if (!result) return null;
        return (
          <article key={prompt.id} className="card summary-item" aria-labelledby={`group-result-${prompt.id}`}>
            <h2 id={`group-result-${prompt.id}`}>
              {index + 1}. {prompt.title}
            </h2>
            {result.distribution ? <ResultView prompt={prompt} result={result} headingLevel={3} /> : <p className="hint">{t('phone.groupResults.few', { k: result.k })}</p>}
          </article>
        );
      })}
    </section>
  );
}

// A couple's reveal: every question's result under its policy, with the couple reveal's own components.
function Reveal({ prompts, results, sync }: { prompts: readonly Prompt[]; results: readonly PromptResult[]; sync: AnswerSync }) {
  const { t } = useTranslation('homework');
  const resultOf = new Map(results.map((result) => [result.promptId, result]));
  return (
    <section aria-labelledby="reveal-heading">
      <h1 id="reveal-heading">{t('phone.revealed.heading')}</h1>
      <p>{t('phone.revealed.text')}</p>
      {prompts.map((prompt, index) => {
        const result = resultOf.get(prompt.id);
        if (!result) return null;
        return (
          <article key={prompt.id} className="card summary-item" aria-labelledby={`reveal-${prompt.id}`}>
            <h2 id={`reveal-${prompt.id}`}>
              {index + 1}. {prompt.title}
            </h2>
            {result.distribution ? (
              <ResultView prompt={prompt} result={result} headingLevel={3} viewer="partner" myAnswer={sync.saved[prompt.id]} />
            ) : (
              // Homework may be finished with questions left open: then there is nothing to compare, said calmly.
              <p className="hint">{t('phone.revealed.nothing')}</p>
            )}
          </article>
        );
      })}
    </section>
  );
}
