import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { escTwice, quickExit } from './quick-exit';

// "Leave quickly", top right of every participant page, and Esc twice. One line mounts it: <QuickExit />.
export function QuickExit() {
  const { t } = useTranslation();
  useEffect(() => {
    const onKey = escTwice(quickExit);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div className="quick-exit">
      <button type="button" onClick={quickExit}>
        {t('quickExit')}
      </button>
    </div>
  );
}
