import { PASSWORD_LENGTH } from '@candor/shared/rules';
import * as routes from '@candor/shared/routes';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n/error-text';
import { ApiError, call, downloadFile, routeUrl } from '../../lib/api';
import { navigate } from '../../lib/router';
import { useFormAction } from '../../lib/use-form-action';

// One form of the account page: sends, says "Saved" or the refusal in words, and resets its fields.
function AccountForm({ id, heading, submit, onSubmit, children, danger }: {
  id: string;
  heading: string;
  submit: string;
  onSubmit: () => Promise<string | null>;
  children: ReactNode;
  danger?: boolean;
}) {
  const errorText = useErrorText();
  const { t } = useTranslation('facilitator');
  const [state, run] = useFormAction();
  const send = run(async () => (await onSubmit()) ?? undefined);
  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      <form onSubmit={(event) => void send(event)}>
        {children}
        <button type="submit" className={danger ? 'danger' : 'primary'} disabled={state.busy}>
          {submit}
        </button>
      </form>
      {state.done && <p role="status">{state.done}</p>}
      {state.failed !== undefined && (
        <p className="error" role="alert">
          {state.failed instanceof ApiError ? errorText(state.failed) : t('account.loadError')}
        </p>
      )}
    </section>
  );
}

const value = (id: string) => (document.getElementById(id) as HTMLInputElement).value;

export function PasswordForm() {
  const { t } = useTranslation('facilitator');
  return (
    <AccountForm
      id="password"
      heading={t('account.password.heading')}
      submit={t('account.password.submit')}
      onSubmit={async () => {
        await call(routes.changePassword, { body: { currentPassword: value('current-password'), newPassword: value('new-password') } });
        return t('account.password.done');
      }}
    >
      <label htmlFor="current-password">{t('account.password.current')}</label>
      <input id="current-password" type="password" autoComplete="current-password" required />
      <label htmlFor="new-password">{t('account.password.new')}</label>
      <input id="new-password" type="password" autoComplete="new-password" required minLength={PASSWORD_LENGTH.min} aria-describedby="new-password-hint" />
      <p id="new-password-hint" className="muted">
        {t('account.password.hint', { min: PASSWORD_LENGTH.min })}
      </p>
    </AccountForm>
  );
}

// With mail, a new address changes only once the link sent to it is opened: the form says so, and so does
// the line above it while a change waits (`pending`, from GET /api/auth/email).
export function EmailForm({ onChanged, pending }: { onChanged: () => void; pending?: { email: string; expiresAt: string } | null }) {
  const { t, i18n } = useTranslation('facilitator');
  return (
    <AccountForm
      id="email"
      heading={t('account.email.heading')}
      submit={t('account.email.submit')}
      onSubmit={async () => {
        const language = i18n.language.startsWith('de') ? 'de' : 'en';
        const changed = await call(routes.changeEmail, { body: { email: value('new-email'), password: value('email-password'), language } });
        onChanged();
        return changed.pending ? t('account.email.sent', { email: changed.pending.email }) : t('account.email.done');
      }}
    >
      {pending && (
        <p className="notice" role="status">
          {t('account.email.pending', { email: pending.email, until: new Date(pending.expiresAt).toLocaleString(i18n.language) })}
        </p>
      )}
      <label htmlFor="new-email">{t('account.email.new')}</label>
      <input id="new-email" type="email" autoComplete="email" required />
      <label htmlFor="email-password">{t('account.email.password')}</label>
      <input id="email-password" type="password" autoComplete="current-password" required />
    </AccountForm>
  );
}

export function OwnDataSection({ onDownloaded }: { onDownloaded: () => void }) {
  const { t } = useTranslation('facilitator');
  const errorText = useErrorText();
  const [failed, setFailed] = useState<unknown>(undefined);
  return (
    <section className="card" aria-labelledby="own-data-heading">
      <h2 id="own-data-heading">{t('account.data.heading')}</h2>
      <p>{t('account.data.about')}</p>
      <button
        type="button"
        onClick={() => {
          setFailed(undefined);
          downloadFile(routeUrl(routes.exportAccount), 'candor-account.json').then(onDownloaded, setFailed);
        }}
      >
        {t('account.data.download')}
      </button>
      {failed !== undefined && (
        <p className="error" role="alert">
          {failed instanceof ApiError ? errorText(failed) : t('account.loadError')}
        </p>
      )}
    </section>
  );
}

export function DeleteAccountForm() {
  const { t } = useTranslation('facilitator');
  return (
    <AccountForm
      id="delete-account"
      heading={t('account.delete.heading')}
      submit={t('account.delete.submit')}
      danger
      onSubmit={async () => {
        await call(routes.deleteAccount, { body: { password: value('delete-password') } });
        navigate('/', { replace: true });
        return null;
      }}
    >
      <p>{t('account.delete.about')}</p>
      <label className="check">
        <input type="checkbox" required />
        <span>{t('account.delete.confirm')}</span>
      </label>
      <label htmlFor="delete-password">{t('account.delete.password')}</label>
      <input id="delete-password" type="password" autoComplete="current-password" required />
    </AccountForm>
  );
}
