import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Report sections longer than 2,000 characters are now indexed as passages of at most that size
 * (search-indexer.ts, passagesOf). The entries of the reports that have such a section are
 * removed here; the next start indexes them again, as passages, from their stored documents
 * (ensureSearchIndex: a report with text and no entry). Shorter sections keep their entries, which
 * are the same either way.
 */
export class SearchPassages1732000008000 implements MigrationInterface {
  name = 'SearchPassages1732000008000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM search_entry WHERE kind = 'SECTION' AND entity_id IN (
        SELECT entity_id FROM search_entry WHERE kind = 'SECTION' AND length(body) > 2000)`);
  }

  // Entries are derived data: whole sections come back with the next edit of their reports.
  async down(): Promise<void> {}
}
