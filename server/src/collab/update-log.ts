import { loadStoredDoc, type Queryable, type StoredDoc } from '../reports/report-state.js';

/**
 * The durable log of a report's Yjs updates in PostgreSQL. `append` resolves once the update is
 * committed; appends made in the same tick share one INSERT (group commit), so a burst of
 * keystrokes costs one round trip.
 */
export class UpdateLog {
  private pending: { documentName: string; update: Uint8Array; resolve: (seq: number) => void; reject: (error: unknown) => void }[] = [];
  private flushing: Promise<void> | null = null;
  private scheduled = false;

  constructor(private readonly db: Queryable) {}

  append(documentName: string, update: Uint8Array): Promise<number> {
    return new Promise((resolve, reject) => {
      this.pending.push({ documentName, update, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    // One batch in flight at a time; what arrives meanwhile forms the next batch.
    if (this.flushing) await this.flushing;
    this.scheduled = false;
    const batch = this.pending;
    this.pending = [];
    if (!batch.length) return;
    this.flushing = (async () => {
      try {
        const rows: { seq: string }[] = await this.db.query(
          `INSERT INTO report_update (document_name, update)
           SELECT * FROM unnest($1::varchar[], $2::bytea[]) RETURNING seq`,
          [batch.map((item) => item.documentName), batch.map((item) => Buffer.from(item.update))],
        );
        batch.forEach((item, i) => item.resolve(Number(rows[i].seq)));
      } catch (error) {
        for (const item of batch) item.reject(error);
      } finally {
        this.flushing = null;
      }
    })();
    await this.flushing;
    if (this.pending.length && !this.scheduled) {
      this.scheduled = true;
      setImmediate(() => void this.flush());
    }
  }

  /** Snapshot + tail. null when there is no report with this document name. */
  load(documentName: string): Promise<StoredDoc | null> {
    return loadStoredDoc(this.db, documentName);
  }

  async tailLength(documentName: string): Promise<number> {
    const [row]: { count: string }[] = await this.db.query(
      `SELECT count(*) FROM report_update WHERE document_name = $1`,
      [documentName],
    );
    return Number(row.count);
  }
}
