import { PASSWORD_LENGTH } from '@candor/shared/rules';
import * as apiRoutes from '@candor/shared/routes';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n/error-text';
import { ApiError, call } from '../../lib/api';
import { Link, navigate, useLocation } from '../../lib/router';

type AuthMode = 'login' | 'signup';

// The words for each mode are under auth.login and auth.signup.
const ROUTES = {
  login: { route: apiRoutes.logIn, other: '/signup' },
  signup: { route: apiRoutes.signUp, other: '/login' },
} as const;

export function AuthPage({ mode }: { mode: AuthMode }) {
  const { t } = useTranslation('auth');
  const errorText = useErrorText();
  const routes = ROUTES[mode];
  const loggedOffIdle = (useLocation().state as { loggedOff?: string } | null)?.loggedOff === 'idle';
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // Kept as caught, so that the message follows a change of language.
  const [error, setError] = useState<{ caught: unknown } | null>(null);
  const [busy, setBusy] = useState(false);

  // A refused sign-up says, field by field, what to change (useErrorText); nothing of the schema's own words.
  const messageOf = (caught: unknown): string => (caught instanceof ApiError ? errorText(caught) : t('failed'));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await call(routes.route, { body: { email, password } });
      navigate('/console', { replace: true });
    } catch (caught) {
      setError({ caught });
      setBusy(false);
    }
  };

  return (
    <main className="page narrow">
      <p>
        <Link to="/">{t('back')}</Link>
      </p>
      <h1>{t(`${mode}.title`)}</h1>
      {loggedOffIdle && (
        <p className="notice" role="status">
          {t('loggedOffIdle')}
        </p>
      )}
      <form className="card" onSubmit={(event) => void submit(event)} noValidate>
        <label htmlFor="email">{t('email')}</label>
        <input id="email" type="email" autoComplete="email" required value={email} onChange={(event) => setEmail(event.target.value)} />
        <label htmlFor="password">{t('password')}</label>
        <input
          id="password"
          type="password"
          autoComplete={mode === 'signup' ? 'new-password' : 'current-password'}
          required
          minLength={mode === 'signup' ? PASSWORD_LENGTH.min : undefined}
          aria-describedby={mode === 'signup' ? 'password-hint' : undefined}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        {mode === 'signup' && (
          <p id="password-hint" className="hint">
            {t('passwordHint', { min: PASSWORD_LENGTH.min })}
          </p>
        )}
        {error && (
          <p className="error" role="alert">
            {messageOf(error.caught)}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {t(`${mode}.submit`)}
        </button>
      </form>
      <p>
        <Link to={routes.other}>{t(`${mode}.other`)}</Link>
      </p>
    </main>
  );
}
