import type * as Y from 'yjs';
import type { DataSource, EntityManager } from 'typeorm';
import { blocksToText, findGraphLinks, textBlocks, type GraphLinkNode, type TextBlock } from './report-content.js';
import { fromGlobalId } from '../graphql/global-id.js';
import { contentHash } from '../common/content-hash.js';
import { loadMethodMatcher, relinkReportMentions } from '../links/mentions.service.js';
import { loadStoredDoc } from './report-state.js';

/** How long a derivation waits for a report row another transaction holds. */
const LOCK_TIMEOUT = '5s';

/**
 * Told while a report's derived data is written (search re-indexes its sections), inside the same
 * transaction: text, links, sections and the mark of how far they go are stored together or not at all.
 */
export type ReportTextListener = (reportId: string, blocks: TextBlock[], db: EntityManager) => Promise<void>;

/**
 * What the server derives from a report body after edits: its plain text (`report.text`), its
 * links to methods and the other nodes, and (through listeners) its search sections. Runs
 * debounced after edits settle, on the instance that stored them.
 */
export class ReportDerivation {
  private readonly listeners: ReportTextListener[] = [];
  /**
   * A fingerprint of what was last derived from each document in memory. Blocks and links are all
   * the derived data depends on: a change to neither (formatting, another shared type) costs no
   * write, and a change to either (a heading made of a line, a link put on words already there) is
   * derived even when the plain text stays the same.
   */
  private readonly lastDerived = new Map<string, string>();

  constructor(private readonly dataSource: DataSource) {}

  onDerived(listener: ReportTextListener): void {
    this.listeners.push(listener);
  }

  /** `seq`: the highest log seq folded into `doc`; a restart derives again what came after it. */
  async derive(documentName: string, doc: Y.Doc, seq: number): Promise<void> {
    const blocks = textBlocks(doc);
    const links = findGraphLinks(doc);
    const derived = contentHash(JSON.stringify([blocks, links]));
    if (this.lastDerived.get(documentName) === derived) return;
    const text = blocksToText(blocks);
    const reportId = await this.dataSource.transaction(async (manager) => {
      // Both settings for this transaction only, in one round trip.
      // lock_timeout: derivations run one at a time, so a report row held elsewhere must fail this
      // one (it is derived again after the next edit, or when the report leaves memory), not stall
      // the rest. synchronous_commit off: everything written here can be derived again from the
      // log, and the mark of how far it goes is written with it, so a crash of PostgreSQL that loses
      // this commit only makes the next start derive it again; it need not wait for the disk.
      await manager.query(`SELECT set_config('lock_timeout', $1, true), set_config('synchronous_commit', 'off', true)`, [LOCK_TIMEOUT]);
      // Locked, so two instances deriving the same report write its links one after the other.
      const [report]: { id: string; meeting_id: string; text: string | null }[] = await manager.query(
        `SELECT id, meeting_id, text FROM report WHERE document_name = $1 FOR UPDATE`,
        [documentName],
      );
      if (!report) return null;
      const textChanged = report.text !== text;
      if (textChanged) await relinkReportMentions(manager, report.id, await loadMethodMatcher(manager), { meetingId: report.meeting_id, text, isNew: false });
      await writeEditorLinks(manager, report.id, links);
      for (const listener of this.listeners) await listener(report.id, blocks, manager);
      // The text (when it changed) and the mark of how far derived data goes, in one statement.
      await manager.query(
        `UPDATE report SET derived_seq = greatest(derived_seq, $2), text = coalesce($3, text), updated_at = CASE WHEN $3 IS NULL THEN updated_at ELSE now() END WHERE id = $1`,
        [report.id, seq, textChanged ? text : null],
      );
      return report.id;
    });
    if (reportId) this.lastDerived.set(documentName, derived);
  }

  /**
   * Derives, one at a time, the reports with stored updates their derived data never followed: the
   * server stopped (or was killed) between an edit and its debounced derivation, or a derivation
   * failed. Run at startup; `stopping` ends it between two reports; a report that fails is told to
   * `failed` and the others go on. Returns how many it derived.
   */
  async catchUp(stopping: () => boolean, failed: (documentName: string, error: unknown) => void): Promise<number> {
    const behind: { document_name: string }[] = await this.dataSource.query(
      `SELECT r.document_name FROM report r
        WHERE greatest(r.snapshot_seq, (SELECT max(u.seq) FROM report_update u WHERE u.document_name = r.document_name)) > r.derived_seq`,
    );
    let derived = 0;
    for (const { document_name: documentName } of behind) {
      if (stopping()) break;
      const stored = await loadStoredDoc(this.dataSource, documentName);
      if (!stored) continue;
      try {
        await this.derive(documentName, stored.doc, stored.seq);
        derived++;
      } catch (error) {
        failed(documentName, error);
      } finally {
        stored.doc.destroy();
        // Not in memory here: what is remembered about it belongs to the editing that loads it.
        this.forget(documentName);
      }
    }
    return derived;
  }

  /** The document left memory: whatever changes it next is derived afresh. */
  forget(documentName: string): void {
    this.lastDerived.delete(documentName);
  }
}

const TARGET_TYPES = new Set(['METHOD', 'THEME', 'PRACTICE', 'PERSON', 'ORGANIZATION']);

/**
 * The links typed in the editor become edges (origin EDITOR), replacing the previous set: a
 * method or theme by its key, a practice, person or centre by its id. Unknown targets are skipped.
 */
async function writeEditorLinks(manager: EntityManager, reportId: string, links: GraphLinkNode[]): Promise<void> {
  await manager.query(`DELETE FROM link WHERE source_type = 'REPORT' AND source_id = $1 AND origin = 'EDITOR'`, [reportId]);
  const rows = links.flatMap((link): { kind: string; key: string | null; id: string | null; passage: string }[] => {
    if (!TARGET_TYPES.has(link.kind)) return [];
    if (link.kind === 'METHOD' || link.kind === 'THEME') return [{ kind: link.kind, key: link.ref, id: null, passage: link.passage.slice(0, 4000) }];
    const parsed = fromGlobalId(link.ref);
    return parsed ? [{ kind: link.kind, key: null, id: parsed.id, passage: link.passage.slice(0, 4000) }] : [];
  });
  if (!rows.length) return;
  await manager.query(
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
