import pg from 'pg';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, storedUpdates } from '../support/server.js';
import { POSTGRES_URL, skipWithoutPostgres } from '../support/services.js';
import { compactReport } from '../../server/src/collab/compaction.js';
import { loadReportDoc } from '../../server/src/reports/report-state.js';
import { unintegrableUpdate } from '../support/collab-client.js';

/** An update adding one line to the shared text `t`, made on top of nothing (Yjs merges them all). */
function line(text: string): Buffer {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, `${text}\n`);
  return Buffer.from(Y.encodeStateAsUpdate(doc));
}

// Two transactions appending at once need a server database: PGlite has one connection.
describe.skipIf(skipWithoutPostgres())('compaction', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let documentName: string;
  const connections: pg.Client[] = [];

  async function connection(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: server.databaseUrl! });
    await client.connect();
    connections.push(client);
    return client;
  }

  beforeAll(async () => {
    server = await startTestServer({ postgres: POSTGRES_URL });
    const token = await server.login();
    const created = await server.gql(`mutation { createMeeting(input: { date: "2025-03-03", kind: MEETING, title: "Compact" }) { report { documentName } } }`, {}, token);
    documentName = created.data.createMeeting.report.documentName;
  });

  afterAll(async () => {
    for (const client of connections) await client.end();
    await server?.close();
  });

  it('keeps an update that drew its seq before a folded one but committed after the fold', async () => {
    const slow = await connection();
    const quick = await connection();
    const append = (client: pg.Client, text: string) =>
      client.query(`INSERT INTO report_update (document_name, update) VALUES ($1, $2) RETURNING seq`, [documentName, line(text)]);
    await append(quick, 'eerste');
    await slow.query('BEGIN');
    const [{ seq: slowSeq }] = (await append(slow, 'traag')).rows;
    const [{ seq: quickSeq }] = (await append(quick, 'snel')).rows;
    expect(Number(slowSeq)).toBeLessThan(Number(quickSeq));

    expect(await compactReport(server.app.db.dataSource, documentName)).toBe(2);
    await slow.query('COMMIT');

    const doc = await loadReportDoc(server.app.db.dataSource, documentName);
    expect(doc!.getText('t').toString().split('\n').filter(Boolean).sort()).toEqual(['eerste', 'snel', 'traag']);
    // The late row is folded by the next compaction, once, with nothing duplicated.
    expect(await compactReport(server.app.db.dataSource, documentName)).toBe(1);
    expect(await storedUpdates(server, documentName)).toBe(0);
    const again = await loadReportDoc(server.app.db.dataSource, documentName);
    expect(again!.getText('t').toString().split('\n').filter(Boolean).sort()).toEqual(['eerste', 'snel', 'traag']);
  });

  it('reads a report past a row Yjs cannot integrate, and folds it into a snapshot that loads', async () => {
    const token = await server.login();
    const created = await server.gql(`mutation { createMeeting(input: { date: "2025-03-04", kind: MEETING, title: "Kapot" }) { report { documentName } } }`, {}, token);
    const name = created.data.createMeeting.report.documentName;
    // As a log written before the server stored only what Yjs integrated could hold.
    for (const update of [line('goed een'), Buffer.from(unintegrableUpdate()), line('goed twee')]) {
      await server.app.db.dataSource.query(`INSERT INTO report_update (document_name, update) VALUES ($1, $2)`, [name, update]);
    }
    const lines = (doc: Y.Doc | null) => doc!.getText('t').toString().split('\n').filter(Boolean).sort();
    expect(lines(await loadReportDoc(server.app.db.dataSource, name))).toEqual(['goed een', 'goed twee']);
    expect(await compactReport(server.app.db.dataSource, name)).toBe(3);
    const [{ ydoc_state: snapshot }] = await server.app.db.dataSource.query(`SELECT ydoc_state FROM report WHERE document_name = $1`, [name]);
    const fromSnapshot = new Y.Doc();
    Y.applyUpdate(fromSnapshot, snapshot);
    expect(lines(fromSnapshot)).toEqual(['goed een', 'goed twee']);
  });
});
