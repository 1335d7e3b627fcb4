import { lazy, Suspense, useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { HomePage } from './features/home/home-page';
import { LanguageSwitcher } from './i18n/language-switcher';
import { JoinPage } from './features/participant/join-page';
import { PlayPage } from './features/participant/play-page';
import { QuickExit } from './features/quick-exit/quick-exit-button';
import { Link, matchPath, useLocation } from './lib/router';

// Pages a participant's phone never needs load on demand: the facilitator's, the projector's and the
// chart library (see results/chart-figure.tsx). The phone's first load is the home, join and play pages.
const AuthPage = lazy(() => import('./features/auth/auth-page').then((m) => ({ default: m.AuthPage })));
const ResetPage = lazy(() => import('./features/auth/auth-page').then((m) => ({ default: m.ResetPage })));
// Links by e-mail (with CANDOR_SMTP_URL): asking for a reset link, the reset link itself, a new address's confirmation.
const ForgotPage = lazy(() => import('./features/auth/mail-pages').then((m) => ({ default: m.ForgotPage })));
const MailResetPage = lazy(() => import('./features/auth/mail-pages').then((m) => ({ default: m.MailResetPage })));
const ConfirmEmailPage = lazy(() => import('./features/auth/mail-pages').then((m) => ({ default: m.ConfirmEmailPage })));
const ConsolePage = lazy(() => import('./features/console/console-page').then((m) => ({ default: m.ConsolePage })));
const AccountPage = lazy(() => import('./features/console/account-page').then((m) => ({ default: m.AccountPage })));
const LiveConsolePage = lazy(() => import('./features/console/live-console-page').then((m) => ({ default: m.LiveConsolePage })));
const SessionSummaryPage = lazy(() =>
  import('./features/console/session-summary-page').then((m) => ({ default: m.SessionSummaryPage })),
);
const DeckLibraryPage = lazy(() => import('./features/decks/deck-library-page').then((m) => ({ default: m.DeckLibraryPage })));
const DeckEditorPage = lazy(() => import('./features/decks/deck-editor-page').then((m) => ({ default: m.DeckEditorPage })));
// Solo mode never needs the server: its page and the deck files load on demand, as static files.
const SoloHomePage = lazy(() => import('./features/solo/solo-page').then((m) => ({ default: m.SoloHomePage })));
const SoloDeckPage = lazy(() => import('./features/solo/solo-page').then((m) => ({ default: m.SoloDeckPage })));
// A private homework link, and the therapist's page of one homework.
const HomeworkPage = lazy(() => import('./features/homework/homework-page').then((m) => ({ default: m.HomeworkPage })));
const HomeworkConsolePage = lazy(() => import('./features/console/homework-console-page').then((m) => ({ default: m.HomeworkConsolePage })));
// A seat moving to this phone (a facilitator's new link, or a self-run couple's reclaim): rare, so on demand.
const SeatClaimPage = lazy(() => import('./features/participant/seat-move').then((m) => ({ default: m.SeatClaimPage })));
const ScreenPage = lazy(() => import('./features/screen/screen-page').then((m) => ({ default: m.ScreenPage })));

// True once the person has moved between pages inside the app (not on the first page load).
let navigated = false;

// After a client-side navigation, move focus to the new page's heading so screen readers announce the change.
function focusHeading(): void {
  if (!navigated) return;
  const heading = document.querySelector<HTMLElement>('main h1');
  if (heading) {
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }
}

// Mounts when a lazily loaded page has arrived, which may be after the navigation effect ran.
function FocusWhenLoaded() {
  useEffect(focusHeading, []);
  return null;
}

function Lazy({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Suspense
      fallback={
        <main className="page">
          <p role="status">{t('loading')}</p>
        </main>
      }
    >
      {children}
      <FocusWhenLoaded />
    </Suspense>
  );
}

export function App() {
  const { path, hash } = useLocation();
  const shownPath = useRef(path);

  useEffect(() => {
    if (shownPath.current === path) return;
    shownPath.current = path;
    navigated = true;
    focusHeading();
  }, [path]);

  // The projector shows only the session; everywhere else the language can be changed at the foot of the page.
  if (path.startsWith('/screen/')) return <Page path={path} hash={hash} />;
  return (
    <>
      <Page path={path} hash={hash} />
      <footer className="app-footer">
        <LanguageSwitcher />
      </footer>
    </>
  );
}

function Page({ path, hash }: { path: string; hash: string }) {
  const { t } = useTranslation();

  if (path === '/') return <HomePage />;
  if (path === '/login')
    return (
      <Lazy>
        <AuthPage key="login" mode="login" />
      </Lazy>
    );
  // A reset link from an e-mail carries its token after '#' (never in a server log); without one, the reset by recovery code.
  const linkToken = /^#token=[A-Za-z0-9_-]+$/.test(hash) ? hash.slice('#token='.length) : '';
  if (path === '/reset' && linkToken)
    return (
      <Lazy>
        <MailResetPage key={linkToken} token={linkToken} />
      </Lazy>
    );
  if (path === '/reset')
    return (
      <Lazy>
        <ResetPage />
      </Lazy>
    );
  if (path === '/forgot')
    return (
      <Lazy>
        <ForgotPage />
      </Lazy>
    );
  if (path === '/confirm-email')
    return (
      <Lazy>
        <ConfirmEmailPage key={linkToken} token={linkToken} />
      </Lazy>
    );
  if (path === '/signup')
    return (
      <Lazy>
        <AuthPage key="signup" mode="signup" />
      </Lazy>
    );
  // Participant pages carry the quick exit (<QuickExit />, features/quick-exit), first in the tab order.
  if (path === '/solo')
    return (
      <>
        <QuickExit />
        <Lazy>
          <SoloHomePage />
        </Lazy>
      </>
    );
  if (path === '/console')
    return (
      <Lazy>
        <ConsolePage />
      </Lazy>
    );
  if (path === '/console/account')
    return (
      <Lazy>
        <AccountPage />
      </Lazy>
    );
  if (path === '/console/decks')
    return (
      <Lazy>
        <DeckLibraryPage />
      </Lazy>
    );

  let params = matchPath('/console/decks/:id/edit', path);
  if (params)
    return (
      <Lazy>
        <DeckEditorPage key={params.id} deckId={params.id} />
      </Lazy>
    );
  params = matchPath('/console/homework/:id', path);
  if (params)
    return (
      <Lazy>
        <HomeworkConsolePage key={params.id} sessionId={params.id} />
      </Lazy>
    );
  params = matchPath('/console/sessions/:id/summary', path);
  if (params)
    return (
      <Lazy>
        <SessionSummaryPage key={params.id} sessionId={params.id} />
      </Lazy>
    );
  params = matchPath('/console/sessions/:id', path);
  if (params)
    return (
      <Lazy>
        <LiveConsolePage key={params.id} sessionId={params.id} />
      </Lazy>
    );
  params = matchPath('/solo/:deckId', path);
  if (params)
    return (
      <>
        <QuickExit />
        <Lazy>
          <SoloDeckPage key={params.deckId} deckId={params.deckId} />
        </Lazy>
      </>
    );
  params = matchPath('/j/:code', path);
  if (params)
    return (
      <>
        <QuickExit />
        <JoinPage key={params.code} code={params.code.toUpperCase()} />
      </>
    );
  params = matchPath('/s/:sessionId', path);
  // A new link for a seat carries its one-time invitation after '#', which never reaches a server log.
  if (params && hash.length > 16)
    return (
      <>
        <QuickExit />
        <Lazy>
          <SeatClaimPage key={params.sessionId} sessionId={params.sessionId} invite={hash.slice(1)} />
        </Lazy>
      </>
    );
  if (params)
    return (
      <>
        <QuickExit />
        <PlayPage key={params.sessionId} sessionId={params.sessionId} />
      </>
    );
  params = matchPath('/h/:sessionId', path);
  if (params)
    return (
      <>
        <QuickExit />
        <Lazy>
          <HomeworkPage key={params.sessionId} sessionId={params.sessionId} hash={hash} />
        </Lazy>
      </>
    );
  params = matchPath('/screen/:sessionId', path);
  if (params)
    return (
      <Lazy>
        <ScreenPage key={params.sessionId} hash={hash} />
      </Lazy>
    );

  return (
    <main className="page narrow">
      <h1>{t('notFound.title')}</h1>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </main>
  );
}
