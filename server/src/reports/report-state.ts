import * as Y from 'yjs';
import type { DataSource, EntityManager } from 'typeorm';

type Queryable = Pick<EntityManager | DataSource, 'query'>;

/**
 * A report's Yjs state lives in two places: `report.ydoc_state` (a snapshot covering the log up
 * to `snapshot_seq`) and the append-only `report_update` log after it. Reading = snapshot + tail.
 */
export async function loadReportDoc(db: Queryable, documentName: string): Promise<Y.Doc | null> {
  const [report]: { ydoc_state: Buffer | null; snapshot_seq: string }[] = await db.query(
    `SELECT ydoc_state, snapshot_seq FROM report WHERE document_name = $1`,
    [documentName],
  );
  if (!report) return null;
  const doc = new Y.Doc();
  if (report.ydoc_state) Y.applyUpdate(doc, report.ydoc_state);
  const tail: { update: Buffer }[] = await db.query(
    `SELECT update FROM report_update WHERE document_name = $1 AND seq > $2 ORDER BY seq`,
    [documentName, report.snapshot_seq],
  );
  for (const row of tail) Y.applyUpdate(doc, row.update);
  return doc;
}

/** Appends one update to the log (the collaboration server relays it to open editors). */
export async function appendReportUpdate(db: Queryable, documentName: string, update: Uint8Array): Promise<void> {
  await db.query(`INSERT INTO report_update (document_name, update) VALUES ($1, $2)`, [documentName, Buffer.from(update)]);
}
