import path from 'node:path';

/** Everything the server reads from its environment. The only reader of `process.env`. */
export interface Config {
  port: number;
  host: string;
  /** Unset → embedded PGlite in `dataDir`. */
  databaseUrl: string | null;
  dataDir: string;
  /** Unset → single instance, no Redis. */
  redisUrl: string | null;
  /** Unset → generated once and kept in `dataDir`. */
  authSecret: string | null;
  adminEmail: string | null;
  adminPassword: string | null;
  tokenTtlSeconds: number;
  logLevel: string;
  collabMaxMessageBytes: number;
  /** How often co-editing sockets are pinged; one that has not answered the previous ping is closed. */
  collabPingIntervalMs: number;
  /** A report whose update log grows past this many updates is folded into its snapshot. */
  collabCompactAfter: number;
  /** Where the built client lives; served at `/` when present. */
  clientDist: string;
}

export class ConfigError extends Error {}

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function blankToNull(value: string | undefined): string | null {
  return value === undefined || value.trim() === '' ? null : value.trim();
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const repoRoot = path.resolve(import.meta.dirname, '..', '..');
  const config: Config = {
    port: intFrom(env, 'PORT', 4000, 0, 65535),
    host: blankToNull(env.HOST) ?? '0.0.0.0',
    databaseUrl: blankToNull(env.DATABASE_URL),
    dataDir: path.resolve(blankToNull(env.DATA_DIR) ?? path.join(repoRoot, 'data')),
    redisUrl: blankToNull(env.REDIS_URL),
    authSecret: blankToNull(env.AUTH_SECRET),
    adminEmail: blankToNull(env.ADMIN_EMAIL),
    adminPassword: blankToNull(env.ADMIN_PASSWORD),
    tokenTtlSeconds: intFrom(env, 'TOKEN_TTL_SECONDS', 12 * 3600, 60, 30 * 24 * 3600),
    logLevel: blankToNull(env.LOG_LEVEL) ?? 'info',
    collabMaxMessageBytes: intFrom(env, 'COLLAB_MAX_MESSAGE_BYTES', 4 * 1024 * 1024, 1024, 256 * 1024 * 1024),
    collabPingIntervalMs: intFrom(env, 'COLLAB_PING_INTERVAL_MS', 30_000, 100, 10 * 60_000),
    collabCompactAfter: intFrom(env, 'COLLAB_COMPACT_AFTER', 500, 10, 1_000_000),
    clientDist: path.join(repoRoot, 'client', 'dist'),
    ...overrides,
  };
  if (config.authSecret !== null && config.authSecret.length < 32) {
    throw new ConfigError('AUTH_SECRET must be at least 32 characters');
  }
  return config;
}
