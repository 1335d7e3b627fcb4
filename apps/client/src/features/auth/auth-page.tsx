import { PASSWORD_LENGTH } from '@candor/shared/rules';
import * as apiRoutes from '@candor/shared/routes';
import type { PasskeyAssertion, SecondStepFactors } from '@candor/shared';
import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n/error-text';
import { ApiError, call } from '../../lib/api';
import { Link, navigate, useLocation } from '../../lib/router';
import { useMailOption } from './mail-pages';
import '../../i18n/facilitator-texts';

type AuthMode = 'login' | 'signup';

// The words for each mode are under auth.login and auth.signup.
const ROUTES = {
  login: { route: apiRoutes.logIn, other: '/signup' },
  signup: { route: apiRoutes.signUp, other: '/login' },
} as const;

export function AuthPage({ mode }: { mode: AuthMode }) {
  const { t } = useTranslation('auth');
  const { t: tf } = useTranslation('facilitator');
  const errorText = useErrorText();
  const routes = ROUTES[mode];
  const arrival = useLocation().state as { loggedOff?: string; passwordReset?: boolean } | null;
  const loggedOffIdle = arrival?.loggedOff === 'idle';
  // With mail, a forgotten password gets a link by e-mail; without, the reset by recovery code.
  const mail = useMailOption();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // Kept as caught, so that the message follows a change of language.
  const [error, setError] = useState<{ caught: unknown } | null>(null);
  const [busy, setBusy] = useState(false);
  // The password was right and the account has two-step login on: the code comes next.
  const [secondStep, setSecondStep] = useState(false);

  // A refused sign-up says, field by field, what to change (useErrorText); nothing of the schema's own words.
  const messageOf = (caught: unknown): string => (caught instanceof ApiError ? errorText(caught) : t('failed'));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await call(routes.route, { body: { email, password } });
      if ('secondFactor' in result) {
        setSecondStep(true);
        setBusy(false);
        return;
      }
      navigate('/console', { replace: true });
    } catch (caught) {
      setError({ caught });
      setBusy(false);
    }
  };

  if (secondStep) return <SecondStep onRestart={() => setSecondStep(false)} />;

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
      {arrival?.passwordReset && (
        <p className="notice" role="status">
          {tf('mailReset.done')}
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
      {mode === 'login' && (
        <p>
          <Link to={mail ? '/forgot' : '/reset'}>{tf('twoStep.forgot')}</Link>
        </p>
      )}
    </main>
  );
}

// The login's second step: a passkey, the code from the authenticator app, or one of the recovery codes
// (what the account has on: GET /api/auth/login/factors). @simplewebauthn/browser loads only for a passkey.
function SecondStep({ onRestart }: { onRestart: () => void }) {
  const { t } = useTranslation('facilitator');
  const { t: ta } = useTranslation('auth');
  const { t: tc } = useTranslation();
  const [factors, setFactors] = useState<SecondStepFactors | null>(null);
  const [recovery, setRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [error, setError] = useState<{ caught: unknown } | null>(null);
  const [busy, setBusy] = useState(false);
  const errorText = useErrorText();

  useEffect(() => {
    call(apiRoutes.secondStepFactors).then(setFactors, (caught: unknown) => {
      if (caught instanceof ApiError && caught.code === 'UNAUTHENTICATED') onRestart();
      else setFactors({ totp: true, passkey: false });
    });
  }, [onRestart]);

  const messageOf = (caught: unknown): string => {
    if (caught instanceof Error && (caught.name === 'NotAllowedError' || caught.name === 'AbortError')) return t('twoStep.passkeyCancelled');
    if (caught instanceof PasskeyRefused) return t('twoStep.passkeyWrong');
    if (!(caught instanceof ApiError)) return ta('failed');
    if (caught.code === 'INVALID_CREDENTIALS') return t('twoStep.wrong');
    if (caught.code === 'UNAUTHENTICATED') return t('twoStep.expired');
    return errorText(caught);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await call(apiRoutes.logInSecondStep, { body: recovery ? { recoveryCode: code } : { code: code.replace(/\s/g, '') } });
      navigate('/console', { replace: true });
    } catch (caught) {
      setError({ caught });
      setBusy(false);
      if (caught instanceof ApiError && caught.code === 'UNAUTHENTICATED') onRestart();
    }
  };

  const withPasskey = async () => {
    setBusy(true);
    setError(null);
    try {
      const { options } = await call(apiRoutes.passkeyLoginOptions);
      const { startAuthentication } = await import('@simplewebauthn/browser');
      const credential = await startAuthentication({ optionsJSON: options as unknown as PublicKeyCredentialRequestOptionsJSON });
      try {
        await call(apiRoutes.logInWithPasskey, { body: { credential: credential as PasskeyAssertion } });
      } catch (caught) {
        throw caught instanceof ApiError && caught.code === 'INVALID_CREDENTIALS' ? new PasskeyRefused() : caught;
      }
      navigate('/console', { replace: true });
    } catch (caught) {
      setError({ caught });
      setBusy(false);
      if (caught instanceof ApiError && caught.code === 'UNAUTHENTICATED') onRestart();
    }
  };

  if (!factors) {
    return (
      <main className="page narrow">
        <h1>{t('twoStep.heading')}</h1>
        <p role="status">{tc('loading')}</p>
      </main>
    );
  }
  const codeForm = factors.totp || recovery;
  return (
    <main className="page narrow">
      <h1>{t('twoStep.heading')}</h1>
      {factors.passkey && (
        <div className="card">
          <p>{t('twoStep.passkeyAbout')}</p>
          <button type="button" className={codeForm ? undefined : 'primary'} disabled={busy} onClick={() => void withPasskey()}>
            {t('twoStep.usePasskey')}
          </button>
          {error && !codeForm && (
            <p className="error" role="alert">
              {messageOf(error.caught)}
            </p>
          )}
        </div>
      )}
      {codeForm && (
      <form className="card" onSubmit={(event) => void submit(event)} noValidate>
        <label htmlFor="second-step-code">{recovery ? t('twoStep.recoveryCode') : t('twoStep.code')}</label>
        <input
          id="second-step-code"
          key={recovery ? 'recovery' : 'code'}
          autoComplete="one-time-code"
          inputMode={recovery ? 'text' : 'numeric'}
          autoFocus
          required
          value={code}
          onChange={(event) => setCode(event.target.value)}
        />
        {error && (
          <p className="error" role="alert">
            {messageOf(error.caught)}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {t('twoStep.submit')}
        </button>
      </form>
      )}
      <p>
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setRecovery(!recovery);
            setCode('');
            setError(null);
          }}
        >
          {recovery ? (factors.totp ? t('twoStep.useCode') : t('twoStep.hideRecovery')) : t('twoStep.useRecovery')}
        </button>
      </p>
    </main>
  );
}

