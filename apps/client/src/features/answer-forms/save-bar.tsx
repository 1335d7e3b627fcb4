import type { AnswerValue } from '@candor/shared';
import { useTranslation } from 'react-i18next';

// Under every form: whether the answer is saved, the submit button and "Pass".
type SaveBarProps = {
  pending: boolean;
  dirty: boolean;
  latest: AnswerValue | undefined;
  submitLabel: string;
  canSubmit: boolean;
  onPass: () => void;
};

export function SaveBar({ pending, dirty, latest, submitLabel, canSubmit, onPass }: SaveBarProps) {
  const { t } = useTranslation('participant');
  const status = pending || dirty ? 'notYetSaved' : latest ? 'saved' : null;
  return (
    <div className="save-bar">
      <p className={`save-status ${status === 'saved' ? 'is-saved' : ''}`} aria-live="polite" data-testid="save-status">
        {status && t(`form.${status}`)}
      </p>
      {!dirty && latest?.kind === 'pass' && <p className="hint">{t('form.passed')}</p>}
      <div className="controls">
        <button type="submit" className="primary" disabled={!canSubmit}>
          {submitLabel}
        </button>
        <button type="button" onClick={onPass}>
          {t('form.pass')}
        </button>
      </div>
    </div>
  );
}
