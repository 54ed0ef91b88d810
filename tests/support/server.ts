import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import 'reflect-metadata';
import { loadConfig, type Config } from '../../server/src/config.js';
import { createLogger } from '../../server/src/logger.js';
import { startApp, type App } from '../../server/src/app.js';
import { createTestDatabase } from '../../server/src/test-support/db.js';
import { UpdateLog } from '../../server/src/collab/update-log.js';
import { postGraphQL, signIn, type GraphQLResponse } from './graphql-http.js';

export const ADMIN_EMAIL = 'coordinator@atelier.test';
export const ADMIN_PASSWORD = 'correct horse battery staple';

export type { GraphQLResponse };

export interface TestServer {
  app: App;
  url: string;
  dataDir: string;
  adminEmail: string;
  adminPassword: string;
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GraphQLResponse<T>>;
  login(email?: string, password?: string): Promise<string>;
  /** Stops the server, keeping its database and data directory (for restart tests). */
  stop(): Promise<void>;
  /** Stops the server and deletes its database and data directory. */
  close(): Promise<void>;
}

export interface TestServerOptions {
  config?: Partial<Config>;
  /** Reuse the database and data directory of an earlier (stopped) server. */
  reuse?: { databaseUrl: string | null; dataDir: string };
  /** The PostgreSQL server to create a fresh database on, whatever database the rest of the run uses. */
  postgres?: string;
}

/** A real server on a free port, on a fresh database (PostgreSQL when DATABASE_URL is set, else PGlite). */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer & { databaseUrl: string | null }> {
  const database = options.reuse ? { url: options.reuse.databaseUrl, drop: async () => {} } : await createTestDatabase(options.postgres);
  const dataDir = options.reuse?.dataDir ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'atelier-test-')));
  const config = loadConfig(
    {},
    {
      port: 0,
      host: '127.0.0.1',
      databaseUrl: database.url,
      dataDir,
      adminEmail: ADMIN_EMAIL,
      adminPassword: ADMIN_PASSWORD,
      logLevel: process.env.TEST_LOG_LEVEL ?? 'warn',
      ...options.config,
    },
  );
  const app = await startApp(config, createLogger(config.logLevel));
  const gql = <T>(query: string, variables?: Record<string, unknown>, token?: string | null) => postGraphQL<T>(app.url, query, variables, token);
  const login = (email = ADMIN_EMAIL, password = ADMIN_PASSWORD): Promise<string> => signIn(app.url, email, password);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await app.close();
  };
  return {
    app,
    url: app.url,
    dataDir,
    databaseUrl: database.url,
    adminEmail: ADMIN_EMAIL,
    adminPassword: ADMIN_PASSWORD,
    gql,
    login,
    stop,
    async close() {
      await stop();
      await database.drop();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Creates a user with the given role through the API; its id, a signed-in token, and its email and password to sign in again. */
export async function createUser(server: TestServer, adminToken: string, role: 'ADMIN' | 'EDITOR' | 'VIEWER'): Promise<{ id: string; token: string; email: string; password: string }> {
  const email = `${role.toLowerCase()}-${Math.random().toString(36).slice(2, 8)}@atelier.test`;
  const password = 'a long enough password';
  const created = await server.gql<{ createUser: { id: string } }>(
    `mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`,
    { input: { email, password, role } },
    adminToken,
  );
  if (!created.data) throw new Error(JSON.stringify(created.errors));
  return { id: created.data.createUser.id, token: await server.login(email, password), email, password };
}

/** Creates a user with the given role through the API and returns its token. */
export async function userWithRole(server: TestServer, adminToken: string, role: 'ADMIN' | 'EDITOR' | 'VIEWER'): Promise<string> {
  return (await createUser(server, adminToken, role)).token;
}

/** How many of a report's updates are in its log, not yet folded into its snapshot. */
export function storedUpdates(server: TestServer, documentName: string): Promise<number> {
  return new UpdateLog(server.app.db.dataSource).tailLength(documentName);
}
