import i18next from 'i18next';
import { blind } from './locales/en/blind';

// Imported by features/participant/blind-compare.tsx (a couple's list compared on the phones): its English words
// load with it, on demand, so that a join link does not download them. Other languages bring every namespace (i18n.ts).
if (!i18next.hasResourceBundle('en', 'blind')) i18next.addResourceBundle('en', 'blind', blind);
