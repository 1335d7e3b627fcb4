import type { PasskeyInfo, PasskeyRegistration } from '@candor/shared';
import * as routes from '@candor/shared/routes';
import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/browser';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n/error-text';
import { ApiError, call } from '../../lib/api';
import { routeQuery } from '../../lib/queries';
import { useFormAction } from '../../lib/use-form-action';
import { NewRecoveryCodes } from './recovery-codes';

const value = (id: string) => (document.getElementById(id) as HTMLInputElement).value;
const when = (iso: string, language: string | undefined) => new Date(iso).toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short' });

// The browser's passkey prompt was closed, timed out or refused (a WebAuthnError or a DOMException).
export function promptClosed(failed: unknown): boolean {
  return failed instanceof Error && (failed.name === 'NotAllowedError' || failed.name === 'AbortError');
}

// The account page's passkeys: add one (the password, a name, then the browser's prompt), the list with
// when each was added and last used, and removing one (with the password). @simplewebauthn/browser is
// loaded only when a passkey is added.
export function PasskeysSection({ onChanged }: { onChanged: () => void }) {
  const { t, i18n } = useTranslation('facilitator');
  const errorText = useErrorText();
  const queries = useQueryClient();
  const list = useQuery(routeQuery(routes.listPasskeys));
  const [codes, setCodes] = useState<string[] | null>(null);
  const [removing, setRemoving] = useState<PasskeyInfo | null>(null);
  const [state, run] = useFormAction();

  const changed = async () => {
    await Promise.all([list.refetch(), queries.invalidateQueries({ queryKey: [routes.totpStatus] })]);
    onChanged();
  };
  const failure = (failed: unknown) => {
    if (promptClosed(failed)) return t('account.passkeys.cancelled');
    if (!(failed instanceof ApiError)) return t('account.passkeys.failed');
    if (failed.code === 'INVALID_CREDENTIALS') return t('account.passkeys.wrongPassword');
    if (failed.code === 'WRONG_CODE' || failed.code === 'INVALID_TRANSITION') return t('account.passkeys.failed');
    return errorText(failed);
  };

  const add = async () => {
    const name = value('passkey-name').trim();
    const { options } = await call(routes.passkeyOptions, { body: { password: value('passkey-password') } });
    const { startRegistration } = await import('@simplewebauthn/browser');
    const credential = await startRegistration({ optionsJSON: options as unknown as PublicKeyCredentialCreationOptionsJSON });
    const added = await call(routes.addPasskey, { body: { name, credential: credential as PasskeyRegistration } });
    if (added.recoveryCodes.length > 0) setCodes(added.recoveryCodes);
    await changed();
    return t('account.passkeys.added', { name: added.passkey.name });
  };
  const remove = async (passkey: PasskeyInfo) => {
    await call(routes.removePasskey, { params: { passkeyId: passkey.id }, body: { password: value('passkey-remove-password') } });
    setRemoving(null);
    await changed();
    return t('account.passkeys.removed', { name: passkey.name });
  };

  const language = i18n.resolvedLanguage;
  const passkeys = list.data?.passkeys ?? [];
  return (
    <section className="card" aria-labelledby="passkeys-heading">
      <h2 id="passkeys-heading">{t('account.passkeys.heading')}</h2>
      <p className="muted">{t('account.passkeys.about')}</p>
      {codes ? (
        <NewRecoveryCodes codes={codes} onDone={() => setCodes(null)} />
      ) : (
        <>
          {list.data && passkeys.length === 0 && <p data-testid="passkeys-none">{t('account.passkeys.none')}</p>}
          {passkeys.length > 0 && (
            <ul className="logins">
              {passkeys.map((passkey) => (
                <li key={passkey.id} data-testid="passkey">
                  <span>
                    <strong>{passkey.name}</strong>
                    <br />
                    <span className="muted" data-testid="passkey-used">
                      {t('account.passkeys.since', { since: when(passkey.createdAt, language) })} ·{' '}
                      {passkey.lastUsedAt ? t('account.passkeys.lastUsed', { last: when(passkey.lastUsedAt, language) }) : t('account.passkeys.neverUsed')}
                    </span>
                  </span>
                  <button type="button" onClick={() => setRemoving(passkey)} aria-label={t('account.passkeys.removeNamed', { name: passkey.name })}>
                    {t('account.passkeys.remove')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {removing ? (
            <form onSubmit={(event) => void run(() => remove(removing))(event)}>
              <h3>{t('account.passkeys.removeHeading', { name: removing.name })}</h3>
              <label htmlFor="passkey-remove-password">{t('account.twoFactor.password')}</label>
              <input id="passkey-remove-password" type="password" autoComplete="current-password" required />
              <button type="submit" className="danger" disabled={state.busy}>
                {t('account.passkeys.removeConfirm')}
              </button>{' '}
              <button type="button" onClick={() => setRemoving(null)}>
                {t('account.twoFactor.cancel')}
              </button>
            </form>
          ) : (
            <form onSubmit={(event) => void run(add)(event)}>
              <h3>{t('account.passkeys.addHeading')}</h3>
              <label htmlFor="passkey-name">{t('account.passkeys.name')}</label>
              <input id="passkey-name" required maxLength={60} aria-describedby="passkey-name-hint" />
              <p id="passkey-name-hint" className="hint">
                {t('account.passkeys.nameHint')}
              </p>
              <label htmlFor="passkey-password">{t('account.twoFactor.password')}</label>
              <input id="passkey-password" type="password" autoComplete="current-password" required />
              <button type="submit" className="primary" disabled={state.busy}>
                {t('account.passkeys.add')}
              </button>
            </form>
          )}
        </>
      )}
      {state.done && <p role="status">{state.done}</p>}
      {state.failed !== undefined && (
        <p className="error" role="alert">
          {failure(state.failed)}
        </p>
      )}
    </section>
  );
}

// Renewing the recovery codes (with the password): the old ones stop working, the new ones are shown once.
// Shown while a second factor is on (the codes come with it).
export function RecoveryCodesSection({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation('facilitator');
  const errorText = useErrorText();
  const status = useQuery(routeQuery(routes.totpStatus));
  const passkeys = useQuery(routeQuery(routes.listPasskeys));
  const [codes, setCodes] = useState<string[] | null>(null);
  const [failed, setFailed] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  if (!status.data || !passkeys.data || (!status.data.enabled && passkeys.data.passkeys.length === 0)) return null;

  const renew = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    setBusy(true);
    setFailed(undefined);
    try {
      const renewed = await call(routes.renewRecoveryCodes, { body: { password: value('recovery-password') } });
      form.reset();
      setCodes(renewed.recoveryCodes);
      await status.refetch();
      onChanged();
    } catch (caught) {
      setFailed(caught);
    }
    setBusy(false);
  };

  return (
    <section className="card" aria-labelledby="recovery-heading">
      <h2 id="recovery-heading">{t('account.recovery.heading')}</h2>
      {codes ? (
        <NewRecoveryCodes codes={codes} onDone={() => setCodes(null)} />
      ) : (
        <>
          <p data-testid="recovery-status">{t('account.recovery.left', { count: status.data.recoveryCodesLeft })}</p>
          <p className="muted">{t('account.recovery.about')}</p>
          <form onSubmit={(event) => void renew(event)}>
            <label htmlFor="recovery-password">{t('account.twoFactor.password')}</label>
            <input id="recovery-password" type="password" autoComplete="current-password" required />
            <button type="submit" disabled={busy}>
              {t('account.recovery.renew')}
            </button>
          </form>
        </>
      )}
      {failed !== undefined && (
        <p className="error" role="alert">
          {failed instanceof ApiError ? (failed.code === 'INVALID_CREDENTIALS' ? t('account.passkeys.wrongPassword') : errorText(failed)) : t('account.loadError')}
        </p>
      )}
    </section>
  );
}