// The server refused a passkey's answer (another account's, a copy's, an old one).
class PasskeyRefused extends Error {}

// A forgotten password, reset with a recovery code (the way without e-mail; with it, mail-pages.tsx offers a link too).
export function ResetPage() {
  const { t } = useTranslation('facilitator');
  const mail = useMailOption();
  const { t: ta } = useTranslation('auth');
  const errorText = useErrorText();
  const [fields, setFields] = useState({ email: '', recoveryCode: '', newPassword: '' });
  const [error, setError] = useState<{ caught: unknown } | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const set = (name: keyof typeof fields) => (event: { target: { value: string } }) => setFields({ ...fields, [name]: event.target.value });

  const messageOf = (caught: unknown): string => {
    if (!(caught instanceof ApiError)) return ta('failed');
    return caught.code === 'INVALID_CREDENTIALS' ? t('reset.wrong') : errorText(caught);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await call(apiRoutes.resetPassword, { body: fields });
      setDone(true);
    } catch (caught) {
      setError({ caught });
    }
    setBusy(false);
  };

  return (
    <main className="page narrow">
      <p>
        <Link to="/login">{ta('back')}</Link>
      </p>
      <h1>{t('reset.title')}</h1>
      {done ? (
        <>
          <p role="status">{t('reset.done')}</p>
          <p>
            <Link to="/login">{t('reset.login')}</Link>
          </p>
        </>
      ) : (
        <>
          <p>{t('reset.about')}</p>
          {mail ? (
            <p>
              <Link to="/forgot">{t('reset.byMail')}</Link>
            </p>
          ) : (
            <p className="muted">{t('reset.noCodes')}</p>
          )}
          <form className="card" onSubmit={(event) => void submit(event)} noValidate>
            <label htmlFor="reset-email">{t('reset.email')}</label>
            <input id="reset-email" type="email" autoComplete="email" required value={fields.email} onChange={set('email')} />
            <label htmlFor="reset-code">{t('reset.recoveryCode')}</label>
            <input id="reset-code" autoComplete="off" required value={fields.recoveryCode} onChange={set('recoveryCode')} />
            <label htmlFor="reset-password">{t('reset.newPassword')}</label>
            <input
              id="reset-password"
              type="password"
              autoComplete="new-password"
              required
              minLength={PASSWORD_LENGTH.min}
              aria-describedby="reset-password-hint"
              value={fields.newPassword}
              onChange={set('newPassword')}
            />
            <p id="reset-password-hint" className="hint">
              {t('reset.hint', { min: PASSWORD_LENGTH.min })}
            </p>
            {error && (
              <p className="error" role="alert">
                {messageOf(error.caught)}
              </p>
            )}
            <button type="submit" className="primary" disabled={busy}>
              {t('reset.submit')}
            </button>
          </form>
        </>
      )}
    </main>
  );
}
