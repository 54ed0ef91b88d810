import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../support/server.js';
import { startCorpusServer } from '../support/corpus-server.js';
import { CORPUS_DIR } from '../support/corpus.js';
import { skipUnless } from '../support/require.js';
import { appendParagraph, connectClient, eventually } from '../support/collab-client.js';

const skip = skipUnless(fs.existsSync(CORPUS_DIR), `the report corpus (${CORPUS_DIR})`);

const SEARCH = `query ($query: String!, $filter: SearchFilter, $first: Int, $after: String) {
  search(query: $query, filter: $filter, first: $first, after: $after) {
    totalCount didYouMean
    hits { kind id key title snippet score meeting { date } }
    facets { themes { key label count } organizations { id name count } years { year count } kinds { kind count } }
    pageInfo { hasNextPage endCursor }
  } }`;

describe.skipIf(skip)('search over the imported corpus', () => {
  let server: TestServer;
  let token: string;
  const search = async (query: string, filter?: Record<string, unknown>, first = 20, after?: string) => {
    const result = await server.gql(SEARCH, { query, filter, first, after }, token);
    expect(result.errors, query).toBeUndefined();
    return result.data.search;
  };

  beforeAll(async () => {
    ({ server, token } = await startCorpusServer());
  });
  afterAll(async () => {
    await server?.close();
  });

  // Queries in both languages, without accents and with typos → the meeting they are about.
  it.each([
    ['motivatie', '2018-12-18'],
    ['motivation', '2018-12-18'],
    ['vrijwilligerswerk', '2018-12-18'],
    ['bénévolat', '2018-12-18'],
    ['benevolat', '2018-12-18'],
    ['kinderopvang', '2018-12-18'],
    ['garde d\'enfants', '2018-12-18'],
    ['motivatoin', '2018-12-18'],
    ['partnerschap', ['2021-08-17', '2023-04-03']],
    ['partenariat', ['2021-08-17', '2023-04-03']],
    ['immersie', '2021-08-17'],
    ['world cafe', '2019-12-17'],
    ['World Café', '2019-12-17'],
    ['TOPOI', '2019-12-17'],
    ['interculturalité', '2019-12-17'],
    ['tevredenheidsenquete', '2023-04-03'],
    ['enquête de satisfaction', '2023-04-03'],
    ['opleidingen brainstorm', '2023-04-03'],
    ['burn-out', '2023-04-03'],
    ['formation', '2023-04-03'],
    ['Binche', '2021-08-17'],
    ['VIA-traject', '2021-08-17'],
    ['Maekelberg', '2018-12-18'],
    ['oplieding', '2023-04-03'],
  ] as [string, string | string[]][])('%s finds the meeting of %s among the first five hits', async (query, expected) => {
    const result = await search(query, undefined, 5);
    const dates: string[] = result.hits.map((hit: any) => hit.meeting?.date);
    const wanted = Array.isArray(expected) ? expected : [expected];
    expect(dates.some((date) => wanted.includes(date)), `${query}: ${JSON.stringify(result.hits.map((h: any) => [h.kind, h.title, h.meeting?.date]))}`).toBe(true);
  });

  it('says what it searched instead of a typo', async () => {
    const result = await search('motivatoin');
    expect(result.didYouMean).toMatch(/^motivat/);
    expect(result.totalCount).toBeGreaterThan(0);
  });

  it('finds the 2018 volunteering practice for motivation in Dutch and in French', async () => {
    for (const query of ['motivatie', 'motivation', 'bénévolat']) {
      const result = await search(query, { kinds: ['PRACTICE'] }, 50);
      expect(result.hits.some((hit: any) => /Vrijwilligerswerk werkt motiverend/.test(hit.title)), query).toBe(true);
    }
  });

  it('ranks first what a query in another language names: its synonyms count as its own words', async () => {
    const scores: number[] = [];
    for (const query of ['bénévolat', 'benevolat', 'volunteering', 'vrijwilliger']) {
      const [first] = (await search(query, { kinds: ['PRACTICE'] }, 1)).hits;
      scores.push(first.score);
      expect(first.title, query).toMatch(/^Vrijwilligerswerk werkt motiverend/);
      expect(first.snippet, query).toMatch(/<b>vrijwilligerswerk<\/b>/i);
    }
    // A synonym is marked as written, accents and all.
    const volunteering = await search('volunteering', undefined, 20);
    expect(volunteering.hits.map((hit: any) => hit.snippet).join(' ')).toMatch(/<b>bénévole<\/b>/i);
    const [childcare] = (await search("garde d'enfants", { kinds: ['PRACTICE'] }, 1)).hits;
    expect(childcare.snippet).toMatch(/<b>kinderopvang<\/b>/i);
    const newcomers = await search('primo-arrivants', { kinds: ['PRACTICE'] }, 3);
    expect(newcomers.hits.map((hit: any) => hit.snippet).join(' ')).toMatch(/<b>nieuwkomers<\/b>/i);
    // The query's other words still count: nothing in these Dutch reports says "jeunes", so the
    // volunteering practice is found only through its theme, as any other motivation practice.
    const young = await search('bénévolat jeunes', { kinds: ['PRACTICE'] }, 20);
    expect(Math.max(...young.hits.map((hit: any) => hit.score))).toBeLessThan(Math.min(...scores) / 2);
  });

  it('highlights matches in snippets with <b> marks only', async () => {
    const result = await search('kinderopvang');
    expect(result.hits.some((hit: any) => /<b>kinderopvang<\/b>/i.test(hit.snippet))).toBe(true);
  });

  it('has facets that agree with filters', async () => {
    const all = await search('partnerschap', undefined, 100);
    expect(all.totalCount).toBeGreaterThan(5);
    for (const facet of all.facets.themes.slice(0, 3)) {
      const filtered = await search('partnerschap', { themes: [facet.key] }, 1);
      expect(filtered.totalCount, facet.key).toBe(facet.count);
    }
    for (const facet of all.facets.years) {
      const filtered = await search('partnerschap', { from: `${facet.year}-01-01`, to: `${facet.year}-12-31` }, 1);
      expect(filtered.totalCount, String(facet.year)).toBe(facet.count);
    }
    for (const facet of all.facets.kinds) {
      const filtered = await search('partnerschap', { kinds: [facet.kind] }, 1);
      expect(filtered.totalCount, facet.kind).toBe(facet.count);
    }
    const organization = all.facets.organizations[0];
    const byOrganization = await search('partnerschap', { organizations: [organization.id] }, 1);
    expect(byOrganization.totalCount).toBe(organization.count);
  });

  it('pages through results without repeats', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    let total = 0;
    do {
      const page = await search('OCMW', undefined, 7, after);
      total = page.totalCount;
      for (const hit of page.hits) seen.push(`${hit.kind}:${hit.id}:${hit.title}:${hit.snippet}`);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : undefined;
    } while (after);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('answers hostile input and refuses only what is too long', async () => {
    for (const query of ['"unclosed', "'; DROP TABLE search_entry; --", '!!! & | <-> :*', 'a\u0000b', '🙂🙂', '((((', ' ', '-', 'x'.repeat(500)]) {
      const result = await server.gql(SEARCH, { query }, token);
      expect(result.errors, JSON.stringify(query)).toBeUndefined();
    }
    const long = await server.gql(SEARCH, { query: 'x'.repeat(5000) }, token);
    expect(long.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'query' });
    const badDate = await server.gql(SEARCH, { query: 'x', filter: { from: '2024-13-45' } }, token);
    expect(badDate.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.from' });
  });

  it('finds an edit in a report within two seconds', async () => {
    const { data } = await server.gql(`{ meetings { date report { documentName } } }`, {}, token);
    const report = data.meetings.find((m: any) => m.date === '2019-12-17').report;
    const client = connectClient(server.url, report.documentName, token);
    await client.synced;
    appendParagraph(client.doc, 'Nieuw inzicht: de zebraoefening werkt voor iedereen.');
    const elapsed = await eventually(async () => (await search('zebraoefening')).hits.some((hit: any) => hit.kind === 'SECTION' && hit.meeting?.date === '2019-12-17'), 2000, 'the edit to be searchable');
    console.info(`an edit was searchable after ${elapsed} ms`);
    client.destroy();
  });
});
