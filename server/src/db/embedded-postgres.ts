import fs from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { servePGlite } from './pglite-server.js';

/**
 * Embedded PostgreSQL (PGlite) exposed on a loopback port, so the very same `pg` driver,
 * TypeORM setup and SQL serve both the embedded and the real database.
 */
export interface EmbeddedPostgres {
  url: string;
  close(): Promise<void>;
}

export class DataDirInUseError extends Error {}

const LOCK_FILE = 'atelier.lock';

/** `dataDir` null → an in-memory database (tests). */
export async function startEmbeddedPostgres(dataDir: string | null, maxConnections: number): Promise<EmbeddedPostgres> {
  let releaseLock = async (): Promise<void> => {};
  let dbDir: string | undefined;
  if (dataDir !== null) {
    await fs.mkdir(dataDir, { recursive: true });
    releaseLock = await lockDataDir(dataDir);
    dbDir = path.join(dataDir, 'pgdata');
  }
  try {
    const db = await PGlite.create({ dataDir: dbDir, extensions: { pg_trgm, unaccent, pgcrypto } });
    const server = await servePGlite(db, maxConnections);
    return {
      url: `postgresql://postgres@${server.address}/postgres?sslmode=disable`,
      async close() {
        await server.stop();
        await db.close();
        await releaseLock();
      },
    };
  } catch (error) {
    await releaseLock();
    throw error;
  }
}

/**
 * PGlite is single-process: a second process on the same files would corrupt them.
 * The lock file holds the owner's pid; a lock left by a dead process is taken over.
 */
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const lockPath = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await fs.writeFile(lockPath, String(process.pid), { flag: 'wx' });
      return async () => {
        await fs.rm(lockPath, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(await fs.readFile(lockPath, 'utf8').catch(() => ''));
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) {
        throw new DataDirInUseError(
          `The embedded database in ${dataDir} is in use by process ${owner} (a running Atelier server?). ` +
            'Stop it, or use its GraphQL API (importReport), or set DATABASE_URL.',
        );
      }
      await fs.rm(lockPath, { force: true });
    }
  }
  throw new DataDirInUseError(`Could not lock ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
