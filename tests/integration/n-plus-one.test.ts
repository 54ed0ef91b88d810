import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';

/** Nested lists are batched: the statement count of a page does not grow with its rows. */
let server: TestServer;
let token: string;

const PAGE = `query ($first: Int) { practices(first: $first) { totalCount edges { node {
  id title themes { key labels { nl } } meeting { date title } organizations { name } methods { key } } } } }`;

beforeAll(async () => {
  server = await startTestServer();
  token = await server.login();
  const ds = server.app.db.dataSource;
  await ds.query(`INSERT INTO organization (name) SELECT 'OCMW ' || g FROM generate_series(1, 10) g`);
  await ds.query(`INSERT INTO meeting (date, kind, title) SELECT DATE '2018-01-01' + g * 30, 'MEETING', 'Meeting ' || g FROM generate_series(1, 10) g`);
  await ds.query(`
    INSERT INTO practice (title, description, meeting_id, origin)
    SELECT 'Practice ' || g, 'Description ' || g, (SELECT id FROM meeting ORDER BY date OFFSET (g % 10) LIMIT 1), 'MANUAL'
      FROM generate_series(1, 120) g`);
  await ds.query(`INSERT INTO practice_theme SELECT p.id, t.id FROM practice p CROSS JOIN theme t WHERE t.key IN ('motivation', 'partnerships')`);
  await ds.query(`INSERT INTO practice_method SELECT p.id, m.id FROM practice p CROSS JOIN method m WHERE m.key = 'check-in'`);
  await ds.query(`INSERT INTO practice_organization SELECT p.id, o.id FROM practice p CROSS JOIN LATERAL (SELECT id FROM organization ORDER BY random() LIMIT 2) o`);
});

afterAll(async () => {
  await server?.close();
});

async function statementsFor(first: number): Promise<number> {
  const before = server.app.db.statements.count;
  const result = await server.gql(PAGE, { first }, token);
  expect(result.errors).toBeUndefined();
  expect(result.data.practices.edges).toHaveLength(first);
  expect(result.data.practices.edges[0].node.themes).toHaveLength(2);
  return server.app.db.statements.count - before;
}

describe('DataLoader batching', () => {
  it('costs the same number of statements for 5 and for 100 practices', async () => {
    await statementsFor(1); // warms the token cache, so both counts below measure the query alone
    const small = await statementsFor(5);
    const large = await statementsFor(100);
    console.info(`SQL statements for a page of practices with themes, meeting, centres, methods: 5 rows → ${small}, 100 rows → ${large}`);
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(15);
  });
});
