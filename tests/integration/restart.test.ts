import { afterAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';

let servers: TestServer[] = [];

afterAll(async () => {
  await servers.at(-1)?.close();
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
