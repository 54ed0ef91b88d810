import type { DataSource } from 'typeorm';
import type { SearchIndexer } from './search-indexer.js';

/** How long imports gather before their index entries are written together. */
const BATCH_WAIT_MS = 50;
/** Meetings per indexing transaction, so one batch never holds a huge statement. */
const MAX_BATCH = 100;

/**
 * Index entries of imported reports, written in batches shortly after the imports commit: a bulk
 * import of hundreds of reports then costs one indexing pass per batch instead of one per report,
 * and a single report is searchable within a fraction of a second.
 *
 * Each import leaves its meeting in `search_pending` in its own transaction; a batch removes the
 * rows of the meetings it indexed in the transaction that writes their entries. What a killed
 * server did not index is still listed there, and `recover()` does it at the next start.
 */
export class ImportIndexQueue {
  private readonly pending = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private active: Promise<void> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly indexer: SearchIndexer,
    private readonly onError: (error: unknown) => void,
  ) {}

  add(meetingId: string): void {
    this.pending.add(meetingId);
    if (!this.active) this.timer ??= setTimeout(() => this.next(), BATCH_WAIT_MS);
  }

  /** Queues what an earlier process left unindexed and waits until it is searchable. */
  async recover(): Promise<number> {
    const rows: { meeting_id: string }[] = await this.dataSource.query(`SELECT meeting_id FROM search_pending ORDER BY queued_at`);
    for (const row of rows) this.pending.add(row.meeting_id);
    await this.drain();
    return rows.length;
  }

  /** Resolves once everything imported so far is searchable. */
  async drain(): Promise<void> {
    while (this.active || this.pending.size) await (this.active ?? this.next());
  }

  /**
   * One batch at a time, made of everything that arrived while the previous one ran: the slower
   * indexing is next to the imports, the larger its batches and the less each report costs.
   */
  private next(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = [...this.pending].slice(0, MAX_BATCH);
    for (const meetingId of batch) this.pending.delete(meetingId);
    this.active = this.index(batch)
      .catch(this.onError)
      .finally(() => {
        this.active = null;
        if (this.pending.size) void this.next();
      });
    return this.active;
  }

  private async index(meetingIds: string[]): Promise<void> {
    if (!meetingIds.length) return;
    await this.dataSource.transaction(async (manager) => {
      // Derived data that `search_pending` can rebuild: committing without waiting for the WAL
      // flush risks only work that the pending rows, rolled back with it, bring back.
      await manager.query(`SET LOCAL synchronous_commit = off`);
      // First, so the row locks make an import of the same meeting committing meanwhile wait
      // and list it again rather than be taken off unindexed.
      await manager.query(`DELETE FROM search_pending WHERE meeting_id = ANY($1)`, [meetingIds]);
      await manager.query(
        `DELETE FROM search_entry e WHERE e.kind = 'PRACTICE' AND e.meeting_id = ANY($1) AND NOT EXISTS (SELECT 1 FROM practice p WHERE p.id = e.entity_id)`,
        [meetingIds],
      );
      const practices: { id: string }[] = await manager.query(`SELECT id FROM practice WHERE meeting_id = ANY($1)`, [meetingIds]);
      await this.indexer.reindexPractices(practices.map((row) => row.id), manager);
      await this.indexer.reindexMeetings(meetingIds, manager);
      await this.indexer.reindexNames(manager);
      const reports: { id: string; document_name: string }[] = await manager.query(
        `SELECT id, document_name FROM report WHERE meeting_id = ANY($1)`,
        [meetingIds],
      );
      await this.indexer.reindexStoredReports(reports, manager);
    });
  }
}
