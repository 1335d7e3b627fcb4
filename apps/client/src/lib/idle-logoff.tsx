import * as routes from '@candor/shared/routes';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from './api';
import { routeQuery } from './queries';
import { navigate } from './router';

// Every facilitator page's automatic logoff (HIPAA's automatic logoff): after the server's idle time
// (CANDOR_IDLE_MINUTES, from GET /api/auth/me) without a key, a tap, a click or a scroll in any of this
// browser's Candor tabs, the login ends and the page goes to the login page. A warning with a countdown
// comes first (2 minutes before, or a third of the time when that is less). Activity is shared between
// tabs through localStorage, so that a console in use keeps a summary open in another tab logged in, and
// it is told to the server at most once a minute (POST /api/auth/activity), which ends the login by itself
// if the pages stop telling it.
const ACTIVITY_KEY = 'candor.facilitator-activity';
const EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;

export function IdleLogoff() {
  const me = useQuery(routeQuery(routes.me));
  const idleMinutes = me.data?.idleMinutes;
  return idleMinutes ? <IdleTimer idleMs={idleMinutes * 60_000} /> : null;
}

function IdleTimer({ idleMs }: { idleMs: number }) {
  const { t } = useTranslation('facilitator');
  const [left, setLeft] = useState<number | null>(null);
  const lastPing = useRef(Date.now());
  const ended = useRef(false);
  const stay = useRef<HTMLButtonElement>(null);
  const warnMs = Math.min(120_000, idleMs / 3);
  const pingMs = Math.min(60_000, idleMs / 4);

  useEffect(() => {
    const lastActivity = () => Math.max(Number(localStorage.getItem(ACTIVITY_KEY)) || 0, started);
    const started = Date.now();
    const active = () => {
      const now = Date.now();
      localStorage.setItem(ACTIVITY_KEY, String(now));
      if (now - lastPing.current >= pingMs) {
        lastPing.current = now;
        call(routes.activity).catch(() => undefined);
      }
    };
    const tick = () => {
      if (ended.current) return;
      const remaining = idleMs - (Date.now() - lastActivity());
      if (remaining <= 0) {
        ended.current = true;
        localStorage.removeItem(ACTIVITY_KEY);
        void call(routes.logOut)
          .catch(() => undefined)
          .finally(() => navigate('/login', { replace: true, state: { loggedOff: 'idle' } }));
        return;
      }
      setLeft(remaining <= warnMs ? remaining : null);
    };
    active();
    for (const event of EVENTS) window.addEventListener(event, active, { passive: true, capture: true });
    const timer = window.setInterval(tick, 1000);
    return () => {
      for (const event of EVENTS) window.removeEventListener(event, active, { capture: true });
      window.clearInterval(timer);
    };
  }, [idleMs, warnMs, pingMs]);

  const warning = left !== null;
  useEffect(() => {
    if (warning) stay.current?.focus();
  }, [warning]);
  if (left === null) return null;
  const seconds = Math.ceil(left / 1000);
  const clock = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  return (
    <div className="idle-warning" role="alertdialog" aria-modal="false" aria-labelledby="idle-heading" aria-describedby="idle-text">
      <h2 id="idle-heading">{t('idle.heading')}</h2>
      <p id="idle-text">{t('idle.text', { clock })}</p>
      {/* The tap itself is the activity that keeps the login. */}
      <button ref={stay} type="button" className="primary">
        {t('idle.stay')}
      </button>
    </div>
  );
}
