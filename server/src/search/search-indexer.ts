import { LRUCache } from 'lru-cache';
import { contentHash } from '../common/content-hash.js';
import { normalizeForMatch, type TermMatcher } from '../taxonomy/match.js';
import { TaxonomyMatchers } from '../taxonomy/taxonomy-matchers.js';
import { yDocToSections, type ReportSection } from '../reports/report-content.js';
import { loadReportDocs, sendTogether, type Queryable } from '../reports/report-state.js';

/** What an insert into search_entry returns: the text whose words typo correction may suggest. */
const RETURNING_TEXT = `RETURNING concat_ws(' ', search_entry.title, search_entry.tags, search_entry.body) AS text`;

/** Practices with their themes, methods and centres. */
const PRACTICES_SQL = `
  INSERT INTO search_entry (kind, entity_id, meeting_id, meeting_date, meeting_kind, title, tags, body, theme_keys, method_keys, organization_ids, document)
  SELECT 'PRACTICE', p.id, p.meeting_id, m.date, m.kind, p.title, x.tags, p.description, x.theme_keys, x.method_keys, x.organization_ids,
         search_document(p.title, x.tags, p.description)
    -- Joined with the wanted ids rather than filtered by "= ANY": a batch brings thousands of
    -- ids, and a scan testing each row against the whole array grows with the table.
    FROM (SELECT DISTINCT unnest($1::uuid[]) AS id) wanted
    JOIN practice p ON p.id = wanted.id
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
      -- OFFSET 0 keeps the subquery apart: flattened, its sub-selects would be arguments that
      -- search_document() uses several times, and PostgreSQL then stops inlining it (3x slower).
      OFFSET 0
    ) x
  ON CONFLICT (kind, entity_id, section_index) DO UPDATE SET
    meeting_id = EXCLUDED.meeting_id, meeting_date = EXCLUDED.meeting_date, meeting_kind = EXCLUDED.meeting_kind, title = EXCLUDED.title,
    tags = EXCLUDED.tags, body = EXCLUDED.body, theme_keys = EXCLUDED.theme_keys, method_keys = EXCLUDED.method_keys,
    organization_ids = EXCLUDED.organization_ids, document = EXCLUDED.document
  ${RETURNING_TEXT}`;

/** Meetings: title, place and who was there, so a name or a place finds the meeting. */
const MEETINGS_SQL = `
  INSERT INTO search_entry (kind, entity_id, meeting_id, meeting_date, meeting_kind, title, tags, body, organization_ids, document)
  SELECT 'MEETING', m.id, m.id, m.date, m.kind, m.title, concat_ws(' ', m.title_nl, m.title_fr), x.body, x.orgs,
         search_document(m.title, concat_ws(' ', m.title_nl, m.title_fr), x.body)
    FROM (SELECT DISTINCT unnest($1::uuid[]) AS id) wanted
    JOIN meeting m ON m.id = wanted.id
    CROSS JOIN LATERAL (
      SELECT concat_ws(' · ', m.location, (SELECT string_agg(pe.name || coalesce(' (' || o.name || ')', ''), ', ')
                FROM attendance a JOIN person pe ON pe.id = a.person_id LEFT JOIN organization o ON o.id = a.organization_id WHERE a.meeting_id = m.id)) AS body,
             coalesce((SELECT array_agg(DISTINCT a.organization_id) FROM attendance a WHERE a.meeting_id = m.id AND a.organization_id IS NOT NULL), '{}') AS orgs
      OFFSET 0 -- as for practices: keeps search_document() inlined
    ) x
  ON CONFLICT (kind, entity_id, section_index) DO UPDATE SET
    meeting_date = EXCLUDED.meeting_date, meeting_kind = EXCLUDED.meeting_kind, title = EXCLUDED.title, tags = EXCLUDED.tags,
    body = EXCLUDED.body, organization_ids = EXCLUDED.organization_ids, document = EXCLUDED.document
  ${RETURNING_TEXT}`;

