import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * The token signing secret: AUTH_SECRET, or one generated on first start and kept in DATA_DIR.
 * Several instances behind one balancer must share AUTH_SECRET (docker/compose.yml sets it).
 */
export async function loadAuthSecret(configured: string | null, dataDir: string): Promise<Uint8Array> {
  if (configured !== null) return new TextEncoder().encode(configured);
  const file = path.join(dataDir, 'auth-secret');
  await fs.mkdir(dataDir, { recursive: true });
  try {
    await fs.writeFile(file, crypto.randomBytes(48).toString('base64url'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return new TextEncoder().encode((await fs.readFile(file, 'utf8')).trim());
}
