import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import pg from 'pg';
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CollabCloseCode } from '@atelier/shared';
import { createUser, startTestServer, storedUpdates, userWithRole, type TestServer } from '../support/server.js';
import { appendParagraph, bodyText, connectClient, headingElement, eventually, rawSocket, unintegrableUpdate, type TestClient } from '../support/collab-client.js';
import { POSTGRES_URL, skipWithoutPostgres } from '../support/services.js';
import { statField } from '../support/proc.js';
import { loadReportDoc } from '../../server/src/reports/report-state.js';
import { UPDATE_LOG_APPLICATION } from '../../server/src/collab/index.js';
import { DERIVATION_APPLICATION } from '../../server/src/reports/derived-data.js';
import { encodeUpdate } from '../../server/src/collab/protocol.js';
import { snapshotEncoder } from '../../server/src/collab/snapshot-encoder.js';

let server: TestServer;
let admin: string;
let editor: string;
let viewer: string;
const clients: TestClient[] = [];

async function newReport(on = server, token = editor): Promise<{ id: string; documentName: string }> {
  const result = await on.gql(`mutation { createMeeting(input: { date: "2024-06-01", kind: MEETING, title: "Live" }) { report { id documentName } } }`, {}, token);
  return result.data.createMeeting.report;
}

function client(documentName: string, token: string | null): TestClient {
  const c = connectClient(server.url, documentName, token);
  clients.push(c);
  return c;
}

beforeAll(async () => {
  // Warnings here are the ones the tests provoke (garbage frames, refused changes).
  server = await startTestServer({ config: { collabMaxMessageBytes: 256 * 1024, logLevel: 'error' } });
  admin = await server.login();
  editor = await userWithRole(server, admin, 'EDITOR');
  viewer = await userWithRole(server, admin, 'VIEWER');
});

// Each test's clients go with it: nothing carries over, and the stock providers' process 'exit'
// listeners (one each, in Node) never pile up past Node's warning limit.
afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
});

afterAll(async () => {
  await server?.close();
});

