import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { nl } from './nl';
import { fr } from './fr';

export const LANGUAGES = ['nl', 'fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'atelier.language';

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (LANGUAGES.includes(stored as Language)) return stored as Language;
  const browser = navigator.language.slice(0, 2).toLowerCase();
  return browser === 'nl' || browser === 'fr' ? browser : 'en';
}

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, nl: { translation: nl }, fr: { translation: fr } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
});

i18n.on('languageChanged', (language) => {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
});
document.documentElement.lang = i18n.language;

export function formatDate(iso: string, language: string, style: 'long' | 'short' = 'long'): string {
  const [year, month, day] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : `${language}-BE`, style === 'long' ? { dateStyle: 'long', timeZone: 'UTC' } : { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

export default i18n;
