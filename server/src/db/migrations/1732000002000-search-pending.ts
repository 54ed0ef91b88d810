import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Meetings whose import committed but whose search entries are not written yet. The import adds
 * the row in its own transaction and the indexer removes it in the transaction that writes the
 * entries, so a server killed in between finds the work at its next start.
 */
export class SearchPending1732000002000 implements MigrationInterface {
  name = 'SearchPending1732000002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE search_pending (
        meeting_id uuid PRIMARY KEY REFERENCES meeting(id) ON DELETE CASCADE,
        queued_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX search_entry_meeting_idx ON search_entry (meeting_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS search_entry_meeting_idx`);
    await q.query(`DROP TABLE IF EXISTS search_pending`);
  }
}
