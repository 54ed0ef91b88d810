import net from 'node:net';
import { skipUnless } from './require.js';

/**
 * Real PostgreSQL for suites that need it whichever database the rest of the run uses
 * (crash tests kill processes, which only a server database is built for).
 */
export const POSTGRES_URL = process.env.DATABASE_URL || process.env.TEST_POSTGRES_URL || '';
export const REDIS_URL = process.env.REDIS_URL || '';

export const skipWithoutPostgres = (): boolean => skipUnless(POSTGRES_URL !== '', 'PostgreSQL (DATABASE_URL or TEST_POSTGRES_URL)');
export const skipWithoutRedis = (): boolean => skipUnless(REDIS_URL !== '', 'Redis (REDIS_URL)');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}
