import type * as Y from 'yjs';
import type { DataSource } from 'typeorm';
import { yDocToText } from './report-content.js';
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
      return rows[0].id;
    });
    if (reportId) for (const listener of this.listeners) await listener(reportId, doc);
  }
}
