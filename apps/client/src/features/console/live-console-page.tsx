import type { SessionAccess, SessionState } from '@candor/shared';
import { PROTOCOL_VERSION } from '@candor/shared/rules';
import * as routes from '@candor/shared/routes';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type ReactNode, type Ref } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { localizeSessionState } from '../../i18n/deck-language';
import { useErrorText } from '../../i18n/error-text';
import { useDeckLanguage } from '../../i18n/use-deck-language';
import { ApiError, call } from '../../lib/api';
import { copyLink } from '../../lib/copy-link';
import { routeQuery, useLoginRedirect, withQueries } from '../../lib/queries';
import { Link, navigate } from '../../lib/router';
import { sendCommand, type CandorSocket, type CommandError, type CommandResult } from '../../lib/socket';
import { useSessionSocket } from '../../lib/use-session-socket';
import { joinUrl, presenterUrl } from '../join-links/join-links';
import { JoinQr } from '../join-links/join-qr';
import { ResultView } from '../results/result-view';
import { SHORTCUTS, useShortcuts, type Shortcut, type ShortcutAction } from './console-shortcuts';
import { ModerationPanel } from './moderation-panel';
import { ResultPreview } from './result-preview';
import { AccessPanel } from './access-panel';
import { SeatsPanel } from './seats-panel';
import { forgetScreenToken, rememberScreenToken, screenTokenFor } from './screen-tokens';
import '../../i18n/facilitator-texts';

type Command = 'prompt:open' | 'prompt:close' | 'results:release' | 'session:end';

