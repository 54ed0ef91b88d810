import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, userWithRole, type TestServer } from '../support/server.js';

let server: TestServer;
let admin: string;
let editor: string;
let viewer: string;

const CREATE_MEETING = `mutation ($input: CreateMeetingInput!) { createMeeting(input: $input) { id date kind title location report { id documentName } } }`;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login();
  editor = await userWithRole(server, admin, 'EDITOR');
  viewer = await userWithRole(server, admin, 'VIEWER');
  for (const [key, nl, fr, en] of [
    ['motivation', 'Motivatie', 'Motivation', 'Motivation'],
    ['partnerships', 'Partnerschappen', 'Partenariats', 'Partnerships'],
  ]) {
    const result = await server.gql(`mutation ($input: ThemeInput!) { upsertTheme(input: $input) { key } }`,
      { input: { key, labelNl: nl, labelFr: fr, labelEn: en } }, admin);
    expect(result.errors).toBeUndefined();
  }
});

afterAll(async () => {
  await server?.close();
});

describe('authentication and roles', () => {
  it('answers every anonymous read with UNAUTHENTICATED', async () => {
    for (const query of ['{ meetings { id } }', '{ people { id } }', '{ themes { key } }', '{ practices { totalCount } }', '{ me { id } }']) {
      const result = await server.gql(query);
      expect(result.errors?.[0].extensions?.code, query).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses a forged token and a wrong password', async () => {
    const forged = admin.slice(0, -4) + (admin.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect((await server.gql('{ meetings { id } }', {}, forged)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const wrong = await server.gql(`mutation { login(email: "${server.adminEmail}", password: "not the password") { token } }`);
    expect(wrong.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(wrong.errors?.[0].message).toBe('Wrong email or password');
  });

  it('returns the user with the token', async () => {
    const result = await server.gql(`mutation { login(email: "${server.adminEmail}", password: "${server.adminPassword}") { token user { id email role } } }`);
    expect(result.data.login.user).toMatchObject({ email: server.adminEmail, role: 'ADMIN' });
    expect(result.data.login.token.split('.')).toHaveLength(3);
  });

  it('lets viewers read but not write', async () => {
    expect((await server.gql('{ meetings { id } }', {}, viewer)).errors).toBeUndefined();
    const write = await server.gql(CREATE_MEETING, { input: { date: '2024-01-10', kind: 'MEETING', title: 'x' } }, viewer);
    expect(write.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const practice = await server.gql(`mutation { createPractice(input: { title: "x" }) { id } }`, {}, viewer);
    expect(practice.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('keeps user management for admins', async () => {
    const result = await server.gql(`mutation { createUser(input: { email: "x@y.be", password: "long enough pw", role: ADMIN }) { id } }`, {}, editor);
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('invalidates the token of a demoted user', async () => {
    const email = 'demoted@atelier.test';
    const created = await server.gql(`mutation { createUser(input: { email: "${email}", password: "long enough pw", role: EDITOR }) { id } }`, {}, admin);
    const token = await server.login(email, 'long enough pw');
    await server.gql(`mutation ($id: ID!) { updateUser(id: $id, input: { role: VIEWER }) { role } }`, { id: created.data.createUser.id }, admin);
    expect((await server.gql('{ me { role } }', {}, token)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const fresh = await server.login(email, 'long enough pw');
    expect((await server.gql('{ me { role } }', {}, fresh)).data.me.role).toBe('VIEWER');
  });
});

describe('meetings and practices', () => {
  it('creates a meeting that always has a report with a URL-safe document name', async () => {
    const result = await server.gql(CREATE_MEETING, { input: { date: '2023-04-03', kind: 'MEETING', title: 'Lerend netwerk', location: 'Brussel' } }, editor);
    expect(result.errors).toBeUndefined();
    const meeting = result.data.createMeeting;
    expect(meeting).toMatchObject({ date: '2023-04-03', kind: 'MEETING', title: 'Lerend netwerk', location: 'Brussel' });
    expect(meeting.report.documentName).toMatch(/^[A-Za-z0-9_-]+$/);
    const report = await server.gql(`query ($id: ID!) { report(id: $id) { id documentName text meeting { date } } }`, { id: meeting.report.id }, viewer);
    expect(report.data.report).toMatchObject({ documentName: meeting.report.documentName, text: '', meeting: { date: '2023-04-03' } });
    const node = await server.gql(`query ($id: ID!) { node(id: $id) { ... on Meeting { title } } }`, { id: meeting.id }, viewer);
    expect(node.data.node.title).toBe('Lerend netwerk');
  });

  it('refuses bad input with BAD_USER_INPUT naming the field', async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      [CREATE_MEETING, { input: { date: '2024-13-45', kind: 'MEETING', title: 'x' } }, 'date'],
      [CREATE_MEETING, { input: { date: '2023-02-29', kind: 'MEETING', title: 'x' } }, 'date'],
      [CREATE_MEETING, { input: { date: '2024-01-01', kind: 'MEETING', title: '   ' } }, 'title'],
      [`mutation { createPractice(input: { title: "t", themes: ["no-such-theme"] }) { id } }`, {}, 'themes'],
      [`mutation { createPractice(input: { title: "" }) { id } }`, {}, 'title'],
      [`mutation { createPractice(input: { title: "t", meetingId: "garbage" }) { id } }`, {}, 'meetingId'],
      [`{ practices(first: 1000) { totalCount } }`, {}, 'first'],
      [`{ practices(after: "nonsense") { totalCount } }`, {}, 'after'],
    ];
    for (const [query, variables, field] of cases) {
      const result = await server.gql(query, variables, editor);
      expect(result.errors?.[0].extensions, `${query} ${JSON.stringify(variables)}`).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('answers unknown ids with NOT_FOUND', async () => {
    const missing = Buffer.from('Meeting:00000000-0000-4000-8000-000000000000').toString('base64url');
    expect((await server.gql(`query ($id: ID!) { meeting(id: $id) { id } }`, { id: missing }, viewer)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const practice = await server.gql(`mutation ($m: ID!) { createPractice(input: { title: "t", meetingId: $m }) { id } }`, { m: missing }, editor);
    expect(practice.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'meetingId' });
  });

  it('pages practices as a Relay connection filtered by theme', async () => {
    const meeting = (await server.gql(CREATE_MEETING, { input: { date: '2018-12-18', kind: 'MEETING', title: 'AMIF' } }, editor)).data.createMeeting;
    for (let i = 0; i < 5; i++) {
      const created = await server.gql(
        `mutation ($input: CreatePracticeInput!) { createPractice(input: $input) { id title themes { key } meeting { date } } }`,
        { input: { title: `Practice ${i}`, description: 'd', themes: i % 2 ? ['motivation'] : ['partnerships'], meetingId: meeting.id } },
        editor,
      );
      expect(created.errors).toBeUndefined();
      expect(created.data.createPractice.meeting.date).toBe('2018-12-18');
    }
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = await server.gql(
        `query ($after: String) { practices(theme: "partnerships", first: 2, after: $after) { totalCount edges { cursor node { title themes { key } } } pageInfo { hasNextPage endCursor } } }`,
        { after }, viewer);
      expect(page.errors).toBeUndefined();
      const connection = page.data.practices;
      expect(connection.totalCount).toBe(3);
      seen.push(...connection.edges.map((edge: any) => edge.node.title));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen.sort()).toEqual(['Practice 0', 'Practice 2', 'Practice 4']);
  });
});

describe('hostile queries', () => {
  it('refuses a 25-level query before running it', async () => {
    let query = 'id';
    for (let i = 0; i < 12; i++) query = `meeting { practices { ${query} } }`;
    const deep = `{ practices { edges { node { ${query} } } } }`;
    const before = server.app.db.statements.count;
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({ query: deep }),
    });
    const result = await response.json();
    expect(response.status).toBe(400);
    expect(result.errors[0].message).toMatch(/nested \d+ levels deep/);
    expect(server.app.db.statements.count - before).toBeLessThanOrEqual(2);
  });

  it('answers malformed bodies with 400 and no stack trace', async () => {
    const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it('never leaks SQL or stacks for strange strings', async () => {
    for (const title of ["'; DROP TABLE meeting; --", '\u0000nul', 'x'.repeat(5000), '🙂 ünïcödé']) {
      const result = await server.gql(CREATE_MEETING, { input: { date: '2024-02-02', kind: 'MEETING', title } }, editor);
      const text = JSON.stringify(result);
      expect(text).not.toMatch(/SELECT|INSERT|stack|\.ts:\d+/);
      if (result.errors) expect(result.errors[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('operations', () => {
  it('reports healthy once migrations ran', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });
});