/** Methods, people and centres by name (with aliases, so every spelling finds them). */
const NAMES_SQL = `
  WITH rows AS (
    SELECT 'METHOD' AS kind, id, key, name AS title, array_to_string(aliases, ' ') AS tags, concat_ws(E'\n', nullif(description_nl, ''), nullif(description_fr, ''), nullif(description, '')) AS body, ARRAY[key] AS method_keys, '{}'::uuid[] AS orgs FROM method
    UNION ALL SELECT 'PERSON', id, NULL, name, array_to_string(aliases, ' '), '', '{}', '{}' FROM person
    UNION ALL SELECT 'ORGANIZATION', id, NULL, name, concat_ws(' ', array_to_string(aliases, ' '), city), '', '{}', ARRAY[id] FROM organization
  )
  INSERT INTO search_entry (kind, entity_id, key, title, tags, body, method_keys, organization_ids, document)
  SELECT kind, id, key, title, tags, body, method_keys, orgs, search_document(title, tags, body) FROM rows r
   -- A scalar sub-select is one lookup per name through the unique index; NOT EXISTS would be
   -- planned as an anti-join reading every entry.
   WHERE (SELECT ROW(e.title, e.tags, e.body) FROM search_entry e WHERE e.kind = r.kind AND e.entity_id = r.id AND e.section_index = 0)
         IS DISTINCT FROM ROW(r.title::text, r.tags, r.body)
  ON CONFLICT (kind, entity_id, section_index) DO UPDATE SET
    key = EXCLUDED.key, title = EXCLUDED.title, tags = EXCLUDED.tags, body = EXCLUDED.body, method_keys = EXCLUDED.method_keys,
    organization_ids = EXCLUDED.organization_ids, document = EXCLUDED.document
  WHERE search_entry.title IS DISTINCT FROM EXCLUDED.title OR search_entry.tags IS DISTINCT FROM EXCLUDED.tags OR search_entry.body IS DISTINCT FROM EXCLUDED.body
  ${RETURNING_TEXT}`;

/**
 * The most characters one search entry holds of a report section. A longer section (a report
 * typed without headings, or one long chapter) is indexed as several passages of at most this
 * size, cut between paragraphs: an edit then re-stems the passage it falls in and not the whole
 * section, and a hit's snippet (taken from an entry's first 3,000 characters) shows the match.
 * Above the longest section of the network's real reports (1,700 characters), which stay whole.
 */
export const PASSAGE_CHARS = 2000;

/** A section, or a part of a long one, as one search entry. */
export interface Passage {
  /** Its place among the report's passages: the entry's section_index. */
  index: number;
  heading: string | null;
  text: string;
}

/**
 * The passages of a report's sections, in order. A section's lines are packed whole into passages
 * of at most PASSAGE_CHARS; a line longer than that alone is cut at the last space before the limit
 * (anywhere, when it has none). Where a passage ends depends only on the text before the cut, so
 * typing in one passage leaves the passages before it as they were, and those after it as long as
 * the cut does not move.
 */
export function passagesOf(sections: ReportSection[]): Passage[] {
  const passages: Passage[] = [];
  for (const section of sections) {
    const pieces: string[] = [];
    let current: string | null = null;
    for (const line of section.text.split('\n').flatMap(cutLongLine)) {
      if (current !== null && current.length + 1 + line.length > PASSAGE_CHARS) {
        pieces.push(current);
        current = null;
      }
      current = current === null ? line : `${current}\n${line}`;
    }
    pieces.push(current ?? '');
    for (const text of pieces) passages.push({ index: passages.length, heading: section.heading, text });
  }
  return passages;
}

function cutLongLine(line: string): string[] {
  const parts: string[] = [];
  let rest = line;
  while (rest.length > PASSAGE_CHARS) {
    const space = rest.lastIndexOf(' ', PASSAGE_CHARS);
    const cut = space > 0 ? space : PASSAGE_CHARS;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(space > 0 ? cut + 1 : cut);
  }
  parts.push(rest);
  return parts;
}

/** A report's meeting, and the index and content hash of each of its passages in the index. */
export interface IndexedReport {
  id: string;
  meeting_id: string;
  date: string;
  kind: string;
  title: string;
  indexes: number[];
  hashes: string[];
}

const indexedSectionsSql = (where: string) => `
  SELECT r.id, r.meeting_id, m.date, m.kind, m.title, e.indexes, e.hashes
    FROM report r JOIN meeting m ON m.id = r.meeting_id
    CROSS JOIN LATERAL (SELECT coalesce(array_agg(section_index), '{}') AS indexes, coalesce(array_agg(content_hash), '{}') AS hashes
                          FROM search_entry WHERE kind = 'SECTION' AND entity_id = r.id) e
   WHERE ${where}`;

