import 'reflect-metadata';
import fs from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { openDatabase } from '../db/database.js';
import { DataDirInUseError } from '../db/embedded-postgres.js';
import { seedTaxonomy } from '../db/seed-taxonomy.js';
import { createServices } from '../services.js';
import { TokenService } from '../auth/tokens.js';
import { SYSTEM_ACTOR } from '../auth/guard.js';
import { DomainError } from '../common/errors.js';

/** `npm run import -- FILE...`: one transaction per file; a bad file is reported, the others go on. */
const files = process.argv.slice(2).filter((arg) => arg !== '--');
if (!files.length) {
  console.error('Usage: npm run import -- FILE...   (plain-text meeting reports)');
  process.exit(2);
}

const config = loadConfig();
const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
let exitCode = 0;
try {
  const db = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, logger });
  try {
    await seedTaxonomy(db.dataSource);
    const services = createServices(db.dataSource, new TokenService(new Uint8Array(32), 60), logger);
    const counts = { CREATED: 0, UPDATED: 0, UNCHANGED: 0, FAILED: 0 };
    for (const [index, file] of files.entries()) {
      const label = `[${index + 1}/${files.length}] ${file}`;
      try {
        const text = await fs.readFile(file, 'utf8');
        const result = await services.importer.importReport(SYSTEM_ACTOR, path.basename(file), text);
        counts[result.status]++;
        console.log(`${label}: ${result.status.toLowerCase()} — ${result.date} ${result.title}; ${result.attendances} attendances, ${result.practices} practices, ${result.methodMentions} method mentions`);
        for (const warning of result.warnings) console.log(`    warning: ${warning}`);
      } catch (error) {
        counts.FAILED++;
        exitCode = 1;
        const message = error instanceof DomainError ? error.message : (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String((error as Error).message ?? error);
        console.error(`${label}: FAILED — ${message}`);
      }
    }
    await services.importIndex.drain();
    console.log(`\n${files.length} files: ${counts.CREATED} created, ${counts.UPDATED} updated, ${counts.UNCHANGED} unchanged, ${counts.FAILED} failed`);
  } finally {
    await db.close();
  }
} catch (error) {
  exitCode = 1;
  console.error(error instanceof DataDirInUseError ? error.message : `Import failed: ${(error as Error).message}`);
}
process.exit(exitCode);
