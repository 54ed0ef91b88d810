import http from 'node:http';
import * as Y from 'yjs';
import WebSocket, { WebSocketServer } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { docs as referenceDocs, setupWSConnection } from '@y/websocket-server/utils';
import { startTestServer, type TestServer } from '../support/server.js';
import { CollabDocument } from '../../server/src/collab/collab-document.js';
import { writeBlocks } from '../../server/src/reports/report-content.js';

const POSTGRES = process.env.DATABASE_URL || process.env.TEST_POSTGRES_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);

interface Target {
  name: string;
  base: string;
  token: string | null;
  documents(count: number): Promise<string[]>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
};

function client(target: Target, name: string): { doc: Y.Doc; provider: WebsocketProvider; synced: Promise<number> } {
  const doc = new Y.Doc();
  const started = performance.now();
  const provider = new WebsocketProvider(target.base, name, doc, { WebSocketPolyfill: WebSocket as never, params: target.token ? { token: target.token } : {}, disableBc: true });
  const synced = new Promise<number>((resolve) => provider.on('sync', (ok: boolean) => ok && resolve(performance.now() - started)));
  return { doc, provider, synced };
}

async function referenceTarget(): Promise<{ target: Target; close(): Promise<void> }> {
  const wss = new WebSocketServer({ noServer: true });
  const server = http.createServer();
  server.on('upgrade', (request, socket, head) => wss.handleUpgrade(request, socket, head, (ws) => setupWSConnection(ws, request, { docName: (request.url ?? '/').slice(1).split('?')[0] })));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  let n = 0;
  return {
    target: { name: 'reference (@y/websocket-server, in memory)', base: `ws://127.0.0.1:${port}`, token: null, documents: async (count) => Array.from({ length: count }, () => `bench-${n++}`) },
    close: () => new Promise((resolve) => { wss.close(); server.close(() => resolve()); }),
  };
}

function atelierTarget(server: TestServer, token: string): Target {
  return {
    name: 'Atelier (PostgreSQL log, store before relay)',
    base: `${server.url.replace('http', 'ws')}/collab`,
    token,
    async documents(count) {
      const names: string[] = [];
      for (let i = 0; i < count; i++) {
        const result = await server.gql(`mutation { createMeeting(input: { date: "2030-01-01", kind: MEETING, title: "Bench" }) { report { documentName } } }`, {}, token);
        names.push(result.data.createMeeting.report.documentName);
      }
      return names;
    },
  };
}

/** Editors spread over documents; each edit's arrival at every other client of its document. */
async function propagation(target: Target, editors: number, documents: number, edits: number, observers = 0): Promise<number[]> {
  const names = await target.documents(documents);
  const clients = Array.from({ length: editors + observers }, (_, i) => ({ ...client(target, names[i % documents]), documentIndex: i % documents, editor: i < editors }));
  await Promise.all(clients.map((c) => c.synced));
  if (observers) clients.forEach((c, i) => c.provider.awareness.setLocalStateField('user', { name: `Person ${i}`, color: '#1d4ed8' }));
  const samples: number[] = [];
  for (const c of clients) {
    c.doc.getMap('bench').observe((event) => {
      if (event.transaction.local) return;
      const now = performance.now();
      for (const key of event.keysChanged) samples.push(now - (c.doc.getMap('bench').get(key) as number));
    });
  }
  await sleep(200);
  const writers = clients.filter((c) => c.editor);
  for (let k = 0; k < edits; k++) {
    const writer = writers[k % writers.length];
    writer.doc.getMap('bench').set(`edit-${k}`, performance.now());
    await sleep(8);
  }
  await sleep(1500);
  for (const c of clients) {
    c.provider.destroy();
    c.doc.destroy();
  }
  return samples;
}

