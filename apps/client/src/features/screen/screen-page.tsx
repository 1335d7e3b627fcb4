import type { SessionState } from '@candor/shared';
import { PROTOCOL_VERSION } from '@candor/shared/rules';
import { useMemo } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { localizeSessionState } from '../../i18n/deck-language';
import { useErrorText } from '../../i18n/error-text';
import { useDeckLanguage } from '../../i18n/use-deck-language';
import { useSessionSocket } from '../../lib/use-session-socket';
import { joinUrl } from '../join-links/join-links';
import { JoinQr } from '../join-links/join-qr';
import { BreathingGuide } from '../care/breathing-guide';
import { ResultView } from '../results/result-view';

export function ScreenPage({ hash }: { hash: string }) {
  // The presenter token rides in the fragment, so it never reaches server logs or a Referer header.
  const token = hash.replace(/^#/, '');
  const auth = useMemo(() => (token ? { role: 'screen' as const, protocol: PROTOCOL_VERSION, token } : null), [token]);
  const { state: deckState, status, refusal } = useSessionSocket(auth);
  // The session's name and the prompt in the screen's language (results are relabelled by ResultView).
  const language = useDeckLanguage();
  const state = useMemo(() => deckState && localizeSessionState(deckState, language), [deckState, language]);
  const { t } = useTranslation('screen');
  const errorText = useErrorText();

  if (!token || refusal) {
    return (
      <main className="screen">
        <h1>{t('broken.heading')}</h1>
        <p role="alert">{!refusal || refusal.code === 'UNAUTHENTICATED' ? t('broken.replaced') : errorText(refusal)}</p>
      </main>
    );
  }
  if (!state) {
    return (
      <main className="screen">
        <p role="status" className="screen-status">
          {t('connecting')}
        </p>
      </main>
    );
  }

  return (
    <main className="screen">
      {status !== 'connected' && (
        <p className="banner" role="status">
          {t('reconnecting')}
        </p>
      )}
      {state.homework ? <HomeworkScreenBody state={state} /> : state.paused && state.phase !== 'ended' ? <ScreenPause /> : <ScreenBody state={state} />}
      {/* Homework is joined by private links, never by a code. */}
      {!state.homework && state.phase !== 'lobby' && state.phase !== 'ended' && (
        <footer className="screen-footer">
          <Trans t={t} i18nKey="footer" values={{ url: joinUrl(state.code), code: state.code }} components={{ strong: <strong /> }} />
        </footer>
      )}
    </main>
  );
}

// The facilitator's pause reaches the room too: a calm screen instead of the prompt or its results.
function ScreenPause() {
  const { t } = useTranslation('screen');
  return (
    <section className="screen-lobby screen-pause" aria-live="polite">
      <h1 className="screen-title">{t('pause')}</h1>
      <BreathingGuide />
    </section>
  );
}

// A homework talked through: the one released result the facilitator shows, full screen, or a calm
// waiting screen. Nothing else of the homework is drawn (no counts, no who finished).
function HomeworkScreenBody({ state }: { state: SessionState }) {
  const { t } = useTranslation('screen');
  if (state.phase === 'released' && state.prompt && state.result) {
    return (
      <section data-testid="screen-homework-result">
        <h1 className="screen-title">{state.prompt.title}</h1>
        <ResultView prompt={state.prompt} result={state.result} size="large" headingLevel={2} />
      </section>
    );
  }
  return (
    <section className="screen-lobby" aria-live="polite">
      <h1>{state.title}</h1>
      <p className="screen-message">{state.phase === 'released' ? t('homework.choose') : t('homework.notYet')}</p>
    </section>
  );
}

function ScreenBody({ state }: { state: SessionState }) {
  const { t } = useTranslation('screen');
  switch (state.phase) {
    case 'lobby':
      return (
        <section className="screen-lobby" aria-live="polite">
          <h1>{state.title}</h1>
          <div className="screen-join">
            <div>
              <p className="screen-label">{t('lobby.joinAt')}</p>
              <p className="screen-link">{joinUrl(state.code)}</p>
              <p className="screen-label">{t('lobby.withCode')}</p>
              <p className="join-code huge">{state.code}</p>
            </div>
            <JoinQr url={joinUrl(state.code)} size={320} />
          </div>
          <p className="screen-count">
            <Trans t={t} i18nKey="lobby.joined" values={{ count: state.participants }} components={{ strong: <strong /> }} />
          </p>
        </section>
      );
    case 'open': {
      // With live results on: the last coalesced result (privacy rule 3), drawn as on release.
      const live = state.liveResults ? state.result : null;
      return (
        <section data-testid={live ? 'screen-live-result' : undefined}>
          {state.prompt?.contentNote && (
            <p className="content-note">
              <strong>{t('contentNote')}</strong> {state.prompt.contentNote}
            </p>
          )}
          <h1 className="screen-title">{state.prompt?.title}</h1>
          {live ? (
            <>
              <p className="screen-label">{t('live')}</p>
              <ResultView prompt={state.prompt} result={live} size="large" headingLevel={2} />
            </>
          ) : (
            <p className="screen-count huge-count">
              <Trans t={t} i18nKey="answered" values={{ count: state.answered }} components={{ strong: <strong /> }} />
            </p>
          )}
        </section>
      );
    }
    case 'closed':
      return (
        <section aria-live="polite">
          <h1 className="screen-title">{state.prompt?.title}</h1>
          <p className="screen-message">{t('closed')}</p>
        </section>
      );
    case 'released':
      return (
        <section>
          <h1 className="screen-title">{state.prompt?.title}</h1>
          {state.result && <ResultView prompt={state.prompt} result={state.result} size="large" headingLevel={2} />}
        </section>
      );
    case 'ended':
      return (
        <section className="screen-lobby">
          <h1 className="screen-title">{t('ended')}</h1>
        </section>
      );
  }
}
