import { afterAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { POSTGRES_URL, skipWithoutPostgres } from '../support/services.js';
import { prng, syntheticReport } from '../bench/synthetic.js';

const skip = skipWithoutPostgres();
const servers: TestServer[] = [];
afterAll(async () => {
  for (const server of servers.reverse()) await server.close();
});

/** Two servers on one fresh PostgreSQL database, each with an admin signed in. */
async function twoInstances() {
  const one = await startTestServer({ postgres: POSTGRES_URL, config: { logLevel: 'warn' } });
  servers.push(one);
  const two = await startTestServer({ reuse: one, config: { logLevel: 'warn' } });
  servers.push(two);
  return { one, two, tokenOne: await one.login(), tokenTwo: await two.login() };
}

const IMPORT = `mutation ($filename: String!, $text: String!) { importReport(filename: $filename, text: $text) { meeting { id } } }`;

describe.skipIf(skip)('the taxonomy on two instances of one database', () => {
  it('is used by the other instance\'s next import as soon as it changes', async () => {
    const { one, two, tokenOne, tokenTwo } = await twoInstances();
    const random = prng(7);
    const importOnTwo = async (index: number): Promise<string> => {
      const report = syntheticReport(index, random);
      const result = await two.gql(IMPORT, { filename: report.filename, text: report.text }, tokenTwo);
      expect(result.errors).toBeUndefined();
      return result.data.importReport.meeting.id;
    };
    const methodsOf = async (id: string): Promise<string[]> =>
      (await two.gql(`query ($id: ID!) { meeting(id: $id) { methods { key } } }`, { id }, tokenTwo)).data.meeting.methods.map((m: { key: string }) => m.key);

    // The first import reads the taxonomy on instance two, before the method exists.
    expect(await methodsOf(await importOnTwo(0))).not.toContain('experience-exchange');
    const added = await one.gql(`mutation { upsertMethod(input: { key: "experience-exchange", name: "Ervaringsuitwisseling", aliases: ["wisselen ervaringen uit"] }) { key } }`, {}, tokenOne);
    expect(added.errors).toBeUndefined();
    // Every synthetic report says "De deelnemers wisselen ervaringen uit".
    expect(await methodsOf(await importOnTwo(1))).toContain('experience-exchange');
  });

  it('has the other instance search with a synonym group as soon as it is saved', async () => {
    const { one, two, tokenOne, tokenTwo } = await twoInstances();
    const created = await two.gql(`mutation { createPractice(input: { title: "Wandelgesprek met de cliënt" }) { id } }`, {}, tokenTwo);
    expect(created.errors).toBeUndefined();
    const titlesOnTwo = async (query: string): Promise<string[]> =>
      (await two.gql(`query ($query: String!) { search(query: $query) { hits { title } } }`, { query }, tokenTwo)).data.search.hits.map((hit: { title: string }) => hit.title);

    // The search reads the synonyms on instance two, before the group exists.
    expect(await titlesOnTwo('entretien en marchant')).not.toContain('Wandelgesprek met de cliënt');
    const saved = await one.gql(`mutation { saveSynonymGroup(terms: ["wandelgesprek", "entretien en marchant"]) { id } }`, {}, tokenOne);
    expect(saved.errors).toBeUndefined();
    expect(await titlesOnTwo('entretien en marchant')).toContain('Wandelgesprek met de cliënt');
  });
});
