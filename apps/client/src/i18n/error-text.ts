import { useTranslation } from 'react-i18next';
import { common } from './locales/en/common';

type Failure = { code: string; message: string };
type KnownCode = keyof typeof common.errors;

function isKnownCode(code: string): code is KnownCode {
  return Object.hasOwn(common.errors, code);
}

// Words for a failure the server (or the connection) reported. In English, the server's own message, which
// is the most precise; in other languages, the message for its code, since the server speaks English only.
export function useErrorText(): (failure: Failure) => string {
  const { t, i18n } = useTranslation();
  return (failure) => (i18n.resolvedLanguage === 'en' || !isKnownCode(failure.code) ? failure.message : t(`errors.${failure.code}`));
}
