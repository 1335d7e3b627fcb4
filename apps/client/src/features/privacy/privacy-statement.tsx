import type { SessionMode } from '@candor/shared';
import { Trans, useTranslation } from 'react-i18next';

// What the join screen promises, in plain words. It differs by mode: in a group the facilitator and the
// screen see totals only; a couple sees what both share, and the one inference that cannot be hidden.
type PrivacyStatementProps = { mode: SessionMode; k: number; liveResults?: boolean; headingId?: string };

export function PrivacyStatement({ mode, k, liveResults = false, headingId = 'privacy-heading' }: PrivacyStatementProps) {
  const { t } = useTranslation('participant');
  return (
    <section aria-labelledby={headingId} className="card privacy" data-mode={mode}>
      <h2 id={headingId}>{t('privacy.heading')}</h2>
      {mode === 'couple' ? <CoupleStatement /> : <GroupStatement k={k} liveResults={liveResults} />}
    </section>
  );
}

const strong = { strong: <strong /> };

function GroupStatement({ k, liveResults }: { k: number; liveResults: boolean }) {
  const { t } = useTranslation('participant');
  return (
    <>
      <ul>
        <li>{t('privacy.group.noName')}</li>
        <li>{t('privacy.group.totalsOnly')}</li>
        <li>
          <Trans t={t} i18nKey="privacy.group.threshold" values={{ k }} components={strong} />
        </li>
        {liveResults && (
          <li>
            <Trans t={t} i18nKey="privacy.group.live" values={{ k }} components={strong} />
          </li>
        )}
        <li>{t('privacy.group.pass')}</li>
        <li>{t('privacy.group.change')}</li>
        <li>{t('privacy.group.moment')}</li>
        <li>{t('privacy.group.stored')}</li>
        <li>{t('privacy.phoneKey')}</li>
        <li>
          <Trans t={t} i18nKey="privacy.quickExit" components={strong} />
        </li>
      </ul>
      <p>{t('privacy.group.closing')}</p>
    </>
  );
}

function CoupleStatement() {
  const { t } = useTranslation('participant');
  return (
    <>
      <ul>
        <li>{t('privacy.couple.seats')}</li>
        <li>
          <Trans t={t} i18nKey="privacy.couple.mutual" components={strong} />
        </li>
        <li>{t('privacy.couple.sideBySide')}</li>
        <li>
          <Trans t={t} i18nKey="privacy.couple.inference" components={strong} />
        </li>
        <li>{t('privacy.couple.therapist')}</li>
        <li>{t('privacy.couple.leave')}</li>
        <li>{t('privacy.phoneKey')}</li>
        <li>
          <Trans t={t} i18nKey="privacy.quickExit" components={strong} />
        </li>
      </ul>
      <p>{t('privacy.couple.closing')}</p>
    </>
  );
}
