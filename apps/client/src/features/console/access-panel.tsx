import type { AccessEntry, AccessRole } from '@candor/shared';
import * as routes from '@candor/shared/routes';
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n/error-text';
import { ApiError, call } from '../../lib/api';
import '../../i18n/facilitator-texts';

const ROLES: AccessRole[] = ['co-run', 'view'];

// "People with access" (issue 16): the owner gives another Candor account access to this session by its
// email, as a co-runner (runs the console too) or a viewer (watches and reads the summary), changes the
// role and removes it. The owner's pages only: a co-runner or a viewer never sees who else has access.
// A deck is shared the same way (the deck library's "Share"): its co-runner starts sessions from it, its viewer reads and copies it.
export function AccessPanel({ sessionId, deckId }: { sessionId?: string; deckId?: string }) {
  const { t } = useTranslation('facilitator');
  const errorText = useErrorText();
  const [entries, setEntries] = useState<AccessEntry[] | null>(null);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<AccessRole>('co-run');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const api = useMemo(() => accessApi(sessionId, deckId), [sessionId, deckId]);
  const load = useCallback(() => {
    api.list().then(
      (loaded) => setEntries(loaded.access),
      () => setFailure(t('access.loadFailed')),
    );
  }, [api, t]);
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
    const given = await act(() => api.give({ email: address, role }), t('access.noAccount'), t('access.given', { email: address }));
    if (given) setEmail('');
  };
  const change = (entry: AccessEntry, next: AccessRole) =>
    void act(
      () => api.change(entry.accountId, next),
      t('access.gone'),
      t('access.changed', { email: entry.email, role: t(`access.roles.${next}`) }),
    );
  const remove = (entry: AccessEntry) =>
    void act(() => api.remove(entry.accountId), t('access.gone'), t('access.removed', { email: entry.email }));

  return (
    <section aria-labelledby={`access-heading-${deckId ?? sessionId}`} className="card access-panel">
      <h2 id={`access-heading-${deckId ?? sessionId}`}>{t('access.heading')}</h2>
      <p className="hint">{t(deckId ? 'access.deckHint' : 'access.hint')}</p>
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
        <label htmlFor={`access-email-${deckId ?? sessionId}`}>{t('access.email')}</label>
        <input id={`access-email-${deckId ?? sessionId}`} type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} required maxLength={254} />
        <label htmlFor={`access-role-${deckId ?? sessionId}`}>{t('access.role')}</label>
        <select id={`access-role-${deckId ?? sessionId}`} value={role} onChange={(e) => setRole(e.target.value as AccessRole)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`access.roles.${r}`)}
            </option>
          ))}
        </select>
        <p className="hint">{t(deckId ? (role === 'co-run' ? 'access.deckCoRunHint' : 'access.deckViewHint') : role === 'co-run' ? 'access.coRunHint' : 'access.viewHint')}</p>
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

// The four calls, for a session's access or a deck's.
function accessApi(sessionId: string | undefined, deckId: string | undefined) {
  if (deckId !== undefined) {
    return {
      list: () => call(routes.listDeckAccess, { params: { deckId } }),
      give: (body: { email: string; role: AccessRole }) => call(routes.giveDeckAccess, { params: { deckId }, body }),
      change: (accountId: string, role: AccessRole) => call(routes.changeDeckAccess, { params: { deckId, accountId }, body: { role } }),
      remove: (accountId: string) => call(routes.removeDeckAccess, { params: { deckId, accountId } }),
    };
  }
  const id = sessionId ?? '';
  return {
    list: () => call(routes.listAccess, { params: { id } }),
    give: (body: { email: string; role: AccessRole }) => call(routes.giveAccess, { params: { id }, body }),
    change: (accountId: string, role: AccessRole) => call(routes.changeAccess, { params: { id, accountId }, body: { role } }),
    remove: (accountId: string) => call(routes.removeAccess, { params: { id, accountId } }),
  };
}
