import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A version of the taxonomy (methods and themes) that every change to either moves, kept by
 * triggers so that no writer can forget it. A report being edited is derived every second or so,
 * and each derivation read both tables again to match the text against them; it now reads this
 * version in a statement it runs anyway and reads the tables only when the version moved. A row,
 * not a sequence: a sequence moves before the change commits, and a derivation in between would
 * keep the old taxonomy under the new version.
 */
export class TaxonomyVersion1732000006000 implements MigrationInterface {
  name = 'TaxonomyVersion1732000006000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE taxonomy_version (id boolean PRIMARY KEY DEFAULT true CHECK (id), version bigint NOT NULL)`);
    await q.query(`INSERT INTO taxonomy_version (version) VALUES (1)`);
    await q.query(`
      CREATE FUNCTION bump_taxonomy_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE taxonomy_version SET version = version + 1;
        RETURN NULL;
      END $$`);
    for (const table of ['method', 'theme']) {
      await q.query(`CREATE TRIGGER ${table}_taxonomy_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION bump_taxonomy_version()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['method', 'theme']) await q.query(`DROP TRIGGER ${table}_taxonomy_version ON ${table}`);
    await q.query(`DROP FUNCTION bump_taxonomy_version()`);
    await q.query(`DROP TABLE taxonomy_version`);
  }
}
