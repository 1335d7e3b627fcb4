import type { AuditEvent, LoginInfo } from '@candor/shared';
import * as routes from '@candor/shared/routes';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n/error-text';
import { ApiError, call } from '../../lib/api';
import { routeQuery, useLoginRedirect, withQueries } from '../../lib/queries';
import { Link, navigate } from '../../lib/router';
import { DeleteAccountForm, EmailForm, OwnDataSection, PasswordForm } from './account-forms';
import { TwoFactorSection } from './two-factor-section';
import { PasskeysSection, RecoveryCodesSection } from './passkeys-section';
import '../../i18n/facilitator-texts';

const when = (iso: string, language: string | undefined) => new Date(iso).toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short' });

// The account's own page: where it is logged in (each login can be ended from here) and its audit log.
export const AccountPage = withQueries(function AccountPage() {
  const { t } = useTranslation('facilitator');
  const { t: tc, i18n } = useTranslation();
  const errorText = useErrorText();
  const me = useQuery(routeQuery(routes.me));
  const logins = useQuery(routeQuery(routes.listLogins));
  const audit = useQuery(routeQuery(routes.auditLog));
  const emailStatus = useQuery(routeQuery(routes.emailStatus));
  const failed = useLoginRedirect(me.error ?? logins.error ?? audit.error);
  const end = useMutation({
    mutationFn: (login: LoginInfo) => call(routes.endLogin, { params: { loginId: login.id } }),
    onSuccess: (_, login) => {
      if (login.current) navigate('/login', { replace: true });
      else void Promise.all([logins.refetch(), audit.refetch()]);
    },
  });

  if (failed) {
    return (
      <main className="page">
        <h1>{t('account.title')}</h1>
        <p className="error" role="alert">
          {failed instanceof ApiError ? errorText(failed) : t('account.loadError')}
        </p>
      </main>
    );
  }
  if (!me.data || !logins.data || !audit.data) {
    return (
      <main className="page">
        <h1>{t('account.title')}</h1>
        <p role="status">{tc('loading')}</p>
      </main>
    );
  }
  const language = i18n.resolvedLanguage;
  return (
    <main className="page">
      <p>
        <Link to="/console">{t('account.back')}</Link>
      </p>
      <h1>{t('account.title')}</h1>
      <p className="muted">{me.data.facilitator.email}</p>

      <section className="card" aria-labelledby="logins-heading">
        <h2 id="logins-heading">{t('account.logins.heading')}</h2>
        <p className="muted">{t('account.logins.idle', { count: me.data.idleMinutes })}</p>
        <ul className="logins">
          {logins.data.logins.map((login) => (
            <li key={login.id} data-testid="login">
              <span>
                <strong>{login.device}</strong>
                {login.current && <span className="tag">{t('account.logins.current')}</span>}
                <br />
                <span className="muted">
                  {t('account.logins.since', { since: when(login.createdAt, language), last: when(login.lastSeenAt, language) })}
                </span>
              </span>
              <button type="button" disabled={end.isPending} onClick={() => end.mutate(login)}>
                {login.current ? t('account.logins.endHere') : t('account.logins.end')}
              </button>
            </li>
          ))}
        </ul>
        {end.error && (
          <p className="error" role="alert">
            {end.error instanceof ApiError ? errorText(end.error) : t('account.loadError')}
          </p>
        )}
      </section>

      <TwoFactorSection onChanged={() => void audit.refetch()} />
      <PasskeysSection onChanged={() => void audit.refetch()} />
      <RecoveryCodesSection onChanged={() => void audit.refetch()} />
      <PasswordForm />
      <EmailForm pending={emailStatus.data?.pending} onChanged={() => void Promise.all([me.refetch(), audit.refetch(), emailStatus.refetch()])} />
      <OwnDataSection onDownloaded={() => void audit.refetch()} />

      <section className="card" aria-labelledby="audit-heading">
        <h2 id="audit-heading">{t('account.audit.heading')}</h2>
        <p className="muted">{t('account.audit.about')}</p>
        <table className="audit">
          <thead>
            <tr>
              <th scope="col">{t('account.audit.when')}</th>
              <th scope="col">{t('account.audit.what')}</th>
              <th scope="col">{t('account.audit.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {audit.data.events.map((event: AuditEvent, i) => (
              <tr key={`${event.at}-${i}`} data-testid="audit-event">
                <td>{when(event.at, language)}</td>
                <td>{t(`account.audit.actions.${event.action}`)}</td>
                <td>{event.detail ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <DeleteAccountForm />
    </main>
  );
});
