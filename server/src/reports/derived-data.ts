import type { TextBlock } from '@atelier/shared';
import { blocksToSections, blocksToText, type GraphLinkNode } from './report-content.js';
import { sendTogether, type Queryable } from './report-state.js';
import { fromGlobalId } from '../graphql/global-id.js';
import { relinkReportMentions } from '../links/mentions.service.js';
import type { SearchIndexer } from '../search/search-indexer.js';
import { TAXONOMY_VERSION, type TaxonomyMatchers } from '../taxonomy/taxonomy-matchers.js';

/** What a report body yields, read on the thread that holds the document. */
export interface DerivedInput {
  documentName: string;
  /** The highest log seq folded into the document read; a restart derives again what came after it. */
  seq: number;
  blocks: TextBlock[];
  links: GraphLinkNode[];
}

/** Where the derivation worker writes: the database's URL, and whether it is the embedded one (which takes no startup options). */
export interface DerivationWorkerData {
  url: string;
  embedded: boolean;
}

/**
 * What the derivation worker is asked: to write a report's derived data, to ready the taxonomy's
 * matchers after a change, or to close its connection.
 */
export type DerivationRequest = { derive: DerivedInput } | { prepare: true } | { close: true };

/**
 * The derivation connection's session settings. lock_timeout: derivations run one at a time, so a
 * report row held elsewhere must fail this one (it is derived again after the next edit, or when
 * the report leaves memory), not stall the rest. synchronous_commit off: everything written here
 * can be derived again from the log, and the mark of how far it goes is written with it, so a
 * crash of PostgreSQL that loses a commit only makes the next start derive it again; it need not
 * wait for the disk. plan_cache_mode: every statement here finds its rows by key, which a generic
 * plan does as well as a custom one; left to choose, PostgreSQL planned the sections' read anew
 * at each derivation (0.22 ms of its 1.4 ms in the database), as a generic plan's estimate for an
 * array of ids is ten rows where the derivation passes one.
 */
export const DERIVATION_SETTINGS = `SET lock_timeout = '5s'; SET synchronous_commit = off; SET plan_cache_mode = force_generic_plan`;

/** How the derivation worker's connection names itself to PostgreSQL (`pg_stat_activity`). */
export const DERIVATION_APPLICATION = 'atelier-derivation';

/**
 * Runs `work` in one transaction, on a connection that derives and does nothing else, with
 * `DERIVATION_SETTINGS`.
 */
export type InTransaction = <T>(work: (db: Queryable) => Promise<T>) => Promise<T>;

/** What a derivation writes with: the search index, and the taxonomy's matchers. */
export interface Deriver {
  search: SearchIndexer;
  taxonomy: TaxonomyMatchers;
}

/**
 * Writes what the server derives from a report body: its plain text (`report.text`), its links
 * to methods and the other nodes, its search sections, and the mark of how far they go, together
 * or not at all. Returns how many updates the report's log holds (whether to compact it), or null
 * when no report has this document name.
 */
