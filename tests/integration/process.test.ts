import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnServer } from '../support/process.js';
import { createTestDatabase, type TestDatabase } from '../../server/src/test-support/db.js';

const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

async function freshEnv(): Promise<{ env: Record<string, string>; database: TestDatabase; dataDir: string }> {
  const database = await createTestDatabase();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'atelier-proc-'));
  cleanup.push(async () => {
    await database.drop();
    await fs.rm(dataDir, { recursive: true, force: true });
  });
  return { env: { DATABASE_URL: database.url ?? '', DATA_DIR: dataDir, ADMIN_EMAIL: 'a@atelier.test', ADMIN_PASSWORD: 'long enough password' }, database, dataDir };
}

describe('the server process', () => {
  it('starts in production mode, reports healthy, answers introspection (for GraphiQL), and drains cleanly on SIGTERM', async () => {
    const { env, database } = await freshEnv();
    // As `npm start` runs it: libraries behave differently under the test runner's NODE_ENV=test.
    const server = await spawnServer({ ...env, NODE_ENV: 'production' });
    console.info(`start-up to ready on ${database.url ? 'PostgreSQL' : 'PGlite'}: ${server.startupMs} ms (child process, including tsx)`);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    // GraphiQL needs introspection, which Apollo turns off in production unless told.
    const introspection = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }),
    });
    expect((await introspection.json()).data?.__schema.queryType.name).toBe('Query');
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('closed cleanly');
  });

  it('generates a one-time admin password when none is configured, and keeps AUTH_SECRET in DATA_DIR', async () => {
    const { env, dataDir } = await freshEnv();
    const server = await spawnServer({ ...env, ADMIN_EMAIL: undefined, ADMIN_PASSWORD: undefined });
    const match = /One-time password:\s+(\S+)/.exec(server.output());
    expect(match).not.toBeNull();
    const login = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `mutation { login(email: "admin@atelier.local", password: "${match![1]}") { user { role } } }` }),
    });
    expect((await login.json()).data.login.user.role).toBe('ADMIN');
    expect((await fs.readFile(path.join(dataDir, 'auth-secret'), 'utf8')).length).toBeGreaterThanOrEqual(32);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });

  it('refuses a second process on the same embedded database', async () => {
    const { env } = await freshEnv();
    const embedded = { ...env, DATABASE_URL: '' };
    const first = await spawnServer(embedded);
    await expect(spawnServer(embedded, 30_000)).rejects.toThrow(/in use by process/);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
  });
});
