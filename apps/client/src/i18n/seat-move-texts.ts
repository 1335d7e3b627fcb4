import i18next from 'i18next';
import { seatmove } from './locales/en/seat-move';

// Imported by features/participant/seat-move.tsx (a seat moving to a new phone, rare): its English words load
// with it, on demand, so that a join link does not download them. Other languages bring every namespace (i18n.ts).
if (!i18next.hasResourceBundle('en', 'seatmove')) i18next.addResourceBundle('en', 'seatmove', seatmove);
