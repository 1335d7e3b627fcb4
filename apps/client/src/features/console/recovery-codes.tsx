import { useState } from 'react';
import { useTranslation } from 'react-i18next';

// A new set of recovery codes, shown this once: as a list, as a file and to copy (two-step login's setup,
// the first passkey's, and the renewal's).
export function NewRecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation('facilitator');
  const [copied, setCopied] = useState(false);
  const download = () => {
    const url = URL.createObjectURL(new Blob([`Candor\n\n${codes.join('\n')}\n`], { type: 'text/plain' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'candor-recovery-codes.txt';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <div data-testid="recovery-codes">
      <h3>{t('account.twoFactor.codesHeading')}</h3>
      <p>{t('account.twoFactor.codesAbout')}</p>
      <ul className="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code data-testid="recovery-code">{code}</code>
          </li>
        ))}
      </ul>
      <p>
        <button type="button" onClick={download}>
          {t('account.twoFactor.download')}
        </button>{' '}
        <button
          type="button"
          onClick={() => {
            void navigator.clipboard?.writeText(codes.join('\n')).then(() => setCopied(true), () => undefined);
          }}
        >
          {t('account.twoFactor.copy')}
        </button>{' '}
        {copied && <span role="status">{t('account.twoFactor.copied')}</span>}
      </p>
      <button type="button" className="primary" onClick={onDone}>
        {t('account.twoFactor.codesDone')}
      </button>
    </div>
  );
}
