import { useEffect, useRef } from 'react';
import { AuthPage } from './features/auth/auth-page';
import { ConsolePage } from './features/console/console-page';
import { LiveConsolePage } from './features/console/live-console-page';
import { HomePage } from './features/home/home-page';
import { JoinPage } from './features/participant/join-page';
import { PlayPage } from './features/participant/play-page';
import { ScreenPage } from './features/screen/screen-page';
import { Link, matchPath, useLocation } from './lib/router';

export function App() {
  const { path, hash } = useLocation();
  const shownPath = useRef(path);

  useEffect(() => {
    if (shownPath.current === path) return;
    shownPath.current = path;
    // After a client-side navigation, move focus to the new page's heading so screen readers announce the change.
    const heading = document.querySelector<HTMLElement>('main h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }
  }, [path]);

  if (path === '/') return <HomePage />;
  if (path === '/login') return <AuthPage key="login" mode="login" />;
  if (path === '/signup') return <AuthPage key="signup" mode="signup" />;
  if (path === '/console') return <ConsolePage />;

  let params = matchPath('/console/sessions/:id', path);
  if (params) return <LiveConsolePage key={params.id} sessionId={params.id} />;
  params = matchPath('/j/:code', path);
  if (params) return <JoinPage key={params.code} code={params.code.toUpperCase()} />;
  params = matchPath('/s/:sessionId', path);
  if (params) return <PlayPage key={params.sessionId} sessionId={params.sessionId} />;
  params = matchPath('/screen/:sessionId', path);
  if (params) return <ScreenPage key={params.sessionId} hash={hash} />;

  return (
    <main className="page narrow">
      <h1>Page not found</h1>
      <p>
        <Link to="/">Go to the start page</Link>
      </p>
    </main>
  );
}
