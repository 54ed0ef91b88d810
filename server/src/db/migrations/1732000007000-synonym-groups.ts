import type { MigrationInterface, QueryRunner } from 'typeorm';
import { loadTaxonomy } from '../../taxonomy/load.js';

/**
 * Search's synonym groups (words that mean the same in Dutch, French and English) become rows the
 * coordinators edit, as they edit themes and methods, instead of a file shipped with the server.
 * The shipped groups are the starting set, written here once: a group a coordinator deleted stays
 * deleted. A change moves the taxonomy's version, so every instance searches with it at once.
 */
export class SynonymGroups1732000007000 implements MigrationInterface {
  name = 'SynonymGroups1732000007000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE synonym_group (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        terms text[] NOT NULL CHECK (cardinality(terms) >= 2),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`INSERT INTO synonym_group (terms) SELECT ARRAY(SELECT jsonb_array_elements_text(g)) FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS s(g, n) ORDER BY n`, [
      JSON.stringify(loadTaxonomy().synonyms),
    ]);
    await q.query(`CREATE TRIGGER synonym_group_taxonomy_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON synonym_group FOR EACH STATEMENT EXECUTE FUNCTION bump_taxonomy_version()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE synonym_group`);
  }
}