describe('live co-editing', () => {
  it('syncs two stock y-websocket editors, and stores before relaying', async () => {
    const { documentName } = await newReport();
    const a = client(documentName, editor);
    const b = client(documentName, admin);
    await Promise.all([a.synced, b.synced]);
    appendParagraph(a.doc, 'Check-in: iedereen vertelt zijn verwachtingen');
    await eventually(() => bodyText(b.doc).includes('Check-in: iedereen'), 5000, 'b to see a');
    appendParagraph(b.doc, 'Tweede alinea');
    await eventually(() => bodyText(a.doc).includes('Tweede alinea'), 5000, 'a to see b');
    expect(await storedUpdates(server, documentName)).toBeGreaterThanOrEqual(2);
  });

  it('sends nothing without a valid token and closes with a documented code', async () => {
    const { documentName } = await newReport();
    for (const token of [null, 'not-a-token', editor.slice(0, -3) + 'abc']) {
      const socket = await rawSocket(server.url, documentName, token);
      const closed = await socket.closed;
      expect(closed.code).toBe(CollabCloseCode.UNAUTHENTICATED);
      expect(socket.messages).toHaveLength(0);
    }
    const unknown = await rawSocket(server.url, 'no-such-document', editor);
    expect((await unknown.closed).code).toBe(CollabCloseCode.NOT_FOUND);
    expect(unknown.messages).toHaveLength(0);
  });

  it('lets viewers read everything and change nothing', async () => {
    const { documentName } = await newReport();
    const writer = client(documentName, editor);
    await writer.synced;
    appendParagraph(writer.doc, 'Door de redactie geschreven');
    const reader = client(documentName, viewer);
    await reader.synced;
    await eventually(() => bodyText(reader.doc).includes('Door de redactie'), 5000, 'viewer to receive');
    const before = await storedUpdates(server, documentName);
    appendParagraph(reader.doc, 'Poging van een lezer');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(bodyText(writer.doc)).not.toContain('Poging van een lezer');
    expect(bodyText(server.app.services.collab.loadedDocument(documentName)!)).not.toContain('Poging');
    expect(await storedUpdates(server, documentName)).toBe(before);
  });

  it('closes only the socket that sends garbage or an oversized frame', async () => {
    const { documentName } = await newReport();
    const a = client(documentName, editor);
    const b = client(documentName, admin);
    await Promise.all([a.synced, b.synced]);
    for (const frame of [crypto.randomBytes(64), Buffer.from([0]), Buffer.from([0, 2, 200, 1, 2]), Buffer.from([9, 9, 9]), Buffer.from([1, 5, 1, 2, 3, 4, 5])]) {
      const bad = await rawSocket(server.url, documentName, editor);
      bad.ws.send(frame);
      expect((await bad.closed).code).toBe(CollabCloseCode.MALFORMED);
    }
    const big = await rawSocket(server.url, documentName, editor);
    big.ws.send(crypto.randomBytes(300 * 1024));
    expect((await big.closed).code).toBe(CollabCloseCode.MESSAGE_TOO_BIG);
    appendParagraph(a.doc, 'Na de aanval');
    await eventually(() => bodyText(b.doc).includes('Na de aanval'), 5000, 'others to keep syncing');
  });

  it('refuses a change that decodes but cannot be applied, stores none of it, and the report still loads', async () => {
    const { documentName } = await newReport();
    const a = client(documentName, editor);
    await a.synced;
    appendParagraph(a.doc, 'Voor de aanval');
    await eventually(async () => (await storedUpdates(server, documentName)) > 0, 5000, 'the first edit to be stored');
    const storedBefore = await storedUpdates(server, documentName);
    const bad = await rawSocket(server.url, documentName, editor);
    bad.ws.send(encodeUpdate(unintegrableUpdate()));
    expect((await bad.closed).code).toBe(CollabCloseCode.MALFORMED);
    expect(await storedUpdates(server, documentName)).toBe(storedBefore);

    appendParagraph(a.doc, 'Na de aanval');
    const b = client(documentName, admin);
    await eventually(() => bodyText(b.doc) === 'Voor de aanval\nNa de aanval', 5000, 'a newcomer to get the report');
    const stored = await loadReportDoc(server.app.db.dataSource, documentName);
    expect(bodyText(stored!)).toBe('Voor de aanval\nNa de aanval');
  });

  it('keeps report.text, method links and search in step with the editor', async () => {
    const report = await newReport();
    const a = client(report.documentName, editor);
    await a.synced;
    appendParagraph(a.doc, 'We sluiten af met een World Café over het buurtkeukenproject.');
    const elapsed = await eventually(async () => {
      const result = await server.gql(
        `query ($id: ID!, $q: String!) { report(id: $id) { text meeting { methods { key } } } search(query: $q) { hits { kind meeting { date } } } }`,
        // Searched as someone would type it, with a letter swapped.
        { id: report.id, q: 'buurtkeukenporject' }, viewer);
      const { report: derived, search } = result.data;
      return derived.text.includes('World Café') && derived.meeting.methods.some((m: any) => m.key === 'world-cafe')
        && search.hits.some((hit: any) => hit.meeting?.date === '2024-06-01');
    }, 2000, 'report.text, links and search to follow');
    console.info(`report.text, method link and search followed the edit in ${elapsed} ms`);
  });

  it('links a method and tags a theme defined while the report is being edited', async () => {
    const report = await newReport();
    const a = client(report.documentName, editor);
    await a.synced;
    const derived = async (query: string) => (await server.gql(
      `query ($id: ID!, $q: String!) { report(id: $id) { text meeting { methods { key } } } search(query: $q, filter: { themes: ["urban-farming"] }) { hits { kind } } }`,
      { id: report.id, q: query }, viewer)).data;
    // A first derivation, so the taxonomy it reads is the one before the new method and theme.
    appendParagraph(a.doc, 'Eerst een ronde over het werk van de voorbije maanden.');
    await eventually(async () => (await derived('ronde')).report.text.includes('voorbije maanden'), 2000, 'the first paragraph to be derived');
    const method = await server.gql(`mutation { upsertMethod(input: { key: "buddy-walk", name: "Buddywandeling", aliases: ["balade en binôme"] }) { key } }`, {}, admin);
    expect(method.errors).toBeUndefined();
    const theme = await server.gql(`mutation { upsertTheme(input: { key: "urban-farming", labelNl: "Stadslandbouw", labelFr: "Agriculture urbaine", labelEn: "Urban farming", keywords: ["moestuin", "potager"] }) { key } }`, {}, admin);
    expect(theme.errors).toBeUndefined();
    appendParagraph(a.doc, 'Daarna een balade en binôme langs de moestuin van het OCMW.');
    // More time than an ordinary edit's two seconds: the worker compiles the changed taxonomy's
    // patterns at low priority, and this edit's derivation may wait for it (several times slower
    // when CI runs other suites beside this one).
    const elapsed = await eventually(async () => {
      const { report: now, search } = await derived('moestuin');
      return now.meeting.methods.some((m: any) => m.key === 'buddy-walk') && search.hits.some((hit: any) => hit.kind === 'SECTION');
    }, 6000, 'the new method to be linked and the new theme to tag the section');
    console.info(`a method and a theme defined while editing were linked and tagged ${elapsed} ms after the edit`);
  });

  it('follows a link or a heading made without changing the text', async () => {
    const report = await newReport();
    const a = client(report.documentName, editor);
    await a.synced;
    appendParagraph(a.doc, 'We sluiten af met een World Café.');
    appendParagraph(a.doc, 'Evaluatie');
    await eventually(async () => (await server.gql(`query ($id: ID!) { report(id: $id) { text } }`, { id: report.id }, viewer)).data.report.text === 'We sluiten af met een World Café.\nEvaluatie', 2000, 'report.text');
    // What the editor does when a method it recognised is accepted, and when a line becomes a heading.
    const body = a.doc.getXmlFragment('default');
    a.doc.transact(() => {
      const paragraph = body.get(0) as Y.XmlElement;
      const link = new Y.XmlElement('graphLink');
      link.setAttribute('kind', 'METHOD');
      link.setAttribute('ref', 'world-cafe');
      link.setAttribute('label', 'World Café');
      paragraph.delete(0, paragraph.length);
      paragraph.insert(0, [new Y.XmlText('We sluiten af met een '), link, new Y.XmlText('.')]);
      body.delete(1, 1);
      body.insert(1, [headingElement('Evaluatie')]);
    });
    await eventually(async () => {
      const links = await server.app.db.dataSource.query(
        `SELECT l.origin FROM link l JOIN report r ON r.id = l.source_id JOIN method m ON m.id = l.target_id WHERE r.document_name = $1 AND m.key = 'world-cafe'`,
        [report.documentName]);
      const sections = await server.app.db.dataSource.query(
        `SELECT s.title FROM search_entry s JOIN report r ON r.id = s.entity_id WHERE s.kind = 'SECTION' AND r.document_name = $1`, [report.documentName]);
      // The mention found in the text (IMPORT) stays: the text did not change.
      const origins = links.map((row: { origin: string }) => row.origin).sort();
      return origins.join() === 'EDITOR,IMPORT' && sections.some((row: { title: string }) => row.title === 'Evaluatie');
    }, 2000, 'the editor link and the new heading to be derived, the mention in the text kept');
    expect((await server.gql(`query ($id: ID!) { report(id: $id) { text } }`, { id: report.id }, viewer)).data.report.text).toBe('We sluiten af met een World Café.\nEvaluatie');
  });

  it('takes out of search and links what a report no longer says when it gets shorter', async () => {
    const report = await newReport();
    const a = client(report.documentName, editor);
    await a.synced;
    const body = a.doc.getXmlFragment('default');
    a.doc.transact(() => {
      appendParagraph(a.doc, 'Inleiding over motivatie.');
      body.insert(body.length, [headingElement('Afsluiting')]);
      appendParagraph(a.doc, 'We sluiten af met een World Café.');
    });
    const derived = async () => {
      const sections: { title: string }[] = await server.app.db.dataSource.query(
        `SELECT s.title FROM search_entry s JOIN report r ON r.id = s.entity_id WHERE s.kind = 'SECTION' AND r.document_name = $1 ORDER BY s.section_index`, [report.documentName]);
      const links: unknown[] = await server.app.db.dataSource.query(
        `SELECT 1 FROM link l JOIN report r ON r.id = l.source_id JOIN method m ON m.id = l.target_id WHERE r.document_name = $1 AND m.key = 'world-cafe'`, [report.documentName]);
      const { text } = (await server.gql(`query ($id: ID!) { report(id: $id) { text } }`, { id: report.id }, viewer)).data.report;
      return { titles: sections.map((section) => section.title), links: links.length, text };
    };
    await eventually(async () => (await derived()).titles.length === 2, 2000, 'two sections');
    expect(await derived()).toEqual({ titles: ['Live', 'Afsluiting'], links: 1, text: 'Inleiding over motivatie.\nAfsluiting\nWe sluiten af met een World Café.' });
    body.delete(1, 2);
    await eventually(async () => (await derived()).titles.length === 1, 2000, 'the second section to leave search');
    expect(await derived()).toEqual({ titles: ['Live'], links: 0, text: 'Inleiding over motivatie.' });
  });

  it('indexes a long section as passages: an edit rewrites only its own, and a match deep in the section shows in its snippet', async () => {
    const db = server.app.db.dataSource;
    const report = await newReport();
    const doc = new Y.Doc();
    // About 7,000 characters without a heading: one section, four passages.
    for (let i = 0; i < 100; i++) appendParagraph(doc, `Regel ${i}: de deelnemers bespreken hoe ze nieuwkomers motiveren.`);
    appendParagraph(doc, 'Tot slot plannen we een zeepbellenfestival in het park.');
    const passages = async () => {
      const rows: { index: number; xmin: string; length: number }[] = await db.query(
        `SELECT s.section_index AS index, s.xmin::text AS xmin, length(s.body) AS length FROM search_entry s JOIN report r ON r.id = s.entity_id
          WHERE s.kind = 'SECTION' AND r.document_name = $1 ORDER BY s.section_index`, [report.documentName]);
      return rows;
    };
    await server.app.services.derivation.derive(report.documentName, doc, 0);
    const before = await passages();
    expect(before.map((row) => row.index)).toEqual([0, 1, 2, 3]);
    for (const row of before) expect(row.length).toBeLessThanOrEqual(2000);

    const { hits } = (await server.gql(`{ search(query: "zeepbellenfestival") { hits { kind title snippet } } }`, {}, viewer)).data.search;
    expect(hits).toEqual([{ kind: 'SECTION', title: 'Live', snippet: expect.stringContaining('<b>zeepbellenfestival</b>') }]);

    // Typing in the second passage writes that passage again, and no other.
    const paragraph = doc.getXmlFragment('default').get(40) as Y.XmlElement;
    (paragraph.get(0) as Y.XmlText).insert(0, 'Belangrijk: ');
    await server.app.services.derivation.derive(report.documentName, doc, 0);
    const after = await passages();
    expect(after.map((row) => row.index)).toEqual([0, 1, 2, 3]);
    expect(after.map((row, i) => row.xmin === before[i].xmin)).toEqual([true, false, true, true]);
    doc.destroy();
  });

  it('writes a derivation whole or not at all when one of its statements fails, and goes on after', async () => {
    const report = await newReport();
    const a = client(report.documentName, editor);
    await a.synced;
    const db = server.app.db.dataSource;
    const state = async () => {
      const links: { origin: string }[] = await db.query(
        `SELECT l.origin FROM link l JOIN report r ON r.id = l.source_id WHERE r.document_name = $1 ORDER BY l.origin`, [report.documentName]);
      const sections: { body: string }[] = await db.query(
        `SELECT s.body FROM search_entry s JOIN report r ON r.id = s.entity_id WHERE s.kind = 'SECTION' AND r.document_name = $1`, [report.documentName]);
      const { text } = (await server.gql(`query ($id: ID!) { report(id: $id) { text } }`, { id: report.id }, viewer)).data.report;
      return { origins: links.map((link) => link.origin).join(), bodies: sections.map((section) => section.body).join('\n'), text };
    };
    const body = a.doc.getXmlFragment('default');
    a.doc.transact(() => {
      const paragraph = new Y.XmlElement('paragraph');
      const link = new Y.XmlElement('graphLink');
      link.setAttribute('kind', 'METHOD');
      link.setAttribute('ref', 'world-cafe');
      link.setAttribute('label', 'World Café');
      paragraph.insert(0, [new Y.XmlText('We sluiten af met een '), link, new Y.XmlText('.')]);
      body.insert(0, [paragraph]);
    });
    await eventually(async () => (await state()).origins === 'EDITOR,IMPORT', 2000, 'the first derivation');
    const before = await state();
    // The search index refuses one line: the statement that writes the section fails, after the
    // links were deleted and before the text is written, in the same batch.
    await db.query(`CREATE SEQUENCE refused_sections`);
    await db.query(`CREATE FUNCTION refuse_section() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.body LIKE '%weigert de index%' THEN PERFORM nextval('refused_sections'); RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$`);
    await db.query(`CREATE TRIGGER refuse_section BEFORE INSERT OR UPDATE ON search_entry FOR EACH ROW EXECUTE FUNCTION refuse_section()`);
    try {
      appendParagraph(a.doc, 'Deze regel weigert de index.');
      await eventually(async () => (await db.query(`SELECT last_value, is_called FROM refused_sections`))[0].is_called, 5000, 'the derivation to fail');
      expect(await state()).toEqual(before);
      // Told by the statement that failed, not by those refused after it in the same transaction.
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(a.doc));
      appendParagraph(copy, 'Nog een regel.');
      await expect(server.app.services.derivation.derive(report.documentName, copy, 0)).rejects.toThrow('refused by the test');
      copy.destroy();
      expect(await state()).toEqual(before);
    } finally {
      await db.query(`DROP TRIGGER refuse_section ON search_entry`);
      await db.query(`DROP FUNCTION refuse_section()`);
      await db.query(`DROP SEQUENCE refused_sections`);
    }
    appendParagraph(a.doc, 'Daarna gaat het verder.');
    await eventually(async () => (await state()).text.includes('weigert de index.\nDaarna gaat het verder.'), 3000, 'the next derivation to write everything');
    expect(await state()).toMatchObject({ origins: 'EDITOR,IMPORT', bodies: expect.stringContaining('Daarna gaat het verder.') });
  });

  it('derives reports that come due together in one transaction, and one that fails holds back no other', async () => {
    const db = server.app.db.dataSource;
    const reports = await Promise.all([newReport(), newReport(), newReport()]);
    const docs = reports.map(() => new Y.Doc());
    const derive = () => server.app.services.derivation.deriveAll(
      reports.map((report, i) => ({ name: report.documentName, settled: async () => ({ doc: docs[i], seq: 0 }) })),
    );
    const stored = async () => {
      const rows: { document_name: string; text: string; xmin: string; links: string; sections: string }[] = await db.query(
        `SELECT r.document_name, r.text, r.xmin::text AS xmin,
                (SELECT string_agg(l.origin || ':' || l.target_type, ',' ORDER BY l.origin) FROM link l WHERE l.source_id = r.id) AS links,
                (SELECT string_agg(s.body, '|') FROM search_entry s WHERE s.kind = 'SECTION' AND s.entity_id = r.id) AS sections
           FROM report r WHERE r.document_name = ANY($1)`,
        [reports.map((report) => report.documentName)],
      );
      return reports.map((report) => rows.find((row) => row.document_name === report.documentName)!);
    };
    docs.forEach((doc, i) => appendParagraph(doc, `Verslag ${i}: we werken met een World Café.`));
    const outcomes = await derive();
    expect(outcomes.map((outcome) => [outcome.documentName, outcome.error])).toEqual(reports.map((report) => [report.documentName, undefined]));
    const together = await stored();
    expect(together.map((row) => row.text)).toEqual(docs.map((_, i) => `Verslag ${i}: we werken met een World Café.`));
    expect(together.map((row) => row.links)).toEqual(reports.map(() => 'IMPORT:METHOD'));
    expect(together.map((row) => row.sections)).toEqual(together.map((row) => row.text));
    // Written by one transaction: every row carries the same transaction id.
    expect(new Set(together.map((row) => row.xmin)).size).toBe(1);

    await db.query(`CREATE FUNCTION refuse_report() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.body LIKE '%weigert de index%' THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$`);
    await db.query(`CREATE TRIGGER refuse_report BEFORE INSERT OR UPDATE ON search_entry FOR EACH ROW EXECUTE FUNCTION refuse_report()`);
    try {
      docs.forEach((doc, i) => appendParagraph(doc, i === 1 ? 'Deze regel weigert de index.' : 'Nog een regel.'));
      const afterFailure = await derive();
      expect(afterFailure.map((outcome) => outcome.error?.message ?? 'derived')).toEqual(['derived', expect.stringContaining('refused by the test'), 'derived']);
      const apart = await stored();
      expect(apart.map((row) => row.text.split('\n').at(-1))).toEqual(['Nog een regel.', 'Verslag 1: we werken met een World Café.', 'Nog een regel.']);
      expect(apart[1]).toEqual(together[1]);
    } finally {
      await db.query(`DROP TRIGGER refuse_report ON search_entry`);
      await db.query(`DROP FUNCTION refuse_report()`);
      docs.forEach((doc) => doc.destroy());
    }
  });

  it('moves a deleted user out within a second', async () => {
    const gone = await createUser(server, admin, 'EDITOR');
    const { documentName } = await newReport();
    const socket = await rawSocket(server.url, documentName, gone.token);
    await eventually(() => socket.messages.length > 0, 2000, 'sync step 1');
    const started = Date.now();
    await server.gql(`mutation ($id: ID!) { deleteUser(id: $id) }`, { id: gone.id }, admin);
    expect((await socket.closed).code).toBe(CollabCloseCode.FORBIDDEN);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('closes a demoted editor\'s socket within a second; signed in again, it reads and cannot write', async () => {
    const user = await createUser(server, admin, 'EDITOR');
    const promoted = await createUser(server, admin, 'EDITOR');
    const { documentName } = await newReport();
    const demoted = client(documentName, user.token);
    const other = client(documentName, editor);
    const stillWriting = client(documentName, promoted.token);
    await Promise.all([demoted.synced, other.synced, stillWriting.synced]);
    let promotedClosed = false;
    void stillWriting.closed.then(() => (promotedClosed = true));
    appendParagraph(demoted.doc, 'Nog als redacteur geschreven');
    await eventually(() => bodyText(other.doc).includes('Nog als redacteur'), 5000, 'the editor to be heard');
    const started = Date.now();
    const updated = await server.gql(`mutation ($id: ID!) { updateUser(id: $id, input: { role: VIEWER }) { role } }`, { id: user.id }, admin);
    expect(updated.data.updateUser.role).toBe('VIEWER');
    // Closed, not left typing into an editor whose every change would be dropped.
    expect((await demoted.closed).code).toBe(CollabCloseCode.ROLE_CHANGED);
    expect(Date.now() - started).toBeLessThan(1000);
    // A role change that leaves the right to write closes nothing.
    await server.gql(`mutation ($id: ID!) { updateUser(id: $id, input: { role: ADMIN }) { role } }`, { id: promoted.id }, admin);
    const before = await storedUpdates(server, documentName);
    appendParagraph(demoted.doc, 'Na de degradatie geschreven');
    appendParagraph(other.doc, 'De redactie schrijft verder');
    // The role change ended the user's sign-in: signed in again, a viewer sees everything.
    const reader = client(documentName, await server.login(user.email, user.password));
    await eventually(() => bodyText(reader.doc).includes('De redactie schrijft verder'), 5000, 'the viewer to receive');
    appendParagraph(reader.doc, 'Als lezer geschreven');
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const text of ['Na de degradatie', 'Als lezer']) {
      expect(bodyText(other.doc)).not.toContain(text);
      expect(bodyText(server.app.services.collab.loadedDocument(documentName)!)).not.toContain(text);
    }
    expect(await storedUpdates(server, documentName)).toBe(before + 1);
    expect(promotedClosed).toBe(false);
  });
});

