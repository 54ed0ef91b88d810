import type { DataSource } from 'typeorm';
import { lastSeq, readReportState } from '../reports/report-state.js';
import { snapshotEncoder } from './snapshot-encoder.js';

/**
 * Folds the update log of one report into its snapshot. Works from what is stored, under a row
 * lock, and deletes exactly the rows it folded: an update appended meanwhile by this or another
 * instance stays in the log, even one whose seq was drawn before a folded row's but committed
 * after this read. The snapshot is encoded from the document itself, not merged from the rows,
 * so it is always one a document can load; that document is built in a worker thread, beside the
 * editors' relays.
 */
export async function compactReport(dataSource: DataSource, documentName: string): Promise<number> {
  return dataSource.transaction(async (manager) => {
    const [report] = await manager.query(`SELECT 1 FROM report WHERE document_name = $1 FOR UPDATE`, [documentName]);
    if (!report) return 0;
    const state = await readReportState(manager, documentName);
    if (!state?.tail.length) return 0;
    const snapshot = await snapshotEncoder.encode(state);
    await manager.query(
      `UPDATE report SET ydoc_state = $2, snapshot_seq = greatest(snapshot_seq, $3) WHERE document_name = $1`,
      [documentName, Buffer.from(snapshot), lastSeq(state)],
    );
    await manager.query(`DELETE FROM report_update WHERE seq = ANY($1::bigint[])`, [state.tail.map((row) => row.seq)]);
    return state.tail.length;
  });
}
