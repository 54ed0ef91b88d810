import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';

/**
 * `npm run bench -- [name...]`: runs tests/bench/<name>.bench.ts (each exports `run()`), all of
 * them when no name is given. Benchmarks print their own figures; they never run in `npm test`.
 */
const dir = import.meta.dirname;
const available = fs.readdirSync(dir).filter((file) => file.endsWith('.bench.ts')).map((file) => file.replace(/\.bench\.ts$/, '')).sort();
const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const unknown = wanted.filter((name) => !available.includes(name));
if (unknown.length) {
  console.error(`Unknown benchmark ${unknown.join(', ')}; available: ${available.join(', ')}`);
  process.exit(2);
}
for (const name of wanted.length ? wanted : available) {
  console.log(`\n=== bench: ${name}`);
  const module: { run: () => Promise<void> } = await import(path.join(dir, `${name}.bench.ts`));
  await module.run();
}
process.exit(0);
