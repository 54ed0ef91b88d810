import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, userWithRole, type TestServer } from '../support/server.js';

/** When the machine got a person or a centre wrong, a coordinator merges or splits them. */
let server: TestServer;
let admin: string;

const HEADER = `mutation ($input: SetAttendancesInput!) { setAttendances(input: $input) { attendances { id status person { id name } organization { name } } } }`;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login();
});
afterAll(async () => {
  await server?.close();
});

describe('merging and splitting', () => {
  it('merges two people into one, keeping both spellings and every attendance', async () => {
    const meetings = [];
    for (const date of ['2020-01-10', '2020-02-10']) {
      meetings.push((await server.gql(`mutation { createMeeting(input: { date: "${date}", kind: MEETING, title: "M" }) { id } }`, {}, admin)).data.createMeeting.id);
    }
    // Too far apart for the automatic matching: two rows.
    await server.gql(HEADER, { input: { meetingId: meetings[0], attendances: [{ personName: 'Jo Vandenberghe', organizationName: 'OCMW Gent', status: 'PRESENT' }] } }, admin);
    await server.gql(HEADER, { input: { meetingId: meetings[1], attendances: [{ personName: 'Joke Van den Berghe', organizationName: 'CPAS Gand', status: 'EXCUSED' }] } }, admin);
    const people = (await server.gql(`{ people { id name } }`, {}, admin)).data.people;
    const keep = people.find((p: any) => p.name === 'Jo Vandenberghe');
    const gone = people.find((p: any) => p.name === 'Joke Van den Berghe');
    expect(keep && gone).toBeTruthy();

    const viewer = await userWithRole(server, admin, 'VIEWER');
    const refused = await server.gql(`mutation ($k: ID!, $m: ID!) { mergePeople(keepId: $k, mergeId: $m) { id } }`, { k: keep.id, m: gone.id }, viewer);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const merged = await server.gql(`mutation ($k: ID!, $m: ID!) { mergePeople(keepId: $k, mergeId: $m) { id name aliases attendances { id status meeting { date } } } }`, { k: keep.id, m: gone.id }, admin);
    expect(merged.errors).toBeUndefined();
    expect(merged.data.mergePeople.aliases).toContain('Joke Van den Berghe');
    expect(merged.data.mergePeople.attendances.map((a: any) => a.meeting.date).sort()).toEqual(['2020-01-10', '2020-02-10']);
    // "CPAS Gand" is the taxonomy's French name of OCMW Gent: one centre.
    const organizations = (await server.gql(`{ organizations { name } }`, {}, admin)).data.organizations.map((o: any) => o.name);
    expect(organizations.filter((n: string) => /Gent|Gand/.test(n))).toEqual(['OCMW Gent']);

    const excused = merged.data.mergePeople.attendances.find((a: any) => a.status === 'EXCUSED');
    const split = await server.gql(`mutation ($id: ID!, $a: [ID!]!) { splitPerson(id: $id, name: "Joke Van den Berghe", attendanceIds: $a) { id name attendances { meeting { date } } } }`, { id: keep.id, a: [excused.id] }, admin);
    expect(split.errors).toBeUndefined();
    expect(split.data.splitPerson.attendances.map((a: any) => a.meeting.date)).toEqual(['2020-02-10']);
    const after = (await server.gql(`query ($id: ID!) { person(id: $id) { aliases attendances { meeting { date } } } }`, { id: keep.id }, admin)).data.person;
    expect(after.attendances.map((a: any) => a.meeting.date)).toEqual(['2020-01-10']);
    expect(after.aliases).not.toContain('Joke Van den Berghe');

    const wrong = await server.gql(`mutation ($id: ID!) { splitPerson(id: $id, name: "X", attendanceIds: ["not-an-id"]) { id } }`, { id: keep.id }, admin);
    expect(wrong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'attendanceIds' });
  });
});
