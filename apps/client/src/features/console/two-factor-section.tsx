import type { TotpSetupResult } from '@candor/shared';
import * as routes from '@candor/shared/routes';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n/error-text';
import { ApiError, call } from '../../lib/api';
import { routeQuery } from '../../lib/queries';
import { useFormAction } from '../../lib/use-form-action';
import { JoinQr } from '../join-links/join-qr';
import { NewRecoveryCodes } from './recovery-codes';

const value = (id: string) => (document.getElementById(id) as HTMLInputElement).value;

// The account page's two-step login: set up (password, then the QR code and key, then a current code),
// the recovery codes shown once, and turning it off.
export function TwoFactorSection({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation('facilitator');
  const errorText = useErrorText();
  const status = useQuery(routeQuery(routes.totpStatus));
  const [setup, setSetup] = useState<TotpSetupResult | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [state, run] = useFormAction();

  const failure = (failed: unknown) => {
    if (!(failed instanceof ApiError)) return t('account.loadError');
    return failed.code === 'WRONG_CODE' ? t('account.twoFactor.wrongCode') : errorText(failed);
  };
  let body;
  if (codes) {
    body = <NewRecoveryCodes codes={codes} onDone={() => setCodes(null)} />;
  } else if (status.data?.enabled) {
    body = (
      <>
        <p data-testid="two-factor-status">{t('account.twoFactor.on', { count: status.data.recoveryCodesLeft })}</p>
        <h3>{t('account.twoFactor.disableHeading')}</h3>
        <form
          onSubmit={(event) =>
            void run(async () => {
              await call(routes.totpDisable, { body: { password: value('totp-disable-password'), code: value('totp-disable-code').trim() } });
              await status.refetch();
              onChanged();
              return t('account.twoFactor.disabled');
            })(event)
          }
        >
          <label htmlFor="totp-disable-password">{t('account.twoFactor.password')}</label>
          <input id="totp-disable-password" type="password" autoComplete="current-password" required />
          <label htmlFor="totp-disable-code">{t('account.twoFactor.disableCode')}</label>
          <input id="totp-disable-code" autoComplete="one-time-code" required />
          <button type="submit" className="danger" disabled={state.busy}>
            {t('account.twoFactor.disable')}
          </button>
        </form>
      </>
    );
  } else if (setup) {
    body = (
      <>
        <p>{t('account.twoFactor.scan')}</p>
        <JoinQr url={setup.uri} size={200} alt={t('account.twoFactor.qr')} />
        <p>
          {t('account.twoFactor.secret')}: <code data-testid="totp-secret">{setup.secret}</code>
        </p>
        <form
          onSubmit={(event) =>
            void run(async () => {
              const enabled = await call(routes.totpEnable, { body: { code: value('totp-code').replace(/\s/g, '') } });
              setSetup(null);
              // With a passkey on already the account keeps its recovery codes: none new to show.
              setCodes(enabled.recoveryCodes.length > 0 ? enabled.recoveryCodes : null);
              await status.refetch();
              onChanged();
              return undefined;
            })(event)
          }
        >
          <label htmlFor="totp-code">{t('account.twoFactor.code')}</label>
          <input id="totp-code" autoComplete="one-time-code" inputMode="numeric" required />
          <button type="submit" className="primary" disabled={state.busy}>
            {t('account.twoFactor.enable')}
          </button>{' '}
          <button type="button" onClick={() => setSetup(null)}>
            {t('account.twoFactor.cancel')}
          </button>
        </form>
      </>
    );
  } else {
    body = (
      <>
        {status.data && <p data-testid="two-factor-status">{t('account.twoFactor.off')}</p>}
        <form
          onSubmit={(event) =>
            void run(async () => {
              setSetup(await call(routes.totpSetup, { body: { password: value('totp-password') } }));
              return undefined;
            })(event)
          }
        >
          <label htmlFor="totp-password">{t('account.twoFactor.password')}</label>
          <input id="totp-password" type="password" autoComplete="current-password" required />
          <button type="submit" className="primary" disabled={state.busy}>
            {t('account.twoFactor.start')}
          </button>
        </form>
      </>
    );
  }

  return (
    <section className="card" aria-labelledby="two-factor-heading">
      <h2 id="two-factor-heading">{t('account.twoFactor.heading')}</h2>
      <p className="muted">{t('account.twoFactor.about')}</p>
      {body}
      {state.done && <p role="status">{state.done}</p>}
      {state.failed !== undefined && (
        <p className="error" role="alert">
          {failure(state.failed)}
        </p>
      )}
    </section>
  );
}
