import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, userWithRole, type TestServer } from '../support/server.js';

const GROUPS = `{ synonymGroups { id terms } }`;
const SAVE = `mutation ($id: ID, $terms: [String!]!) { saveSynonymGroup(id: $id, terms: $terms) { id terms } }`;
const DELETE = `mutation ($id: ID!) { deleteSynonymGroup(id: $id) }`;
const SEARCH = `query ($query: String!) { search(query: $query, filter: { kinds: ["PRACTICE"] }) { totalCount hits { title snippet } } }`;

describe('synonym groups, edited by coordinators', () => {
  let server: TestServer;
  let admin: string;
  let editor: string;
  let viewer: string;
  const save = (terms: string[], id?: string, token = admin) => server.gql(SAVE, { id, terms }, token);
  const titlesFound = async (query: string): Promise<string[]> => {
    const result = await server.gql(SEARCH, { query }, viewer);
    expect(result.errors, query).toBeUndefined();
    return result.data.search.hits.map((hit: { title: string }) => hit.title);
  };

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.login();
    editor = await userWithRole(server, admin, 'EDITOR');
    viewer = await userWithRole(server, admin, 'VIEWER');
    const practice = await server.gql(`mutation { createPractice(input: { title: "Zebraoefening voor nieuwe medewerkers" }) { id } }`, {}, editor);
    expect(practice.errors).toBeUndefined();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('start from the shipped groups, which everyone signed in can read, listed by their first word', async () => {
    const result = await server.gql(GROUPS, {}, viewer);
    expect(result.errors).toBeUndefined();
    const groups: { terms: string[] }[] = result.data.synonymGroups;
    expect(groups.length).toBeGreaterThan(10);
    const firstWords = groups.map((group) => group.terms[0]);
    expect(firstWords).toEqual([...firstWords].sort((a, b) => a.localeCompare(b, 'nl', { sensitivity: 'base' })));
    expect(groups.find((group) => group.terms.includes('bénévolat'))?.terms).toContain('vrijwilligerswerk');
    expect((await server.gql(GROUPS)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('widen a search to a new group at once, and stop when its words change or it is deleted', async () => {
    const title = 'Zebraoefening voor nieuwe medewerkers';
    expect(await titlesFound('exercice zèbre')).not.toContain(title);

    const created = await save(['zebraoefening', 'exercice zèbre']);
    expect(created.errors).toBeUndefined();
    const { id } = created.data.saveSynonymGroup;
    expect(await titlesFound('exercice zèbre')).toContain(title);
    expect(await titlesFound('EXERCICE ZEBRE')).toContain(title);

    const changed = await save(['zebraoefening', 'zebra-oefening', 'zebra exercise'], id);
    expect(changed.data.saveSynonymGroup).toEqual({ id, terms: ['zebraoefening', 'zebra-oefening', 'zebra exercise'] });
    expect(await titlesFound('exercice zèbre')).not.toContain(title);
    expect(await titlesFound('zebra exercise')).toContain(title);

    expect((await server.gql(DELETE, { id }, admin)).data.deleteSynonymGroup).toBe(true);
    expect(await titlesFound('zebra exercise')).not.toContain(title);
    expect((await server.gql(GROUPS, {}, viewer)).data.synonymGroups.map((group: { id: string }) => group.id)).not.toContain(id);
  });

  it('are written by admins only', async () => {
    for (const token of [editor, viewer]) {
      expect((await save(['kapper', 'coiffeur'], undefined, token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const groups: { id: string }[] = (await server.gql(GROUPS, {}, viewer)).data.synonymGroups;
    expect((await server.gql(DELETE, { id: groups[0].id }, editor)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('keep each word once, accents and case aside, and refuse what would make a search ambiguous', async () => {
    const saved = await save(['  Kapper ', 'kapper', 'coiffeur', 'Coiffeur', 'COIFFEUR  salon', 'coiffeur salon']);
    expect(saved.errors).toBeUndefined();
    expect(saved.data.saveSynonymGroup.terms).toEqual(['Kapper', 'coiffeur', 'COIFFEUR salon']);

    // The English message, and the reason the app says in its reader's language.
    const cases: [string[], Record<string, unknown>, RegExp][] = [
      [['kapsalon'], { code: 'BAD_USER_INPUT', reason: 'synonymsTooFew' }, /at least two different words/],
      [['kapsalon', 'Kapsalon', ' '], { code: 'BAD_USER_INPUT', reason: 'synonymsTooFew' }, /at least two different words/],
      [['kapsalon', '!'], { code: 'BAD_USER_INPUT', reason: 'synonymTooShort', params: { term: '!' } }, /"!" needs at least two letters or digits/],
      [['kapsalon', 'x'.repeat(101)], { code: 'BAD_USER_INPUT', reason: 'tooLong', params: { field: 'terms', max: 100 } }, /longer than 100 characters/],
      [Array.from({ length: 51 }, (_, i) => `woord${i}`), { code: 'BAD_USER_INPUT', reason: 'synonymsTooMany', params: { max: 50 } }, /at most 50 words/],
      [['kapsalon', 'Bénévolat'], { code: 'CONFLICT', reason: 'synonymTaken', params: { term: 'Bénévolat' } }, /"Bénévolat" is already in the group "vrijwilligerswerk, /],
    ];
    for (const [terms, extensions, message] of cases) {
      const result = await save(terms);
      expect(result.errors?.[0].extensions, terms.join('|')).toMatchObject({ ...extensions, field: 'terms' });
      expect(result.errors?.[0].message).toMatch(message);
    }
    // A group may keep its own words when it is saved again.
    const again = await save(['kapper', 'coiffeur', 'haircut'], saved.data.saveSynonymGroup.id);
    expect(again.data.saveSynonymGroup.terms).toEqual(['kapper', 'coiffeur', 'haircut']);
  });

  it('answer wrong ids clearly', async () => {
    const garbage = (await save(['a1', 'b2'], 'garbage')).errors?.[0].extensions;
    expect(garbage).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    // Only a program sends an id that is not one: there is nothing to say to a person.
    expect(garbage?.reason).toBeUndefined();
    expect((await save(['a1', 'b2'], '00000000-0000-4000-8000-000000000000')).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await server.gql(DELETE, { id: '00000000-0000-4000-8000-000000000000' }, admin)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('store hostile words as words, and search with them', async () => {
    const hostile = ["'); DROP TABLE synonym_group; --", 'kiwi & | ! <-> :* (', 'emoji 🙂 \u0000 nul'];
    const saved = await save(hostile);
    expect(saved.errors).toBeUndefined();
    expect(saved.data.saveSynonymGroup.terms).toEqual([hostile[0], hostile[1], 'emoji 🙂 nul']);
    for (const query of hostile) expect(Array.isArray(await titlesFound(query))).toBe(true);
    expect((await server.gql(GROUPS, {}, viewer)).data.synonymGroups.length).toBeGreaterThan(10);
  });
});