export const LiveConsolePage = withQueries(function LiveConsolePage({ sessionId }: { sessionId: string }) {
  const auth = useMemo(
    () => ({
      role: 'facilitator' as const,
      protocol: PROTOCOL_VERSION,
      sessionId,
    }),
    [sessionId],
  );
  const { socket, state: deckState, status, refusal, applyState } = useSessionSocket(auth);
  // The session's name and the prompt in the console's language, as the room's phones show them.
  const language = useDeckLanguage();
  const state = useMemo(() => deckState && localizeSessionState(deckState, language), [deckState, language]);
  const { t } = useTranslation('facilitator');
  const errorText = useErrorText();
  const [commandError, setCommandError] = useState<CommandError | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmEnd, setConfirmEnd] = useState(false);
  const keepGoingRef = useRef<HTMLButtonElement>(null);
  // How many participants are taking a moment; null until the server first says (it tells on changes only).
  const [away, setAway] = useState<number | null>(null);
  // Couples: how many partners asked to talk to the therapist alone (never who).
  const [talkAlone, setTalkAlone] = useState(0);

  useEffect(() => {
    if (!socket) return;
    const onAway = ({ away: count }: { away: number }) => setAway(count);
    socket.on('stepout:updated', onAway);
    const onTalkAlone = ({ asking }: { asking: number }) => setTalkAlone(asking);
    socket.on('talkalone:updated', onTalkAlone);
    return () => {
      socket.off('stepout:updated', onAway);
      socket.off('talkalone:updated', onTalkAlone);
    };
  }, [socket]);
  const joinsLimited = useJoinsLimited(socket);
  // Homework has no live console: its own page shows who has finished.
  const isHomework = Boolean(deckState?.homework);
  useEffect(() => {
    if (isHomework) navigate(`/console/homework/${encodeURIComponent(sessionId)}`, { replace: true });
  }, [isHomework, sessionId]);

  // The session as stored, shown until the socket's snapshot arrives.
  const stored = useQuery(routeQuery(routes.getSession, { params: { id: sessionId } }));
  const failed = useLoginRedirect(stored.error);
  // What failed: the server's error, or null for one the client noticed itself.
  const loadError = failed ? { failure: failed instanceof ApiError ? failed : null } : null;
  useEffect(() => {
    if (stored.data) applyState(stored.data.state);
  }, [stored.data, applyState]);

  useEffect(() => {
    if (refusal?.code === 'UNAUTHENTICATED') navigate('/login', { replace: true });
  }, [refusal]);

  // The owner changing a co-runner's or a viewer's role closes their console, which connects again: the
  // role is read again then (a removed one's console is refused and says so).
  const [accessNow, setAccessNow] = useState<SessionAccess | null>(null);
  const wasConnected = useRef(false);
  useEffect(() => {
    if (status !== 'connected') return;
    if (wasConnected.current) {
      call(routes.getSession, { params: { id: sessionId } }).then(
        (session) => setAccessNow(session.access),
        () => undefined,
      );
    }
    wasConnected.current = true;
  }, [status, sessionId]);

  const send = async (command: (target: CandorSocket) => Promise<CommandResult<SessionState>>) => {
    if (!socket) return;
    setBusy(true);
    setCommandError(null);
    const result = await command(socket);
    setBusy(false);
    setConfirmEnd(false);
    if (result.ok) applyState(result.data);
    else setCommandError(result.error);
  };
  const run = (command: Command) => send((target) => sendCommand(target, command, {}));
  const setPaused = (paused: boolean) => send((target) => sendCommand(target, 'session:pause', { paused }));
  const setLiveResults = (liveResults: boolean) => send((target) => sendCommand(target, 'session:settings', { liveResults }));
  const setLivePhones = (livePhones: boolean) => send((target) => sendCommand(target, 'session:settings', { livePhones }));

  const connected = status === 'connected';
  // A viewer follows the session: every control stays off (the server refuses a viewer's commands anyway).
  const access = accessNow ?? stored.data?.access;
  const viewing = access === 'view';
  const ready = connected && !busy && !viewing;
  // Each control's button and its key share one action: the same handler, enabled under the same rule.
  const enabled = state ? enabledControls(state, ready, confirmEnd) : null;
  const actions: Record<Shortcut, ShortcutAction> = {
    open: {
      enabled: enabled?.open ?? false,
      run: () => void run('prompt:open'),
    },
    close: {
      enabled: enabled?.close ?? false,
      run: () => void run('prompt:close'),
    },
    release: {
      enabled: enabled?.release ?? false,
      run: () => void run('results:release'),
    },
    pause: {
      enabled: enabled?.pause ?? false,
      run: () => void setPaused(!state?.paused),
    },
    end: { enabled: enabled?.end ?? false, run: () => setConfirmEnd(true) },
    cancelEnd: { enabled: confirmEnd, run: () => setConfirmEnd(false) },
  };
  useShortcuts(actions);

  // Asking before ending: focus goes to the choice that changes nothing, so a stray Enter keeps the session.
  useEffect(() => {
    if (confirmEnd) keepGoingRef.current?.focus();
  }, [confirmEnd]);

  const refused = refusal && refusal.code !== 'UNAUTHENTICATED' ? refusal : null;
  if (loadError || refused) {
    return (
      <main className="page">
        <p>
          <Link to="/console">{t('live.back')}</Link>
        </p>
        <h1>{t('live.heading')}</h1>
        <p className="error" role="alert">
          {loadError ? (loadError.failure ? errorText(loadError.failure) : t('live.loadError')) : refused && errorText(refused)}
        </p>
      </main>
    );
  }
  if (!state) {
    return (
      <main className="page">
        <h1>{t('live.heading')}</h1>
        <p role="status">{t('live.connecting')}</p>
      </main>
    );
  }

  const running = state.phase === 'open' || state.phase === 'closed' || state.phase === 'released';
  const joinPanel = (
    <>
      {state.phase === 'ended' ? (
        <EndedJoin sessionId={state.id} />
      ) : (
        <section aria-labelledby="join-heading" className="card">
          <h2 id="join-heading">{t('live.join.heading')}</h2>
          <p className="join-code-label">{t('live.join.code')}</p>
          <p className="join-code">{state.code}</p>
          <p>
            {t('live.join.link')} <a href={joinUrl(state.code)}>{joinUrl(state.code)}</a>
          </p>
          {joinsLimited && (
            <p className="banner" role="status" data-testid="joins-limited">
              {t('live.join.limited')}
            </p>
          )}
          {state.phase === 'lobby' && (
            <p className="joined-count" data-testid="joined" aria-live="polite">
              {t('live.join.joined', { count: state.participants })}
            </p>
          )}
          <JoinQr url={joinUrl(state.code)} size={180} />
          {!viewing && <PresenterLink sessionId={state.id} />}
        </section>
      )}
    </>
  );
  const runPanel = (
    <section aria-labelledby="run-heading" className="card">
      <h2 id="run-heading">{t('live.run.heading')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('live.run.phase')}</dt>
          <dd data-testid="phase" aria-live="polite">
            {t(`live.phases.${state.phase}`)}
          </dd>
        </div>
        <div>
          <dt>{t('live.run.prompt')}</dt>
          <dd>
            {state.prompt && state.promptIndex !== null
              ? t('live.run.promptPosition', {
                  number: state.promptIndex + 1,
                  total: state.promptCount,
                  title: state.prompt.title,
                })
              : t('live.run.promptNone', { total: state.promptCount })}
          </dd>
        </div>
        <div>
          <dt>{t('live.run.answers')}</dt>
          <dd data-testid="answered">
            {t('live.run.answered', {
              answered: state.answered,
              participants: state.participants,
            })}
          </dd>
        </div>
        {state.mode === 'couple' && state.phase === 'open' && (
          <div>
            <dt>{t('live.run.finished')}</dt>
            <dd data-testid="finished">{t('live.run.finishedCount', { finished: state.finished })}</dd>
          </div>
        )}
        <div>
          <dt>{t('live.run.away')}</dt>
          <dd data-testid="away" aria-live="polite">
            {away === null ? t('live.run.awayUnknown') : away === 0 ? t('live.run.awayNone') : t('live.run.awayCount', { count: away })}
          </dd>
        </div>
      </dl>
      <p className="hint">{t('live.run.awayHint')}</p>

      <div className="controls">
        <ControlButton shortcut="open" action={actions.open} className="primary">
          {t('live.run.open')}
        </ControlButton>
        <ControlButton shortcut="close" action={actions.close}>
          {t('live.run.close')}
        </ControlButton>
        <ControlButton shortcut="release" action={actions.release}>
          {t('live.run.release')}
        </ControlButton>
      </div>
      <div className="controls">
        {confirmEnd ? (
          <>
            <button type="button" className="danger" disabled={!ready} onClick={() => void run('session:end')}>
              {t('live.run.confirmEnd')}
            </button>
            <ControlButton shortcut="cancelEnd" action={actions.cancelEnd} buttonRef={keepGoingRef}>
              {t('live.run.keepGoing')}
            </ControlButton>
          </>
        ) : (
          <ControlButton shortcut="end" action={actions.end} className="danger-outline">
            {t('live.run.end')}
          </ControlButton>
        )}
      </div>
      {state.mode === 'couple' && <p className="hint">{t('live.run.coupleReveal')}</p>}
      {confirmEnd && <p className="hint">{t('live.run.endHint')}</p>}
      {state.phase !== 'ended' && (
        <div className="controls">
          <ControlButton shortcut="pause" action={actions.pause} pressed={state.paused}>
            {state.paused ? t('live.run.resume') : t('live.run.pause')}
          </ControlButton>
        </div>
      )}
      {state.paused && state.phase !== 'ended' && (
        <p className="banner" role="status">
          {t('live.run.pausedBanner')}
        </p>
      )}
      {commandError && (
        <p className="error" role="alert">
          {errorText(commandError)}
        </p>
      )}
      {state.phase !== 'ended' && <ShortcutList />}
    </section>
  );
  // What the room is looking at: the released result, or the live one while a prompt is open; between
  // closing and release (live results off), the facilitator's own preview, which the room does not see.
  const resultsPanel = (
    <>
      {state.phase === 'closed' && state.mode === 'group' && !state.liveResults && !viewing && (
        <ResultPreview socket={socket} prompt={state.prompt} version={state.version} />
      )}
      {state.phase === 'released' && state.result && (
        <section aria-labelledby="result-heading" className="card">
          <h2 id="result-heading">{t('live.result')}</h2>
          <ResultView prompt={state.prompt} result={state.result} explain />
        </section>
      )}
      {state.phase === 'open' && state.liveResults && state.result && (
        <section aria-labelledby="live-result-heading" className="card">
          <h2 id="live-result-heading">{t('live.liveResults.heading')}</h2>
          <p className="hint">{t('live.liveResults.hint')}</p>
          <ResultView prompt={state.prompt} result={state.result} explain />
        </section>
      )}
    </>
  );

  return (
    <main className="page wide">
      <nav className="breadcrumbs" aria-label={t('live.breadcrumbs')}>
        <Link to="/console">{t('live.back')}</Link>
        <span aria-hidden="true"> · </span>
        <Link to={`/console/sessions/${encodeURIComponent(state.id)}/summary`}>{t('live.summaryLink')}</Link>
      </nav>
      <h1>{state.title}</h1>
      {!connected && (
        <p className="banner" role="status">
          {t('live.reconnecting')}
        </p>
      )}
      {viewing && (
        <p className="banner" role="status" data-testid="view-only">
          {t('live.viewOnly')}
        </p>
      )}

      {away !== null && away > 0 && state.phase !== 'ended' && (
        // Someone needs a moment: it has to stand out, wherever the facilitator is looking.
        <p className="banner attention" role="status" data-testid="away-banner">
          <strong>{t('live.run.awayCount', { count: away })}</strong> {t('live.awayBanner')}
        </p>
      )}

      {talkAlone > 0 && state.phase !== 'ended' && (
        <div className="banner attention" role="status" data-testid="talk-alone-banner">
          <p>
            <strong>{t('live.talkAloneBanner')}</strong>
          </p>
          <p>{t('live.talkAloneHint')}</p>
        </div>
      )}

      {running ? (
        // Running: the controls, then what the room is looking at (or the preview), the texts to moderate, then how to join.
        <>
          {runPanel}
          {resultsPanel}
          {state.mode === 'group' && state.prompt?.kind === 'text' && !viewing && (
            <ModerationPanel socket={socket} promptId={state.prompt.id} phase={state.phase} k={state.k} />
          )}
          <div className="console-grid">{joinPanel}</div>
        </>
      ) : (
        <div className="console-grid">
          {joinPanel}
          {runPanel}
        </div>
      )}

      {/* A couple's seats, each with a new link for a lost phone (a group's seats cannot be told apart). */}
      {state.mode === 'couple' && state.phase !== 'ended' && !viewing && <SeatsPanel sessionId={state.id} refresh={state.participants} />}

      {/* Who else may run or watch this session: its owner's to manage. */}
      {access === 'owner' && <AccessPanel sessionId={state.id} />}

      <PrivacySettings state={state} ready={ready} onLiveResults={(on) => void setLiveResults(on)} onLivePhones={(on) => void setLivePhones(on)} />

      {stored.data?.deckDescription && (
        // The deck's description, e.g. a quiz's answer key: for the facilitator, never on phones or the screen.
        <section aria-labelledby="deck-notes-heading" className="card">
          <h2 id="deck-notes-heading">{t('live.deckNotes.heading')}</h2>
          <p className="hint">{t('live.deckNotes.hint')}</p>
          <p>{stored.data.deckDescriptionTranslations?.[language] ?? stored.data.deckDescription}</p>
        </section>
      )}

      {state.phase === 'ended' && (
        <p>
          <Trans
            t={t}
            i18nKey="live.ended"
            components={{
              summary: <Link to={`/console/sessions/${encodeURIComponent(state.id)}/summary`} />,
            }}
          />
        </p>
      )}
    </main>
  );
});

