import crypto from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { themeMatcher, type TermMatcher } from '../taxonomy/match.js';
import type { ReportSection } from '../reports/report-content.js';

type Db = Pick<DataSource | EntityManager, 'query'>;

/** Adds the words of newly indexed text to the vocabulary that typo correction draws from. */
const WORDS_SQL = `
  INSERT INTO search_word (word)
  SELECT DISTINCT w FROM search_entry e, unnest(tsvector_to_array(to_tsvector('simple', f_unaccent(e.title || ' ' || e.tags || ' ' || e.body)))) w
   WHERE e.id = ANY($1) AND length(w) BETWEEN 3 AND 40 AND w !~ '^[0-9]+$'
  ON CONFLICT DO NOTHING`;

/** Practices with their themes, methods and centres. */
const PRACTICES_SQL = `
  INSERT INTO search_entry (kind, entity_id, meeting_id, meeting_date, meeting_kind, title, tags, body, theme_keys, method_keys, organization_ids, document)
  SELECT 'PRACTICE', p.id, p.meeting_id, m.date, m.kind, p.title, x.tags, p.description, x.theme_keys, x.method_keys, x.organization_ids,
         search_document(p.title, x.tags, p.description)
    FROM practice p
    LEFT JOIN meeting m ON m.id = p.meeting_id
    CROSS JOIN LATERAL (
      SELECT coalesce((SELECT array_agg(t.key ORDER BY t.key) FROM practice_theme pt JOIN theme t ON t.id = pt.theme_id WHERE pt.practice_id = p.id), '{}') AS theme_keys,
             coalesce((SELECT array_agg(me.key ORDER BY me.key) FROM practice_method pm JOIN method me ON me.id = pm.method_id WHERE pm.practice_id = p.id), '{}') AS method_keys,
             coalesce((SELECT array_agg(po.organization_id) FROM practice_organization po WHERE po.practice_id = p.id), '{}') AS organization_ids,
             concat_ws(' ',
               -- Labels only: the keywords serve at query time, through theme_keys, which is cheaper than indexing them on every row.
               (SELECT string_agg(concat_ws(' ', t.label_nl, t.label_fr, t.label_en), ' ') FROM practice_theme pt JOIN theme t ON t.id = pt.theme_id WHERE pt.practice_id = p.id),
               (SELECT string_agg(concat_ws(' ', me.name, array_to_string(me.aliases, ' ')), ' ') FROM practice_method pm JOIN method me ON me.id = pm.method_id WHERE pm.practice_id = p.id),
               (SELECT string_agg(o.name, ' ') FROM practice_organization po JOIN organization o ON o.id = po.organization_id WHERE po.practice_id = p.id)
             ) AS tags
    ) x
   WHERE p.id = ANY($1)
  ON CONFLICT (kind, entity_id, section_index) DO UPDATE SET
    meeting_id = EXCLUDED.meeting_id, meeting_date = EXCLUDED.meeting_date, meeting_kind = EXCLUDED.meeting_kind, title = EXCLUDED.title,
    tags = EXCLUDED.tags, body = EXCLUDED.body, theme_keys = EXCLUDED.theme_keys, method_keys = EXCLUDED.method_keys,
    organization_ids = EXCLUDED.organization_ids, document = EXCLUDED.document
  RETURNING id`;

/** Meetings: title, place and who was there, so a name or a place finds the meeting. */
const MEETINGS_SQL = `
  INSERT INTO search_entry (kind, entity_id, meeting_id, meeting_date, meeting_kind, title, tags, body, organization_ids, document)
  SELECT 'MEETING', m.id, m.id, m.date, m.kind, m.title, concat_ws(' ', m.title_nl, m.title_fr), x.body, x.orgs,
         search_document(m.title, concat_ws(' ', m.title_nl, m.title_fr), x.body)
    FROM meeting m
    CROSS JOIN LATERAL (
      SELECT concat_ws(' · ', m.location, (SELECT string_agg(pe.name || coalesce(' (' || o.name || ')', ''), ', ')
                FROM attendance a JOIN person pe ON pe.id = a.person_id LEFT JOIN organization o ON o.id = a.organization_id WHERE a.meeting_id = m.id)) AS body,
             coalesce((SELECT array_agg(DISTINCT a.organization_id) FROM attendance a WHERE a.meeting_id = m.id AND a.organization_id IS NOT NULL), '{}') AS orgs
    ) x
   WHERE m.id = ANY($1)
  ON CONFLICT (kind, entity_id, section_index) DO UPDATE SET
    meeting_date = EXCLUDED.meeting_date, meeting_kind = EXCLUDED.meeting_kind, title = EXCLUDED.title, tags = EXCLUDED.tags,
    body = EXCLUDED.body, organization_ids = EXCLUDED.organization_ids, document = EXCLUDED.document
  RETURNING id`;

