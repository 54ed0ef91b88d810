import { DataSource, type Logger as TypeOrmLogger } from 'typeorm';
import { entities } from './entities.js';
import { migrations } from './migrations/index.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.js';
import type { Logger } from '../logger.js';
import './pg-types.js';

const POOL_SIZE = 10;

export interface Database {
  dataSource: DataSource;
  /** The connection URL (the embedded server's, when embedded). */
  url: string;
  kind: 'postgres' | 'pglite';
  /** Counts every SQL statement sent; tests use it to hold N+1 queries in check. */
  statements: { count: number };
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A PostgreSQL URL, or null for the embedded database. */
  url: string | null;
  /** Where the embedded database keeps its files; null → in memory. */
  dataDir: string | null;
  logger?: Logger;
}

class CountingLogger implements TypeOrmLogger {
  constructor(
    private readonly statements: { count: number },
    private readonly logger?: Logger,
  ) {}
  logQuery(): void {
    this.statements.count++;
  }
  logQueryError(error: string | Error, query: string): void {
    this.statements.count++;
    this.logger?.debug({ err: error, query: query.slice(0, 200) }, 'query failed');
  }
  logQuerySlow(time: number, query: string): void {
    this.logger?.warn({ time, query: query.slice(0, 200) }, 'slow query');
  }
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    this.logger?.info({ migration: message }, 'migration');
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger?.warn({ message }, 'typeorm');
  }
}

/** Opens PostgreSQL (or the embedded PGlite) and brings its schema up to date. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  let embedded: EmbeddedPostgres | null = null;
  let url = options.url;
  if (url === null) {
    embedded = await startEmbeddedPostgres(options.dataDir, POOL_SIZE + 2);
    url = embedded.url;
  }
  const statements = { count: 0 };
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsRun: false,
    synchronize: false,
    uuidExtension: 'pgcrypto',
    logging: ['query', 'error', 'migration', 'warn'],
    logger: new CountingLogger(statements, options.logger),
    maxQueryExecutionTime: 1000,
    extra: {
      max: POOL_SIZE,
      connectionTimeoutMillis: 10_000,
      // JIT compiling a statement costs up to a second, and the planner's row estimates for index
      // batches and ranked searches routinely cross its threshold: a loss for short statements.
      // (PGlite has no JIT.)
      ...(embedded ? {} : { options: '-c jit=off' }),
    },
  });
  try {
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.close();
    throw error;
  }
  return {
    dataSource,
    url,
    kind: embedded ? 'pglite' : 'postgres',
    statements,
    async close() {
      await dataSource.destroy();
      await embedded?.close();
    },
  };
}
