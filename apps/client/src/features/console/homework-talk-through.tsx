import type { FacilitatorSession, Prompt, SessionState } from '@candor/shared';
import { PROTOCOL_VERSION } from '@candor/shared/rules';
import * as routes from '@candor/shared/routes';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localizePrompt } from '../../i18n/deck-language';
import { useErrorText } from '../../i18n/error-text';
import { useDeckLanguage } from '../../i18n/use-deck-language';
import { ApiError, call } from '../../lib/api';
import { routeQuery } from '../../lib/queries';
import { sendCommand, type CommandError } from '../../lib/socket';
import { useSessionSocket } from '../../lib/use-session-socket';
import { presenterUrl } from '../join-links/join-links';
import { ResultView } from '../results/result-view';
import { ModerationPanel } from './moderation-panel';
import { rememberScreenToken, screenTokenFor } from './screen-tokens';
import '../../i18n/facilitator-texts';

// Talking a homework result through with the client(s) in the room: pick a prompt of a revealed couple's
// or released group's homework, show its stored result on the homework's screen (and here). Renders
// nothing for a live session or a client's homework (never revealed), and waits until the release.
export function HomeworkTalkThrough({ sessionId }: { sessionId: string }) {
  const { data } = useQuery(routeQuery(routes.getSession, { params: { id: sessionId } }));
  const homework = data?.state.homework;
  if (!data || !homework || homework.audience === 'client') return null;
  return <TalkThrough session={data} />;
}

function TalkThrough({ session }: { session: FacilitatorSession }) {
  const sessionId = session.state.id;
  const auth = useMemo(() => ({ role: 'facilitator' as const, protocol: PROTOCOL_VERSION, sessionId }), [sessionId]);
  const { socket, state: liveState, applyState } = useSessionSocket(auth);
  const state: SessionState = liveState ?? session.state;
  const { t } = useTranslation('facilitator');
  const errorText = useErrorText();
  const language = useDeckLanguage();
  const [error, setError] = useState<CommandError | null>(null);
  const released = state.phase === 'released';
  // The prompts come with the results of the session view (in deck order): only those with a stored result.
  const summary = useQuery({ ...routeQuery(routes.sessionSummary, { params: { id: sessionId } }), enabled: released });
  const prompts = useMemo(() => (summary.data?.prompts ?? []).map((p) => localizePrompt(p, language)), [summary.data, language]);
  const resultOf = useMemo(() => new Map((summary.data?.results ?? []).map((r) => [r.promptId, r])), [summary.data]);
  const choices = prompts.filter((p) => resultOf.has(p.id));
  const [picked, setPicked] = useState<string>('');
  const pickedId = picked || choices[0]?.id || '';

  if (!released) {
    return (
      <section aria-labelledby="talk-through-heading" className="card no-print">
        <h2 id="talk-through-heading">{t('talkThrough.heading')}</h2>
        <p className="hint">{t('talkThrough.notYet')}</p>
      </section>
    );
  }

  const show = async (promptId: string | null) => {
    if (!socket) return;
    setError(null);
    const ack = await sendCommand(socket, 'homework:show', { promptId });
    if (ack.ok) applyState(ack.data);
    else setError(ack.error);
  };
  const shown: Prompt | null = state.prompt;
  const pickedPrompt = choices.find((p) => p.id === pickedId);

  return (
    <section aria-labelledby="talk-through-heading" className="card no-print" data-testid="homework-talk-through">
      <h2 id="talk-through-heading">{t('talkThrough.heading')}</h2>
      <p className="hint">{t('talkThrough.hint')}</p>
      <label htmlFor="talk-through-prompt">{t('talkThrough.pick')}</label>
      <div className="controls">
        <select id="talk-through-prompt" value={pickedId} onChange={(event) => setPicked(event.target.value)}>
          {choices.map((prompt) => (
            <option key={prompt.id} value={prompt.id}>
              {prompts.indexOf(prompt) + 1}. {prompt.title}
            </option>
          ))}
        </select>
        <button type="button" disabled={!socket || !pickedId} onClick={() => void show(pickedId)}>
          {t('talkThrough.show')}
        </button>
        <button type="button" disabled={!socket || !shown} onClick={() => void show(null)}>
          {t('talkThrough.hide')}
        </button>
      </div>
      <p className="hint" aria-live="polite" data-testid="talk-through-shown">
        {shown ? t('talkThrough.showing', { title: localizePrompt(shown, language).title }) : t('talkThrough.nothing')}
      </p>
      {error && (
        <p className="error" role="alert">
          {errorText(error)}
        </p>
      )}
      <ScreenLink sessionId={sessionId} />
      {/* A group's texts wait for approval here, as after a live question closes. */}
      {state.homework?.audience === 'group' && socket && pickedPrompt?.kind === 'text' && (
        <ModerationPanel socket={socket} promptId={pickedPrompt.id} phase={state.phase} k={state.k} />
      )}
      {shown && state.result && <ResultView prompt={localizePrompt(shown, language)} result={state.result} headingLevel={3} explain />}
    </section>
  );
}

// The homework's own presenter link (screen-tokens.ts keeps it in this browser, as for a live session).
function ScreenLink({ sessionId }: { sessionId: string }) {
  const [token, setToken] = useState(() => screenTokenFor(sessionId));
  const [failure, setFailure] = useState<ApiError | null | undefined>(undefined);
  const { t } = useTranslation('facilitator');
  const errorText = useErrorText();
  const renew = async () => {
    setFailure(undefined);
    try {
      const { screenToken } = await call(routes.screenLink, { params: { id: sessionId } });
      rememberScreenToken(sessionId, screenToken);
      setToken(screenToken);
    } catch (caught) {
      setFailure(caught instanceof ApiError ? caught : null);
    }
  };
  const url = token ? presenterUrl(sessionId, token) : null;
  return (
    <div className="presenter">
      {url ? (
        <p>
          <a href={url} target="_blank" rel="noopener noreferrer" data-testid="talk-through-screen-link">
            {t('talkThrough.openScreen')}
          </a>
        </p>
      ) : (
        <button type="button" onClick={() => void renew()}>
          {t('talkThrough.makeScreen')}
        </button>
      )}
      {failure !== undefined && (
        <p className="error" role="alert">
          {failure ? errorText(failure) : t('presenter.renewError')}
        </p>
      )}
    </div>
  );
}
