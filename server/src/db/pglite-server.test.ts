import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { servePGlite, type PGliteServer } from './pglite-server.js';

describe('PGlite served to several pg clients', () => {
  let db: PGlite;
  let server: PGliteServer;
  let pool: pg.Pool;

  beforeAll(async () => {
    db = await PGlite.create();
    server = await servePGlite(db, 6);
    pool = new pg.Pool({ connectionString: `postgresql://postgres@${server.address}/postgres?sslmode=disable`, max: 4 });
    await pool.query(`CREATE TABLE item (id int PRIMARY KEY, label text NOT NULL)`);
    await pool.query(`INSERT INTO item SELECT g, 'item ' || g FROM generate_series(1, 50) g`);
  });

  afterAll(async () => {
    await pool.end();
    await server.stop();
    await db.close();
  });

  it('never lets one connection bind against another connection\'s statement', async () => {
    // Concurrent parameterised queries of different shapes on different connections. Large
    // parameters arrive in several TCP reads, which is when another connection's messages could
    // slip between a Parse and its Bind: type errors, or the other query's rows.
    const big = 'x'.repeat(300_000);
    const runs = Array.from({ length: 120 }, (_, i) =>
      i % 2
        ? pool.query(`SELECT label FROM item WHERE id = $1::int`, [(i % 50) + 1]).then((r) => expect(r.rows).toEqual([{ label: `item ${(i % 50) + 1}` }]))
        : pool.query(`SELECT length($1::text) AS n, $2::int + 1 AS next`, [big + i, i]).then((r) => expect(r.rows).toEqual([{ n: big.length + String(i).length, next: i + 1 }])),
    );
    await Promise.all(runs);
  });

  it('keeps a transaction to its connection while others wait, and goes on after an error', async () => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`UPDATE item SET label = 'changed' WHERE id = 1`);
      const outside = pool.query(`SELECT label FROM item WHERE id = 1`);
      await expect(client.query(`SELECT 1/0`)).rejects.toThrow(/division by zero/);
      await client.query('ROLLBACK');
      expect((await outside).rows).toEqual([{ label: 'item 1' }]);
    } finally {
      client.release();
    }
    expect((await pool.query(`SELECT count(*)::int AS n FROM item`)).rows).toEqual([{ n: 50 }]);
  });
});