/** Methods, people and centres by name (with aliases, so every spelling finds them). */
const NAMES_SQL = `
  WITH rows AS (
    SELECT 'METHOD' AS kind, id, key, name AS title, array_to_string(aliases, ' ') AS tags, description AS body, ARRAY[key] AS method_keys, '{}'::uuid[] AS orgs FROM method
    UNION ALL SELECT 'PERSON', id, NULL, name, array_to_string(aliases, ' '), '', '{}', '{}' FROM person
    UNION ALL SELECT 'ORGANIZATION', id, NULL, name, concat_ws(' ', array_to_string(aliases, ' '), city), '', '{}', ARRAY[id] FROM organization
  )
  INSERT INTO search_entry (kind, entity_id, key, title, tags, body, method_keys, organization_ids, document)
  SELECT kind, id, key, title, tags, body, method_keys, orgs, search_document(title, tags, body) FROM rows r
   WHERE NOT EXISTS (SELECT 1 FROM search_entry e WHERE e.kind = r.kind AND e.entity_id = r.id AND e.section_index = 0
                       AND e.title = r.title AND e.tags = r.tags AND e.body = r.body)
  ON CONFLICT (kind, entity_id, section_index) DO UPDATE SET
    key = EXCLUDED.key, title = EXCLUDED.title, tags = EXCLUDED.tags, body = EXCLUDED.body, method_keys = EXCLUDED.method_keys,
    organization_ids = EXCLUDED.organization_ids, document = EXCLUDED.document
  WHERE search_entry.title IS DISTINCT FROM EXCLUDED.title OR search_entry.tags IS DISTINCT FROM EXCLUDED.tags OR search_entry.body IS DISTINCT FROM EXCLUDED.body
  RETURNING id`;

function hash(text: string): string {
  return crypto.createHash('sha1').update(text).digest('hex');
}

/**
 * Keeps search_entry in step with the graph. Every method is idempotent and cheap enough to call
 * after each change; report sections are re-indexed only where their text changed.
 */
export class SearchIndexer {
  constructor(private readonly dataSource: DataSource) {}

  /** `ids` null: every practice. */
  async reindexPractices(ids: string[] | null, db: Db = this.dataSource): Promise<void> {
    const wanted = ids ?? (await this.allIds(db, 'practice'));
    if (!wanted.length) return;
    const rows: { id: string }[] = await db.query(PRACTICES_SQL, [wanted]);
    await this.addWords(db, rows);
  }

  async removePractices(ids: string[], db: Db = this.dataSource): Promise<void> {
    await db.query(`DELETE FROM search_entry WHERE kind = 'PRACTICE' AND entity_id = ANY($1)`, [ids]);
  }

  /** `ids` null: every meeting. */
  async reindexMeetings(ids: string[] | null, db: Db = this.dataSource): Promise<void> {
    const wanted = ids ?? (await this.allIds(db, 'meeting'));
    if (!wanted.length) return;
    const rows: { id: string }[] = await db.query(MEETINGS_SQL, [wanted]);
    await this.addWords(db, rows);
  }

  async reindexNames(db: Db = this.dataSource): Promise<void> {
    const rows: { id: string }[] = await db.query(NAMES_SQL);
    await db.query(`DELETE FROM search_entry e WHERE e.kind = 'PERSON' AND NOT EXISTS (SELECT 1 FROM person p WHERE p.id = e.entity_id)`);
    await db.query(`DELETE FROM search_entry e WHERE e.kind = 'ORGANIZATION' AND NOT EXISTS (SELECT 1 FROM organization o WHERE o.id = e.entity_id)`);
    await db.query(`DELETE FROM search_entry e WHERE e.kind = 'METHOD' AND NOT EXISTS (SELECT 1 FROM method m WHERE m.id = e.entity_id)`);
    await this.addWords(db, rows);
  }

