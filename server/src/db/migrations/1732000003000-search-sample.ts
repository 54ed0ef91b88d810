import type { MigrationInterface, QueryRunner } from 'typeorm';

const GIN_INDEXES = ['search_entry_document_idx', 'search_entry_themes_idx', 'search_entry_methods_idx', 'search_entry_orgs_idx'];

/**
 * A fixed 1-in-16 sample of the search index (entries whose id is a multiple of 16), so a search
 * can estimate how many entries match before deciding to count them all; an index that walks the
 * entries from the most recent meeting on, for the ranked candidates of very common words; and
 * small GIN pending lists, which every search reads until autovacuum merges them.
 */
export class SearchSample1732000003000 implements MigrationInterface {
  name = 'SearchSample1732000003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX search_entry_sample_document_idx ON search_entry USING gin (document) WHERE id % 16 = 0`);
    await q.query(`CREATE INDEX search_entry_sample_themes_idx ON search_entry USING gin (theme_keys) WHERE id % 16 = 0`);
    await q.query(`CREATE INDEX search_entry_sample_methods_idx ON search_entry USING gin (method_keys) WHERE id % 16 = 0`);
    await q.query(`CREATE INDEX search_entry_recent_idx ON search_entry (meeting_date DESC NULLS LAST, id)`);
    for (const index of GIN_INDEXES) await q.query(`ALTER INDEX ${index} SET (gin_pending_list_limit = 256)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of GIN_INDEXES) await q.query(`ALTER INDEX ${index} RESET (gin_pending_list_limit)`);
    await q.query(`DROP INDEX IF EXISTS search_entry_recent_idx`);
    await q.query(`DROP INDEX IF EXISTS search_entry_sample_methods_idx`);
    await q.query(`DROP INDEX IF EXISTS search_entry_sample_themes_idx`);
    await q.query(`DROP INDEX IF EXISTS search_entry_sample_document_idx`);
  }
}
