import pg from 'pg';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { afterAll, describe, expect, it } from 'vitest';
import { postGraphQL, signIn } from '../support/graphql-http.js';
import { spawnServer, type ServerProcess } from '../support/process.js';
import { createTestDatabase } from '../../server/src/test-support/db.js';
import { POSTGRES_URL, REDIS_URL, skipWithoutPostgres, skipWithoutRedis } from '../support/services.js';
import { appendParagraph, bodyText, connectClient, eventually, type TestClient } from '../support/collab-client.js';

const skip = skipWithoutPostgres() || skipWithoutRedis();
const cleanup: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

describe.skipIf(skip)('two instances behind one database and Redis', () => {
  it('relay edits and presence, store each update once, and survive losing one instance', { timeout: 120_000 }, async () => {
    const database = await createTestDatabase(POSTGRES_URL);
    cleanup.push(() => database.drop());
    const env = {
      DATABASE_URL: database.url!,
      REDIS_URL,
      AUTH_SECRET: 'a-shared-secret-for-two-instances-0123456789',
      ADMIN_EMAIL: 'two@atelier.test',
      ADMIN_PASSWORD: 'long enough password',
    };
    const one: ServerProcess = await spawnServer(env);
    const two: ServerProcess = await spawnServer(env);
    cleanup.push(() => void one.child.kill('SIGKILL'), () => void two.child.kill('SIGKILL'));
    const token = await signIn(one.url, 'two@atelier.test', 'long enough password');
    const documentName = (await postGraphQL(two.url, `mutation { createMeeting(input: { date: "2025-02-02", kind: MEETING, title: "Twee" }) { report { documentName } } }`, {}, token)).data.createMeeting.report.documentName;

    const clients: TestClient[] = [];
    cleanup.push(() => clients.forEach((c) => c.destroy()));
    const a = connectClient(one.url, documentName, token);
    const b = connectClient(two.url, documentName, token);
    clients.push(a, b);
    await Promise.all([a.synced, b.synced]);

    const pool = new pg.Pool({ connectionString: database.url! });
    cleanup.push(() => pool.end());
    const rows = async () => Number((await pool.query(`SELECT count(*) FROM report_update WHERE document_name = $1`, [documentName])).rows[0].count);
    const before = await rows();
    appendParagraph(a.doc, 'Geschreven op instantie een');
    await eventually(() => bodyText(b.doc).includes('Geschreven op instantie een'), 5000, 'b (instance two) to see a (instance one)');
    appendParagraph(b.doc, 'Geschreven op instantie twee');
    await eventually(() => bodyText(a.doc).includes('Geschreven op instantie twee'), 5000, 'a to see b');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await rows()).toBe(before + 2);

    a.provider.awareness.setLocalStateField('user', { name: 'Lisa', color: '#1d4ed8' });
    await eventually(() => [...b.provider.awareness.getStates().values()].some((state: any) => state.user?.name === 'Lisa'), 5000, 'presence to cross instances');

    // Instance one dies; its client moves to instance two with what it typed meanwhile.
    one.child.kill('SIGKILL');
    await one.exited;
    appendParagraph(a.doc, 'Getypt terwijl instantie een weg was');
    a.provider.destroy();
    const reconnected = new WebsocketProvider(`${two.url.replace('http', 'ws')}/collab`, documentName, a.doc, { WebSocketPolyfill: WebSocket as never, params: { token }, disableBc: true });
    cleanup.push(() => reconnected.destroy());
    await eventually(() => bodyText(b.doc).includes('Getypt terwijl instantie een weg was'), 10_000, 'the moved client to converge');
    expect(bodyText(a.doc)).toBe(bodyText(b.doc));
    expect(bodyText(b.doc).split('\n')).toEqual(['Geschreven op instantie een', 'Geschreven op instantie twee', 'Getypt terwijl instantie een weg was']);
  });
});
