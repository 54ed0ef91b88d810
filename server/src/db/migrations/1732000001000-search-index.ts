import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The search index: one row per searchable thing (practice, report section, method, meeting,
 * person, centre) with a weighted tsvector over Dutch, French and simple configurations on
 * unaccented text, and the vocabulary (search_word) that typo correction draws from.
 */
export class SearchIndex1732000001000 implements MigrationInterface {
  name = 'SearchIndex1732000001000';

  async up(q: QueryRunner): Promise<void> {
    // unaccent() is only STABLE; an IMMUTABLE wrapper with an explicit dictionary can be indexed.
    await q.query(`
      CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION search_document(title text, tags text, body text) RETURNS tsvector
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT
          setweight(to_tsvector('simple', f_unaccent(coalesce(title, ''))), 'A') ||
          setweight(to_tsvector('dutch', f_unaccent(coalesce(title, ''))), 'A') ||
          setweight(to_tsvector('french', f_unaccent(coalesce(title, ''))), 'A') ||
          setweight(to_tsvector('simple', f_unaccent(coalesce(tags, ''))), 'B') ||
          setweight(to_tsvector('dutch', f_unaccent(coalesce(tags, ''))), 'B') ||
          setweight(to_tsvector('french', f_unaccent(coalesce(tags, ''))), 'B') ||
          setweight(to_tsvector('dutch', f_unaccent(coalesce(body, ''))), 'C') ||
          setweight(to_tsvector('french', f_unaccent(coalesce(body, ''))), 'C') $$`);
    await q.query(`
      CREATE TABLE search_entry (
        id bigserial PRIMARY KEY,
        kind varchar(16) NOT NULL CHECK (kind IN ('PRACTICE','SECTION','METHOD','MEETING','PERSON','ORGANIZATION')),
        entity_id uuid NOT NULL,
        section_index integer NOT NULL DEFAULT 0,
        key varchar(100),
        meeting_id uuid REFERENCES meeting(id) ON DELETE CASCADE,
        meeting_date date,
        meeting_kind varchar(16),
        title text NOT NULL,
        tags text NOT NULL DEFAULT '',
        body text NOT NULL DEFAULT '',
        theme_keys text[] NOT NULL DEFAULT '{}',
        method_keys text[] NOT NULL DEFAULT '{}',
        organization_ids uuid[] NOT NULL DEFAULT '{}',
        content_hash varchar(64) NOT NULL DEFAULT '',
        document tsvector NOT NULL,
        UNIQUE (kind, entity_id, section_index)
      )`);
    await q.query(`CREATE INDEX search_entry_document_idx ON search_entry USING gin (document)`);
    await q.query(`CREATE INDEX search_entry_themes_idx ON search_entry USING gin (theme_keys)`);
    await q.query(`CREATE INDEX search_entry_methods_idx ON search_entry USING gin (method_keys)`);
    await q.query(`CREATE INDEX search_entry_orgs_idx ON search_entry USING gin (organization_ids)`);
    await q.query(`CREATE INDEX search_entry_date_idx ON search_entry (meeting_date)`);
    await q.query(`CREATE TABLE search_word (word text PRIMARY KEY)`);
    await q.query(`CREATE INDEX search_word_trgm_idx ON search_word USING gin (word gin_trgm_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS search_word`);
    await q.query(`DROP TABLE IF EXISTS search_entry`);
    await q.query(`DROP FUNCTION IF EXISTS search_document(text, text, text)`);
    await q.query(`DROP FUNCTION IF EXISTS f_unaccent(text)`);
  }
}
