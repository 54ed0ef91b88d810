import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSTGRES_URL, skipWithoutPostgres } from '../support/services.js';
import { preparedStatements } from '../../server/src/db/prepared-statements.js';

describe.skipIf(skipWithoutPostgres())('preparedStatements', () => {
  let pool: pg.Pool;
  beforeAll(() => {
    pool = new pg.Pool({ connectionString: POSTGRES_URL, max: 1 });
  });
  afterAll(() => pool.end());

  it('prepares each text once per connection, under one name for the pool and its clients alike', async () => {
    const prepared = preparedStatements('probe');
    const client = await pool.connect();
    try {
      const inTransaction = prepared(client);
      expect(await inTransaction.query('SELECT $1::int + 1 AS n', [1])).toEqual([{ n: 2 }]);
      expect(await inTransaction.query('SELECT $1::int + 1 AS n', [41])).toEqual([{ n: 42 }]);
      expect(await inTransaction.query('SELECT $1::text AS s', ['twee'])).toEqual([{ s: 'twee' }]);
      const statements = await client.query(`SELECT name, statement FROM pg_prepared_statements ORDER BY name`);
      expect(statements.rows).toEqual([
        { name: 'probe_0', statement: 'SELECT $1::int + 1 AS n' },
        { name: 'probe_1', statement: 'SELECT $1::text AS s' },
      ]);
    } finally {
      client.release();
    }
    // The pool's only connection is the one above: the wrapper of the pool finds the name prepared.
    expect(await prepared(pool).query('SELECT $1::int + 1 AS n', [6])).toEqual([{ n: 7 }]);
    expect((await pool.query(`SELECT count(*)::int AS n FROM pg_prepared_statements`)).rows).toEqual([{ n: 2 }]);
  });
});
