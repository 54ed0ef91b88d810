import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const CLIENT = path.resolve(import.meta.dirname, '..', '..', 'client');
const DIST = path.join(CLIENT, 'dist');
const TARGET_KB = 300;

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

const gzipKb = (file: string) => zlib.gzipSync(fs.readFileSync(path.join(DIST, file)), { level: 9 }).length / 1024;

/** `npm run bench -- client`: builds the client and prints the gzip size of every chunk and of the initial load. */
export async function run(): Promise<void> {
  execSync('npm run build', { cwd: CLIENT, stdio: 'ignore' });
  const manifest: Record<string, ManifestChunk> = JSON.parse(fs.readFileSync(path.join(DIST, '.vite', 'manifest.json'), 'utf8'));
  const entryKey = 'index.html';
  const initial = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || initial.has(chunk.file)) return;
    initial.add(chunk.file);
    for (const css of chunk.css ?? []) initial.add(css);
    for (const child of chunk.imports ?? []) visit(child);
  };
  visit(entryKey);
  const all = [...new Set(Object.values(manifest).flatMap((chunk) => [chunk.file, ...(chunk.css ?? [])]))].sort((a, b) => gzipKb(b) - gzipKb(a));
  for (const file of all) console.log(`  ${initial.has(file) ? 'initial' : 'lazy   '}  ${gzipKb(file).toFixed(1).padStart(7)} KB gzip  ${file}`);
  const total = [...initial].filter((file) => file.endsWith('.js')).reduce((sum, file) => sum + gzipKb(file), 0);
  console.log(`initial JavaScript: ${total.toFixed(1)} KB gzip (target ≤ ${TARGET_KB} KB) — ${total <= TARGET_KB ? 'met' : 'MISSED'}`);
}
