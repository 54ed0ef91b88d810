import { themeMatcher, type TermMatcher } from './match.js';
import { SynonymMatcher } from './synonyms.js';
import { loadMethodMatcher } from '../links/mentions.service.js';
import type { Queryable } from '../reports/report-state.js';

/** The taxonomy's version (migration 1732000006000), as an expression a statement can return among its columns. */
export const TAXONOMY_VERSION = `(SELECT version::text FROM taxonomy_version)`;

export interface Matchers {
  methods: TermMatcher;
  themes: TermMatcher;
  synonyms: SynonymMatcher;
}

/** The themes' matcher (keywords and labels in every language), as the taxonomy stands. */
async function loadThemeMatcher(db: Queryable): Promise<TermMatcher> {
  const rows: { key: string; keywords: string[]; label_nl: string; label_fr: string; label_en: string }[] = await db.query(
    `SELECT key, keywords, label_nl, label_fr, label_en FROM theme`,
  );
  return themeMatcher(rows.map((row) => ({ key: row.key, keywords: row.keywords, labels: [row.label_nl, row.label_fr, row.label_en] })));
}

/** Search's synonym groups, as the coordinators left them. */
async function loadSynonyms(db: Queryable): Promise<SynonymMatcher> {
  const rows: { terms: string[] }[] = await db.query(`SELECT terms FROM synonym_group ORDER BY created_at, id`);
  return new SynonymMatcher(rows.map((row) => row.terms));
}

/**
 * The methods', the themes' and the synonyms' matchers, read from the database again only when the taxonomy's
 * version moved, whichever instance changed it. A report being edited is derived every second or
 * so, and reading both tables each time cost two round trips and ~0.4 ms of CPU per derivation for
 * what changes a few times a year; searches and imports, which used to keep them until told on
 * their own instance, now see a change made on another one at once. One per process (and one in
 * the derivation worker), shared by everything that matches.
 */
export class TaxonomyMatchers {
  private cached: { version: string; matchers: Matchers } | null = null;

  /**
   * `version`: the taxonomy's version read by the caller in the same transaction, before this
   * call (the tables are read after it, so what is kept is never older than its version).
   */
  async at(db: Queryable, version?: string): Promise<Matchers> {
    version ??= ((await db.query(`SELECT ${TAXONOMY_VERSION} AS version`)) as { version: string }[])[0].version;
    if (this.cached?.version === version) return this.cached.matchers;
    const matchers = { methods: await loadMethodMatcher(db), themes: await loadThemeMatcher(db), synonyms: await loadSynonyms(db) };
    this.cached = { version, matchers };
    return matchers;
  }
}
