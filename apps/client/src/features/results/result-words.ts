import { useTranslation } from 'react-i18next';
import type { ResultWords } from './result-format';

// The results texts and the number language for the helpers in result-format.ts; a component that uses it
// renders again when the language changes.
export function useResultWords(): ResultWords {
  const { t, i18n } = useTranslation('results');
  return { t, language: i18n.resolvedLanguage ?? 'en' };
}
