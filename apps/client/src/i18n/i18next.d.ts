import 'i18next';
import type { en } from './locales/en';

// Keys passed to t() are checked against the English text at compile time.
declare module 'i18next' {
  type CustomTypeOptions = {
    defaultNS: 'common';
    resources: typeof en;
  }
}