/**
 * A server of its own on PostgreSQL (PGlite has a single connection: these tests need another one
 * beside the server's), a side connection to its database, and stock clients closed afterwards.
 * Its log is silenced: the errors these tests provoke on purpose would only be noise here.
 */
async function onOwnPostgresServer(
  run: (own: TestServer, side: pg.Client, token: string, connect: (documentName: string) => TestClient) => Promise<void>,
): Promise<void> {
  const own = await startTestServer({ postgres: POSTGRES_URL, config: { logLevel: 'fatal' } });
  const side = new pg.Client({ connectionString: own.databaseUrl! });
  const connected: TestClient[] = [];
  try {
    await side.connect();
    const token = await own.login();
    await run(own, side, token, (documentName) => {
      const c = connectClient(own.url, documentName, token);
      connected.push(c);
      return c;
    });
  } finally {
    for (const c of connected) c.destroy();
    await side.end();
    await own.close();
  }
}

describe.skipIf(skipWithoutPostgres())('derived data while a report row is held elsewhere', () => {
  it('goes on for the other reports, and catches up once the row is free', async () => {
    await onOwnPostgresServer(async (own, holder, token, connect) => {
      const held = await newReport(own, token);
      const other = await newReport(own, token);
      const text = async (id: string) => (await own.gql(`query ($id: ID!) { report(id: $id) { text } }`, { id }, token)).data.report.text as string;
      await holder.query('BEGIN');
      await holder.query('SELECT 1 FROM report WHERE document_name = $1 FOR UPDATE', [held.documentName]);
      const [a, b] = [held, other].map((report) => connect(report.documentName));
      await Promise.all([a.synced, b.synced]);
      appendParagraph(a.doc, 'Een regel die even moet wachten.');
      // The held report's derivation starts first (300 ms after its edit) and waits for the row.
      await new Promise((resolve) => setTimeout(resolve, 500));
      appendParagraph(b.doc, 'Een regel die gewoon doorgaat.');
      const elapsed = await eventually(async () => (await text(other.id)).includes('gewoon doorgaat'), 9000, 'the other report to be derived');
      console.info(`the other report was derived ${elapsed} ms after its edit, behind one waiting for a held row`);
      await holder.query('ROLLBACK');
      appendParagraph(a.doc, 'De rij is vrij.');
      await eventually(async () => {
        const now = await text(held.id);
        return now.includes('even moet wachten') && now.includes('De rij is vrij');
      }, 3000, 'the held report to catch up');
    });
  });

  it('leaves a held report out of a batch, derives the others at once, and the held one once its row is free', async () => {
    await onOwnPostgresServer(async (own, holder, token) => {
      const [held, other] = [await newReport(own, token), await newReport(own, token)];
      const text = async (id: string) => (await own.gql(`query ($id: ID!) { report(id: $id) { text } }`, { id }, token)).data.report.text as string;
      const docs = [held, other].map((report) => {
        const doc = new Y.Doc();
        appendParagraph(doc, `Een regel in ${report.documentName}.`);
        return { name: report.documentName, settled: async () => ({ doc, seq: 0 }) };
      });
      await holder.query('BEGIN');
      await holder.query('SELECT 1 FROM report WHERE document_name = $1 FOR UPDATE', [held.documentName]);
      const derived = own.app.services.derivation.deriveAll(docs);
      try {
        // Well before the held row's lock timeout (5 s): the other report did not wait for it.
        await eventually(async () => (await text(other.id)).includes(other.documentName), 2500, 'the other report to be derived');
        expect(await text(held.id)).not.toContain(held.documentName);
      } finally {
        await holder.query('ROLLBACK');
      }
      const outcomes = await derived;
      expect(outcomes.map((outcome) => [outcome.documentName, outcome.error])).toEqual([[other.documentName, undefined], [held.documentName, undefined]]);
      expect(await text(held.id)).toContain(held.documentName);
    });
  });
});

