import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { postGraphQL, signIn } from '../support/graphql-http.js';
import { spawnServer, type ServerProcess } from '../support/process.js';
import { createTestDatabase } from '../../server/src/test-support/db.js';
import { POSTGRES_URL, freePort, skipWithoutPostgres } from '../support/services.js';
import { appendParagraph, bodyText, connectClient, eventually, type TestClient } from '../support/collab-client.js';

const skip = skipWithoutPostgres();
const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

function paragraphs(client: TestClient): string[] {
  return bodyText(client.doc).split('\n').filter(Boolean);
}

/** A server process on a fresh database and a fixed port (clients reconnect to it after a restart), with one report. */
async function crashableServer() {
  const database = await createTestDatabase(POSTGRES_URL);
  cleanup.push(() => database.drop());
  const env = {
    DATABASE_URL: database.url!,
    PORT: String(await freePort()),
    AUTH_SECRET: 'a-shared-secret-for-the-crash-test-0123456789',
    ADMIN_EMAIL: 'crash@atelier.test',
    ADMIN_PASSWORD: 'long enough password',
  };
  const server = await spawnServer(env);
  const token = await signIn(server.url, 'crash@atelier.test', 'long enough password');
  const report: { id: string; documentName: string } = (await postGraphQL(server.url, `mutation { createMeeting(input: { date: "2025-01-01", kind: MEETING, title: "Crash" }) { report { id documentName } } }`, {}, token)).data.createMeeting.report;
  return { env, server, token, database, report };
}

describe.skipIf(skip)('a server killed with SIGKILL mid-edit', () => {
  it('loses nothing anyone saw, even with every client gone, duplicates nothing, and resyncs reconnecting clients', { timeout: 120_000 }, async () => {
    const started = await crashableServer();
    const { env, token } = started;
    const { documentName } = started.report;
    let server = started.server;
    cleanup.push(async () => {
      server.child.kill('SIGKILL');
    });

    for (let round = 0; round < 4; round++) {
      // Every other round the writer vanishes with the server (a closed laptop): what the observer
      // saw survives only if the server stored it before relaying it, as no peer is left to resend
      // it. In the other rounds the writer reconnects by itself and resends what was never stored.
      const everyoneGone = round % 2 === 0;
      const writer = connectClient(server.url, documentName, token);
      const observer = connectClient(server.url, documentName, token);
      await Promise.all([writer.synced, observer.synced]);
      let n = 0;
      const typing = setInterval(() => appendParagraph(writer.doc, `round ${round} edit ${n++}`), 3);
      await new Promise((resolve) => setTimeout(resolve, 150 + Math.random() * 500));
      server.child.kill('SIGKILL');
      // What the observer had received at the moment of the kill must survive.
      const seen = paragraphs(observer);
      clearInterval(typing);
      observer.destroy();
      if (everyoneGone) writer.destroy();
      await server.exited;
      expect(seen.filter((line) => line.startsWith(`round ${round} `)).length).toBeGreaterThan(0);

      server = await spawnServer(env);
      if (!everyoneGone) await eventually(() => writer.provider.wsconnected && writer.provider.synced, 15_000, 'the writer to reconnect');
      const fresh = connectClient(server.url, documentName, token);
      await fresh.synced;
      if (!everyoneGone) {
        const typed = Array.from({ length: n }, (_, i) => `round ${round} edit ${i}`);
        await eventually(() => typed.every((line) => paragraphs(fresh).includes(line)), 10_000, 'every edit to arrive after the restart');
      }
      const after = paragraphs(fresh);
      for (const line of seen) expect(after).toContain(line);
      expect(new Set(after).size).toBe(after.length);
      console.info(`round ${round} (${everyoneGone ? 'every client gone with the server' : 'the writer reconnects'}): killed after ${n} edits, the observer had seen ${seen.length} lines; after restart ${after.length}, none lost, none duplicated`);
      if (!everyoneGone) writer.destroy();
      fresh.destroy();
    }
  });

  it('derives after a restart what it had stored but not yet derived', { timeout: 120_000 }, async () => {
    const { env, server, token, database, report } = await crashableServer();
    const writer = connectClient(server.url, report.documentName, token);
    const observer = connectClient(server.url, report.documentName, token);
    await Promise.all([writer.synced, observer.synced]);
    appendParagraph(writer.doc, 'Het wijkrestaurant opent in maart.');
    // Seen means stored; derivation waits for the typing to settle, so a kill now comes first.
    await eventually(() => bodyText(observer.doc).includes('wijkrestaurant'), 5000, 'the observer to see the edit');
    server.child.kill('SIGKILL');
    writer.destroy();
    observer.destroy();
    await server.exited;
    const pool = new pg.Pool({ connectionString: database.url! });
    cleanup.push(() => pool.end());
    const { rows: [stale] } = await pool.query(`SELECT text FROM report WHERE document_name = $1`, [report.documentName]);
    expect(stale.text).not.toContain('wijkrestaurant');

    const restarted = await spawnServer(env);
    cleanup.push(async () => {
      restarted.child.kill('SIGKILL');
    });
    // Nobody opens the report again: the restart alone brings its text and search up to date.
    const elapsed = await eventually(async () => {
      const result = await postGraphQL(restarted.url, `query ($id: ID!) { report(id: $id) { text } search(query: "wijkrestaurant") { hits { meeting { date } } } }`, { id: report.id }, token);
      return result.data.report.text === 'Het wijkrestaurant opent in maart.' && result.data.search.hits.some((hit: any) => hit.meeting?.date === '2025-01-01');
    }, 10_000, 'report.text and search to follow after the restart');
    console.info(`derived ${elapsed} ms after the restarted server was ready`);
    // The catch-up logs once its derivation has committed, so the line may reach this process a
    // moment after the text it derived.
    await eventually(() => /"reports":1,.*derived the reports a previous run had not/.test(restarted.output()), 2000, 'the restarted server to log its catch-up');

    // Once derived, a report is not derived again at the next start.
    restarted.child.kill('SIGTERM');
    await restarted.exited;
    const again = await spawnServer(env);
    cleanup.push(async () => {
      again.child.kill('SIGKILL');
    });
    // The catch-up starts with the server and finds nothing behind within a moment.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(again.output()).not.toContain('a previous run had not');
  });
});
