import { PASSWORD_LENGTH } from '@candor/shared/rules';
import * as apiRoutes from '@candor/shared/routes';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n/error-text';
import { ApiError, call } from '../../lib/api';
import { Link, navigate } from '../../lib/router';
import '../../i18n/facilitator-texts';

// The pages of links sent by e-mail (with CANDOR_SMTP_URL): asking for a reset link, the reset page the
// link opens (/reset#token=…), and the page that confirms a new address (/confirm-email#token=…). The
// token is in the fragment, which no server log or Referer sees.

// The mail's language: the page's (the server writes English for any other).
const mailLanguage = (language: string): 'en' | 'de' => (language.startsWith('de') ? 'de' : 'en');

// What the server answers to a request that changes nothing (asked again on a remount), as it arrives.
function useAnswer<T>(ask: () => Promise<T>, key: string): { data?: T; error?: unknown } {
  const [answer, setAnswer] = useState<{ data?: T; error?: unknown }>({});
  useEffect(() => {
    let live = true;
    ask().then(
      (data) => live && setAnswer({ data }),
      (error: unknown) => live && setAnswer({ error }),
    );
    return () => {
      live = false;
    };
    // Asked again only when the key changes (ask is a new function at every render).
  }, [key]);
  return answer;
}

// Whether this server sends e-mail (the login page links to the page that fits).
export function useMailOption(): boolean | undefined {
  return useAnswer(() => call(apiRoutes.authOptions), 'options').data?.mail;
}



function Failure({ caught, wrongCredentials }: { caught: unknown; wrongCredentials?: string }) {
  const { t } = useTranslation('auth');
  const errorText = useErrorText();
  let text = t('failed');
  if (caught instanceof ApiError) text = caught.code === 'INVALID_CREDENTIALS' && wrongCredentials ? wrongCredentials : errorText(caught);
  return (
    <p className="error" role="alert">
      {text}
    </p>
  );
}

// "Forgot your password?" with mail: the address, then the same words whether or not it has an account.
export function ForgotPage() {
  const { t, i18n } = useTranslation('facilitator');
  const { t: ta } = useTranslation('auth');
  const mail = useMailOption();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState('');
  const [error, setError] = useState<{ caught: unknown } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await call(apiRoutes.requestReset, { body: { email, language: mailLanguage(i18n.language) } });
      setSent(email);
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
      <h1>{t('forgot.title')}</h1>
      {mail === false ? (
        <p>{t('forgot.noMail')}</p>
      ) : sent ? (
        <p role="status">{t('forgot.sent', { email: sent })}</p>
      ) : (
        <>
          <p>{t('forgot.about')}</p>
          <form className="card" onSubmit={(event) => void submit(event)} noValidate>
            <label htmlFor="forgot-email">{t('forgot.email')}</label>
            <input id="forgot-email" type="email" autoComplete="email" required value={email} onChange={(event) => setEmail(event.target.value)} />
            {error && <Failure caught={error.caught} />}
            <button type="submit" className="primary" disabled={busy}>
              {t('forgot.submit')}
            </button>
          </form>
        </>
      )}
      <p>
        <Link to="/reset">{t('forgot.recovery')}</Link>
      </p>
    </main>
  );
}

// The page a reset link opens: checks the link, asks for the new password (and the code when the
// account's two-step login is on), then sends to the login page, which says what happened.
export function MailResetPage({ token }: { token: string }) {
  const { t } = useTranslation('facilitator');
  const { t: ta } = useTranslation('auth');
  const link = useAnswer(() => call(apiRoutes.resetLink, { body: { token } }), token);
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<{ caught: unknown } | null>(null);
  const [busy, setBusy] = useState(false);
  const linkGone = (caught: unknown) => caught instanceof ApiError && (caught.code === 'LINK_INVALID' || caught.code === 'INVALID_PAYLOAD');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const twoStep = link.data?.twoStep === true;
      await call(apiRoutes.resetByMail, { body: { token, newPassword: password, ...(twoStep ? { code: code.trim() } : {}) } });
      navigate('/login', { replace: true, state: { passwordReset: true } });
    } catch (caught) {
      setError({ caught });
      setBusy(false);
    }
  };

  const gone = (link.error && linkGone(link.error)) || (error && linkGone(error.caught));
  return (
    <main className="page narrow">
      <p>
        <Link to="/login">{ta('back')}</Link>
      </p>
      <h1>{t('mailReset.title')}</h1>
      {gone ? (
        <>
          <p role="alert">{t('mailReset.invalid')}</p>
          <p>
            <Link to="/forgot">{t('mailReset.again')}</Link>
          </p>
        </>
      ) : link.error ? (
        <Failure caught={link.error} />
      ) : !link.data ? (
        <p role="status">{t('mailReset.checking')}</p>
      ) : (
        <>
          <p>{t('mailReset.about')}</p>
          <form className="card" onSubmit={(event) => void submit(event)} noValidate>
            <label htmlFor="mail-reset-password">{t('mailReset.newPassword')}</label>
            <input
              id="mail-reset-password"
              type="password"
              autoComplete="new-password"
              required
              minLength={PASSWORD_LENGTH.min}
              aria-describedby="mail-reset-password-hint"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
            <p id="mail-reset-password-hint" className="hint">
              {t('mailReset.hint', { min: PASSWORD_LENGTH.min })}
            </p>
            {link.data.twoStep && (
              <>
                <label htmlFor="mail-reset-code">{t('mailReset.code')}</label>
                <input id="mail-reset-code" autoComplete="one-time-code" required value={code} onChange={(event) => setCode(event.target.value)} />
              </>
            )}
            {error && <Failure caught={error.caught} wrongCredentials={t('mailReset.wrongCode')} />}
            <button type="submit" className="primary" disabled={busy}>
              {t('mailReset.submit')}
            </button>
          </form>
        </>
      )}
    </main>
  );
}

// The page a new address's confirmation link opens: a button confirms (a mail scanner that opens the
// link confirms nothing), then it says what happened.
export function ConfirmEmailPage({ token }: { token: string }) {
  const { t } = useTranslation('facilitator');
  const { t: ta } = useTranslation('auth');
  const [result, setResult] = useState<{ email: string } | { caught: unknown } | null>(null);
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    setBusy(true);
    try {
      setResult(await call(apiRoutes.confirmEmail, { body: { token } }));
    } catch (caught) {
      setResult({ caught });
    }
    setBusy(false);
  };

  const code = result && 'caught' in result && result.caught instanceof ApiError ? result.caught.code : undefined;
  let body = (
    <>
      <p>{t('confirmEmail.about')}</p>
      <button type="button" className="primary" disabled={busy} onClick={() => void confirm()}>
        {t('confirmEmail.submit')}
      </button>
    </>
  );
  if (result && 'email' in result) body = <p role="status">{t('confirmEmail.done', { email: result.email })}</p>;
  else if (code === 'LINK_INVALID' || code === 'INVALID_PAYLOAD') body = <p role="alert">{t('confirmEmail.invalid')}</p>;
  else if (code === 'EMAIL_TAKEN') body = <p role="alert">{t('confirmEmail.taken')}</p>;
  else if (result && 'caught' in result) body = <Failure caught={result.caught} />;

  return (
    <main className="page narrow">
      <p>
        <Link to="/">{ta('back')}</Link>
      </p>
      <h1>{t('confirmEmail.title')}</h1>
      {body}
      <p>
        <Link to="/console/account">{t('confirmEmail.account')}</Link>
      </p>
    </main>
  );
}