describe.skipIf(skipWithoutPostgres())('the update log\'s connections ended by PostgreSQL', () => {
  it('are replaced, and editing goes on without losing a change', async () => {
    await onOwnPostgresServer(async (own, admin, token, connect) => {
      const { documentName } = await newReport(own, token);
      const [a, b] = [connect(documentName), connect(documentName)];
      await Promise.all([a.synced, b.synced]);
      appendParagraph(a.doc, 'Voor de herstart van de verbindingen');
      await eventually(() => bodyText(b.doc).includes('Voor de herstart'), 5000, 'the first edit to be relayed');
      const { rows } = await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()`,
        [UPDATE_LOG_APPLICATION],
      );
      expect(rows.length).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 300));
      appendParagraph(a.doc, 'Na de herstart van de verbindingen');
      await eventually(() => bodyText(b.doc).includes('Na de herstart'), 10_000, 'editing to go on');
      expect(bodyText((await loadReportDoc(own.app.db.dataSource, documentName))!)).toBe(bodyText(a.doc));
    });
  });
});

/** The nice value of each thread of this process (Linux). */
async function threadNiceValues(): Promise<number[]> {
  const threads = await fs.readdir('/proc/self/task');
  const stats = await Promise.all(threads.map((tid) => fs.readFile(`/proc/self/task/${tid}/stat`, 'utf8').catch(() => '')));
  return stats.filter(Boolean).map((stat) => Number(statField(stat, 19)));
}

describe.skipIf(skipWithoutPostgres())('the derivation worker', () => {
  const connections = async (side: pg.Client) =>
    (await side.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()`, [DERIVATION_APPLICATION])).rows[0].n as number;

  it('runs below the relays\' priority; its connection is replaced when PostgreSQL ends it, and closed when the server stops', async () => {
    await onOwnPostgresServer(async (own, admin, token, connect) => {
      const report = await newReport(own, token);
      const text = async () => (await own.gql(`query ($id: ID!) { report(id: $id) { text } }`, { id: report.id }, token)).data.report.text as string;
      const a = connect(report.documentName);
      await a.synced;
      appendParagraph(a.doc, 'Voor het einde van de verbinding');
      await eventually(async () => (await text()).includes('Voor het einde'), 5000, 'the first derivation');
      // Background work: on Linux the worker's thread runs at a lower priority than the relays.
      if (process.platform === 'linux') expect(await threadNiceValues()).toContain(10);
      const { rows } = await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()`,
        [DERIVATION_APPLICATION],
      );
      expect(rows).toHaveLength(1);
      await new Promise((resolve) => setTimeout(resolve, 300));
      appendParagraph(a.doc, 'Na het einde van de verbinding');
      await eventually(async () => (await text()).includes('Na het einde'), 5000, 'the edit after the connection ended to be derived');
      expect(await connections(admin)).toBe(1);
      // Stopped, the server leaves no connection of its worker behind (the database is still there).
      await own.stop();
      await eventually(async () => (await connections(admin)) === 0, 2000, 'the worker\'s connection to close');
    });
  });
});

describe('history', () => {
  it('lists versions and restores one as a new change', async () => {
    const report = await newReport();
    const a = client(report.documentName, editor);
    await a.synced;
    appendParagraph(a.doc, 'Eerste versie van het verslag');
    await eventually(async () => (await server.gql(`query ($id: ID!) { report(id: $id) { text } }`, { id: report.id }, editor)).data.report.text.includes('Eerste'), 3000);
    const named = await server.gql(`mutation ($id: ID!) { createReportVersion(reportId: $id, name: "Voor de vergadering") { id name automatic text } }`, { id: report.id }, editor);
    expect(named.errors).toBeUndefined();
    expect(named.data.createReportVersion).toMatchObject({ name: 'Voor de vergadering', automatic: false, text: 'Eerste versie van het verslag' });
    // Saved by a person without a name: still not one of the automatic ones.
    const unnamed = await server.gql(`mutation ($id: ID!) { createReportVersion(reportId: $id) { name automatic } }`, { id: report.id }, editor);
    expect(unnamed.data.createReportVersion).toEqual({ name: null, automatic: false });
    a.doc.getXmlFragment('default').delete(0, 1);
    appendParagraph(a.doc, 'Alles herschreven');
    // The restore must come after the rewrite reached the server, or the two are concurrent edits.
    await eventually(() => bodyText(server.app.services.collab.loadedDocument(report.documentName)!) === 'Alles herschreven', 3000, 'the rewrite to reach the server');
    const logBefore = await storedUpdates(server, report.documentName);
    const restored = await server.gql(`mutation ($id: ID!) { restoreReportVersion(versionId: $id) { id } }`, { id: named.data.createReportVersion.id }, editor);
    expect(restored.errors).toBeUndefined();
    await eventually(() => bodyText(a.doc) === 'Eerste versie van het verslag', 3000, 'the editor to receive the restore');
    const logAfter = await storedUpdates(server, report.documentName);
    expect(logAfter).toBeGreaterThan(logBefore);
    const list = await server.gql(`query ($id: ID!) { report(id: $id) { versions { id name automatic text } } }`, { id: report.id }, viewer);
    const versions: { id: string; name: string | null; automatic: boolean; text: string }[] = list.data.report.versions;
    expect(versions.some((v) => v.name === 'Voor de vergadering')).toBe(true);
    // One automatic version was taken while people typed (the next waits ten minutes), and one
    // kept what the restore replaced, newest first.
    expect(versions.filter((v) => v.automatic)).toHaveLength(2);
    expect(versions[0]).toMatchObject({ automatic: true, name: null, text: 'Alles herschreven' });
    // So the restore can be undone like any other.
    const undone = await server.gql(`mutation ($id: ID!) { restoreReportVersion(versionId: $id) { id } }`, { id: versions[0].id }, editor);
    expect(undone.errors).toBeUndefined();
    await eventually(() => bodyText(a.doc) === 'Alles herschreven', 3000, 'the editor to receive the undone restore');
    const forbidden = await server.gql(`mutation ($id: ID!) { restoreReportVersion(versionId: $id) { id } }`, { id: named.data.createReportVersion.id }, viewer);
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('resources', () => {
  let quick: TestServer;
  let token: string;

  beforeAll(async () => {
    quick = await startTestServer({ config: { collabPingIntervalMs: 200, collabCompactAfter: 10 } });
    token = await quick.login();
  });

  afterAll(async () => {
    await quick?.close();
  });

  it('closes a connection that stops answering pings, and keeps those that answer', async () => {
    const { documentName } = await newReport(quick, token);
    const live = connectClient(quick.url, documentName, token);
    clients.push(live);
    const watcher = connectClient(quick.url, documentName, token);
    clients.push(watcher);
    const dead = await rawSocket(quick.url, documentName, token, { answerPings: false });
    await Promise.all([live.synced, watcher.synced]);
    await eventually(() => quick.app.services.collab.stats().connections === 3, 2000, 'three connections');
    const closed = await Promise.race([dead.closed, new Promise<null>((resolve) => setTimeout(() => resolve(null), 3000))]);
    expect(closed).not.toBeNull();
    await eventually(() => quick.app.services.collab.stats().connections === 2, 2000, 'the dead connection to be dropped');
    // Many ping rounds later, the answering clients are still connected and editing.
    await new Promise((resolve) => setTimeout(resolve, 600));
    appendParagraph(live.doc, 'Nog steeds verbonden');
    await eventually(() => bodyText(watcher.doc).includes('Nog steeds verbonden'), 5000, 'the answering clients to keep editing');
  });

  it('compacts the log of a report that stays open, and loses or repeats nothing', async () => {
    const { documentName } = await newReport(quick, token);
    const writer = connectClient(quick.url, documentName, token);
    clients.push(writer);
    await writer.synced;
    for (let i = 1; i <= 15; i++) {
      appendParagraph(writer.doc, `Regel ${i}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await eventually(async () => (await storedUpdates(quick, documentName)) === 0, 5000, 'the log to be folded into the snapshot');
    expect(quick.app.services.collab.loadedDocument(documentName)).not.toBeNull();
    appendParagraph(writer.doc, 'Na het samenvoegen');
    await eventually(async () => (await storedUpdates(quick, documentName)) === 1, 3000, 'the next edit to be stored');
    const stored = await loadReportDoc(quick.app.db.dataSource, documentName);
    expect(bodyText(stored!)).toBe(bodyText(writer.doc));
    expect(bodyText(stored!).split('\n')).toHaveLength(16);
  });

  it('closes with 1011 when a large report cannot be merged, and the reconnecting client gets all of it', async () => {
    const { documentName } = await newReport(quick, token);
    const writer = connectClient(quick.url, documentName, token);
    await writer.synced;
    // One change of about 100 KB: one row in the log, above what is merged on the event loop.
    writer.doc.transact(() => {
      for (let i = 0; i < 1200; i++) appendParagraph(writer.doc, `${i}. De deelnemers bespreken motivatie en partnerschappen.`);
    });
    const written = bodyText(writer.doc);
    await eventually(async () => (await storedUpdates(quick, documentName)) === 1, 5000, 'the change to be stored');
    writer.destroy();
    await eventually(() => quick.app.services.collab.loadedDocument(documentName) === null, 5000, 'the document to leave memory');

    const encode = vi.spyOn(snapshotEncoder, 'encode').mockRejectedValueOnce(new Error('a merge failure provoked by the test'));
    try {
      const reader = connectClient(quick.url, documentName, token);
      clients.push(reader);
      expect((await reader.closed).code).toBe(1011);
      // Nothing of the failed load is kept in memory.
      expect(quick.app.services.collab.loadedDocument(documentName)).toBeNull();
      // The stock client comes back by itself, and the report is read anew.
      await reader.synced;
      expect(bodyText(reader.doc)).toBe(written);
      expect(encode).toHaveBeenCalledTimes(2);
    } finally {
      encode.mockRestore();
    }
  });

  it('lets a document leave memory shortly after its last client', async () => {
    const { documentName } = await newReport(quick, token);
    const only = connectClient(quick.url, documentName, token);
    await only.synced;
    appendParagraph(only.doc, 'Even bewerkt');
    await eventually(() => {
      const loaded = quick.app.services.collab.loadedDocument(documentName);
      return loaded !== null && bodyText(loaded) === 'Even bewerkt';
    }, 3000, 'the edit to arrive');
    only.destroy();
    await eventually(() => quick.app.services.collab.loadedDocument(documentName) === null, 5000, 'the document to leave memory');
    const [{ text }] = await quick.app.db.dataSource.query(`SELECT text FROM report WHERE document_name = $1`, [documentName]);
    expect(text).toBe('Even bewerkt');
  });
});
