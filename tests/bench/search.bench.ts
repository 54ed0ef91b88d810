import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { startTestServer, type TestServer } from '../support/server.js';
import { CORPUS_DIR, corpusFiles } from '../support/corpus.js';
import { prng } from './synthetic.js';
import { percentile } from '../support/quantiles.js';

const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const POSTGRES = process.env.DATABASE_URL || process.env.TEST_POSTGRES_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';

/** A fixed mix: one word, several words, filtered, misspelt — in Dutch and French. */
const QUERIES: { query: string; filter?: Record<string, unknown> }[] = [
  { query: 'motivatie' }, { query: 'partenariat' }, { query: 'kinderopvang' }, { query: 'immersie' }, { query: 'formation' },
  { query: 'vrijwilligerswerk motiverend' }, { query: 'partnerschap budget kleinere OCMW' }, { query: 'stem van de doelgroep' },
  { query: 'motivatie', filter: { themes: ['motivation'] } }, { query: 'opleiding', filter: { from: '2010-01-01', to: '2012-12-31' } },
  { query: 'partnerschap', filter: { kinds: ['PRACTICE'] } },
  { query: 'motivatoin' }, { query: 'partnerchap' }, { query: 'kinderopvnag' },
];

function vocabulary(): string[] {
  const text = fs.existsSync(CORPUS_DIR) ? corpusFiles().map((file) => fs.readFileSync(file, 'utf8')).join(' ') : 'motivatie partnerschap opleiding kinderopvang';
  return [...new Set(text.split(/[^\p{L}'-]+/u).filter((word) => word.length > 2 && word.length < 25))];
}

/** Meetings, then practices through the real indexer, then report sections in the indexer's shape. */
export async function build(dataSource: DataSource, server: TestServer): Promise<void> {
  const random = prng(4242);
  const words = vocabulary();
  const sentence = (n: number) => Array.from({ length: n }, () => words[Math.floor(random() * words.length)]).join(' ');
  await dataSource.query(`INSERT INTO meeting (date, kind, title) SELECT DATE '2000-01-01' + g * 5, (ARRAY['MEETING','EXCHANGE','ONLINE'])[1 + g % 3], 'Bijeenkomst ' || g FROM generate_series(1, 2000) g`);
  const meetings: { id: string }[] = await dataSource.query(`SELECT id FROM meeting ORDER BY date`);
  const themes: { id: string }[] = await dataSource.query(`SELECT id FROM theme ORDER BY key`);
  const half = ENTRIES / 2;
  for (let start = 0; start < half; start += 2000) {
    const rows = Array.from({ length: Math.min(2000, half - start) }, () => ({
      title: sentence(6), description: sentence(40), meeting: meetings[Math.floor(random() * meetings.length)].id, theme: themes[Math.floor(random() * themes.length)].id,
    }));
    await dataSource.query(
      `WITH p AS (INSERT INTO practice (title, description, meeting_id, origin)
         SELECT r.title, r.description, r.meeting, 'IMPORT' FROM jsonb_to_recordset($1::jsonb) r(title text, description text, meeting uuid, theme uuid) RETURNING id, title)
       INSERT INTO practice_theme SELECT p.id, r.theme FROM p JOIN jsonb_to_recordset($1::jsonb) r(title text, description text, meeting uuid, theme uuid) ON r.title = p.title ON CONFLICT DO NOTHING`,
      [JSON.stringify(rows)],
    );
  }
  await server.app.services.searchIndex.reindexPractices(null);
  for (let start = 0; start < half; start += 2000) {
    const rows = Array.from({ length: Math.min(2000, half - start) }, (_, i) => ({
      report: meetings[(start + i) % meetings.length].id, index: Math.floor((start + i) / meetings.length), title: sentence(4), body: sentence(120),
    }));
    await dataSource.query(
      `INSERT INTO search_entry (kind, entity_id, section_index, meeting_id, meeting_date, meeting_kind, title, body, content_hash, document)
       SELECT 'SECTION', gen_random_uuid(), r.index, m.id, m.date, m.kind, r.title, r.body, '', search_document(r.title, '', r.body)
         FROM jsonb_to_recordset($1::jsonb) r(report uuid, index int, title text, body text) JOIN meeting m ON m.id = r.report`,
      [JSON.stringify(rows)],
    );
  }
  await dataSource.query(`INSERT INTO search_word SELECT DISTINCT w FROM search_entry e, unnest(tsvector_to_array(to_tsvector('simple', f_unaccent(e.title || ' ' || e.body)))) w WHERE length(w) BETWEEN 3 AND 40 ON CONFLICT DO NOTHING`);
  await dataSource.query(`ANALYZE`);
}

async function measure(label: string): Promise<void> {
  const server = await startTestServer();
  try {
    const dataSource = server.app.db.dataSource;
    const token = await server.login();
    const started = performance.now();
    await build(dataSource, server);
    const [{ count }] = await dataSource.query(`SELECT count(*) FROM search_entry`);
    console.log(`${label}: built ${count} search entries in ${((performance.now() - started) / 1000).toFixed(0)} s`);

    const body = (item: (typeof QUERIES)[number]) => JSON.stringify({
      query: `query ($q: String!, $f: SearchFilter) { search(query: $q, filter: $f, first: 20) { totalCount totalCountIsEstimate didYouMean hits { kind id title snippet score meeting { date } } facets { estimated themes { key count } organizations { id count } years { year count } kinds { kind count } } } }`,
      variables: { q: item.query, f: item.filter },
    });
    // A lean keep-alive HTTP client: the clock measures the server, not a heavy client sharing its process.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const ask = (item: (typeof QUERIES)[number]) => new Promise<void>((resolve, reject) => {
      const payload = body(item);
      const request = http.request(`${server.url}/graphql`, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), authorization: `Bearer ${token}` } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const json = JSON.parse(Buffer.concat(chunks).toString());
          if (json.errors) reject(new Error(JSON.stringify(json.errors)));
          else resolve();
        });
      });
      request.on('error', reject);
      request.end(payload);
    });

    // Every statement one GraphQL request runs (search, then the hits' meetings), recorded once
    // from the data source's logger, to replay bare; the taxonomy and the signed-in user, cached between requests, are left out.
    const statements = new Map<number, { sql: string; params: unknown[] }[]>();
    const logger = dataSource.logger;
    const logQuery = logger.logQuery.bind(logger);
    for (const [i, item] of QUERIES.entries()) {
      const recorded: { sql: string; params: unknown[] }[] = [];
      logger.logQuery = (sql, params, runner) => {
        recorded.push({ sql, params: (params ?? []) as unknown[] });
        logQuery(sql, params, runner);
      };
      await ask(item);
      logger.logQuery = logQuery;
      statements.set(i, recorded.filter((s) => !/FROM "?(theme|method|app_user)"?\b/.test(s.sql) || /search_entry/.test(s.sql)));
    }
    console.log(`  statements per request: ${[...statements.values()].map((list) => list.length).join(', ')}; the first:`);
    for (const statement of statements.get(0)!) console.log(`    ${statement.sql.replace(/\s+/g, ' ').slice(0, 110)}`);

    const endToEnd: number[] = [];
    const bare: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      for (const [i, item] of QUERIES.entries()) {
        // Alternate which goes first, so neither always finds the caches warm.
        const order = (run + i) % 2 === 0 ? ['e2e', 'bare'] : ['bare', 'e2e'];
        for (const kind of order) {
          const t0 = performance.now();
          if (kind === 'e2e') {
            await ask(item);
            endToEnd.push(performance.now() - t0);
          } else {
            for (const statement of statements.get(i)!) await dataSource.query(statement.sql, statement.params);
            bare.push(performance.now() - t0);
          }
        }
      }
    }
    agent.destroy();
    const p = (values: number[], q: number) => percentile(values, q).toFixed(1);
    console.log(`  ${QUERIES.length} queries × ${RUNS} runs: GraphQL end to end p50 ${p(endToEnd, 50)} ms, p95 ${p(endToEnd, 95)} ms; bare SQL p50 ${p(bare, 50)} ms, p95 ${p(bare, 95)} ms`);
    console.log(`  ratio end to end / bare SQL: p50 ${(percentile(endToEnd, 50) / percentile(bare, 50)).toFixed(2)}×, p95 ${(percentile(endToEnd, 95) / percentile(bare, 95)).toFixed(2)}×`);
  } finally {
    await server.close();
  }
}

/** `npm run bench -- search`: 100,000 entries, on PostgreSQL and on PGlite (BENCH_SKIP_POSTGRES / BENCH_SKIP_PGLITE=1 leave one out). */
export async function run(): Promise<void> {
  if (process.env.BENCH_SKIP_POSTGRES !== '1') {
    process.env.DATABASE_URL = POSTGRES;
    await measure('PostgreSQL');
  }
  delete process.env.DATABASE_URL;
  if (process.env.BENCH_SKIP_PGLITE !== '1') await measure('PGlite');
}