/** Report passages whose heading or text changed, with the labels of the themes they name as tags. */
const UPSERT_SECTIONS_SQL = `
  INSERT INTO search_entry (kind, entity_id, section_index, meeting_id, meeting_date, meeting_kind, title, tags, body, theme_keys, content_hash, document)
  SELECT 'SECTION', s.report_id, s.index, s.meeting_id, s.date, s.kind, s.title, t.tags, s.body, s.themes, s.hash, search_document(s.title, t.tags, s.body)
    FROM jsonb_to_recordset($1::jsonb) AS s(report_id uuid, meeting_id uuid, date date, kind text, index int, title text, body text, hash text, themes text[])
    CROSS JOIN LATERAL (SELECT coalesce(string_agg(concat_ws(' ', th.label_nl, th.label_fr, th.label_en), ' '), '') AS tags FROM theme th WHERE th.key = ANY(s.themes)) t
  ON CONFLICT (kind, entity_id, section_index) DO UPDATE SET
    title = EXCLUDED.title, tags = EXCLUDED.tags, body = EXCLUDED.body, theme_keys = EXCLUDED.theme_keys, meeting_date = EXCLUDED.meeting_date,
    meeting_kind = EXCLUDED.meeting_kind, content_hash = EXCLUDED.content_hash, document = EXCLUDED.document
  ${RETURNING_TEXT}`;

/** The passages of each report ($1) from its count of passages ($2) on. */
const DELETE_SECTIONS_PAST_SQL = `
  DELETE FROM search_entry e WHERE e.kind = 'SECTION' AND e.entity_id = ANY($1::uuid[])
     AND e.section_index >= ($2::int[])[array_position($1::uuid[], e.entity_id)]`;

/**
 * Keeps search_entry in step with the graph. Every method is idempotent and cheap enough to call
 * after each change; report sections are re-indexed only where their text changed.
 */
export class SearchIndexer {
  /**
   * Words search_word is known to hold. It only grows, so a word found there needs no INSERT
   * again: an edited report is derived every second or so, nearly always in words it had. Only
   * words the database answered it already had are kept (those this transaction inserts could
   * still be rolled back); bounded, as a large knowledge base's vocabulary is.
   */
  private readonly knownWords = new LRUCache<string, true>({ max: 50_000 });

  /**
   * `dataSource`: where it writes unless told otherwise; a transaction's connection is passed as
   * `db`. `taxonomy`: the process's matchers, shared with search and imports.
   */
  constructor(
    private readonly dataSource: Queryable,
    private readonly taxonomy = new TaxonomyMatchers(),
  ) {}

  /** `ids` null: every practice. */
  async reindexPractices(ids: string[] | null, db: Queryable = this.dataSource): Promise<void> {
    const wanted = ids ?? (await this.allIds(db, 'practice'));
    if (!wanted.length) return;
    const rows: { text: string }[] = await db.query(PRACTICES_SQL, [wanted]);
    await this.addWords(db, rows);
  }

  async removePractices(ids: string[], db: Queryable = this.dataSource): Promise<void> {
    await db.query(`DELETE FROM search_entry WHERE kind = 'PRACTICE' AND entity_id = ANY($1)`, [ids]);
  }

  /** `ids` null: every meeting. */
  async reindexMeetings(ids: string[] | null, db: Queryable = this.dataSource): Promise<void> {
    const wanted = ids ?? (await this.allIds(db, 'meeting'));
    if (!wanted.length) return;
    const rows: { text: string }[] = await db.query(MEETINGS_SQL, [wanted]);
    await this.addWords(db, rows);
  }

  async reindexNames(db: Queryable = this.dataSource): Promise<void> {
    const rows: { text: string }[] = await db.query(NAMES_SQL);
    await db.query(`DELETE FROM search_entry e WHERE e.kind = 'PERSON' AND NOT EXISTS (SELECT 1 FROM person p WHERE p.id = e.entity_id)`);
    await db.query(`DELETE FROM search_entry e WHERE e.kind = 'ORGANIZATION' AND NOT EXISTS (SELECT 1 FROM organization o WHERE o.id = e.entity_id)`);
    await db.query(`DELETE FROM search_entry e WHERE e.kind = 'METHOD' AND NOT EXISTS (SELECT 1 FROM method m WHERE m.id = e.entity_id)`);
    await this.addWords(db, rows);
  }

  /** The sections of stored reports, read from their documents. */
  async reindexStoredReports(reports: { id: string; document_name: string }[], db: Queryable = this.dataSource): Promise<number> {
    const docs = await loadReportDocs(db, reports.map((report) => report.document_name));
    const sections = reports.flatMap((report) => {
      const doc = docs.get(report.document_name);
      return doc ? [{ reportId: report.id, sections: yDocToSections(doc) }] : [];
    });
    for (const doc of docs.values()) doc.destroy();
    return this.reindexReportSections(sections, db);
  }

  /**
   * Each report's meeting and the sections it has in the index, in one round trip: by id, or by
   * the names of their documents.
   */
  async indexedSections(db: Queryable, reports: { ids: string[] } | { documentNames: string[] }): Promise<IndexedReport[]> {
    return 'ids' in reports ? db.query(indexedSectionsSql('r.id = ANY($1)'), [reports.ids]) : db.query(indexedSectionsSql('r.document_name = ANY($1)'), [reports.documentNames]);
  }

