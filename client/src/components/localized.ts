import type { Language } from '../i18n';

type InEveryLanguage = { nl: string; fr: string; en: string };

/** The text in the page's language; where it is not written yet, the English one. */
export function localized(texts: InEveryLanguage, language: string): string {
  const own = texts[(language as Language) in texts ? (language as Language) : 'en'];
  return own || texts.en;
}

export function themeLabel(theme: { key: string; labels: InEveryLanguage }, language: string): string {
  return localized(theme.labels, language);
}
