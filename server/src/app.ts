import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type ErrorRequestHandler } from 'express';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import { openDatabase, type Database } from './db/database.js';
import { loadAuthSecret } from './auth/secret.js';
import { TokenService } from './auth/tokens.js';
import { createServices, type AppServices } from './services.js';
import { createCollab } from './collab/index.js';
import { ReportDerivation } from './reports/report-derivation.js';
import { ensureSearchIndex } from './search/search-sync.js';
import { createSchema } from './graphql/schema.js';
import { createLoaders } from './graphql/loaders.js';
import { createErrorFormatter } from './graphql/format-error.js';
import { depthLimit } from './graphql/depth-limit.js';
import type { GraphQLContext } from './graphql/context.js';
import { seedTaxonomy } from './db/seed-taxonomy.js';
import { serveClient } from './http/static-client.js';

export const MAX_QUERY_DEPTH = 12;

export interface App {
  url: string;
  port: number;
  db: Database;
  services: AppServices;
  tokens: TokenService;
  close(): Promise<void>;
}

function bearer(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match ? match[1] : null;
}

/** Opens the database, runs migrations, and serves GraphQL, the client and /healthz on one port. */
export async function startApp(config: Config, logger: Logger): Promise<App> {
  const started = Date.now();
  const db = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, logger });
  const tokens = new TokenService(await loadAuthSecret(config.authSecret, config.dataDir), config.tokenTtlSeconds);
  await seedTaxonomy(db.dataSource);
  const derivation = new ReportDerivation(db.dataSource, { url: db.url, embedded: db.kind === 'pglite' });
  // A change made on another instance reaches the worker at its next derivation (the taxonomy's version).
  const core = createServices(db.dataSource, tokens, logger, () => derivation.prepare());
  await core.users.ensureFirstAdmin(config.adminEmail, config.adminPassword, logger);
  await ensureSearchIndex(db.dataSource, core.searchIndex, core.importIndex);
  const collab = await createCollab({
    dataSource: db.dataSource,
    logUrl: db.url,
    embedded: db.kind === 'pglite',
    auth: core.auth,
    derivation,
    redisUrl: config.redisUrl,
    maxMessageBytes: config.collabMaxMessageBytes,
    pingIntervalMs: config.collabPingIntervalMs,
    compactAfter: config.collabCompactAfter,
    logger,
  });
  const services: AppServices = { ...core, versions: collab.versions, derivation, collab: collab.server };
  core.users.onRightsChanged((userId, role) => collab.server.userRightsChanged(userId, role));
  core.importer.onImported((result) => collab.server.refresh(result.documentName));

  const app = express();
  app.disable('x-powered-by');
  const server = http.createServer(app);
  server.on('upgrade', (request, socket, head) => {
    if (!collab.server.handleUpgrade(request, socket, head)) socket.destroy();
  });
  let draining = false;

  const apollo = new ApolloServer<GraphQLContext>({
    schema: await createSchema(),
    validationRules: [depthLimit(MAX_QUERY_DEPTH)],
    formatError: createErrorFormatter(logger),
    includeStacktraceInErrorResponses: false,
    // GraphiQL (/graphiql) reads the schema by introspection; Apollo turns it off under
    // NODE_ENV=production (the Docker image) unless told. The schema is public anyway
    // (shared/schema.graphql); the data behind it is what sign-in guards.
    introspection: true,
    // Every answer depends on who asks, so there are no cache hints to compute; without the
    // cache-control plugin Apollo no longer wraps every field's resolver to collect them.
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), ApolloServerPluginDrainHttpServer({ httpServer: server })],
    // main.ts owns SIGTERM and SIGINT and closes everything in order (editors, derived data, the
    // database). Apollo's own handlers (on outside NODE_ENV=test) stopped Apollo and raised the
    // signal again, which ended the process some 50 ms into that shutdown.
    stopOnTerminationSignals: false,
  });
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.status(draining ? 503 : 200).json({ status: draining ? 'draining' : 'ok', database: db.kind });
  });
  app.use(
    '/graphql',
    express.json({ limit: '8mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => ({
        actor: await services.auth.authenticate(bearer(req.headers.authorization)),
        loaders: createLoaders(db.dataSource),
        services,
      }),
    }),
  );
  const clientServed = serveClient(app, config.clientDist);
  const onError: ErrorRequestHandler = (error, _req, res, _next) => {
    const status = typeof error?.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) logger.error({ err: error }, 'request failed');
    res.status(status).json({
      errors: [{ message: status === 500 ? 'Internal server error' : 'The request could not be read', extensions: { code: status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' } }],
    });
  };
  app.use(onError);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
  logger.info({ url, database: db.kind, client: clientServed, startupMs: Date.now() - started }, 'Atelier is ready');

  let closing: Promise<void> | null = null;
  return {
    url,
    port,
    db,
    services,
    tokens,
    close() {
      closing ??= (async () => {
        draining = true;
        await collab.close();
        await derivation.close();
        await apollo.stop();
        await services.importIndex.drain();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await db.close();
        logger.info('closed cleanly');
      })();
      return closing;
    },
  };
}
