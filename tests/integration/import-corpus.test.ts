import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { bodyText, connectClient, eventually } from '../support/collab-client.js';
import { skipUnless } from '../support/require.js';
import { CORPUS_DIR, corpusFiles } from '../support/corpus.js';

const skip = skipUnless(fs.existsSync(CORPUS_DIR), `the report corpus (${CORPUS_DIR})`);

describe.skipIf(skip)('importing the corpus', () => {
  let server: TestServer;
  let token: string;
  const results: any[] = [];

  const IMPORT = `mutation ($filename: String!, $text: String!) { importReport(filename: $filename, text: $text) {
    status attendances practices methodMentions warnings meeting { id date } } }`;

  beforeAll(async () => {
    server = await startTestServer();
    token = await server.login();
    for (const file of corpusFiles()) {
      const result = await server.gql(IMPORT, { filename: path.basename(file), text: fs.readFileSync(file, 'utf8') }, token);
      expect(result.errors, file).toBeUndefined();
      results.push(result.data.importReport);
    }
  });

  afterAll(async () => {
    await server?.close();
  });

  it('creates one meeting per report with date, kind, location and attendance', async () => {
    expect(results.map((r) => r.status)).toEqual(['CREATED', 'CREATED', 'CREATED', 'CREATED']);
    const { data } = await server.gql(`{ meetings { date kind location title attendances { status person { name } organization { name } } report { documentName text } } }`, {}, token);
    const byDate = Object.fromEntries(data.meetings.map((m: any) => [m.date, m]));
    expect(Object.keys(byDate).sort()).toEqual(['2018-12-18', '2019-12-17', '2021-08-17', '2023-04-03']);
    expect(byDate['2021-08-17'].kind).toBe('ONLINE');
    expect(byDate['2018-12-18'].kind).toBe('MEETING');
    expect(byDate['2018-12-18'].location).toBe('Zaal/Sale Novo, Finance Tower, Brussel/Bruxelles');
    expect(byDate['2019-12-17'].location).toContain('Juntos');
    const summary = (m: any, status: string) => m.attendances.filter((a: any) => a.status === status).map((a: any) => `${a.person.name} (${a.organization?.name ?? '-'})`).sort();
    expect(summary(byDate['2018-12-18'], 'PRESENT')).toHaveLength(7);
    expect(summary(byDate['2018-12-18'], 'EXCUSED')).toHaveLength(3);
    expect(summary(byDate['2023-04-03'], 'PRESENT')).toHaveLength(10);
    expect(summary(byDate['2023-04-03'], 'EXCUSED')).toHaveLength(3);
    expect(summary(byDate['2023-04-03'], 'PRESENT')).toContain('Charlotte Tachelet (OCMW Antwerpen)');
    expect(summary(byDate['2023-04-03'], 'PRESENT')).toContain('Nathalie Van Oostende (-)');
    // OCMW Luik and CPAS Liège are one centre.
    expect(summary(byDate['2023-04-03'], 'PRESENT')).toContain('Ibrahim Aguelmin (CPAS Liège)');
    expect(summary(byDate['2021-08-17'], 'PRESENT')).toHaveLength(9);
    for (const meeting of data.meetings) {
      expect(meeting.report.text.length).toBeGreaterThan(500);
      expect(meeting.report.text).not.toMatch(/<\/?(ul|li|p|td)\b/);
      // The reports' *emphasis* is italics in the editor, not asterisks in the text.
      expect(meeting.report.text).not.toMatch(/\*/);
    }
  });

  it('resolves people and centres whatever the spelling', async () => {
    const { data } = await server.gql(`{ people { name aliases attendances { meeting { date } status } } organizations { name aliases } }`, {}, token);
    const person = (needle: string) => data.people.filter((p: any) => [p.name, ...p.aliases].some((n: string) => n.includes(needle)));
    expect(person('Dubus')).toHaveLength(1);
    expect(person('Dubus')[0].attendances.map((a: any) => a.meeting.date).sort()).toEqual(['2018-12-18', '2019-12-17', '2021-08-17']);
    expect(person('Maekelbergh')).toHaveLength(1);
    expect(person('Maekelbergh')[0].attendances).toHaveLength(2);
    expect(person('Darras')).toHaveLength(1);
    expect(person('Ibrahim')).toHaveLength(2);
    const names = data.organizations.map((o: any) => o.name);
    expect(names.filter((n: string) => /Li[eè]ge|Luik/.test(n))).toEqual(['CPAS Liège']);
    expect(names.filter((n: string) => /Brussel|Bruxelles/.test(n))).toEqual(['OCMW Brussel']);
    expect(names.filter((n: string) => /POD|SPP/.test(n))).toEqual(['POD MI-IS']);
  });

  it('links methods to every meeting that used them', async () => {
    const { data } = await server.gql(`{ methods { key meetings { date } } }`, {}, token);
    const dates = (key: string) => data.methods.find((m: any) => m.key === key).meetings.map((m: any) => m.date);
    expect(dates('check-in')).toEqual(['2018-12-18', '2019-12-17', '2023-04-03']);
    expect(dates('immersion')).toEqual(['2021-08-17', '2023-04-03']);
    expect(dates('world-cafe')).toEqual(['2019-12-17']);
    const method = await server.gql(`{ method(key: "check-in") { mentions { meeting { date } passage } } }`, {}, token);
    expect(method.data.method.mentions.some((m: any) => /Check-In/.test(m.passage))).toBe(true);
  });

  it('re-links existing reports when a method or an alias is added', async () => {
    const before = await server.gql(`{ methods { key } }`, {}, token);
    expect(before.data.methods.some((m: any) => m.key === 'learning-network')).toBe(false);
    const added = await server.gql(`mutation { upsertMethod(input: { key: "learning-network", name: "Lerend netwerk", aliases: ["réseau d'apprentissage"] }) { key } }`, {}, token);
    expect(added.errors).toBeUndefined();
    const { data } = await server.gql(`{ method(key: "learning-network") { meetings { date } mentions { passage } } }`, {}, token);
    expect(data.method.meetings.map((m: any) => m.date)).toContain('2023-04-03');
    expect(data.method.mentions.some((m: any) => /lerend netwerk/i.test(m.passage))).toBe(true);
  });

  it('turns lessons into practices with their themes', async () => {
    const page = async (theme: string) => (await server.gql(`query ($theme: String) { practices(theme: $theme, first: 100) { totalCount edges { node { title sourcePassage meeting { date } organizations { name } } } } }`, { theme }, token)).data.practices;
    const motivation = (await page('motivation')).edges.filter((e: any) => e.node.meeting.date === '2018-12-18');
    expect(motivation.length).toBeGreaterThanOrEqual(5);
    expect(motivation.some((e: any) => /Vrijwilligerswerk/.test(e.node.title))).toBe(true);
    expect(motivation.some((e: any) => /kinderopvang/.test(e.node.sourcePassage))).toBe(true);
    const training = (await page('training-needs')).edges.filter((e: any) => e.node.meeting.date === '2023-04-03');
    expect(training.length).toBeGreaterThanOrEqual(6);
    const partnerships = (await page('partnerships')).edges.filter((e: any) => e.node.meeting.date === '2021-08-17');
    expect(partnerships.some((e: any) => e.node.organizations.some((o: any) => o.name === 'CPAS Charleroi'))).toBe(true);
  });

  it('changes nothing on a second import', async () => {
    const count = async () => (await server.app.db.dataSource.query(`SELECT (SELECT count(*) FROM meeting) m, (SELECT count(*) FROM person) p, (SELECT count(*) FROM practice) pr, (SELECT count(*) FROM link) l, (SELECT count(*) FROM report_update) u`))[0];
    const before = await count();
    for (const file of corpusFiles()) {
      const again = await server.gql(IMPORT, { filename: path.basename(file), text: fs.readFileSync(file, 'utf8') }, token);
      expect(again.data.importReport.status).toBe('UNCHANGED');
    }
    expect(await count()).toEqual(before);
  });

  it('updates the meeting when a corrected version arrives, and an open editor receives it', async () => {
    const file = corpusFiles().find((f) => f.includes('000_'))!;
    const original = results[corpusFiles().indexOf(file)].meeting.id;
    const { documentName } = (await server.gql(`query ($id: ID!) { meeting(id: $id) { report { documentName } } }`, { id: original }, token)).data.meeting.report;
    const editor = connectClient(server.url, documentName, token);
    await editor.synced;
    const corrected = fs.readFileSync(file, 'utf8').replace('Haya Boshart (OCMW Antwerpen), ', '').replace('I. Welkom', 'I. Welkom en inleiding');
    const result = await server.gql(IMPORT, { filename: path.basename(file), text: corrected }, token);
    expect(result.data.importReport.status).toBe('UPDATED');
    await eventually(() => bodyText(editor.doc).includes('I. Welkom en inleiding'), 5000, 'the open editor to receive the corrected report');
    editor.destroy();
    expect((await server.gql(`{ meetings { date } }`, {}, token)).data.meetings).toHaveLength(4);
    const meeting = await server.gql(`query ($id: ID!) { meeting(id: $id) { attendances { person { name } } report { text } } }`, { id: result.data.importReport.meeting.id }, token);
    expect(meeting.errors).toBeUndefined();
    expect(meeting.data.meeting.attendances.map((a: any) => a.person.name)).not.toContain('Haya Boshart');
    expect(meeting.data.meeting.report.text).toContain('I. Welkom en inleiding');
  });
});
