import os from 'node:os';
import { workerData } from 'node:worker_threads';
import pg from 'pg';
import '../db/pg-types.js';
import { preparedStatements } from '../db/prepared-statements.js';
import { answerRequests } from '../common/worker-client.js';
import { SearchIndexer } from '../search/search-indexer.js';
import { TaxonomyMatchers } from '../taxonomy/taxonomy-matchers.js';
import { DERIVATION_APPLICATION, DERIVATION_SETTINGS, prepareDerivation, writeDerivedData, type DerivationRequest, type DerivationWorkerData, type Deriver, type InTransaction } from './derived-data.js';
import type { Queryable } from './report-state.js';

const { url, embedded } = workerData as DerivationWorkerData;
// Derived data is background work: on a busy machine the editors' relays go first. On Linux the
// nice value belongs to the thread (pid 0: the calling one); elsewhere it would be the process's.
if (process.platform === 'linux') os.setPriority(0, 10);
// One connection, as derivations run one batch at a time; kept open, as an edited report is derived
// every second or so. As in the main pool, no JIT for short statements (PGlite has none).
// The settings are taken once per connection rather than in every transaction (a round trip less
// per derivation), before the pool hands the connection out; where they fail, the connection is
// closed and that derivation fails (it is derived again after the next edit).
// Pipelined: a derivation's statements that need no answer of another's go out together, so a
// derivation costs three round trips (the reads, the writes, COMMIT; a fourth for words the
// vocabulary lacks) instead of eight to ten (sendTogether).
const pool = new pg.Pool({
  connectionString: url,
  max: 1,
  pipeline: true,
  idleTimeoutMillis: 0,
  application_name: DERIVATION_APPLICATION,
  ...(embedded ? {} : { options: '-c jit=off' }),
  onConnect: async (client) => {
    await client.query(DERIVATION_SETTINGS);
  },
});
// An idle connection that PostgreSQL ends (a restart) is replaced at the next derivation; unheard,
// its error would end the worker.
pool.on('error', () => {});
// Prepared on PostgreSQL: parsing and planning were half of what a derivation cost the database
// (its statement log, 200 editors across 20 reports).
const rows: (client: pg.Pool | pg.PoolClient) => Queryable = embedded
  ? (client) => ({ query: async (sql, params) => (await client.query(sql, params)).rows })
  : preparedStatements('derive');
const taxonomy = new TaxonomyMatchers();
const deriver: Deriver = { search: new SearchIndexer(rows(pool), taxonomy), taxonomy };

const inTransaction: InTransaction = async (work) => {
  const client = await pool.connect();
  // BEGIN goes out with the transaction's first statements. Every answer waits for BEGIN's, so
  // nothing the work sends after reading one can run outside the transaction. Pipelined: only
  // this connection is given the work's statements, in the order it sends them.
  const begun = client.query('BEGIN');
  // Its failure is the work's, through every answer that waits for it.
  begun.catch(() => {});
  const db = rows(client);
  try {
    const result = await work({
      query: async (sql, params) => (await Promise.all([db.query(sql, params), begun]))[0],
      pipelined: true,
    });
    await client.query('COMMIT');
    client.release();
    return result;
  } catch (error) {
    // A connection that cannot even roll back is dropped, not given to the next derivation.
    const rolledBack = await client.query('ROLLBACK').then(() => true, () => false);
    client.release(!rolledBack);
    throw error;
  }
};

/** Runs in a worker thread (see report-derivation.ts): writes a report's derived data. */
answerRequests(async (request: DerivationRequest) => {
  if ('close' in request) {
    await pool.end();
    return null;
  }
  if ('prepare' in request) {
    await prepareDerivation(rows(pool), taxonomy);
    return null;
  }
  return writeDerivedData(inTransaction, deriver, request.derive);
});
