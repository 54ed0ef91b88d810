import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { EXACT_LIMIT, hitsSql, RANKED_CANDIDATES } from '../../server/src/search/search.sql.js';

/**
 * Queries that match more than EXACT_LIMIT entries: facets from the index's 1-in-16 sample,
 * hits from the whole index. 6,000 report sections over 60 meetings: "buurtwerk" is in two of
 * every three, "huisvesting" in one of every six; every fifth section is about motivation.
 */
const SECTIONS = 6000;
const SEARCH = `query ($query: String!, $filter: SearchFilter, $first: Int) {
  search(query: $query, filter: $filter, first: $first) {
    totalCount totalCountIsEstimate
    hits { kind title snippet score meeting { date } }
    facets { estimated themes { key count } years { year count } kinds { kind count } }
    pageInfo { hasNextPage }
  } }`;

describe('search over many matches', () => {
  let server: TestServer;
  let token: string;
  const search = async (query: string, filter?: Record<string, unknown>) => {
    const result = await server.gql(SEARCH, { query, filter, first: 20 }, token);
    expect(result.errors, query).toBeUndefined();
    return result.data.search;
  };
  const count = async (sql: string): Promise<number> => Number((await server.app.db.dataSource.query(sql))[0].count);

  beforeAll(async () => {
    server = await startTestServer();
    token = await server.login();
    const ds = server.app.db.dataSource;
    await ds.query(`INSERT INTO meeting (date, kind, title) SELECT DATE '2012-01-01' + g * 61, 'MEETING', 'Ontmoeting ' || g FROM generate_series(1, 60) g`);
    await ds.query(`
      WITH meetings AS (SELECT id, date, kind, row_number() OVER (ORDER BY date) - 1 AS n FROM meeting),
           sections AS (
             SELECT g, 'Sectie ' || g AS title,
                    CASE WHEN g % 3 <> 0 THEN 'buurtwerk met bewoners in de wijk' ELSE 'een gesprek met de dienst' END
                    || CASE WHEN g % 6 = 0 THEN ' over huisvesting' ELSE '' END AS body
               FROM generate_series(1, ${SECTIONS}) g)
      INSERT INTO search_entry (kind, entity_id, section_index, meeting_id, meeting_date, meeting_kind, title, body, theme_keys, content_hash, document)
      SELECT 'SECTION', gen_random_uuid(), s.g, m.id, m.date, m.kind, s.title, s.body,
             CASE WHEN s.g % 5 = 0 THEN ARRAY['motivation'] ELSE '{}' END, '', search_document(s.title, '', s.body)
        FROM sections s JOIN meetings m ON m.n = s.g % 60`);
    await ds.query(`ANALYZE search_entry`);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  it('estimates counts from the sample when a word is everywhere, and says so', async () => {
    const truth = await count(`SELECT count(*) FROM search_entry WHERE body LIKE 'buurtwerk%'`);
    expect(truth).toBeGreaterThan(EXACT_LIMIT);
    const result = await search('buurtwerk');
    expect(result.facets.estimated).toBe(true);
    expect(result.totalCountIsEstimate).toBe(true);
    expect(Math.abs(result.totalCount - truth) / truth).toBeLessThan(0.15);
    // Facets and total come from the same sample: they add up.
    expect(result.facets.kinds).toEqual([{ kind: 'SECTION', count: result.totalCount }]);
    expect(result.facets.years.reduce((sum: number, facet: { count: number }) => sum + facet.count, 0)).toBe(result.totalCount);
    const motivation = result.facets.themes.find((facet: { key: string }) => facet.key === 'motivation');
    expect(Math.abs(motivation.count - truth / 5) / (truth / 5)).toBeLessThan(0.35);
  });

  it('ranks hits from the whole index, most recent first among equals', async () => {
    const result = await search('buurtwerk');
    expect(result.hits).toHaveLength(20);
    expect(result.pageInfo.hasNextPage).toBe(true);
    for (const hit of result.hits) expect(hit.snippet).toContain('<b>buurtwerk</b>');
    const [{ latest }] = await server.app.db.dataSource.query(`SELECT max(meeting_date)::text AS latest FROM search_entry WHERE body LIKE 'buurtwerk%'`);
    expect(result.hits[0].meeting.date).toBe(latest);
  });

  it('counts exactly what a filter narrows to few, with the facets still from the sample', async () => {
    const truth = await count(`SELECT count(*) FROM search_entry WHERE body LIKE 'buurtwerk%' AND 'motivation' = ANY(theme_keys)`);
    const result = await search('buurtwerk', { themes: ['motivation'] });
    expect(result.totalCountIsEstimate).toBe(false);
    expect(result.totalCount).toBe(truth);
    expect(result.facets.estimated).toBe(true);
    expect(result.hits.length).toBe(20);
  });

  it('counts exactly below the limit', async () => {
    const truth = await count(`SELECT count(*) FROM search_entry WHERE body LIKE '%huisvesting'`);
    expect(truth).toBeLessThan(EXACT_LIMIT);
    const result = await search('huisvesting');
    expect(result).toMatchObject({ totalCount: truth, totalCountIsEstimate: false, facets: { estimated: false } });
    expect(result.facets.kinds).toEqual([{ kind: 'SECTION', count: truth }]);
  });

  it('finds the same hits walking the date index as sorting every match', async () => {
    const ds = server.app.db.dataSource;
    // The query, the theme and method keys it names, its synonyms (none), six filters (none), limit and offset.
    const params = ['wijk', [], [], null, null, null, null, null, null, null, RANKED_CANDIDATES + 1, 0];
    const [walked] = await ds.query(hitsSql(true, true), params);
    const [sorted] = await ds.query(hitsSql(false, true), params);
    expect(walked.hits.length).toBe(RANKED_CANDIDATES);
    expect(walked.hits.map((hit: { id: string }) => hit.id)).toEqual(sorted.hits.map((hit: { id: string }) => hit.id));
    expect(walked.total).toBe(sorted.total);
    expect(walked.total).toBe(await count(`SELECT count(*) FROM search_entry WHERE body LIKE '%wijk%'`));
  });
});
