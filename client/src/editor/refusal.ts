import type { i18n as I18n } from 'i18next';
import { CollabCloseCode } from '@atelier/shared';

/**
 * Why the live editor stopped, in words: each close code the server documents has its own text
 * (`editor.refused.<its name>`); a code this client does not know is shown with its number.
 */
export function refusalMessage(code: number, i18n: I18n): string {
  const name = Object.entries(CollabCloseCode).find(([, value]) => value === code)?.[0];
  const key = `editor.refused.${name}`;
  return name && i18n.exists(key) ? i18n.t(key) : i18n.t('editor.closed', { code });
}
