import i18next from 'i18next';
import { decks } from './locales/en/decks';
import { facilitator } from './locales/en/facilitator';

// Imported by every facilitator page: their English words load with them, on demand (see first-visit.ts).
// Other languages bring every namespace at once (i18n.ts), so only English is added here.
for (const [namespace, resources] of Object.entries({ facilitator, decks })) {
  if (!i18next.hasResourceBundle('en', namespace)) i18next.addResourceBundle('en', namespace, resources);
}