  /** The sections of one report: only those whose heading or text changed are written again. */
  async reindexReportSections(reportId: string, sections: ReportSection[], db: Db = this.dataSource): Promise<number> {
    const [report]: { meeting_id: string; date: string; kind: string; title: string }[] = await db.query(
      `SELECT r.meeting_id, m.date, m.kind, m.title FROM report r JOIN meeting m ON m.id = r.meeting_id WHERE r.id = $1`,
      [reportId],
    );
    if (!report) return 0;
    const existing: { section_index: number; content_hash: string }[] = await db.query(
      `SELECT section_index, content_hash FROM search_entry WHERE kind = 'SECTION' AND entity_id = $1`,
      [reportId],
    );
    const known = new Map(existing.map((row) => [row.section_index, row.content_hash]));
    const matcher = await this.themes(db);
    const changed = sections
      .map((section) => {
        const title = section.heading ?? report.title;
        const body = section.text.slice(0, 100_000);
        return { index: section.index, title, body, hash: hash(`${title}\u0000${body}`), themes: matcher.keysIn(`${title}\n${body}`) };
      })
      .filter((section) => known.get(section.index) !== section.hash && (section.body.trim() !== '' || section.title.trim() !== ''));
    if (changed.length) {
      const rows: { id: string }[] = await db.query(
        `INSERT INTO search_entry (kind, entity_id, section_index, meeting_id, meeting_date, meeting_kind, title, tags, body, theme_keys, content_hash, document)
         SELECT 'SECTION', $1, s.index, $2, $3::date, $4, s.title, t.tags, s.body, s.themes, s.hash, search_document(s.title, t.tags, s.body)
           FROM jsonb_to_recordset($5::jsonb) AS s(index int, title text, body text, hash text, themes text[])
           CROSS JOIN LATERAL (SELECT coalesce(string_agg(concat_ws(' ', th.label_nl, th.label_fr, th.label_en), ' '), '') AS tags FROM theme th WHERE th.key = ANY(s.themes)) t
         ON CONFLICT (kind, entity_id, section_index) DO UPDATE SET
           title = EXCLUDED.title, tags = EXCLUDED.tags, body = EXCLUDED.body, theme_keys = EXCLUDED.theme_keys, meeting_date = EXCLUDED.meeting_date,
           meeting_kind = EXCLUDED.meeting_kind, content_hash = EXCLUDED.content_hash, document = EXCLUDED.document
         RETURNING id`,
        [reportId, report.meeting_id, report.date, report.kind, JSON.stringify(changed)],
      );
      await this.addWords(db, rows);
    }
    await db.query(`DELETE FROM search_entry WHERE kind = 'SECTION' AND entity_id = $1 AND section_index >= $2`, [reportId, sections.length]);
    return changed.length;
  }

  /** Everything again, e.g. after the taxonomy changed (tags and theme keys move). */
  async rebuildAll(db: Db = this.dataSource): Promise<void> {
    await this.reindexPractices(null, db);
    await this.reindexMeetings(null, db);
    await this.reindexNames(db);
  }

  private async themes(db: Db): Promise<TermMatcher> {
    const rows: { key: string; keywords: string[]; label_nl: string; label_fr: string; label_en: string }[] = await db.query(
      `SELECT key, keywords, label_nl, label_fr, label_en FROM theme`,
    );
    return themeMatcher(rows.map((row) => ({ key: row.key, keywords: row.keywords, labels: [row.label_nl, row.label_fr, row.label_en] })));
  }

  // A plain `id = ANY($1)` keeps the index usable; "or all" in the same statement would not.
  private async allIds(db: Db, table: 'practice' | 'meeting'): Promise<string[]> {
    return ((await db.query(`SELECT id FROM ${table}`)) as { id: string }[]).map((row) => row.id);
  }

  private async addWords(db: Db, rows: { id: string }[]): Promise<void> {
    if (rows.length) await db.query(WORDS_SQL, [rows.map((row) => row.id)]);
  }
}
