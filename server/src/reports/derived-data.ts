import type { TextBlock } from '@atelier/shared';
import { blocksToSections, blocksToText, type GraphLinkNode } from './report-content.js';
import { sendTogether, type Queryable } from './report-state.js';
import { fromGlobalId } from '../graphql/global-id.js';
import { findMentions, insertMentions } from '../links/mentions.service.js';
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
 * What the derivation worker is asked: to write the derived data of some reports, to ready the
 * taxonomy's matchers after a change, or to close its connection.
 */
export type DerivationRequest = { derive: DerivedInput[] } | { prepare: true } | { close: true };

/**
 * The derivation connection's session settings. lock_timeout: derivations run one batch at a
 * time; a batch skips a report row held elsewhere, which is then derived alone, and that one must
 * fail after a while (it is derived again after the next edit, or when the report leaves memory),
 * not stall the reports that come due after it. synchronous_commit off: everything written here
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
 * What deriving a report came to: how many updates its report's log holds (whether to compact it),
 * null when no report has this document name, or HELD when its row was locked elsewhere and it was
 * left out of a batch, to be derived alone (waiting for the row) without holding up the others.
 */
export type DerivedTail = number | null | typeof HELD;
export const HELD = 'held';

/**
 * Writes what the server derives from report bodies: each one's plain text (`report.text`), its
 * links to methods and the other nodes, its search sections, and the mark of how far they go, all
 * of them together or none. Any number of reports cost the same statements as one: reports that
 * come due together (a group writing several at once) share a transaction. Returns what each
 * input came to, in order.
 */
export function writeDerivedData(inTransaction: InTransaction, { search, taxonomy }: Deriver, inputs: DerivedInput[]): Promise<DerivedTail[]> {
  return inTransaction(async (db) => {
    const documentNames = inputs.map((input) => input.documentName);
    // Locked, in the order of their ids, so two instances deriving the same reports write their
    // links one after the other and never wait for each other in a cycle; in a batch, a row held
    // elsewhere is skipped rather than waited for, which would hold up every other report. The
    // sections in the index are read once the locks are held (the two run in turn, on a pipelined
    // connection too), so they are what the last derivation of these reports wrote.
    const batch = inputs.length > 1;
    const [locked, indexed] = await sendTogether(db, [
      (): Promise<{ id: string; document_name: string; meeting_id: string; text: string | null; taxonomy: string }[]> => db.query(
        `SELECT id, document_name, meeting_id, text, ${TAXONOMY_VERSION} AS taxonomy FROM report WHERE document_name = ANY($1) ORDER BY id FOR UPDATE${batch ? ' SKIP LOCKED' : ''}`,
        [documentNames],
      ),
      () => search.indexedSections(db, { documentNames }),
    ]);
    const missing = batch ? HELD : null;
    if (!locked.length) return inputs.map(() => missing);
    const byName = new Map(locked.map((report) => [report.document_name, report]));
    const matchers = await taxonomy.at(db, locked[0].taxonomy);
    const derived = inputs.flatMap((input) => {
      const report = byName.get(input.documentName);
      if (!report) return [];
      const text = blocksToText(input.blocks);
      return [{ input, report, text, textChanged: report.text !== text }];
    });
    // Every write at once, run in this order (the links' DELETE before their INSERTs): none needs
    // another's answer.
    const [, , , , tails] = await sendTogether(db, [
      // The links typed in the editor are replaced every time, those found in the text when it changed: one statement deletes both.
      () => db.query(
        `DELETE FROM link l USING unnest($1::uuid[], $2::boolean[]) AS r(id, text_changed)
          WHERE l.source_type = 'REPORT' AND l.source_id = r.id AND (l.origin = 'EDITOR' OR (r.text_changed AND l.origin = 'IMPORT' AND l.target_type = 'METHOD'))`,
        [derived.map(({ report }) => report.id), derived.map(({ textChanged }) => textChanged)],
      ),
      () => insertMentions(db, derived.flatMap(({ report, text, textChanged }) => (textChanged ? findMentions(report.id, report.meeting_id, text, matchers.methods) : []))),
      () => insertEditorLinks(db, derived.flatMap(({ input, report }) => editorLinkRows(report.id, input.links))),
      () => search.reindexReportSections(derived.map(({ input, report }) => ({ reportId: report.id, sections: blocksToSections(input.blocks) })), db, matchers.themes, indexed),
      // The text (when it changed) and the mark of how far derived data goes, in one statement,
      // which also counts each log: the caller needs no round trip of its own for that.
      (): Promise<{ document_name: string; tail: number }[]> => db.query(
        `UPDATE report r SET derived_seq = greatest(r.derived_seq, d.seq), text = coalesce(d.text, r.text), updated_at = CASE WHEN d.text IS NULL THEN r.updated_at ELSE now() END
           FROM unnest($1::uuid[], $2::bigint[], $3::text[]) AS d(id, seq, text) WHERE r.id = d.id
         RETURNING r.document_name, (SELECT count(*)::int FROM report_update u WHERE u.document_name = r.document_name) AS tail`,
        [derived.map(({ report }) => report.id), derived.map(({ input }) => input.seq), derived.map(({ text, textChanged }) => (textChanged ? text : null))],
      ),
    ]);
    const tailOf = new Map(tails.map((row) => [row.document_name, row.tail]));
    return inputs.map((input) => tailOf.get(input.documentName) ?? missing);
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

interface EditorLinkRow {
  reportId: string;
  kind: string;
  key: string | null;
  id: string | null;
  passage: string;
}

/** A report's links typed in the editor, as rows: a method or theme by its key, a practice, person or centre by its id. */
function editorLinkRows(reportId: string, links: GraphLinkNode[]): EditorLinkRow[] {
  return links.flatMap((link): EditorLinkRow[] => {
    if (!TARGET_TYPES.has(link.kind)) return [];
    const passage = link.passage.slice(0, 4000);
    if (link.kind === 'METHOD' || link.kind === 'THEME') return [{ reportId, kind: link.kind, key: link.ref, id: null, passage }];
    const parsed = fromGlobalId(link.ref);
    return parsed ? [{ reportId, kind: link.kind, key: null, id: parsed.id, passage }] : [];
  });
}

/** The links typed in the editor become edges (origin EDITOR), for any number of reports at once. Unknown targets are skipped. */
async function insertEditorLinks(db: Queryable, rows: EditorLinkRow[]): Promise<void> {
  if (!rows.length) return;
  await db.query(
    `INSERT INTO link (source_type, source_id, target_type, target_id, relation, origin, meeting_id, passage)
     SELECT 'REPORT', r."reportId", r.kind, t.id, 'LINKS_TO', 'EDITOR', rep.meeting_id, r.passage
       FROM jsonb_to_recordset($1::jsonb) AS r("reportId" uuid, kind text, key text, id uuid, passage text)
       JOIN report rep ON rep.id = r."reportId"
       JOIN LATERAL (
         SELECT m.id FROM method m WHERE r.kind = 'METHOD' AND m.key = r.key
         UNION ALL SELECT t.id FROM theme t WHERE r.kind = 'THEME' AND t.key = r.key
         UNION ALL SELECT p.id FROM practice p WHERE r.kind = 'PRACTICE' AND p.id = r.id
         UNION ALL SELECT pe.id FROM person pe WHERE r.kind = 'PERSON' AND pe.id = r.id
         UNION ALL SELECT o.id FROM organization o WHERE r.kind = 'ORGANIZATION' AND o.id = r.id
       ) t ON true`,
    [JSON.stringify(rows)],
  );
}