// How a key shows on screen; letters show as they are.
function keyLabel(shortcut: Shortcut): string {
  const key = SHORTCUTS[shortcut];
  return key === 'Escape' ? 'Esc' : key;
}

type ControlButtonProps = {
  shortcut: Shortcut;
  action: ShortcutAction;
  className?: string;
  pressed?: boolean;
  buttonRef?: Ref<HTMLButtonElement>;
  children: ReactNode;
};

// A session control: its key shows beside the label (hidden from the accessible name, which
// aria-keyshortcuts already extends), and the key runs the same action under the same rule.
function ControlButton({ shortcut, action, className, pressed, buttonRef, children }: ControlButtonProps) {
  return (
    <button
      ref={buttonRef}
      type="button"
      className={className}
      aria-pressed={pressed}
      aria-keyshortcuts={SHORTCUTS[shortcut]}
      disabled={!action.enabled}
      onClick={action.run}
    >
      {children}{' '}
      <kbd className="key-hint" aria-hidden="true">
        {keyLabel(shortcut)}
      </kbd>
    </button>
  );
}

function ShortcutList() {
  const { t } = useTranslation('facilitator');
  const listed: Shortcut[] = ['open', 'close', 'release', 'pause', 'end', 'cancelEnd'];
  return (
    <section aria-labelledby="shortcuts-heading" className="shortcuts" data-testid="shortcuts">
      <h3 id="shortcuts-heading">{t('live.shortcuts.heading')}</h3>
      <p className="hint">{t('live.shortcuts.intro')}</p>
      <ul className="hint">
        {listed.map((shortcut) => (
          <li key={shortcut}>
            <kbd>{keyLabel(shortcut)}</kbd> {t(`live.shortcuts.${shortcut}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}

// Which privacy rules are in force, in words, and the one setting that can change during a session.
type PrivacySettingsProps = {
  state: SessionState;
  ready: boolean;
  onLiveResults: (on: boolean) => void;
  onLivePhones: (on: boolean) => void;
};

function PrivacySettings({ state, ready, onLiveResults, onLivePhones }: PrivacySettingsProps) {
  const { t } = useTranslation('facilitator');
  const couple = state.mode === 'couple';
  return (
    <section aria-labelledby="privacy-settings-heading" className="card">
      <h2 id="privacy-settings-heading">{t('privacy.heading')}</h2>
      <dl className="facts" data-testid="privacy-settings">
        <div>
          <dt>{t('privacy.mode')}</dt>
          <dd>{couple ? t('privacy.modeCouple') : t('privacy.modeGroup')}</dd>
        </div>
        <div>
          <dt>{t('privacy.threshold')}</dt>
          <dd>{couple ? t('privacy.thresholdCouple') : t('privacy.thresholdGroup', { k: state.k })}</dd>
        </div>
        <div>
          <dt>{t('privacy.liveResults')}</dt>
          <dd data-testid="live-results">
            {couple ? t('privacy.liveCouple') : state.liveResults ? t(state.livePhones ? 'privacy.liveOnPhones' : 'privacy.liveOn') : t('privacy.liveOff')}
          </dd>
        </div>
      </dl>
      {couple ? (
        <p className="hint">{t('privacy.coupleHint')}</p>
      ) : (
        state.phase !== 'ended' && (
          <>
            <SettingSwitch id="live-results-rule" checked={state.liveResults} disabled={!ready} onChange={onLiveResults} label={t('privacy.liveSwitch')}>
              {t('privacy.liveRule', { k: state.k })}
            </SettingSwitch>
            {state.liveResults && (
              <SettingSwitch id="live-phones-hint" checked={state.livePhones} disabled={!ready} onChange={onLivePhones} label={t('privacy.livePhonesSwitch')}>
                {t('privacy.livePhonesHint')}
              </SettingSwitch>
            )}
          </>
        )
      )}
    </section>
  );
}

// A session setting as a switch; it shows the server's value, so it moves once the command is acknowledged.
function SettingSwitch(props: { id: string; checked: boolean; disabled: boolean; onChange: (on: boolean) => void; label: string; children: ReactNode }) {
  return (
    <>
      <label className="check">
        <input
          type="checkbox"
          role="switch"
          checked={props.checked}
          disabled={props.disabled}
          onChange={(event) => props.onChange(event.target.checked)}
          aria-describedby={props.id}
        />
        <span>{props.label}</span>
      </label>
      <p id={props.id} className="hint">
        {props.children}
      </p>
    </>
  );
}

// An ended session's code may already belong to another session: no code, no QR, no presenter link.
function EndedJoin({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation('facilitator');
  useEffect(() => forgetScreenToken(sessionId), [sessionId]);
  return (
    <section aria-labelledby="join-heading" className="card">
      <h2 id="join-heading">{t('live.join.heading')}</h2>
      <p data-testid="join-ended">{t('live.join.ended')}</p>
    </section>
  );
}

function PresenterLink({ sessionId }: { sessionId: string }) {
  const [token, setToken] = useState(() => screenTokenFor(sessionId));
  const { t } = useTranslation('facilitator');
  const errorText = useErrorText();
  const [note, setNote] = useState<'renewed' | 'copied' | 'selected' | null>(null);
  // What failed: the server's error, or null for one the client noticed itself.
  const [error, setError] = useState<{ failure: ApiError | null } | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  const renew = async () => {
    setError(null);
    try {
      const { screenToken } = await call(routes.screenLink, {
        params: { id: sessionId },
      });
      rememberScreenToken(sessionId, screenToken);
      setToken(screenToken);
      setNote('renewed');
    } catch (caught) {
      setError({ failure: caught instanceof ApiError ? caught : null });
    }
  };

  const copy = async (url: string) => {
    setNote(await copyLink(url, inputRef.current));
  };

  const url = token ? presenterUrl(sessionId, token) : null;
  return (
    <div className="presenter">
      <h3>{t('presenter.heading')}</h3>
      {url ? (
        <>
          <label htmlFor="presenter-link">{t('presenter.linkLabel')}</label>
          <div className="copy-row">
            <input id="presenter-link" ref={inputRef} readOnly value={url} onFocus={(event) => event.target.select()} />
            <button type="button" onClick={() => void copy(url)}>
              {t('presenter.copy')}
            </button>
          </div>
          <p className="hint">
            {t('presenter.hint')}{' '}
            <a href={url} target="_blank" rel="noopener noreferrer">
              {t('presenter.open')}
            </a>
          </p>
        </>
      ) : (
        <>
          <p className="hint">{t('presenter.shownOnce')}</p>
          <button type="button" onClick={() => void renew()}>
            {t('presenter.renew')}
          </button>
        </>
      )}
      <p className="hint" aria-live="polite">
        {note && t(`presenter.${note}`)}
      </p>
      {error && (
        <p className="error" role="alert">
          {error.failure ? errorText(error.failure) : t('presenter.renewError')}
        </p>
      )}
    </div>
  );
}

// Which controls work now. A control needs a connected socket and no command under way; End is asked
// about first, so its button (and key) rest while the question is open.
function enabledControls(state: SessionState, ready: boolean, confirmingEnd: boolean) {
  const can = allowedCommands(state);
  return {
    open: ready && can.open,
    close: ready && can.close,
    release: ready && can.release,
    end: ready && can.end && !confirmingEnd,
    pause: ready && state.phase !== 'ended',
  };
}

function allowedCommands(state: SessionState) {
  const hasNext = state.promptIndex === null ? state.promptCount > 0 : state.promptIndex + 1 < state.promptCount;
  const between = state.phase === 'lobby' || state.phase === 'closed' || state.phase === 'released';
  return {
    open: between && hasNext,
    close: state.phase === 'open',
    // A couple's reveal comes when both partners say they are finished, never from the console.
    release: state.phase === 'closed' && state.mode === 'group',
    end: state.phase !== 'ended',
  };
}

// Whether the join limits refused someone for this session lately: shown for as long as the server
// says the limit may hold, and again with every new notice.
function useJoinsLimited(socket: CandorSocket | null): boolean {
  const [limited, setLimited] = useState(false);
  useEffect(() => {
    if (!socket) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onLimited = ({ forSeconds }: { forSeconds: number }) => {
      setLimited(true);
      clearTimeout(timer);
      timer = setTimeout(() => setLimited(false), forSeconds * 1000);
    };
    socket.on('joins:limited', onLimited);
    return () => {
      clearTimeout(timer);
      socket.off('joins:limited', onLimited);
    };
  }, [socket]);
  return limited;
}
