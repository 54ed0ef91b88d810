import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { startTestServer, type TestServer, type TestServerOptions } from './server.js';
import { corpusFiles } from './corpus.js';

/** A test server with the network's four reports imported through the API, as a coordinator would. */
export async function startCorpusServer(options: TestServerOptions = {}): Promise<{ server: TestServer; token: string }> {
  const server = await startTestServer(options);
  const token = await server.login();
  for (const file of corpusFiles()) {
    const result = await server.gql(
      `mutation ($filename: String!, $text: String!) { importReport(filename: $filename, text: $text) { status } }`,
      { filename: path.basename(file), text: fs.readFileSync(file, 'utf8') },
      token,
    );
    expect(result.errors, file).toBeUndefined();
  }
  await server.app.services.importIndex.drain();
  return { server, token };
}
