import type { DataSource } from 'typeorm';
import { CollabCloseCode } from '@atelier/shared';
import { CollabServer } from './collab-server.js';
import { UpdateLog } from './update-log.js';
import { RedisFanout } from './fanout.js';
import { compactReport } from './compaction.js';
import { VersionsService } from './versions.js';
import type { AuthService } from '../auth/auth.service.js';
import type { ReportDerivation } from '../reports/report-derivation.js';
import type { Logger } from '../logger.js';

/** Documents whose log grew past this many updates are compacted when they leave memory. */
const COMPACT_AFTER = 200;

export interface Collab {
  server: CollabServer;
  versions: VersionsService;
  close(): Promise<void>;
}

/** Wires the co-editing server to authentication, the durable log, Redis and derived data. */
export async function createCollab(options: {
  dataSource: DataSource;
  auth: AuthService;
  derivation: ReportDerivation;
  redisUrl: string | null;
  maxMessageBytes: number;
  logger: Logger;
}): Promise<Collab> {
  const { dataSource, logger } = options;
  const log = new UpdateLog(dataSource);
  let fanout: RedisFanout | null = null;
  if (options.redisUrl) {
    fanout = new RedisFanout(options.redisUrl, (error) => logger.warn({ err: error }, 'redis'));
    await fanout.ready();
  }
  let versions: VersionsService | null = null;
  const server = new CollabServer({
    log,
    fanout,
    logger,
    maxMessageBytes: options.maxMessageBytes,
    async authenticate(token) {
      const actor = await options.auth.authenticate(token);
      if (!actor) return { closeCode: CollabCloseCode.UNAUTHENTICATED, reason: 'Sign in again: no valid token' };
      return { user: { id: actor.id, role: actor.role } };
    },
    async onDocumentChanged(documentName, doc) {
      await options.derivation.derive(documentName, doc);
      await versions?.maybeAutoVersion(documentName, doc);
    },
    async onDocumentUnloaded(documentName) {
      if ((await log.tailLength(documentName)) > COMPACT_AFTER) await compactReport(dataSource, documentName);
    },
  });
  versions = new VersionsService(dataSource, log, server);
  return { server, versions, close: () => server.close() };
}
