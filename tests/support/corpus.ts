import fs from 'node:fs';
import path from 'node:path';

/** The network's real reports, beside the repository (CI has them; tests skip loudly without). */
export const CORPUS_DIR = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'corpus');

export function corpusFiles(): string[] {
  return fs.readdirSync(CORPUS_DIR).filter((file) => file.endsWith('.txt')).sort().map((file) => path.join(CORPUS_DIR, file));
}
