import type { DataSource } from 'typeorm';
import type { SearchIndexer } from './search-indexer.js';
import type { ImportResult } from '../importer/import.service.js';
import { yDocToSections } from '../reports/report-content.js';
import { loadReportDoc } from '../reports/report-state.js';

/** How long imports gather before their index entries are written together. */
const BATCH_WAIT_MS = 50;

/**
 * Index entries of imported reports, written in batches shortly after the imports commit: a bulk
 * import of hundreds of reports then costs one indexing pass per batch instead of one per report,
 * and a single report is searchable within a fraction of a second.
 */
export class ImportIndexQueue {
  private readonly pending = new Map<string, ImportResult>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly indexer: SearchIndexer,
    private readonly onError: (error: unknown) => void,
  ) {}

  add(result: ImportResult): void {
    this.pending.set(result.meetingId, result);
    this.timer ??= setTimeout(() => this.flush(), BATCH_WAIT_MS);
  }

  /** Resolves once everything imported so far is searchable. */
  async drain(): Promise<void> {
    this.flush();
    await this.running;
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.pending.size) return;
    const batch = [...this.pending.values()];
    this.pending.clear();
    this.running = this.running.then(() => this.index(batch)).catch(this.onError);
  }

  private async index(batch: ImportResult[]): Promise<void> {
    const meetingIds = batch.map((result) => result.meetingId);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `DELETE FROM search_entry e WHERE e.kind = 'PRACTICE' AND e.meeting_id = ANY($1) AND NOT EXISTS (SELECT 1 FROM practice p WHERE p.id = e.entity_id)`,
        [meetingIds],
      );
      const practices: { id: string }[] = await manager.query(`SELECT id FROM practice WHERE meeting_id = ANY($1)`, [meetingIds]);
      await this.indexer.reindexPractices(practices.map((row) => row.id), manager);
      await this.indexer.reindexMeetings(meetingIds, manager);
      await this.indexer.reindexNames(manager);
      for (const result of batch) {
        const doc = await loadReportDoc(manager, result.documentName);
        if (!doc) continue;
        await this.indexer.reindexReportSections(result.reportId, yDocToSections(doc), manager);
        doc.destroy();
      }
    });
  }
}
