import { foldAccents } from '../importer/parse-date.js';

/**
 * Finds which taxonomy entries (themes by keyword, methods by name or alias) a text mentions:
 * case- and accent-insensitive, on word boundaries, "check-in" = "Check In". Terms of six letters
 * or more also match longer words they start ("partnerschap" → "partnerschappen").
 */
export interface TermEntry {
  key: string;
  terms: string[];
}

/** Lower case, every run of other characters than letters and digits made one space. */
export const wordsOnly = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

export function normalizeForMatch(text: string): string {
  return ` ${wordsOnly(foldAccents(text))} `;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** How much text (in characters) a matcher remembers the keys of. */
const REMEMBERED_CHARS = 2_000_000;

export class TermMatcher {
  private readonly patterns: { key: string; pattern: RegExp }[];
  /**
   * Keys by text, oldest first. A report being edited is matched again every second or so, and
   * all but the passage being typed in are the same as last time.
   */
  private readonly remembered = new Map<string, string[]>();
  private rememberedChars = 0;

  constructor(entries: readonly TermEntry[]) {
    this.patterns = entries
      .map((entry) => {
        const terms = [...new Set(entry.terms.map((term) => normalizeForMatch(term).trim()).filter((term) => term.length >= 2))];
        if (!terms.length) return null;
        const alternatives = terms
          .sort((a, b) => b.length - a.length)
          .map((term) => `${escape(term)}${term.length >= 6 && !term.includes(' ') ? '\\p{L}*' : ''}`);
        return { key: entry.key, pattern: new RegExp(` (?:${alternatives.join('|')}) `, 'u') };
      })
      .filter((entry): entry is { key: string; pattern: RegExp } => entry !== null);
  }

  /** Keys of the entries the text mentions, in the order the entries were given. */
  keysIn(text: string): string[] {
    const known = this.remembered.get(text);
    if (known) return [...known];
    const normalized = normalizeForMatch(text);
    const keys = this.patterns.filter((entry) => entry.pattern.test(normalized)).map((entry) => entry.key);
    this.remember(text, keys);
    return [...keys];
  }

  private remember(text: string, keys: string[]): void {
    if (text.length > REMEMBERED_CHARS / 10) return;
    this.remembered.set(text, keys);
    this.rememberedChars += text.length;
    for (const oldest of this.remembered.keys()) {
      if (this.rememberedChars <= REMEMBERED_CHARS) break;
      this.remembered.delete(oldest);
      this.rememberedChars -= oldest.length;
    }
  }

  /** Keys of the entries the text mentions, and the rest of the text (normalized) once their mentions are taken out. */
  takeOut(text: string): { keys: string[]; rest: string } {
    let rest = normalizeForMatch(text);
    const keys: string[] = [];
    for (const { key, pattern } of this.patterns) {
      if (!pattern.test(rest)) continue;
      keys.push(key);
      // One at a time: a mention's surrounding spaces belong to the pattern, so two side by side never match in one pass.
      do {
        rest = rest.replace(pattern, ' ');
      } while (pattern.test(rest));
    }
    return { keys, rest: rest.trim() };
  }
}

/**
 * Matchers by their entries, so each taxonomy is compiled once, whoever reads it (derivations,
 * searches, imports, the relinking of every report). Built anew, its Unicode patterns cost ~5 ms to
 * compile and ~7 ms more on their first runs (V8 drops its own regexp cache at every full
 * collection), which stalled every editor's relay when a derivation did it on the event loop.
 */
const compiled = new Map<string, TermMatcher>();
/** The taxonomy changes rarely; a few versions of it at once cover the moment it does. */
const COMPILED_KEPT = 8;

function cachedMatcher(entries: TermEntry[]): TermMatcher {
  const key = JSON.stringify(entries);
  let matcher = compiled.get(key);
  if (!matcher) {
    if (compiled.size >= COMPILED_KEPT) compiled.delete(compiled.keys().next().value!);
    compiled.set(key, (matcher = new TermMatcher(entries)));
  }
  return matcher;
}

export function themeMatcher(themes: readonly { key: string; keywords: string[]; labels?: string[] }[]): TermMatcher {
  return cachedMatcher(themes.map((theme) => ({ key: theme.key, terms: [...theme.keywords, ...(theme.labels ?? [])] })));
}

export function methodMatcher(methods: readonly { key: string; name: string; aliases: string[] }[]): TermMatcher {
  return cachedMatcher(methods.map((method) => ({ key: method.key, terms: [method.name, ...method.aliases] })));
}