export function writeDerivedData(inTransaction: InTransaction, { search, taxonomy }: Deriver, input: DerivedInput): Promise<number | null> {
  const text = blocksToText(input.blocks);
  return inTransaction(async (db) => {
    // Locked, so two instances deriving the same report write its links one after the other. The
    // sections in the index are read once the lock is held (the two run in turn, on a pipelined
    // connection too), so they are what the last derivation of this report wrote.
    const [[report], indexed] = await sendTogether(db, [
      (): Promise<{ id: string; meeting_id: string; text: string | null; taxonomy: string }[]> => db.query(
        `SELECT id, meeting_id, text, ${TAXONOMY_VERSION} AS taxonomy FROM report WHERE document_name = $1 FOR UPDATE`,
        [input.documentName],
      ),
      () => search.indexedSections(db, { documentName: input.documentName }),
    ]);
    if (!report) return null;
    const matchers = await taxonomy.at(db, report.taxonomy);
    const textChanged = report.text !== text;
    // Every write at once, run in this order (the links' DELETE before their INSERTs): none needs
    // another's answer.
    const [, , , , [{ tail }]] = await sendTogether(db, [
      // The links typed in the editor are replaced every time, those found in the text when it changed: one statement deletes both.
      () => db.query(
        `DELETE FROM link WHERE source_type = 'REPORT' AND source_id = $1 AND (origin = 'EDITOR' OR ($2 AND origin = 'IMPORT' AND target_type = 'METHOD'))`,
        [report.id, textChanged],
      ),
      async () => (textChanged ? relinkReportMentions(db, report.id, matchers.methods, { meetingId: report.meeting_id, text, nothingToReplace: true }) : 0),
      () => insertEditorLinks(db, report.id, input.links),
      () => search.reindexReportSections([{ reportId: report.id, sections: blocksToSections(input.blocks) }], db, matchers.themes, indexed),
      // The text (when it changed) and the mark of how far derived data goes, in one statement,
      // which also counts the log: the caller needs no round trip of its own for that.
      (): Promise<{ tail: number }[]> => db.query(
        `UPDATE report SET derived_seq = greatest(derived_seq, $2), text = coalesce($3, text), updated_at = CASE WHEN $3 IS NULL THEN updated_at ELSE now() END WHERE id = $1
         RETURNING (SELECT count(*)::int FROM report_update WHERE document_name = $4) AS tail`,
        [report.id, input.seq, textChanged ? text : null, input.documentName],
      ),
    ]);
    return tail;
  });
}

/**
 * Readies the derivation thread before its first report, and again after the taxonomy changed:
 * the taxonomy's patterns are compiled and run once. Their first run costs tens of milliseconds,
 * ten times that on a busy machine at the worker's low priority, and the next edit would wait for
 * it to become searchable.
 */
export async function prepareDerivation(db: Queryable, taxonomy: TaxonomyMatchers): Promise<void> {
  for (const matcher of Object.values(await taxonomy.at(db))) matcher.keysIn('Één première zin');
}

const TARGET_TYPES = new Set(['METHOD', 'THEME', 'PRACTICE', 'PERSON', 'ORGANIZATION']);

/**
 * The links typed in the editor become edges (origin EDITOR): a method or theme by its key, a
 * practice, person or centre by its id. Unknown targets are skipped.
 */
async function insertEditorLinks(db: Queryable, reportId: string, links: GraphLinkNode[]): Promise<void> {
  const rows = links.flatMap((link): { kind: string; key: string | null; id: string | null; passage: string }[] => {
    if (!TARGET_TYPES.has(link.kind)) return [];
    if (link.kind === 'METHOD' || link.kind === 'THEME') return [{ kind: link.kind, key: link.ref, id: null, passage: link.passage.slice(0, 4000) }];
    const parsed = fromGlobalId(link.ref);
    return parsed ? [{ kind: link.kind, key: null, id: parsed.id, passage: link.passage.slice(0, 4000) }] : [];
  });
  if (!rows.length) return;
  await db.query(
    `INSERT INTO link (source_type, source_id, target_type, target_id, relation, origin, meeting_id, passage)
     SELECT 'REPORT', $1, r.kind, t.id, 'LINKS_TO', 'EDITOR', rep.meeting_id, r.passage
       FROM jsonb_to_recordset($2::jsonb) AS r(kind text, key text, id uuid, passage text)
       JOIN report rep ON rep.id = $1
       JOIN LATERAL (
         SELECT m.id FROM method m WHERE r.kind = 'METHOD' AND m.key = r.key
         UNION ALL SELECT t.id FROM theme t WHERE r.kind = 'THEME' AND t.key = r.key
         UNION ALL SELECT p.id FROM practice p WHERE r.kind = 'PRACTICE' AND p.id = r.id
         UNION ALL SELECT pe.id FROM person pe WHERE r.kind = 'PERSON' AND pe.id = r.id
         UNION ALL SELECT o.id FROM organization o WHERE r.kind = 'ORGANIZATION' AND o.id = r.id
       ) t ON true`,
    [reportId, JSON.stringify(rows)],
  );
}