  /**
   * The sections of some reports, as passages (passagesOf): only those whose heading or text
   * changed are written again.
   * `themes`: the themes' matcher when the caller holds it (at the taxonomy's current version
   * otherwise). `indexed`: what `indexedSections` answered for these reports, when the caller read
   * it already (in the same transaction, after locking them).
   */
  async reindexReportSections(
    reports: { reportId: string; sections: ReportSection[] }[],
    db: Queryable = this.dataSource,
    themes?: TermMatcher,
    indexed?: IndexedReport[],
  ): Promise<number> {
    if (!reports.length) return 0;
    const reportIds = reports.map((report) => report.reportId);
    const meta = indexed ?? (await this.indexedSections(db, { ids: reportIds }));
    const meetings = new Map(meta.map((row) => [row.id, row]));
    const existing = meta.flatMap((row) => row.indexes.map((index, i) => ({ entity_id: row.id, section_index: index, content_hash: row.hashes[i] })));
    const known = new Set(existing.map((row) => `${row.entity_id}/${row.section_index}/${row.content_hash}`));
    const matcher = themes ?? (await this.taxonomy.at(db)).themes;
    const passaged = reports.map(({ reportId, sections }) => ({ reportId, passages: passagesOf(sections) }));
    const passageCounts = new Map(passaged.map(({ reportId, passages }) => [reportId, passages.length]));
    const changed = passaged.flatMap(({ reportId, passages }) => {
      const meeting = meetings.get(reportId);
      if (!meeting) return [];
      return passages
        .map((passage) => {
          const title = passage.heading ?? meeting.title;
          const body = passage.text;
          return {
            report_id: reportId, meeting_id: meeting.meeting_id, date: meeting.date, kind: meeting.kind,
            index: passage.index, title, body, hash: contentHash(`${title}\u0000${body}`),
          };
        })
        .filter((passage) => !known.has(`${reportId}/${passage.index}/${passage.hash}`) && (passage.body.trim() !== '' || passage.title.trim() !== ''))
        // Only what changed is matched against the themes: a long report edited in one place would
        // otherwise be read whole at every derivation.
        .map((passage) => ({ ...passage, themes: matcher.keysIn(`${passage.title}\n${passage.body}`) }));
    });
    const shrunk = existing.some((row) => row.section_index >= (passageCounts.get(row.entity_id) ?? 0));
    const [rows] = await sendTogether(db, [
      async (): Promise<{ text: string }[]> => (changed.length ? db.query(UPSERT_SECTIONS_SQL, [JSON.stringify(changed)]) : []),
      // Passages past the end of a report that got shorter (read above: most derivations have none).
      async () => (shrunk ? db.query(DELETE_SECTIONS_PAST_SQL, [reportIds, reportIds.map((reportId) => passageCounts.get(reportId))]) : []),
    ]);
    await this.addWords(db, rows);
    return changed.length;
  }

  /** Everything again, e.g. after the taxonomy changed (tags and theme keys move). */
  async rebuildAll(db: Queryable = this.dataSource): Promise<void> {
    await this.reindexPractices(null, db);
    await this.reindexMeetings(null, db);
    await this.reindexNames(db);
  }

  // A plain `id = ANY($1)` keeps the index usable; "or all" in the same statement would not.
  private async allIds(db: Queryable, table: 'practice' | 'meeting'): Promise<string[]> {
    return ((await db.query(`SELECT id FROM ${table}`)) as { id: string }[]).map((row) => row.id);
  }

  /**
   * The vocabulary grows with every indexed text, split into words exactly as the search splits a
   * query. Sending the distinct words of a batch is cheaper than having the database tokenise the
   * text once more.
   */
  private async addWords(db: Queryable, rows: { text: string }[]): Promise<void> {
    const words = new Set<string>();
    for (const row of rows) {
      for (const word of normalizeForMatch(row.text).split(' ')) {
        if (word.length >= 3 && word.length <= 40 && !/^[0-9]+$/.test(word) && this.knownWords.get(word) === undefined) words.add(word);
      }
    }
    if (!words.size) return;
    // Sorted: two transactions adding common words lock them in the same order, never in a cycle.
    const unknown = [...words].sort();
    const inserted: { word: string }[] = await db.query(`INSERT INTO search_word (word) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING RETURNING word`, [unknown]);
    const added = new Set(inserted.map((row) => row.word));
    for (const word of unknown) if (!added.has(word)) this.knownWords.set(word, true);
  }
}
