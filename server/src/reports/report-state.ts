import * as Y from 'yjs';

/** A DataSource, an EntityManager inside a transaction, or a bare pg pool. */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<any[]>;
  /**
   * Statements given to it at once are sent at once, each answered in turn, without waiting for
   * the one before (pg's pipeline mode): the derivation worker's connection.
   */
  pipelined?: boolean;
}

/** PostgreSQL's code for a statement refused because an earlier one failed in its transaction. */
const IN_FAILED_TRANSACTION = '25P02';

/**
 * Runs statements that do not need each other's results, in order: all sent at once on a
 * pipelined connection (one round trip for all), one after another on any other, where a second
 * query given before the first is answered would only wait in pg's queue, which pg deprecates.
 */
export async function sendTogether<T extends unknown[]>(db: Queryable, statements: [...{ [K in keyof T]: () => Promise<T[K]> }]): Promise<T> {
  if (db.pipelined) {
    const settled = await Promise.allSettled(statements.map((statement) => statement()));
    const failed = settled.flatMap((result) => (result.status === 'rejected' ? [result.reason as { code?: string }] : []));
    // In a transaction, the statements sent after one that failed fail too ("current transaction
    // is aborted"), and their answers may be heard first: the failure to report is another one.
    if (failed.length) throw failed.find((error) => error?.code !== IN_FAILED_TRANSACTION) ?? failed[0];
    return settled.map((result) => (result as PromiseFulfilledResult<unknown>).value) as T;
  }
  const results: unknown[] = [];
  for (const statement of statements) results.push(await statement());
  return results as T;
}

/**
 * A report's Yjs state lives in two places: `report.ydoc_state` (a snapshot) and the append-only
 * `report_update` log of the updates not yet folded into it. Reading = snapshot + every row of
 * the log: compaction deletes exactly the rows it folded, so a row that committed late, with a
 * lower seq than one already folded, is still read (Yjs applies an update it has seen as a no-op).
 */
export async function loadReportDoc(db: Queryable, documentName: string): Promise<Y.Doc | null> {
  return (await loadReportDocs(db, [documentName])).get(documentName) ?? null;
}

/** Several documents at once, whatever their number (indexing a batch of imports). */
export async function loadReportDocs(db: Queryable, documentNames: string[]): Promise<Map<string, Y.Doc>> {
  const docs = new Map<string, Y.Doc>();
  for (const [documentName, state] of await readReportStates(db, documentNames)) docs.set(documentName, stateToDoc(state));
  return docs;
}

/**
 * The document a stored state describes: the tail merged into one update, the fast way. Should a
 * row be one Yjs cannot integrate (the server stores only what Yjs integrated, but a log written
 * before that, or by hand, may hold one), the document is built again row by row and such rows
 * are left out, so one bad row never makes a report unreadable.
 */
export function stateToDoc(state: StoredReportState): Y.Doc {
  const fromSnapshot = () => {
    const doc = new Y.Doc();
    if (state.snapshot) Y.applyUpdate(doc, state.snapshot);
    return doc;
  };
  const doc = fromSnapshot();
  if (!state.tail.length) return doc;
  try {
    Y.applyUpdate(doc, Y.mergeUpdates(state.tail.map((row) => row.update)));
    return doc;
  } catch {
    doc.destroy();
  }
  const rebuilt = fromSnapshot();
  for (const row of state.tail) {
    try {
      Y.applyUpdate(rebuilt, row.update);
    } catch {
      // Left out: whatever of it Yjs integrated before throwing stays, as it did for the editors then.
    }
  }
  return rebuilt;
}

/** A report's document as stored, and the highest log seq folded into it. */
export interface StoredDoc {
  doc: Y.Doc;
  seq: number;
}

/** Snapshot + tail of one report as a document. null when there is no report with this document name. */
export async function loadStoredDoc(db: Queryable, documentName: string): Promise<StoredDoc | null> {
  const state = await readReportState(db, documentName);
  return state ? { doc: stateToDoc(state), seq: lastSeq(state) } : null;
}

/** A stored state as one update holding the whole document, as `stateToDoc` reads it. */
export function encodeStoredState(state: StoredReportState): Uint8Array {
  const doc = stateToDoc(state);
  try {
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/** The highest log seq a document read from this state holds (a late row may sit below the snapshot's). */
export function lastSeq(state: StoredReportState): number {
  return state.tail.reduce((seq, row) => Math.max(seq, row.seq), state.snapshotSeq);
}

export interface StoredReportState {
  snapshot: Uint8Array | null;
  /** The highest seq folded into the snapshot so far. */
  snapshotSeq: number;
  /** The log not yet folded into the snapshot, in order. */
  tail: { seq: number; update: Uint8Array }[];
}

/** One report's snapshot and tail; null when there is no report with this document name. */
export async function readReportState(db: Queryable, documentName: string): Promise<StoredReportState | null> {
  return (await readReportStates(db, [documentName])).get(documentName) ?? null;
}

/**
 * Snapshot and tail in one statement: one statement reads one consistent view, so a compaction
 * committing in between cannot move updates into a snapshot this read does not see.
 */
export async function readReportStates(db: Queryable, documentNames: string[]): Promise<Map<string, StoredReportState>> {
  const states = new Map<string, StoredReportState>();
  if (!documentNames.length) return states;
  const rows: { document_name: string; seq: string; data: Buffer | null; is_snapshot: boolean }[] = await db.query(
    `SELECT document_name, snapshot_seq AS seq, ydoc_state AS data, true AS is_snapshot FROM report WHERE document_name = ANY($1)
     UNION ALL
     SELECT u.document_name, u.seq, u.update, false FROM report_update u WHERE u.document_name = ANY($1)
     ORDER BY document_name, is_snapshot DESC, seq`,
    [documentNames],
  );
  for (const row of rows) {
    if (row.is_snapshot) {
      states.set(row.document_name, { snapshot: row.data && new Uint8Array(row.data), snapshotSeq: Number(row.seq), tail: [] });
    } else {
      states.get(row.document_name)!.tail.push({ seq: Number(row.seq), update: new Uint8Array(row.data!) });
    }
  }
  return states;
}

/** Appends one update to the log (the collaboration server relays it to open editors). */
export async function appendReportUpdate(db: Queryable, documentName: string, update: Uint8Array): Promise<void> {
  await db.query(`INSERT INTO report_update (document_name, update) VALUES ($1, $2)`, [documentName, Buffer.from(update)]);
}
