import { describe, expect, it } from 'vitest';
import { ERROR_REASONS } from '@atelier/shared';
import { en } from './en';
import { nl } from './nl';
import { fr } from './fr';

type Tree = { [key: string]: string | Tree };

/** Every text of a message tree with its path: `errors.synonymTaken` → its text. */
function texts(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [path, text] of texts(value, `${prefix}${key}.`)) out.set(path, text);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();

describe('the Dutch and French texts', () => {
  const english = texts(en as unknown as Tree);
  const translations = { nl: texts(nl as unknown as Tree), fr: texts(fr as unknown as Tree) };

  it.each(['nl', 'fr'] as const)('%s has every English text, with the same parameters', (language) => {
    const translated = translations[language];
    expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [path, text] of english) expect(placeholders(translated.get(path)!), path).toEqual(placeholders(text));
  });

  it('say every reason the server can give', () => {
    for (const key of Object.keys(ERROR_REASONS)) {
      expect(translations.nl.has(`errors.${key}`), key).toBe(true);
      expect(translations.fr.has(`errors.${key}`), key).toBe(true);
    }
  });
});
