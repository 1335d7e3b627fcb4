import type { Prompt, SessionState, Snapshot } from '@candor/shared';
import { isBlindPrompt, PROTOCOL_VERSION } from '@candor/shared/rules';
import type { TFunction } from 'i18next';
import { createContext, lazy, Suspense, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { localizeSessionState } from '../../i18n/deck-language';
import { useErrorText } from '../../i18n/error-text';
import { useDeckLanguage } from '../../i18n/use-deck-language';
import { Link } from '../../lib/router';
import { sendCommand, type CandorSocket, type CommandError } from '../../lib/socket';
import { useLatest } from '../../lib/use-latest';
import { useSessionSocket } from '../../lib/use-session-socket';
import { ResultView } from '../results/result-view';
import { AnswerForm, inOwnOrder } from '../answer-forms';
import { PausedScreen, StepOutScreen, WithdrawControl, WithdrawnScreen } from './care-controls';
import { FinishControl, RevealNote, SelfRunControls, ShareWithPartner, type Finishing } from './couple-controls';
import { latestPending } from './pending-answers';
import { forgetSeatToken, readSeatToken } from '../../lib/seat-token';
import { useAnswerSync, type AnswerSync } from './use-answer-sync';
import { useKeptReveals, type KeptReveal } from './kept-reveals';

// A self-run couple's ended screen (print, download): loaded once the first reveal is kept, while online.
const loadWhatWeShared = () => import('./what-we-shared-view');
const WhatWeShared = lazy(() => loadWhatWeShared().then((m) => ({ default: m.WhatWeShared })));
// A self-run couple's partner asked to confirm a seat moving to a new phone: rare, so loaded on demand.
const BlindCompare = lazy(() => import('./blind-compare').then((m) => ({ default: m.BlindCompare })));
const ReclaimConfirm = lazy(() => import('./seat-move').then((m) => ({ default: m.ReclaimConfirm })));

// The seat's own seed for its shuffled order, from its snapshot (the same on every phone the seat moves to).
const SeatSeed = createContext<string | null>(null);

export function PlayPage({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation('participant');
  const errorText = useErrorText();
  const token = useMemo(() => readSeatToken(sessionId), [sessionId]);
  const [withdrawn, setWithdrawn] = useState(false);
  // The session's name and the question in the page's language; ids and answers stay as the server has them.
  // The server sends the deck's text in this one language only, so a switch reconnects for a fresh snapshot.
  const language = useDeckLanguage();
  // After withdrawing there is no seat left to connect with.
  const auth = useMemo(
    () => (token && !withdrawn ? { role: 'participant' as const, protocol: PROTOCOL_VERSION, token, language } : null),
    [token, withdrawn, language],
  );
  const sync = useAnswerSync();
  // The open prompt this partner said "I'm finished" with (couples), as the server last told it.
  const [finishedPrompt, setFinishedPrompt] = useState<string | null>(null);
  // Whether this partner asked to talk to the therapist alone, as the server last told it (couples with a therapist).
  const [talkAlone, setTalkAlone] = useState(false);
  const [talkAloneFailed, setTalkAloneFailed] = useState(false);
  const [seed, setSeed] = useState<string | null>(null);
  // A self-run couple: a new phone asks to take a seat (this phone types its code, or declines).
  const [reclaimPending, setReclaimPending] = useState(false);
  const onSnapshot = useCallback(
    (snapshot: Snapshot, socket: CandorSocket) => {
      sync.onSnapshot(snapshot, socket);
      setSeed(snapshot.mySeed ?? null);
      setFinishedPrompt(snapshot.myFinished ? (snapshot.state.prompt?.id ?? null) : null);
      setTalkAlone(snapshot.myTalkAlone ?? false);
    },
    [sync.onSnapshot],
  );
  const { socket, state: deckState, status, refusal, applyState } = useSessionSocket(auth, { onSnapshot, onDisconnect: sync.onDisconnect });
  const state = useMemo(() => deckState && localizeSessionState(deckState, language), [deckState, language]);
  // A self-run couple's reveals, in memory until the page closes, for the ended screen.
  const { kept, keep } = useKeptReveals(state, sync.saved);
  const keeping = kept.length > 0;
  useEffect(() => {
    if (keeping) void loadWhatWeShared().catch(() => undefined);
  }, [keeping]);
  const care = useCare(socket, () => {
    forgetSeatToken(sessionId);
    setWithdrawn(true);
  });
  const paused = state?.paused ?? false;
  const { resume } = sync;

  useEffect(() => {
    if (!socket) return;
    const onReclaim = ({ pending }: { pending: boolean }) => setReclaimPending(pending);
    socket.on('reclaim:updated', onReclaim);
    return () => void socket.off('reclaim:updated', onReclaim);
  }, [socket]);

  useEffect(() => {
    // Answers refused during a pause wait on this phone; send them the moment it ends.
    if (!paused) resume();
  }, [paused, resume]);

  const seatGone = !token || refusal?.code === 'UNAUTHENTICATED' || refusal?.code === 'SESSION_NOT_FOUND';
  useEffect(() => {
    // A token the server no longer knows would only get in the way of joining again.
    if (refusal?.code === 'UNAUTHENTICATED' || refusal?.code === 'SESSION_NOT_FOUND') forgetSeatToken(sessionId);
  }, [refusal, sessionId]);

  if (withdrawn) return <WithdrawnScreen />;
  if (seatGone) {
    return (
      <Shell>
        <h1>{t('play.seatGone.heading')}</h1>
        <p role="alert">{t('play.seatGone.text')}</p>
        <p>
          <Trans t={t} i18nKey="play.seatGone.back" components={{ start: <Link to="/" /> }} />
        </p>
      </Shell>
    );
  }
  if (refusal?.code === 'SESSION_ENDED') {
    return kept.length > 0 ? (
      <Shell title={state?.title}>
        <CoupleEnded title={state?.title ?? ''} kept={kept} />
      </Shell>
    ) : (
      <Ended />
    );
  }
  if (refusal) {
    return (
      <Shell>
        <h1>{t('play.wentWrong')}</h1>
        <p role="alert">{refusal.code === 'PROTOCOL_MISMATCH' ? t('errors.PROTOCOL_MISMATCH', { ns: 'common' }) : errorText(refusal)}</p>
        <p>
          <Link to="/">{t('play.backToStart')}</Link>
        </p>
      </Shell>
    );
  }

  const withdrawProblem =
    care.withdrawProblem === 'offline'
      ? t('play.notConnected')
      : care.withdrawProblem && t('play.withdrawFailed', { reason: errorText(care.withdrawProblem) });
  const reconnecting = status === 'reconnecting';
  const live = state !== null && state.phase !== 'ended';
  // The question stays mounted under a calm screen, hidden and inert, so that a half-made answer survives.
  const covered = live && (care.away || paused);
  return (
    <Shell title={state?.title}>
      {reconnecting && (
        <p className="banner" role="status">
          {t('play.reconnecting')}
        </p>
      )}
      {/* Phase changes replace the page; this persistent region tells screen reader users what happened. */}
      <p className="sr-only" aria-live="polite">
        {state ? announcement(state, t) : ''}
      </p>
      {live && !care.away && (
        <div className="care-bar">
          <button type="button" className="care-button" disabled={care.busy} onClick={care.stepOut}>
            {t('play.needMoment')}
          </button>
        </div>
      )}
      {live && care.away && (
        <StepOutScreen
          mode={state.mode}
          busy={care.busy}
          problem={care.signalFailed ? t('play.signalFailed') : null}
          onBack={care.comeBack}
          talkAlone={
            state.mode === 'couple' && !state.selfRun
              ? {
                  asking: talkAlone,
                  failed: talkAloneFailed,
                  onChange: (asking) => {
                    setTalkAloneFailed(false);
                    if (!socket) return setTalkAloneFailed(true);
                    void sendCommand(socket, 'participant:talk-alone', { asking }).then((result) => {
                      if (result.ok) setTalkAlone(result.data.asking);
                      else setTalkAloneFailed(true);
                    });
                  },
                }
              : undefined
          }
        />
      )}
      {live && !care.away && paused && <PausedScreen waiting={sync.queue.length > 0} />}
      {live && reclaimPending && socket && (
        <Suspense fallback={null}>
          <ReclaimConfirm socket={socket} onDone={() => setReclaimPending(false)} />
        </Suspense>
      )}
      <div hidden={covered} inert={covered}>
        {state ? (
          <SeatSeed.Provider value={seed}>
            <PhaseView
              state={state}
              sync={sync}
              socket={socket}
              selfRun={state.selfRun}
              applyState={applyState}
              finishedPrompt={finishedPrompt}
              onFinished={setFinishedPrompt}
              kept={kept}
              keep={keep}
            />
          </SeatSeed.Provider>
        ) : (
          !reconnecting && <p role="status">{t('play.connecting')}</p>
        )}
        {sync.failure && (
          <p className="error" role="alert">
            {sync.failure.code === 'PROMPT_NOT_OPEN' ? t('play.answerClosed') : t('play.answerFailed', { reason: errorText(sync.failure) })}
          </p>
        )}
      </div>
      {live && !care.away && <WithdrawControl mode={state.mode} busy={care.busy} problem={withdrawProblem} onConfirm={care.withdraw} />}
    </Shell>
  );
}

type Care = {
  away: boolean;
  busy: boolean;
  // The step-out signal could not be sent.
  signalFailed: boolean;
  // Why withdrawing failed: no connection, or the server's refusal.
  withdrawProblem: 'offline' | CommandError | null;
  stepOut: () => void;
  comeBack: () => void;
  withdraw: () => void;
};

// "I need a moment" and withdrawing. The calm screen shows at once; the signal follows.
function useCare(socket: CandorSocket | null, onWithdrawn: () => void): Care {
  const [away, setAway] = useState(false);
  const [busy, setBusy] = useState(false);
  const [signalFailed, setSignalFailed] = useState(false);
  const [withdrawProblem, setWithdrawProblem] = useState<'offline' | CommandError | null>(null);
  const withdrawnRef = useLatest(onWithdrawn);

  const stepOut = useCallback(() => {
    setAway(true);
    setSignalFailed(false);
    if (!socket) return;
    void sendCommand(socket, 'participant:step-out', { away: true }).then((result) => {
      if (!result.ok) setSignalFailed(true);
    });
  }, [socket]);

  const comeBack = useCallback(() => {
    setAway(false);
    setSignalFailed(false);
    // If this does not arrive, the signal lapses by itself after a few minutes.
    if (socket) void sendCommand(socket, 'participant:step-out', { away: false });
  }, [socket]);

  const withdraw = useCallback(() => {
    if (!socket) {
      setWithdrawProblem('offline');
      return;
    }
    setBusy(true);
    setWithdrawProblem(null);
    void sendCommand(socket, 'participant:withdraw', {}).then((result) => {
      setBusy(false);
      if (result.ok) withdrawnRef.current();
      else setWithdrawProblem(result.error);
    });
  }, [socket]);

  return { away, busy, signalFailed, withdrawProblem, stepOut, comeBack, withdraw };
}

function announcement(state: SessionState, t: TFunction<'participant'>): string {
  if (state.paused && state.phase !== 'ended') return t('play.announce.paused');
  if (state.mode === 'couple' && state.phase === 'released') return t('play.announce.revealed');
  return state.phase === 'lobby' ? '' : t(`play.announce.${state.phase}`);
}

type PhaseProps = {
  state: SessionState;
  sync: AnswerSync;
  socket: CandorSocket | null;
  selfRun: boolean;
  applyState: (state: SessionState) => void;
  finishedPrompt: string | null;
  onFinished: (promptId: string | null) => void;
  kept: readonly KeptReveal[];
  keep: (reveal: KeptReveal) => void;
};

function PhaseView(props: PhaseProps) {
  return props.state.mode === 'couple' ? <CouplePhaseView {...props} /> : <GroupPhaseView state={props.state} sync={props.sync} />;
}

function GroupPhaseView({ state, sync }: { state: SessionState; sync: AnswerSync }) {
  const { t } = useTranslation('participant');
  switch (state.phase) {
    case 'lobby':
      return (
        <section className="card calm">
          <h1>{t('play.lobby.heading')}</h1>
          <p>{t('play.lobby.text')}</p>
        </section>
      );
    case 'open':
      return state.prompt ? <OpenPrompt key={state.prompt.id} prompt={state.prompt} state={state} sync={sync} /> : null;
    case 'closed':
      return (
        <section className="card calm">
          <h1>{t('play.closed.heading')}</h1>
          <p>{t('play.closed.text')}</p>
          {state.prompt && sync.saved[state.prompt.id] && <p className="hint">{t('play.closed.saved')}</p>}
        </section>
      );
    case 'released':
      return (
        <section aria-labelledby="result-heading">
          <h1 id="result-heading">{state.prompt?.title ?? t('play.results')}</h1>
          {state.result ? <ResultView prompt={state.prompt} result={state.result} headingLevel={2} /> : <p>{t('play.noResults')}</p>}
        </section>
      );
    case 'ended':
      return <EndedMessage />;
  }
}

// A couple session: the reveal instead of group results, and in the couple's own session the controls
// that let either partner move on.
function CouplePhaseView({ state, sync, socket, selfRun, applyState, finishedPrompt, onFinished, kept, keep }: PhaseProps) {
  const { t } = useTranslation('participant');
  const errorText = useErrorText();
  const finishing = useFinishing(socket, state, finishedPrompt, onFinished);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<CommandError | null>(null);
  const run = (command: 'prompt:open' | 'session:end') => {
    if (!socket) return;
    setBusy(true);
    setProblem(null);
    void sendCommand(socket, command, {}).then((result) => {
      setBusy(false);
      if (result.ok) applyState(result.data);
      else setProblem(result.error);
    });
  };
  const hasNext = state.promptIndex === null ? state.promptCount > 0 : state.promptIndex + 1 < state.promptCount;
  const bothHere = state.participants >= 2;
  // A list compared on the phones stays open (the server has nothing to reveal): a couple on their own goes on
  // from it once both phones are done comparing.
  const comparedBoth = state.phase === 'open' && comparedOnPhones(state) && state.finished >= 2;
  const canOpen = hasNext && ((state.phase === 'lobby' && bothHere) || state.phase === 'closed' || state.phase === 'released' || comparedBoth);
  const myAnswer = state.prompt ? sync.saved[state.prompt.id] : undefined;

  let body: ReactNode;
  switch (state.phase) {
    case 'lobby':
      body =
        selfRun && !bothHere ? (
          <ShareWithPartner code={state.code} />
        ) : (
          <section className="card calm">
            <h1>{selfRun ? t('couplePlay.bothHere') : t('couplePlay.waiting')}</h1>
            <p>{selfRun ? t('couplePlay.bothHereText') : t('couplePlay.waitingText')}</p>
          </section>
        );
      break;
    case 'open':
      body = state.prompt ? (
        <OpenPrompt
          key={state.prompt.id}
          prompt={state.prompt}
          state={state}
          sync={sync}
          finishing={finishing}
          blind={state.blindReveal ? { socket, selfRun, keep } : undefined}
        />
      ) : null;
      break;
    case 'closed':
      body = (
        <section className="card calm">
          <h1>{t('play.closed.heading')}</h1>
          <p>{t('couplePlay.closedText')}</p>
        </section>
      );
      break;
    case 'released':
      body = (
        <section aria-labelledby="result-heading">
          <h1 id="result-heading">{state.prompt?.title ?? t('couplePlay.yourAnswers')}</h1>
          {state.result ? (
            <ResultView prompt={state.prompt} result={state.result} headingLevel={2} viewer="partner" myAnswer={myAnswer} />
          ) : (
            <p>{t('couplePlay.nothingToShow')}</p>
          )}
        </section>
      );
      break;
    case 'ended':
      return <CoupleEnded title={state.title} kept={kept} />;
  }
  return (
    <>
      {body}
      {selfRun && (
        <SelfRunControls
          busy={busy}
          problem={problem && errorText(problem)}
          onNext={canOpen ? () => run('prompt:open') : null}
          onEnd={() => run('session:end')}
          lastDone={!hasNext && (state.phase === 'released' || comparedBoth)}
        />
      )}
    </>
  );
}

// "I'm finished" with the open prompt, for one partner of a couple.
function useFinishing(
  socket: CandorSocket | null,
  state: SessionState,
  finishedPrompt: string | null,
  onFinished: (promptId: string | null) => void,
): Finishing {
  const { t } = useTranslation('participant');
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const promptId = state.phase === 'open' ? (state.prompt?.id ?? null) : null;
  const mine = promptId !== null && finishedPrompt === promptId;
  const set = (finished: boolean) => {
    if (!promptId) return;
    if (!socket) {
      setProblem(t('play.notConnected'));
      return;
    }
    setBusy(true);
    setProblem(null);
    void sendCommand(socket, 'answer:finish', { promptId, finished }).then((result) => {
      setBusy(false);
      if (result.ok) onFinished(result.data.finished ? result.data.promptId : null);
      else setProblem(t('couplePlay.finish.failed', { reason: errorText(result.error) }));
    });
  };
  return { mine, partner: state.finished - (mine ? 1 : 0) > 0, busy, problem, set };
}

// A couple session with the blind reveal on: its lists are compared on the phones (blind-compare.tsx).
type BlindMode = { socket: CandorSocket | null; selfRun: boolean; keep: (reveal: KeptReveal) => void };
type OpenPromptProps = { prompt: Prompt; state: SessionState; sync: AnswerSync; finishing?: Finishing; blind?: BlindMode };

function OpenPrompt({ prompt, state, sync, finishing, blind }: OpenPromptProps) {
  const couple = finishing !== undefined;
  const compared = blind !== undefined && prompt.kind === 'ynm' && isBlindPrompt(prompt);
  const { t } = useTranslation('participant');
  const pending = latestPending(sync.queue, prompt.id);
  const latest = pending?.value ?? sync.saved[prompt.id];
  const submit = (value: Parameters<AnswerSync['submit']>[1]) => sync.submit(prompt.id, value);
  // A partner's list comes in an order of their own (shuffled-order.ts), the same after a reload.
  // Seats older than their seed order by their token, as before.
  const ownSeed = useContext(SeatSeed);
  const seat = useMemo(() => ownSeed ?? readSeatToken(state.id), [ownSeed, state.id]);
  const ordered = useMemo(() => (couple && seat ? inOwnOrder(prompt, seat) : prompt), [couple, seat, prompt]);
  // Someone who already answered (before a reload, say) has seen the note and chose to go on.
  const [noteRead, setNoteRead] = useState(() => !prompt.contentNote || latest !== undefined);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const revealed = useRef(false);

  // A new question starts at its top, not where the last long list was scrolled to.
  useEffect(() => window.scrollTo({ top: 0 }), []);

  useEffect(() => {
    // After "Show the question", move focus to it so that a screen reader reads it next.
    if (noteRead && revealed.current) headingRef.current?.focus();
  }, [noteRead]);

  const eyebrow = state.promptIndex !== null && (
    <p className="eyebrow">
      {t('play.questionOf', { number: state.promptIndex + 1, total: state.promptCount })}
    </p>
  );

  if (!noteRead && prompt.contentNote) {
    return (
      <section aria-labelledby="note-heading" className="content-gate">
        {eyebrow}
        <h1 id="note-heading">{t('play.gate.heading')}</h1>
        <p className="content-note">
          <strong>{t('contentNote')}</strong> {prompt.contentNote}
        </p>
        <p>{t('play.gate.text')}</p>
        <div className="controls">
          <button
            type="button"
            className="primary"
            onClick={() => {
              revealed.current = true;
              setNoteRead(true);
            }}
          >
            {t('play.gate.show')}
          </button>
          {!compared && (
            <button type="button" onClick={() => submit({ kind: 'pass' })}>
              {t('form.pass')}
            </button>
          )}
        </div>
        {latest?.kind === 'pass' && (
          <p className="save-status" aria-live="polite">
            {pending ? t('play.notYetSaved') : t('play.youPassed')}
          </p>
        )}
      </section>
    );
  }

  return (
    <section aria-labelledby="prompt-heading">
      {eyebrow}
      <h1 id="prompt-heading" ref={headingRef} tabIndex={-1}>
        {prompt.title}
      </h1>
      {prompt.contentNote && (
        <p className="content-note">
          <strong>{t('contentNote')}</strong> {prompt.contentNote}
        </p>
      )}
      {prompt.body && <p>{prompt.body}</p>}
      {compared && ordered.kind === 'ynm' && prompt.kind === 'ynm' ? (
        <Suspense fallback={null}>
          <BlindCompare prompt={ordered} shown={prompt} state={state} socket={blind.socket} selfRun={blind.selfRun} onKept={blind.keep} />
        </Suspense>
      ) : (
        <>
          {couple && <RevealNote prompt={prompt} />}
          {!couple && state.liveResults && (
            <p className="hint" data-testid="live-results-note">
              {t(state.livePhones ? 'play.liveResultsPhones' : 'play.liveResults', { k: state.k })}
            </p>
          )}
          <AnswerForm prompt={ordered} latest={latest} pending={pending !== undefined} onSubmit={submit} context={couple ? 'couple' : 'group'} />
          {/* A phone gets a live result only when the facilitator shows them on phones. */}
          {!couple && state.liveResults && state.result && (
            <section aria-labelledby="live-totals-heading" className="card live-totals" data-testid="phone-live-result">
              <h2 id="live-totals-heading">{t('play.liveTotals')}</h2>
              <ResultView prompt={prompt} result={state.result} headingLevel={3} />
            </section>
          )}
          {finishing && <FinishControl prompt={prompt} saved={sync.saved[prompt.id]} pending={pending !== undefined} finishing={finishing} />}
        </>
      )}
    </section>
  );
}

// A couple's ended screen; a self-run couple's phone still shows what it was shown, until the page closes.
function CoupleEnded({ title, kept }: { title: string; kept: readonly KeptReveal[] }) {
  const { t } = useTranslation('participant');
  return (
    <>
      <section className="card calm">
        <h1>{t('couplePlay.endedHeading')}</h1>
        <p>{t('couplePlay.endedText')}</p>
      </section>
      {kept.length > 0 && (
        <Suspense fallback={null}>
          <WhatWeShared title={title} kept={kept} />
        </Suspense>
      )}
    </>
  );
}

function EndedMessage() {
  const { t } = useTranslation('participant');
  return (
    <section className="card calm">
      <h1>{t('play.ended.heading')}</h1>
      <p>{t('play.ended.text')}</p>
    </section>
  );
}

function Ended() {
  return (
    <Shell>
      <EndedMessage />
    </Shell>
  );
}

function Shell({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <main className="page narrow participant">
      {title && <p className="session-name">{title}</p>}
      {children}
    </main>
  );
}

// The open prompt is a list this session compares on the two phones (the blind reveal).
function comparedOnPhones(state: SessionState): boolean {
  return state.blindReveal && !!state.prompt && isBlindPrompt(state.prompt);
}
