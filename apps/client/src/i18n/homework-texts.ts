import i18next from 'i18next';
import { homework } from './locales/en/homework';

// Imported by the homework pages (the phone's /h/ page and the therapist's): their English words load with
// them, on demand, so that a join link does not download them. Other languages bring every namespace (i18n.ts).
if (!i18next.hasResourceBundle('en', 'homework')) i18next.addResourceBundle('en', 'homework', homework);
