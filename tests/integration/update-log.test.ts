import pg from 'pg';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestServer } from '../support/server.js';
import { UpdateLog } from '../../server/src/collab/update-log.js';
import { snapshotEncoder } from '../../server/src/collab/snapshot-encoder.js';
import type { Queryable } from '../../server/src/reports/report-state.js';

/** Successive lines of one shared text, each an update on top of the previous. */
function lines(...texts: string[]): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (const text of texts) doc.getText('t').insert(doc.getText('t').length, `${text}\n`);
  return updates;
}

// On PostgreSQL the log writes through a pg pool of its own, as the server's does; on PGlite
// through the application's data source, as the server's does there.
describe('UpdateLog on a real database', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let pool: pg.Pool | null = null;
  let db: Queryable;
  let token: string;
  let documentName: string;

  const newReport = async (title: string): Promise<string> => {
    const created = await server.gql(`mutation ($title: String!) { createMeeting(input: { date: "2025-04-04", kind: MEETING, title: $title }) { report { documentName } } }`, { title }, token);
    return created.data.createMeeting.report.documentName;
  };

  beforeAll(async () => {
    server = await startTestServer();
    if (server.databaseUrl) {
      const logPool = new pg.Pool({ connectionString: server.databaseUrl, max: 2 });
      pool = logPool;
      db = { query: async (text, values) => (await logPool.query(text, values)).rows };
    } else {
      db = server.app.db.dataSource;
    }
    token = await server.login();
    documentName = await newReport('Log');
  });

  afterAll(async () => {
    await pool?.end();
    await server?.close();
  });

  it('stores a lone append and a batch byte for byte, each with its own seq, and loads them as one document', async () => {
    const log = new UpdateLog(db, 1);
    const [first, ...rest] = lines('eerste', 'tweede', 'derde', 'vierde');
    const lone = await log.append(documentName, first);
    // Appended in the same tick: one INSERT of three rows.
    const batch = await Promise.all(rest.map((update) => log.append(documentName, update)));

    const seqs = [lone, ...batch];
    expect(new Set(seqs).size).toBe(4);
    expect(seqs.every((seq, i) => i === 0 || seq > seqs[i - 1])).toBe(true);
    const rows: { seq: string; update: Uint8Array }[] = await server.app.db.dataSource.query(
      `SELECT seq, update FROM report_update WHERE document_name = $1 ORDER BY seq`,
      [documentName],
    );
    expect(rows.map((row) => Number(row.seq))).toEqual(seqs);
    expect(rows.map((row) => Buffer.from(row.update).toString('hex'))).toEqual([first, ...rest].map((update) => Buffer.from(update).toString('hex')));

    const stored = await log.load(documentName);
    expect(stored!.seq).toBe(seqs[3]);
    expect(stored!.doc.getText('t').toString()).toBe('eerste\ntweede\nderde\nvierde\n');
  });

  it('opens a small and a large report as one update each, the large one merged in the worker', async () => {
    const log = new UpdateLog(db, 1);
    const sizes = new Map<string, number>();
    const encode = vi.spyOn(snapshotEncoder, 'encode');
    for (const [title, count] of [['Klein', 3], ['Groot', 2000]] as const) {
      const name = await newReport(title);
      const doc = new Y.Doc();
      // A snapshot's worth at once, then a tail of single lines.
      doc.getText('t').insert(0, Array.from({ length: count }, (_, i) => `${i}. motivatie en partnerschappen in het OCMW\n`).join(''));
      let seq = await log.append(name, Y.encodeStateAsUpdate(doc));
      for (const update of lines('nog een regel', 'en nog een')) seq = await log.append(name, update);
      const merged = await log.loadMerged(name);
      expect(merged!.seq).toBe(seq);
      const opened = new Y.Doc();
      Y.applyUpdate(opened, merged!.update);
      expect(opened.getText('t').toString()).toContain(doc.getText('t').toString());
      expect(opened.getText('t').toString()).toContain('nog een regel\nen nog een\n');
      sizes.set(title, merged!.update.byteLength);
    }
    // Above 64 KB the worker merges it; below, the event loop.
    expect(sizes.get('Groot')!).toBeGreaterThan(64 * 1024);
    expect(sizes.get('Klein')!).toBeLessThan(64 * 1024);
    expect(encode).toHaveBeenCalledTimes(1);
    encode.mockRestore();
    expect(await log.loadMerged('no-such-report')).toBeNull();
  });
});

