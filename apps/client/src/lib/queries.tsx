import type { RouteResponse, RouteSpec } from '@candor/shared';
import { QueryClient, QueryClientProvider, type QueryKey } from '@tanstack/react-query';
import { useEffect, type ComponentType } from 'react';
import { ApiError, call, type RouteInput } from './api';
import { IdleLogoff } from './idle-logoff';
import { navigate } from './router';

// The facilitator's pages read the server through react-query. Only their lazy chunks import this file,
// so a participant's phone never downloads it; each such page is exported wrapped in withQueries().
// As before, every page asks the server when it opens: nothing is kept once no page shows it (gcTime 0, so
// nothing read with a login outlives the page after a logout either), nothing is fetched again on its own
// (focus, reconnect), and a failure is shown at once (no retry).
const queryClient = new QueryClient({
  defaultOptions: {
    queries: { gcTime: 0, retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
    mutations: { retry: false },
  },
});

// Every such page logs itself off after the server's idle time (lib/idle-logoff.tsx).
// In the page's own module, not in App.tsx: a provider there would put a chunk boundary between the modules
// every page shares, and make the phone's first download bigger.
export function withQueries<P extends object>(Page: ComponentType<P>): ComponentType<P> {
  return function WithQueries(props: P) {
    return (
      <QueryClientProvider client={queryClient}>
        <Page {...props} />
        <IdleLogoff />
      </QueryClientProvider>
    );
  };
}

// A GET route as a query: keyed by the route and its input, fetched with call().
export function routeQuery<R extends RouteSpec>(route: R, input?: RouteInput<R>): { queryKey: QueryKey; queryFn: () => Promise<RouteResponse<R>> } {
  return {
    queryKey: [route, input ?? {}],
    queryFn: () => (call as (route: R, input?: RouteInput<R>) => Promise<RouteResponse<R>>)(route, input),
  };
}

// A page whose data needs a login goes to the login page when the server says the login is gone (and
// shows no error meanwhile): gives the failure to show, or null.
export function useLoginRedirect(error: unknown): unknown {
  const loggedOut = error instanceof ApiError && error.status === 401;
  useEffect(() => {
    if (loggedOut) navigate('/login', { replace: true });
  }, [loggedOut]);
  return loggedOut ? null : error;
}
