import * as routes from '@candor/shared/routes';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n/error-text';
import { ApiError, call } from '../../lib/api';

// Deleting a session, asked about first: it takes every answer and result with it, for good. Used in the
// sessions list and on the summary page (inside a react-query page, see lib/queries.tsx).
export function DeleteSession({ sessionId, label, onDeleted }: { sessionId: string; label: string; onDeleted: () => void }) {
  const { t } = useTranslation('facilitator');
  const errorText = useErrorText();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => call(routes.deleteSession, { params: { id: sessionId } }),
    onSuccess: onDeleted,
  });
  return (
    <>
      {confirming ? (
        <span role="group" aria-label={t('console.sessions.confirmLabel', { title: label })}>
          <span>{t('console.sessions.confirm')}</span>{' '}
          <button type="button" className="danger" disabled={remove.isPending} onClick={() => remove.mutate()}>
            {t('console.sessions.confirmDelete')}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            {t('console.sessions.keep')}
          </button>
        </span>
      ) : (
        <button type="button" className="link-button" onClick={() => setConfirming(true)} aria-label={t('console.sessions.deleteLabel', { title: label })}>
          {t('console.sessions.delete')}
        </button>
      )}
      {remove.error && (
        <p className="error" role="alert">
          {remove.error instanceof ApiError ? errorText(remove.error) : t('console.sessions.deleteFailed')}
        </p>
      )}
    </>
  );
}
