import * as Y from 'yjs';
import type { DataSource } from 'typeorm';

/**
 * Folds the update log of one report into its snapshot. Works from what is stored, under a row
 * lock, and deletes exactly the rows it folded: an update appended meanwhile by this or another
 * instance stays in the log, even one whose seq was drawn before a folded row's but committed
 * after this read.
 */
export async function compactReport(dataSource: DataSource, documentName: string): Promise<number> {
  return dataSource.transaction(async (manager) => {
    const [report]: { ydoc_state: Buffer | null }[] = await manager.query(
      `SELECT ydoc_state FROM report WHERE document_name = $1 FOR UPDATE`,
      [documentName],
    );
    if (!report) return 0;
    const rows: { seq: string; update: Buffer }[] = await manager.query(
      `SELECT seq, update FROM report_update WHERE document_name = $1 ORDER BY seq`,
      [documentName],
    );
    if (!rows.length) return 0;
    const updates = rows.map((row) => new Uint8Array(row.update));
    if (report.ydoc_state) updates.unshift(new Uint8Array(report.ydoc_state));
    const snapshot = Y.mergeUpdates(updates);
    const folded = rows.map((row) => row.seq);
    await manager.query(
      `UPDATE report SET ydoc_state = $2, snapshot_seq = greatest(snapshot_seq, $3) WHERE document_name = $1`,
      [documentName, Buffer.from(snapshot), folded[folded.length - 1]],
    );
    await manager.query(`DELETE FROM report_update WHERE seq = ANY($1::bigint[])`, [folded]);
    return rows.length;
  });
}
