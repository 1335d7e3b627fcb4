import type { AccessEntry, AccessRole } from '@candor/shared';
import * as routes from '@candor/shared/routes';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n/error-text';
import { ApiError, call } from '../../lib/api';
import '../../i18n/facilitator-texts';

const ROLES: AccessRole[] = ['co-run', 'view'];

// "People with access" (issue 16): the owner gives another Candor account access to this session by its
// email, as a co-runner (runs the console too) or a viewer (watches and reads the summary), changes the
// role and removes it. The owner's pages only: a co-runner or a viewer never sees who else has access.
export function AccessPanel({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation('facilitator');
  const errorText = useErrorText();
  const [entries, setEntries] = useState<AccessEntry[] | null>(null);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<AccessRole>('co-run');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const load = useCallback(() => {
    call(routes.listAccess, { params: { id: sessionId } }).then(
      (loaded) => setEntries(loaded.access),
      () => setFailure(t('access.loadFailed')),
    );
  }, [sessionId, t]);
  useEffect(load, [load]);

  const reasonOf = (caught: unknown, notFound: string) =>
    caught instanceof ApiError ? (caught.code === 'NOT_FOUND' ? notFound : errorText(caught)) : t('access.failed');
  const act = async (work: () => Promise<unknown>, notFound: string, said: string) => {
    setBusy(true);
    setFailure(null);
    setDone(null);
    try {
      await work();
      setDone(said);
      load();
      return true;
    } catch (caught) {
      setFailure(reasonOf(caught, notFound));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const invite = async (event: FormEvent) => {
    event.preventDefault();
    const address = email.trim();
    if (!address) return;
    const given = await act(() => call(routes.giveAccess, { params: { id: sessionId }, body: { email: address, role } }), t('access.noAccount'), t('access.given', { email: address }));
    if (given) setEmail('');
  };
  const change = (entry: AccessEntry, next: AccessRole) =>
    void act(
      () => call(routes.changeAccess, { params: { id: sessionId, accountId: entry.accountId }, body: { role: next } }),
      t('access.gone'),
      t('access.changed', { email: entry.email, role: t(`access.roles.${next}`) }),
    );
  const remove = (entry: AccessEntry) =>
    void act(() => call(routes.removeAccess, { params: { id: sessionId, accountId: entry.accountId } }), t('access.gone'), t('access.removed', { email: entry.email }));

  return (
    <section aria-labelledby="access-heading" className="card access-panel">
      <h2 id="access-heading">{t('access.heading')}</h2>
      <p className="hint">{t('access.hint')}</p>
      {entries && entries.length === 0 && <p className="muted">{t('access.none')}</p>}
      {entries && entries.length > 0 && (
        <ul className="access-list">
          {entries.map((entry) => (
            <li key={entry.accountId} data-account={entry.email}>
              <strong>{entry.email}</strong>{' '}
              <select value={entry.role} disabled={busy} onChange={(e) => change(entry, e.target.value as AccessRole)} aria-label={t('access.roleFor', { email: entry.email })}>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`access.roles.${r}`)}
                  </option>
                ))}
              </select>{' '}
              <button type="button" className="danger-outline" disabled={busy} onClick={() => remove(entry)} aria-label={t('access.removeFor', { email: entry.email })}>
                {t('access.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={(e) => void invite(e)} className="access-invite">
        <label htmlFor="access-email">{t('access.email')}</label>
        <input id="access-email" type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} required maxLength={254} />
        <label htmlFor="access-role">{t('access.role')}</label>
        <select id="access-role" value={role} onChange={(e) => setRole(e.target.value as AccessRole)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`access.roles.${r}`)}
            </option>
          ))}
        </select>
        <p className="hint">{t(role === 'co-run' ? 'access.coRunHint' : 'access.viewHint')}</p>
        <button type="submit" className="primary" disabled={busy}>
          {t('access.invite')}
        </button>
      </form>
      {failure && (
        <p className="error" role="alert">
          {failure}
        </p>
      )}
      {done && (
        <p role="status" className="hint">
          {done}
        </p>
      )}
    </section>
  );
}
