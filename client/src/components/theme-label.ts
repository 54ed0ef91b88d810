import type { Language } from '../i18n';

export function themeLabel(theme: { key: string; labels: { nl: string; fr: string; en: string } }, language: string): string {
  return theme.labels[(language as Language) in theme.labels ? (language as Language) : 'en'];
}
