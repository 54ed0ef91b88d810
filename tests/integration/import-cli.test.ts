import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, spawnServer } from '../support/process.js';
import { createTestDatabase } from '../../server/src/test-support/db.js';
import { CORPUS_DIR, corpusFiles } from '../support/corpus.js';
import { skipUnless } from '../support/require.js';

const skip = skipUnless(await fs.stat(CORPUS_DIR).then(() => true, () => false), `the report corpus (${CORPUS_DIR})`);

function runImport(files: string[], env: Record<string, string>): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'server/src/importer/cli.ts'), ...files], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) => resolve({ code: code ?? -1, out }));
  });
}

const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const step of cleanup) await step();
});

describe.skipIf(skip)('npm run import', () => {
  it('imports good files, reports bad ones clearly, exits non-zero, and is idempotent', async () => {
    const database = await createTestDatabase();
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'atelier-cli-'));
    cleanup.push(async () => {
      await database.drop();
      await fs.rm(dataDir, { recursive: true, force: true });
    });
    const bad = path.join(dataDir, 'empty.txt');
    const binary = path.join(dataDir, 'binary.txt');
    await fs.writeFile(bad, '');
    await fs.writeFile(binary, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0xfe]));
    const env = { DATABASE_URL: database.url ?? '', DATA_DIR: dataDir, LOG_LEVEL: 'warn' };

    const first = await runImport([...corpusFiles(), bad, binary, path.join(dataDir, 'missing.txt')], env);
    expect(first.code).toBe(1);
    expect(first.out).toMatch(/\[1\/7\] .*000_.*: created/);
    expect(first.out).toMatch(/empty\.txt: FAILED — empty\.txt: The file is empty/);
    expect(first.out).toMatch(/binary\.txt: FAILED — .*binary/);
    expect(first.out).toMatch(/missing\.txt: FAILED — no such file/);
    expect(first.out).toContain('7 files: 4 created, 0 updated, 0 unchanged, 3 failed');

    const second = await runImport(corpusFiles(), env);
    expect(second.code).toBe(0);
    expect(second.out).toContain('4 files: 0 created, 0 updated, 4 unchanged, 0 failed');
  });

  it('refuses clearly while a server holds the same embedded database', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'atelier-cli-lock-'));
    cleanup.push(() => fs.rm(dataDir, { recursive: true, force: true }));
    const server = await spawnServer({ DATABASE_URL: '', DATA_DIR: dataDir, ADMIN_EMAIL: 'a@b.be', ADMIN_PASSWORD: 'long enough password' });
    try {
      const result = await runImport(corpusFiles().slice(0, 1), { DATABASE_URL: '', DATA_DIR: dataDir });
      expect(result.code).toBe(1);
      expect(result.out).toMatch(/in use by process \d+.*importReport/s);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });
});
