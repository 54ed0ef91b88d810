import { afterAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { openDatabase } from '../../server/src/db/database.js';
import { ImportService } from '../../server/src/importer/import.service.js';
import { MeetingsService } from '../../server/src/meetings/meetings.service.js';
import { PracticesService } from '../../server/src/practices/practices.service.js';
import { SYSTEM_ACTOR } from '../../server/src/auth/guard.js';
import { SearchPassages1732000008000 } from '../../server/src/db/migrations/1732000008000-search-passages.js';
import { PASSAGE_CHARS } from '../../server/src/search/search-indexer.js';

const servers: TestServer[] = [];

// Newest first: a restarted server is stopped before the first one drops the database they share.
afterAll(async () => {
  for (const server of servers.reverse()) await server.close();
});

describe('restart', () => {
  it('keeps data, users and tokens across a restart', async () => {
    const first = await startTestServer();
    servers.push(first);
    const token = await first.login();
    const created = await first.gql(`mutation { createMeeting(input: { date: "2021-08-17", kind: ONLINE, title: "Online" }) { id } }`, {}, token);
    expect(created.errors).toBeUndefined();
    await first.stop();

    const second = await startTestServer({ reuse: { databaseUrl: (first as any).databaseUrl, dataDir: first.dataDir } });
    servers.push(second);
    const meetings = await second.gql(`{ meetings { id date kind } }`, {}, token);
    expect(meetings.errors).toBeUndefined();
    expect(meetings.data.meetings).toEqual([{ id: created.data.createMeeting.id, date: '2021-08-17', kind: 'ONLINE' }]);
    const health = await fetch(`${second.url}/healthz`);
    expect(health.status).toBe(200);
  });
});

/** A short report of the network, in our own words. */
const REPORT = `Verslag bijeenkomst OCMW's – Rapport rencontre des CPAS
14 maart 2024 – 14 mars 2024
Stadhuis, Mechelen

Aanwezig: Lotte Verbeke (OCMW Mechelen), Hugo Lambert (CPAS Mons)

1. Vrijwilligerswerk als opstap

Wat nemen we mee:
- Een stage bij een buurtvereniging geeft deelnemers zelfvertrouwen
`;

/**
 * A server started (its database migrated, an admin signed in) and stopped, then `report` imported
 * into its database by an importer without the index queue: what a server killed right after the
 * import committed leaves behind, the meeting and its practices stored and no search entry.
 * `restart` starts a server on that database again.
 */
async function importedWhileStopped(report: string) {
  const first = await startTestServer();
  servers.push(first);
  const token = await first.login();
  await first.stop();
  const db = await openDatabase({ url: first.databaseUrl, dataDir: first.dataDir });
  const importer = new ImportService(db.dataSource, new MeetingsService(db.dataSource), new PracticesService(db.dataSource));
  const result = await importer.importReport(SYSTEM_ACTOR, 'mechelen-2024.txt', report);
  const restart = async () => {
    const second = await startTestServer({ reuse: { databaseUrl: first.databaseUrl, dataDir: first.dataDir } });
    servers.push(second);
    return second;
  };
  return { token, db, dataSource: db.dataSource, result, restart };
}

describe('restart after a crash between an import and its indexing', () => {
  it('indexes at start what the import left pending', async () => {
    const { token, db, dataSource, result, restart } = await importedWhileStopped(REPORT);
    expect(result.status).toBe('CREATED');
    const [pending] = await dataSource.query(`SELECT count(*)::int AS n FROM search_pending`);
    expect(pending.n).toBe(1);
    await db.close();

    const second = await restart();
    const found = await second.gql(`{ search(query: "buurtvereniging") { hits { kind meeting { date } } } }`, {}, token);
    expect(found.errors).toBeUndefined();
    expect(found.data.search.hits.map((hit: any) => `${hit.kind} ${hit.meeting?.date}`)).toEqual(
      expect.arrayContaining(['PRACTICE 2024-03-14', 'SECTION 2024-03-14']),
    );
    const [left] = await second.app.db.dataSource.query(`SELECT count(*)::int AS n FROM search_pending`);
    expect(left.n).toBe(0);
  });
});

describe('restart after an upgrade that indexes long sections as passages', () => {
  it('indexes again, as passages, a report whose long section an earlier version indexed whole', async () => {
    const long = `${REPORT}\n${Array.from({ length: 60 }, (_, i) => `Ervaring ${i}: een deelnemer vertelt hoe de stage haar ritme gaf.`).join('\n\n')}\n\nTot slot: een wandelzoektocht.\n`;
    const { token, db, dataSource, result: { meetingId }, restart } = await importedWhileStopped(long);
    const [{ id: reportId, text }] = await dataSource.query(`SELECT id, text FROM report WHERE meeting_id = $1`, [meetingId]);
    // What an earlier version wrote: the report's one long section as one entry.
    await dataSource.query(`DELETE FROM search_entry WHERE kind = 'SECTION' AND entity_id = $1`, [reportId]);
    await dataSource.query(
      `INSERT INTO search_entry (kind, entity_id, section_index, meeting_id, title, body, document)
       VALUES ('SECTION', $1, 0, $2, 'Vrijwilligerswerk', $3, search_document('Vrijwilligerswerk', '', $3))`,
      [reportId, meetingId, text],
    );
    // Not indexed at start as an import left pending: as indexed, by an earlier version.
    await dataSource.query(`DELETE FROM search_pending`);
    const runner = dataSource.createQueryRunner();
    await new SearchPassages1732000008000().up(runner);
    await runner.release();
    expect(await dataSource.query(`SELECT 1 FROM search_entry WHERE kind = 'SECTION' AND entity_id = $1`, [reportId])).toEqual([]);
    await db.close();

    const second = await restart();
    const lengths: { length: number }[] = await second.app.db.dataSource.query(
      `SELECT length(body) AS length FROM search_entry WHERE kind = 'SECTION' AND entity_id = $1 ORDER BY section_index`, [reportId]);
    expect(lengths.length).toBeGreaterThan(1);
    expect(lengths.every((row) => row.length <= PASSAGE_CHARS)).toBe(true);
    const found = await second.gql(`{ search(query: "wandelzoektocht") { hits { kind snippet } } }`, {}, token);
    expect(found.data.search.hits).toEqual([{ kind: 'SECTION', snippet: expect.stringContaining('<b>wandelzoektocht</b>') }]);
  });
});
