import * as Y from 'yjs';
import type { DataSource } from 'typeorm';

/**
 * Folds the update log of one report into its snapshot. Works from what is stored, under a row
 * lock, so updates appended meanwhile by this or another instance (seq above the cut) stay in the
 * log untouched.
 */
export async function compactReport(dataSource: DataSource, documentName: string): Promise<number> {
  return dataSource.transaction(async (manager) => {
    const [report]: { ydoc_state: Buffer | null; snapshot_seq: string }[] = await manager.query(
      `SELECT ydoc_state, snapshot_seq FROM report WHERE document_name = $1 FOR UPDATE`,
      [documentName],
    );
    if (!report) return 0;
    const rows: { seq: string; update: Buffer }[] = await manager.query(
      `SELECT seq, update FROM report_update WHERE document_name = $1 AND seq > $2 ORDER BY seq`,
      [documentName, report.snapshot_seq],
    );
    if (!rows.length) return 0;
    const updates = rows.map((row) => new Uint8Array(row.update));
    if (report.ydoc_state) updates.unshift(new Uint8Array(report.ydoc_state));
    const snapshot = Y.mergeUpdates(updates);
    const cut = rows[rows.length - 1].seq;
    await manager.query(`UPDATE report SET ydoc_state = $2, snapshot_seq = $3 WHERE document_name = $1`, [documentName, Buffer.from(snapshot), cut]);
    await manager.query(`DELETE FROM report_update WHERE document_name = $1 AND seq <= $2`, [documentName, cut]);
    return rows.length;
  });
}
