import pg from 'pg';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { afterAll, describe, expect, it } from 'vitest';
import { CollabCloseCode } from '@atelier/shared';
import { postGraphQL, signIn } from '../support/graphql-http.js';
import { spawnServer } from '../support/process.js';
import { createTestDatabase } from '../../server/src/test-support/db.js';
import { POSTGRES_URL, REDIS_URL, skipWithoutPostgres, skipWithoutRedis } from '../support/services.js';
import { appendParagraph, bodyText, connectClient, eventually, rawSocket, type TestClient } from '../support/collab-client.js';
import { tcpProxy } from '../support/tcp-proxy.js';

const skip = skipWithoutPostgres() || skipWithoutRedis();
const cleanup: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

/** Two server processes behind one fresh database and Redis, and the first admin's token. */
async function twoInstances(redisUrl = REDIS_URL) {
  const database = await createTestDatabase(POSTGRES_URL);
  cleanup.push(() => database.drop());
  const env = {
    DATABASE_URL: database.url!,
    REDIS_URL: redisUrl,
    AUTH_SECRET: 'a-shared-secret-for-two-instances-0123456789',
    ADMIN_EMAIL: 'two@atelier.test',
    ADMIN_PASSWORD: 'long enough password',
  };
  const one = await spawnServer(env);
  cleanup.push(() => void one.child.kill('SIGKILL'));
  const two = await spawnServer(env);
  cleanup.push(() => void two.child.kill('SIGKILL'));
  return { database, one, two, token: await signIn(one.url, env.ADMIN_EMAIL, env.ADMIN_PASSWORD) };
}

async function newReport(url: string, token: string): Promise<string> {
  const result = await postGraphQL(url, `mutation { createMeeting(input: { date: "2025-02-02", kind: MEETING, title: "Twee" }) { report { documentName } } }`, {}, token);
  return result.data.createMeeting.report.documentName;
}

describe.skipIf(skip)('two instances behind one database and Redis', () => {
  it('relay edits and presence, store each update once, and survive losing one instance', { timeout: 120_000 }, async () => {
    const { database, one, two, token } = await twoInstances();
    const documentName = await newReport(two.url, token);

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

  it('moves a user deleted on one instance out of the other within a second', { timeout: 120_000 }, async () => {
    const { one, two, token } = await twoInstances();
    const created = await postGraphQL(one.url, `mutation { createUser(input: { email: "leaves@atelier.test", password: "long enough pw", role: EDITOR }) { id } }`, {}, token);
    const leaving = await signIn(one.url, 'leaves@atelier.test', 'long enough pw');
    const documentName = await newReport(one.url, token);
    const socket = await rawSocket(two.url, documentName, leaving);
    await eventually(() => socket.messages.length > 0, 5000, 'sync step 1 from instance two');
    const started = Date.now();
    await postGraphQL(one.url, `mutation ($id: ID!) { deleteUser(id: $id) }`, { id: created.data.createUser.id }, token);
    const closed = await Promise.race([socket.closed, new Promise<null>((resolve) => setTimeout(() => resolve(null), 2000))]);
    expect(closed?.code).toBe(CollabCloseCode.FORBIDDEN);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('catch up on the edits and the removed users they missed while Redis was out of reach', { timeout: 120_000 }, async () => {
    const redis = new URL(REDIS_URL);
    const proxy = await tcpProxy(redis.hostname, Number(redis.port || 6379));
    cleanup.push(() => proxy.close());
    const { one, two, token } = await twoInstances(`redis://127.0.0.1:${proxy.port}`);
    const created = await postGraphQL(one.url, `mutation { createUser(input: { email: "away@atelier.test", password: "long enough pw", role: EDITOR }) { id } }`, {}, token);
    const removed = await signIn(one.url, 'away@atelier.test', 'long enough pw');
    const documentName = await newReport(one.url, token);
    const a = connectClient(one.url, documentName, token);
    const b = connectClient(two.url, documentName, token);
    cleanup.push(() => [a, b].forEach((c) => c.destroy()));
    await Promise.all([a.synced, b.synced]);
    const socket = await rawSocket(two.url, documentName, removed);
    appendParagraph(a.doc, 'Voor de onderbreking');
    await eventually(() => bodyText(b.doc).includes('Voor de onderbreking'), 5000, 'the instances to relay through Redis');

    proxy.cut();
    await new Promise((resolve) => setTimeout(resolve, 300));
    appendParagraph(a.doc, 'Tijdens de onderbreking');
    await postGraphQL(one.url, `mutation ($id: ID!) { deleteUser(id: $id) }`, { id: created.data.createUser.id }, token);
    // Long enough for ioredis to give up on the publishes it held back: they are lost, not late.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(bodyText(b.doc)).not.toContain('Tijdens de onderbreking');
    expect(socket.ws.readyState).toBe(WebSocket.OPEN);

    proxy.restore();
    const caughtUp = await eventually(() => bodyText(b.doc).includes('Tijdens de onderbreking'), 10_000, 'instance two to catch up from the store');
    const closed = await Promise.race([socket.closed, new Promise<null>((resolve) => setTimeout(() => resolve(null), 5000))]);
    expect(closed?.code).toBe(CollabCloseCode.FORBIDDEN);
    expect(bodyText(b.doc)).toBe(bodyText(a.doc));
    console.info(`instance two caught up ${caughtUp} ms after Redis came back`);
  });
});
