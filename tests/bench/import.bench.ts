import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../server/src/db/database.js';
import { seedTaxonomy } from '../../server/src/db/seed-taxonomy.js';
import { createServices } from '../../server/src/services.js';
import { TokenService } from '../../server/src/auth/tokens.js';
import { SYSTEM_ACTOR } from '../../server/src/auth/guard.js';
import { createTestDatabase } from '../../server/src/test-support/db.js';
import { prng, syntheticReport } from './synthetic.js';

const REPORTS = Number(process.env.BENCH_REPORTS ?? 1000);
const POSTGRES = process.env.DATABASE_URL || process.env.TEST_POSTGRES_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';

async function importAll(label: string, url: string | null, dataDir: string | null): Promise<void> {
  const db = await openDatabase({ url, dataDir });
  try {
    await seedTaxonomy(db.dataSource);
    const services = createServices(db.dataSource, new TokenService(new Uint8Array(32), 60));
    const random = prng(20181218);
    const samples: string[] = [];
    let peakRss = 0;
    const started = performance.now();
    for (let i = 0; i < REPORTS; i++) {
      const report = syntheticReport(i, random);
      const result = await services.importer.importReport(SYSTEM_ACTOR, report.filename, report.text);
      if (result.status !== 'CREATED') throw new Error(`${report.filename}: ${result.status}`);
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      if ((i + 1) % (REPORTS / 4) === 0) {
        global.gc?.();
        samples.push(`${i + 1}: heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB`);
      }
    }
    // Indexing runs behind the imports; the clock stops once everything is searchable.
    await services.importIndex.drain();
    const seconds = (performance.now() - started) / 1000;
    const [counts] = await db.dataSource.query(`SELECT (SELECT count(*) FROM meeting) meetings, (SELECT count(*) FROM practice) practices, (SELECT count(*) FROM person) people, (SELECT count(*) FROM search_entry) indexed`);
    console.log(`${label}: ${REPORTS} reports in ${seconds.toFixed(1)} s = ${(REPORTS / seconds).toFixed(1)} reports/s; peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB`);
    console.log(`  heap after GC by reports imported (flat = no growth with the count): ${samples.join(', ')}`);
    console.log(`  ${counts.meetings} meetings, ${counts.practices} practices, ${counts.people} people (spelling variants merged), ${counts.indexed} search entries`);
  } finally {
    await db.close();
  }
}

/** `npm run bench -- import`: 1,000 synthetic reports on PostgreSQL and on PGlite. */
export async function run(): Promise<void> {
  const database = await createTestDatabase(POSTGRES);
  try {
    await importAll('PostgreSQL', database.url, null);
  } finally {
    await database.drop();
  }
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'atelier-bench-'));
  try {
    await importAll('PGlite', null, dataDir);
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}
