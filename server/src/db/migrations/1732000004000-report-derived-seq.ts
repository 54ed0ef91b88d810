import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How far a report's derived data (text, links, search sections) has followed its update log: a
 * server stopped between an edit and its derivation leaves stored updates past this mark, and the
 * next start derives them. Reports edited live before this column existed start at 0, so they are
 * derived once more on the first start, which costs one derivation each and loses nothing.
 */
export class ReportDerivedSeq1732000004000 implements MigrationInterface {
  name = 'ReportDerivedSeq1732000004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE report ADD COLUMN derived_seq bigint NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE report DROP COLUMN derived_seq`);
  }
}