async function joinBig(target: Target, joiners: number): Promise<number[]> {
  const [name] = await target.documents(1);
  const author = client(target, name);
  await author.synced;
  const paragraph = 'De deelnemers wisselen ervaringen uit over motivatie, partnerschappen en opleidingen. '.repeat(8);
  writeBlocks(author.doc, Array.from({ length: 1500 }, (_, i) => ({ type: 'paragraph' as const, text: `${i}. ${paragraph}` })));
  const size = Y.encodeStateAsUpdate(author.doc).length;
  await sleep(2500);
  author.provider.destroy();
  author.doc.destroy();
  const clients = Array.from({ length: joiners }, () => client(target, name));
  const times = await Promise.all(clients.map((c) => c.synced));
  for (const c of clients) {
    c.provider.destroy();
    c.doc.destroy();
  }
  console.log(`    (document of ${(size / 2 ** 20).toFixed(2)} MB encoded)`);
  return times;
}

function report(label: string, results: Map<string, number[]>, quantiles: number[]): void {
  console.log(`  ${label}`);
  const values = [...results.values()];
  for (const [name, samples] of results) console.log(`    ${name}: ${quantiles.map((q) => `p${q} ${pct(samples, q).toFixed(1)} ms`).join(', ')} (${samples.length} samples)`);
  if (values.length === 2) console.log(`    ratio Atelier / reference: ${quantiles.map((q) => `p${q} ${(pct(values[1], q) / pct(values[0], q)).toFixed(2)}×`).join(', ')}`);
}

async function compare(label: string, targets: Target[], scenario: (target: Target) => Promise<number[]>, quantiles: number[]): Promise<void> {
  const results = new Map<string, number[]>(targets.map((t) => [t.name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate which server goes first so neither profits from a warmer machine.
    for (const target of round % 2 === 0 ? targets : [...targets].reverse()) results.get(target.name)!.push(...(await scenario(target)));
  }
  report(label, results, quantiles);
}

function heapMb(): number {
  global.gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

/** `npm run bench -- collab`: stock y-websocket clients against Atelier and the in-memory reference, alternating. */
export async function run(): Promise<void> {
  process.env.DATABASE_URL = POSTGRES;
  const server = await startTestServer();
  const token = await server.login();
  const reference = await referenceTarget();
  const targets = [reference.target, atelierTarget(server, token)];
  try {
    const baseline = heapMb();
    await compare('50 editors on one report, propagation edit → every other client', targets, (t) => propagation(t, 50, 1, 100), [50, 99]);
    await compare('200 editors across 20 reports', targets, (t) => propagation(t, 200, 20, 200), [50, 99]);
    await compare('100 observers with presence on, one editor', targets, (t) => propagation(t, 1, 1, 50, 100), [50, 95]);
    await compare('150 clients joining a large report at once, time to synced', targets, (t) => joinBig(t, 150), [50, 95]);

    // Heap of documents loaded the way the server loads them, against their encoded size.
    const source = new Y.Doc();
    writeBlocks(source, Array.from({ length: 400 }, (_, i) => ({ type: 'paragraph' as const, text: `${i}. Een verslag van een bijeenkomst over partnerschappen en motivatie van nieuwkomers.`.repeat(4) })));
    const encoded = Y.encodeStateAsUpdate(source);
    const before = heapMb();
    const loaded = Array.from({ length: 20 }, (_, i) => {
      const document = new CollabDocument(`heap-${i}`, () => {});
      Y.applyUpdate(document.doc, encoded, 'store');
      return document;
    });
    const perDocument = (heapMb() - before) / loaded.length;
    console.log(`  heap per loaded document: ${(perDocument * 1024).toFixed(0)} KB for ${(encoded.length / 1024).toFixed(0)} KB encoded = ${(perDocument * 2 ** 20 / encoded.length).toFixed(1)}× (target ≤ 12×)`);
    loaded.forEach((document) => document.destroy());

    // The reference keeps every document forever (no persistence configured): let them go first.
    for (const doc of referenceDocs.values()) doc.destroy();
    referenceDocs.clear();
    await sleep(3000);
    const after = heapMb();
    console.log(`  heap before the scenarios ${baseline.toFixed(0)} MB, after every client left and documents unloaded ${after.toFixed(0)} MB; Atelier holds ${server.app.services.collab.stats().documents} documents, ${server.app.services.collab.stats().connections} connections`);
  } finally {
    await reference.close();
    await server.close();
  }
}
