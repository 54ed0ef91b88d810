import type * as Y from 'yjs';
import type { DataSource, EntityManager } from 'typeorm';
import { findGraphLinks, yDocToText, type GraphLinkNode } from './report-content.js';
import { fromGlobalId } from '../graphql/global-id.js';
import { loadMethodMatcher, relinkReportMentions } from '../links/mentions.service.js';

/** Told after a report's derived data changed (search re-indexes its sections). */
export type ReportTextListener = (reportId: string, doc: Y.Doc) => Promise<void>;

/**
 * What the server derives from a report body after edits: its plain text (`report.text`) and its
 * links to methods. Runs debounced after edits settle, on the instance that stored them.
 */
export class ReportDerivation {
  private readonly listeners: ReportTextListener[] = [];

  constructor(private readonly dataSource: DataSource) {}

  onDerived(listener: ReportTextListener): void {
    this.listeners.push(listener);
  }

  async derive(documentName: string, doc: Y.Doc): Promise<void> {
    const text = yDocToText(doc);
    const reportId = await this.dataSource.transaction(async (manager) => {
      const rows: { id: string }[] = await manager.query(
        // Wrapped in a CTE so the driver returns the rows (a bare UPDATE returns [rows, count]).
        `WITH changed AS (UPDATE report SET text = $2, updated_at = now()
           WHERE document_name = $1 AND text IS DISTINCT FROM $2 RETURNING id) SELECT id FROM changed`,
        [documentName, text],
      );
      if (!rows.length) return null;
      await relinkReportMentions(manager, rows[0].id, await loadMethodMatcher(manager));
      await writeEditorLinks(manager, rows[0].id, findGraphLinks(doc));
      return rows[0].id;
    });
    if (reportId) for (const listener of this.listeners) await listener(reportId, doc);
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
