import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { CollabCloseCode } from '@atelier/shared';
import { en } from '../i18n/en';
import { nl } from '../i18n/nl';
import { fr } from '../i18n/fr';
import { refusalMessage } from './refusal';

async function inLanguage(lng: string) {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { en: { translation: en }, nl: { translation: nl }, fr: { translation: fr } }, lng, fallbackLng: 'en', interpolation: { escapeValue: false } });
  return i18n;
}

describe('refusalMessage', () => {
  it('words every close code that stops the editor for good, in each language, without its number', async () => {
    const stopping = Object.values(CollabCloseCode).filter((code) => code >= 4400 && code < 4500);
    expect(stopping.length).toBeGreaterThanOrEqual(5);
    for (const lng of ['nl', 'fr', 'en']) {
      const i18n = await inLanguage(lng);
      const messages = stopping.map((code) => refusalMessage(code, i18n));
      for (const [i, message] of messages.entries()) expect(message, `${lng} ${stopping[i]}`).not.toMatch(/\d{4}|editor\./);
      expect(new Set(messages).size).toBe(stopping.length);
    }
    expect(refusalMessage(CollabCloseCode.ROLE_CHANGED, await inLanguage('nl'))).toMatch(/^Een coördinator heeft je rol gewijzigd/);
  });

  it('gives a code it does not know with its number', async () => {
    expect(refusalMessage(4499, await inLanguage('fr'))).toBe('La connexion a été refusée (4499). Reconnectez-vous pour continuer.');
  });
});
