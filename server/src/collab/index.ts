import pg from 'pg';
import type { DataSource } from 'typeorm';
import { CollabCloseCode } from '@atelier/shared';
import { CollabServer } from './collab-server.js';
import { UpdateLog } from './update-log.js';
import { RedisFanout } from './fanout.js';
import { preparedStatements } from '../db/prepared-statements.js';
import { compactReport } from './compaction.js';
import { VersionsService } from './versions.js';
import type { AuthService } from '../auth/auth.service.js';
import type { ReportDerivation } from '../reports/report-derivation.js';
import type { Logger } from '../logger.js';

/** How the update log's own connections name themselves to PostgreSQL (`pg_stat_activity`). */
export const UPDATE_LOG_APPLICATION = 'atelier-update-log';

/**
 * Batches of updates written to the log at once, each on a connection of its own; one more
 * connection serves loads, so opening a report never waits behind the keystrokes of others.
 */
const LOG_WRITERS = 3;

export interface Collab {
  server: CollabServer;
  versions: VersionsService;
  close(): Promise<void>;
}

/** Wires the co-editing server to authentication, the durable log, Redis and derived data. */
export async function createCollab(options: {
  dataSource: DataSource;
  /** Where the update log is written; its own connections commit without waiting for the disk flush. */
  logUrl: string;
  embedded: boolean;
  auth: AuthService;
  derivation: ReportDerivation;
  redisUrl: string | null;
  maxMessageBytes: number;
  pingIntervalMs: number;
  /** Updates in a report's log past its snapshot before they are folded into it. */
  compactAfter: number;
  logger: Logger;
}): Promise<Collab> {
  const { dataSource, logger } = options;
  // The log has its own small pool with synchronous_commit off: an update is in PostgreSQL (and
  // survives any crash of this process) before it is relayed, without waiting for the WAL flush;
  // only a crash of PostgreSQL itself could lose the last fraction of a second. PGlite has no WAL
  // to wait for and takes no startup options, so it shares the main pool. The log's connections
  // stay open (no idle timeout): the first keystroke after a quiet spell must not wait for a new
  // connection and for its statements to be prepared again.
  const logPool = options.embedded
    ? null
    : new pg.Pool({ connectionString: options.logUrl, max: LOG_WRITERS + 1, idleTimeoutMillis: 0, options: '-c synchronous_commit=off', application_name: UPDATE_LOG_APPLICATION });
  // An idle connection that PostgreSQL ends (a restart, an administrator) is replaced by the pool;
  // unheard, its error would end this process.
  logPool?.on('error', (error) => logger.warn({ err: error }, 'an idle connection of the update log was closed by PostgreSQL'));
  // Prepared: parsing and planning off every keystroke's path halved the p99 of an append.
  const log = logPool ? new UpdateLog(preparedStatements('update_log')(logPool), LOG_WRITERS) : new UpdateLog(dataSource);
  let fanout: RedisFanout | null = null;
  if (options.redisUrl) {
    fanout = new RedisFanout(options.redisUrl, (error) => logger.warn({ err: error }, 'redis'));
    await fanout.ready();
  }
  let versions: VersionsService | null = null;
  /** `tail`: the length of the report's log when the caller knows it. */
  const compactIfLong = async (documentName: string, tail: number | null = null) => {
    if ((tail ?? (await log.tailLength(documentName))) > options.compactAfter) await compactReport(dataSource, documentName);
  };
  const server = new CollabServer({
    log,
    fanout,
    logger,
    maxMessageBytes: options.maxMessageBytes,
    pingIntervalMs: options.pingIntervalMs,
    async authenticate(token) {
      const actor = await options.auth.authenticate(token);
      if (!actor) return { closeCode: CollabCloseCode.UNAUTHENTICATED, reason: 'Sign in again: no valid token' };
      return { user: { id: actor.id, role: actor.role } };
    },
    currentRoles: (userIds) => options.auth.currentRoles(userIds),
    async onDocumentsChanged(documents) {
      for (const { documentName, doc, tail, error } of await options.derivation.deriveAll(documents)) {
        try {
          if (error) throw error;
          await versions?.maybeAutoVersion(documentName, doc);
          // A report a group keeps open all day is compacted too, not only once everyone has left:
          // whoever loads it next (another instance, a restart) reads a snapshot and a short tail.
          await compactIfLong(documentName, tail);
        } catch (failure) {
          logger.error({ err: failure, documentName }, 'derived data failed');
        }
      }
    },
    async onDocumentUnloaded(documentName) {
      options.derivation.forget(documentName);
      versions?.forget(documentName);
      await compactIfLong(documentName);
    },
  });
  versions = new VersionsService(dataSource, log, server);
  let closing = false;
  // The derivation worker starts with the server, not at the first edit, whose text and search
  // would otherwise wait for a thread, its modules, a connection and the compiled taxonomy.
  options.derivation.prepare();
  // A previous run may have stopped between storing edits and deriving from them (killed, or a
  // derivation that failed): those reports are derived now, in the background.
  const catchingUp = options.derivation.catchUp(
    () => closing,
    (documentName, error) => logger.error({ err: error, documentName }, 'could not derive a report a previous run had not; its next edit or the next start will'),
  ).then(
    (count) => count > 0 && logger.info({ reports: count }, 'derived the reports a previous run had not'),
    (error: unknown) => logger.error({ err: error }, 'could not derive the reports a previous run had not'),
  );
  return {
    server,
    versions,
    async close() {
      closing = true;
      await catchingUp;
      await server.close();
      await logPool?.end();
    },
  };
}
