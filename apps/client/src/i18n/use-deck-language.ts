import { useTranslation } from 'react-i18next';

// The language deck content is shown in: the page's language. A component that reads it re-renders when
// the language is switched.
export function useDeckLanguage(): string {
  const { i18n } = useTranslation();
  return i18n.resolvedLanguage ?? i18n.language;
}
