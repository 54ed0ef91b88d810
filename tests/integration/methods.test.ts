import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let admin: string;

const METHOD = `query ($key: String!) { method(key: $key) { key description descriptions { nl fr en } } }`;
const UPSERT = `mutation ($input: MethodInput!) { upsertMethod(input: $input) { key descriptions { nl fr en } } }`;
const SEARCH = `query ($q: String!) { search(query: $q, filter: { kinds: ["METHOD"] }) { hits { kind key } } }`;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login();
});

afterAll(async () => {
  await server?.close();
});

describe('method descriptions in every language', () => {
  it('ships each method described in Dutch, French and English', async () => {
    const { data, errors } = await server.gql(METHOD, { key: 'check-in' }, admin);
    expect(errors).toBeUndefined();
    expect(data.method.descriptions.nl).toMatch(/bijeenkomst/);
    expect(data.method.descriptions.fr).toMatch(/rencontre/);
    expect(data.method.descriptions.en).toMatch(/meeting/);
    expect(data.method.description).toBe(data.method.descriptions.en);
    const all = await server.gql(`{ methods { key descriptions { nl fr en } } }`, {}, admin);
    for (const method of all.data.methods) expect(Object.values(method.descriptions).every(Boolean), method.key).toBe(true);
  });

  it('finds a method by its description in Dutch or French', async () => {
    const keys = async (q: string) => ((await server.gql(SEARCH, { q }, admin)).data.search.hits as { key: string }[]).map((hit) => hit.key);
    // Words that appear in those methods' Dutch or French descriptions only.
    expect(await keys('primo-arrivants')).toEqual(expect.arrayContaining(['intake-interview', 'buddy-work', 'via-traject']));
    expect(await keys('lotgenoot')).toEqual(['buddy-work']);
  });

  it('lets a coordinator write each language, and checks what is written', async () => {
    const written = await server.gql(UPSERT, { input: { key: 'peer-visit', name: 'Peer visit', descriptionNl: 'Een bezoek bij een ander OCMW.', descriptionFr: 'Une visite dans un autre CPAS.' } }, admin);
    expect(written.errors).toBeUndefined();
    expect(written.data.upsertMethod.descriptions).toEqual({ nl: 'Een bezoek bij een ander OCMW.', fr: 'Une visite dans un autre CPAS.', en: '' });
    // Only what is given changes.
    const english = await server.gql(UPSERT, { input: { key: 'peer-visit', name: 'Peer visit', description: 'A visit to another centre.' } }, admin);
    expect(english.data.upsertMethod.descriptions).toEqual({ nl: 'Een bezoek bij een ander OCMW.', fr: 'Une visite dans un autre CPAS.', en: 'A visit to another centre.' });
    const tooLong = await server.gql(UPSERT, { input: { key: 'peer-visit', name: 'Peer visit', descriptionFr: 'x'.repeat(20_001) } }, admin);
    expect(tooLong.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(tooLong.errors?.[0].message).toMatch(/descriptionFr/);
  });

  it('fills the shipped methods\' descriptions when an older database is migrated, and leaves a coordinator\'s own methods empty', async () => {
    const { dataSource } = server.app.db;
    await dataSource.undoLastMigration();
    await dataSource.query(`INSERT INTO method (key, name, aliases, description) VALUES ('own-way', 'Our own way', '{}', 'Ours.')`);
    await dataSource.runMigrations();
    const rows: { key: string; description_nl: string; description_fr: string }[] = await dataSource.query(
      `SELECT key, description_nl, description_fr FROM method WHERE key IN ('world-cafe', 'own-way') ORDER BY key`,
    );
    expect(rows[0]).toEqual({ key: 'own-way', description_nl: '', description_fr: '' });
    expect(rows[1].key).toBe('world-cafe');
    expect(rows[1].description_nl).toMatch(/tafel/);
    expect(rows[1].description_fr).toMatch(/table/);
  });
});
