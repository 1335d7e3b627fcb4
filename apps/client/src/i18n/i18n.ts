import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { enFirstVisit } from './locales/en/first-visit';

// The languages Candor speaks. English is bundled; the others load on demand so that a phone downloads
// only the language it shows.
export const LANGUAGES = ['en', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

// The name of each language in that language, for the switcher.
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', de: 'Deutsch' };

const STORAGE_KEY = 'candor.language';

function isLanguage(value: string | null | undefined): value is Language {
  return (LANGUAGES as readonly string[]).includes(value ?? '');
}

// A choice made with the switcher wins; otherwise the first of the browser's languages that Candor
// speaks (de-AT counts as de); otherwise English.
export function pickLanguage(stored: string | null, browser: readonly string[]): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of browser) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

function storedLanguage(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

async function loadResources(language: Language): Promise<void> {
  if (i18next.hasResourceBundle(language, 'common')) return;
  // Only German for now; each further language adds a line here and a folder under locales/.
  const { de } = await import('./locales/de');
  for (const [namespace, resources] of Object.entries(de)) {
    i18next.addResourceBundle(language, namespace, resources);
  }
}

function applyToDocument(language: Language): void {
  document.documentElement.lang = language;
}

// Resolves once the page's language is loaded, so the first render is already in that language.
export async function initI18n(): Promise<void> {
  const language = pickLanguage(storedLanguage(), navigator.languages ?? [navigator.language]);
  await i18next.use(initReactI18next).init({
    resources: { en: enFirstVisit },
    lng: 'en',
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    defaultNS: 'common',
    ns: Object.keys(enFirstVisit),
    // React escapes what it renders.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  if (language !== 'en') await changeLanguage(language, false);
  else applyToDocument(language);
}

// Switches every mounted component to the language, and remembers the choice on this device when asked.
export async function changeLanguage(language: Language, remember = true): Promise<void> {
  await loadResources(language);
  await i18next.changeLanguage(language);
  applyToDocument(language);
  if (remember) {
    try {
      window.localStorage.setItem(STORAGE_KEY, language);
    } catch {
      // Private browsing without storage: the choice lasts until the page closes.
    }
  }
}

export function currentLanguage(): Language {
  const language = i18next.resolvedLanguage ?? i18next.language;
  return isLanguage(language) ? language : 'en';
}
