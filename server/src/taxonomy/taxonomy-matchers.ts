import type { TermMatcher } from './match.js';
import { loadMethodMatcher } from '../links/mentions.service.js';
import type { Queryable } from '../reports/report-state.js';
import type { SearchIndexer } from '../search/search-indexer.js';

/** The taxonomy's version (migration 1732000006000), as an expression a statement can return among its columns. */
export const TAXONOMY_VERSION = `(SELECT version::text FROM taxonomy_version)`;

export interface Matchers {
  methods: TermMatcher;
  themes: TermMatcher;
}

/**
 * The methods' and the themes' matchers, read from the database again only when the taxonomy's
 * version moved. A report being edited is derived every second or so, and reading both tables
 * each time cost two round trips and ~0.4 ms of CPU per derivation for what changes a few times a
 * year.
 */
export class TaxonomyMatchers {
  private cached: { version: string; matchers: Matchers } | null = null;

  constructor(private readonly search: SearchIndexer) {}

  /**
   * `version`: the taxonomy's version read by the caller in the same transaction, before this
   * call (the tables are read after it, so what is kept is never older than its version).
   */
  async at(db: Queryable, version?: string): Promise<Matchers> {
    version ??= ((await db.query(`SELECT ${TAXONOMY_VERSION} AS version`)) as { version: string }[])[0].version;
    if (this.cached?.version === version) return this.cached.matchers;
    const matchers = { methods: await loadMethodMatcher(db), themes: await this.search.themes(db) };
    this.cached = { version, matchers };
    return matchers;
  }
}
