import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestServer } from '../support/server.js';
import { spawnServer } from '../support/process.js';
import { postGraphQL, signIn } from '../support/graphql-http.js';
import { appendParagraph } from '../support/collab-client.js';
import { statField } from '../support/proc.js';
import { pairedRatioInterval, percentile as pct } from '../support/quantiles.js';
import { createTestDatabase } from '../../server/src/test-support/db.js';
import { CollabDocument } from '../../server/src/collab/collab-document.js';
import { snapshotEncoder } from '../../server/src/collab/snapshot-encoder.js';
import { encodeStoredState } from '../../server/src/reports/report-state.js';
import { REPORT_FRAGMENT } from '@atelier/shared';
import { writeBlocks } from '../../server/src/reports/report-content.js';
import { encodeSyncStep1, MESSAGE_SYNC } from '../../server/src/collab/protocol.js';

const POSTGRES = process.env.DATABASE_URL || process.env.TEST_POSTGRES_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';
// Eight rounds put each of up to four servers in each place of the order twice.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 8);
/** `BENCH_ONLY=<part of a scenario's label>` runs only the scenarios whose label contains it. */
const wanted = (label: string) => !process.env.BENCH_ONLY || label.includes(process.env.BENCH_ONLY);
// Every stock WebsocketProvider listens for the process's 'exit' (to say goodbye); 200 of them are expected here.
process.setMaxListeners(0);

interface Target {
  name: string;
  base: string;
  token: string | null;
  /** The server's process, whose CPU time each round is read from /proc. */
  pid: number;
  documents(count: number): Promise<string[]>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function client(target: Target, name: string): { doc: Y.Doc; provider: WebsocketProvider; synced: Promise<number> } {
  const doc = new Y.Doc();
  const started = performance.now();
  const provider = new WebsocketProvider(target.base, name, doc, { WebSocketPolyfill: WebSocket as never, params: target.token ? { token: target.token } : {}, disableBc: true });
  const synced = new Promise<number>((resolve) => provider.on('sync', (ok: boolean) => ok && resolve(performance.now() - started)));
  return { doc, provider, synced };
}

/** The stock in-memory server in a child process of its own; with `storeUrl`, the store-before-relay floor (reference-server.ts). */
async function referenceTarget(name: string, storeUrl?: string): Promise<{ target: Target; close(): void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'reference-server.ts')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, STORE_URL: storeUrl ?? '' },
  });
  process.once('exit', () => child.kill());
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /listening on (\d+)/.exec(chunk.toString());
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`reference server exited with ${code}`)));
  });
  let n = 0;
  return {
    target: { name, base: `ws://127.0.0.1:${port}`, token: null, pid: child.pid!, documents: async (count) => Array.from({ length: count }, () => `bench-${n++}`) },
    close: () => child.kill(),
  };
}

function atelierTarget(url: string, token: string, pid = process.pid): Target {
  return {
    name: 'Atelier (PostgreSQL log, store before relay)',
    pid,
    base: `${url.replace('http', 'ws')}/collab`,
    token,
    async documents(count) {
      const names: string[] = [];
      for (let i = 0; i < count; i++) {
        const result = await postGraphQL(url, `mutation { createMeeting(input: { date: "2030-01-01", kind: MEETING, title: "Bench" }) { report { documentName } } }`, {}, token);
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
    // A line of the report body rides along with the timestamp, as typing would: the server stores
    // it and derives text, links and search sections from it, as for any edit of a report.
    writer.doc.transact(() => {
      const body = writer.doc.getXmlFragment(REPORT_FRAGMENT);
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(`Bewerking ${k}: de deelnemers bespreken motivatie en partnerschappen.`)]);
      body.insert(body.length, [paragraph]);
      writer.doc.getMap('bench').set(`edit-${k}`, performance.now());
    });
    await sleep(8);
  }
  await sleep(1500);
  for (const c of clients) {
    c.provider.destroy();
    c.doc.destroy();
  }
  return samples;
}

interface Joined {
  time: number;
  close(): void;
}

async function stockJoin(target: Target, name: string): Promise<Joined> {
  const c = client(target, name);
  return {
    time: await c.synced,
    close() {
      c.provider.destroy();
      c.doc.destroy();
    },
  };
}

/**
 * A bare protocol client: asks for everything and stops the clock when the whole document has
 * arrived, without decoding it, so the figure is the server's and not the bench's own CPU.
 */
function rawJoin(target: Target, name: string): Promise<Joined> {
  const started = performance.now();
  const ws = new WebSocket(`${target.base}/${name}${target.token ? `?token=${target.token}` : ''}`);
  return new Promise((resolve, reject) => {
    ws.on('open', () => ws.send(encodeSyncStep1(new Y.Doc())));
    ws.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(data);
      if (decoding.readVarUint(decoder) !== MESSAGE_SYNC || decoding.readVarUint(decoder) !== syncProtocol.messageYjsSyncStep2) return;
      resolve({ time: performance.now() - started, close: () => ws.close() });
    });
    ws.on('error', reject);
  });
}

/** The benchmark's large report: 1,500 paragraphs, about 1 MB encoded. */
function writeLargeReport(doc: Y.Doc): void {
  const paragraph = 'De deelnemers wisselen ervaringen uit over motivatie, partnerschappen en opleidingen. '.repeat(8);
  writeBlocks(doc, Array.from({ length: 1500 }, (_, i) => ({ type: 'paragraph' as const, text: `${i}. ${paragraph}` })));
}

let sizeShown = false;

/** A large report, written and stored, then joined by `joiners` at once; every one stays until all are in. */
async function joinBig(target: Target, joiners: number, join: (target: Target, name: string) => Promise<Joined>): Promise<number[]> {
  const [name] = await target.documents(1);
  const author = client(target, name);
  await author.synced;
  writeLargeReport(author.doc);
  const encoded = Y.encodeStateAsUpdate(author.doc);
  await sleep(2500);
  author.provider.destroy();
  author.doc.destroy();
  const joined = await Promise.all(Array.from({ length: joiners }, () => join(target, name)));
  for (const j of joined) j.close();
  if (!sizeShown) console.log(`    (a report of ${(encoded.length / 2 ** 20).toFixed(2)} MB encoded; one client alone applies it in ${applyMs(encoded).toFixed(1)} ms, the rest of its time to synced is the server's share)`);
  sizeShown = true;
  return joined.map((j) => j.time);
}

/** Median time a lone client takes to apply a whole report (what each browser adds on its own CPU). */
function applyMs(update: Uint8Array): number {
  return pct(Array.from({ length: 15 }, () => {
    const doc = new Y.Doc();
    const started = performance.now();
    Y.applyUpdate(doc, update);
    const elapsed = performance.now() - started;
    doc.destroy();
    return elapsed;
  }), 50);
}

const median = (values: number[]) => pct(values, 50);
/** A server's name without its explanation in parentheses. */
const short = (name: string) => name.split(' (')[0];

/**
 * Pooled quantiles per server, and each server's ratio to the reference (the first target): over
 * all samples, with its 90% interval from drawing the rounds again (a p99 is decided by a round's
 * few worst moments, so the interval says which ratios this run can tell apart), and round by
 * round (each round's servers ran one after the other; their median and range are printed).
 */
function report(label: string, rounds: Map<string, number[][]>, quantiles: number[]): void {
  console.log(`  ${label}`);
  const all = (name: string) => rounds.get(name)!.flat();
  for (const name of rounds.keys()) console.log(`    ${name}: ${quantiles.map((q) => `p${q} ${pct(all(name), q).toFixed(1)} ms`).join(', ')} (${all(name).length} samples)`);
  const ratio = (name: string, base: string) => {
    const ratios = quantiles.map((q) => {
      const perRound = rounds.get(name)!.map((samples, i) => pct(samples, q) / pct(rounds.get(base)![i], q));
      const [low, high] = pairedRatioInterval(rounds.get(name)!, rounds.get(base)!, q);
      return `p${q} ${(pct(all(name), q) / pct(all(base), q)).toFixed(2)}× (90% interval ${low.toFixed(2)}–${high.toFixed(2)}; rounds: median ${median(perRound).toFixed(2)}×, ${Math.min(...perRound).toFixed(2)}–${Math.max(...perRound).toFixed(2)})`;
    });
    console.log(`    ratio ${short(name)} / ${short(base)}: ${ratios.join(', ')}`);
  };
  const [reference, ...others] = rounds.keys();
  for (const name of others) ratio(name, reference);
  // Against the floor, what Atelier adds beyond storing before relaying.
  const floor = others.find((name) => short(name) === 'floor');
  if (floor) for (const name of others.slice(others.indexOf(floor) + 1)) ratio(name, floor);
}

async function compare(label: string, targets: Target[], scenario: (target: Target) => Promise<number[]>, quantiles: number[]): Promise<void> {
  if (!wanted(label)) return;
  const rounds = new Map<string, number[][]>(targets.map((t) => [t.name, []]));
  const cpu = new Map<string, CpuTime[]>(targets.map((t) => [t.name, []]));
  // A first round per server is not counted: all are measured warm (compiled code, connection
  // pools), whether this scenario runs alone or after others.
  for (const target of targets) await scenario(target);
  for (let round = 0; round < ROUNDS; round++) {
    // The order turns from round to round so no server profits from going first or last: every
    // rotation once forward, then every rotation once backward.
    const order = targets.map((_, i) => targets[(i + round) % targets.length]);
    const backward = Math.floor(round / targets.length) % 2 === 1;
    for (const target of backward ? order.reverse() : order) {
      const { result, cpu: used } = await measureCpu(target.pid, () => scenario(target));
      rounds.get(target.name)!.push(result);
      cpu.get(target.name)!.push(used);
    }
  }
  report(label, rounds, quantiles);
  for (const [name, used] of cpu) {
    console.log(`    CPU per round, ${short(name)}: server process ${median(used.map((u) => u.server)).toFixed(0)} ms, PostgreSQL ${median(used.map((u) => u.postgres)).toFixed(0)} ms (medians)`);
  }
}

interface CpuTime {
  server: number;
  postgres: number;
}

/** CPU time used so far, in ms, by a process (user + system); 0 once it is gone. */
async function processCpuMs(pid: string): Promise<number> {
  const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  const [utime, stime] = [statField(stat, 14), statField(stat, 15)];
  // The kernel counts in clock ticks of 10 ms (USER_HZ is 100 on Linux).
  return utime && stime ? (Number(utime) + Number(stime)) * 10 : 0;
}

async function postgresCpuMs(): Promise<Map<string, number>> {
  // Without /proc (not Linux) there is nothing to read, and every figure is 0.
  const pids = (await fs.readdir('/proc').catch(() => [])).filter((entry) => /^\d+$/.test(entry));
  const comms = await Promise.all(pids.map((pid) => fs.readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '')));
  const postgres = pids.filter((_, i) => comms[i].trim() === 'postgres');
  return new Map(await Promise.all(postgres.map(async (pid) => [pid, await processCpuMs(pid)] as const)));
}

/**
 * What a round cost the machine in CPU (user + system): the server's process, and all of
 * PostgreSQL's processes that lived through the round (servers run one at a time, so that is
 * the round's server's). On a shared two-core machine a latency percentile only hints at this.
 */
async function measureCpu<T>(pid: number, work: () => Promise<T>): Promise<{ result: T; cpu: CpuTime }> {
  const [server, postgres] = [await processCpuMs(String(pid)), await postgresCpuMs()];
  const result = await work();
  const [serverAfter, postgresAfter] = [await processCpuMs(String(pid)), await postgresCpuMs()];
  let postgresUsed = 0;
  for (const [id, before] of postgres) if (postgresAfter.has(id)) postgresUsed += postgresAfter.get(id)! - before;
  return { result, cpu: { server: serverAfter - server, postgres: postgresUsed } };
}

function heapMb(): number {
  global.gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

/** Atelier's real entry point in a child process of its own, on a fresh PostgreSQL database. */
async function atelierProcess(): Promise<{ target: Target; close(): Promise<void> }> {
  const database = await createTestDatabase(POSTGRES);
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'atelier-bench-'));
  // A server that cannot start must not leave its database and folder behind.
  const server = await spawnServer({ DATABASE_URL: database.url!, DATA_DIR: dataDir, REDIS_URL: '', ADMIN_EMAIL, ADMIN_PASSWORD, LOG_LEVEL: 'info' }).catch(async (error: unknown) => {
    await database.drop();
    await fs.rm(dataDir, { recursive: true, force: true });
    throw error;
  });
  process.once('exit', () => server.child.kill());
  const token = await signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  return {
    target: atelierTarget(server.url, token, server.child.pid),
    async close() {
      server.child.kill();
      await server.exited;
      await database.drop();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * `npm run bench -- collab`: stock y-websocket clients (in this process) against Atelier and the
 * in-memory reference, each server in its own process as in production, alternating.
 */
export async function run(): Promise<void> {
  const reference = await referenceTarget('reference (@y/websocket-server, in memory)');
  // A second, identical reference process: how far two equal servers differ here is the smallest
  // ratio this machine can tell apart from 1.
  const control = await referenceTarget('control (a second reference process)');
  // What storing before relaying costs by itself on this machine, whoever implements it: the
  // reference with one INSERT per message before it handles the message, on a database of its own.
  const floorDatabase = await createTestDatabase(POSTGRES);
  const floor = await referenceTarget('floor (the reference + one INSERT before each message)', floorDatabase.url!);
  const closeReferences = async () => {
    reference.close();
    control.close();
    floor.close();
    await floorDatabase.drop();
  };
  // The references' processes must not outlive a failed start of Atelier's.
  const atelier = await atelierProcess().catch(async (error: unknown) => {
    await closeReferences();
    throw error;
  });
  const targets = [reference.target, atelier.target];
  const withControl = [reference.target, control.target, floor.target, atelier.target];
  try {
    await compare('50 editors on one report, propagation edit → every other client', withControl, (t) => propagation(t, 50, 1, 300), [50, 99]);
    await compare('200 editors across 20 reports', withControl, (t) => propagation(t, 200, 20, 600), [50, 99]);
    await compare('100 observers with presence on, one editor', targets, (t) => propagation(t, 1, 1, 50, 100), [50, 95]);
    await compare('150 stock clients joining a large report at once, time to synced (bound by the clients\' own decoding, all in this process)', targets, (t) => joinBig(t, 150, stockJoin), [50, 95]);
    await compare('150 bare protocol clients joining a large report at once, time until the whole report has arrived (the servers\' share)', targets, (t) => joinBig(t, 150, rawJoin), [50, 95]);
  } finally {
    await atelier.close();
    await closeReferences();
  }
  if (wanted('opening a large report')) await openLarge();
  if (wanted('deriving a report')) await deriving();
  if (wanted('heap and memory')) await memory();
}

/**
 * The event loop's share of opening a report that is not in memory: the merged state comes from
 * the snapshot worker and is applied once; against building it, encoding it and applying it all
 * on the event loop, as before the worker did it.
 */
async function openLarge(): Promise<void> {
  const source = new Y.Doc();
  writeLargeReport(source);
  const snapshot = Y.encodeStateAsUpdate(source);
  const tail: { seq: number; update: Uint8Array }[] = [];
  source.on('update', (update: Uint8Array) => tail.push({ seq: tail.length + 1, update }));
  for (let i = 0; i < 400; i++) source.getXmlFragment(REPORT_FRAGMENT).insert(0, [new Y.XmlText(`regel ${i}`)]);
  const state = { snapshot, snapshotSeq: 0, tail };
  const onLoop: number[] = [];
  const inWorker: number[] = [];
  const now: number[] = [];
  for (let i = 0; i < 11; i++) {
    let started = performance.now();
    const before = new CollabDocument('before', () => {});
    Y.applyUpdate(before.doc, encodeStoredState(state), 'store');
    onLoop.push(performance.now() - started);
    started = performance.now();
    const merged = await snapshotEncoder.encode(state);
    inWorker.push(performance.now() - started);
    started = performance.now();
    const after = new CollabDocument('after', () => {});
    after.loadStored(merged);
    now.push(performance.now() - started);
    if (!Y.equalSnapshots(Y.snapshot(before.doc), Y.snapshot(after.doc))) throw new Error('the two ways of opening the report disagree');
    for (const doc of [before, after]) doc.destroy();
  }
  console.log(`  opening a large report (${(snapshot.length / 2 ** 20).toFixed(2)} MB snapshot + ${tail.length} updates in its log): the event loop's share p50 ${median(now).toFixed(1)} ms, against ${median(onLoop).toFixed(1)} ms building, encoding and applying it all on the event loop (the worker's own time, off the loop: ${median(inWorker).toFixed(1)} ms)`);
}

/**
 * The event loop's share of deriving a report (text, links, search sections) after one more line,
 * read with the loop's own utilisation meter: the body is read on the loop, the rest is done in
 * the derivation worker. Reports of 30 and 300 paragraphs without headings (one section of 2 or
 * 20 KB, whose last passage in the search index changes every time), in a server in this process:
 * ten derived in turn, then the same ten coming due together (one batch, one transaction).
 */
async function deriving(): Promise<void> {
  process.env.DATABASE_URL = POSTGRES;
  const server = await startTestServer({ config: { logLevel: 'warn' } });
  try {
    const token = await server.login();
    for (const paragraphs of [30, 300]) {
      // Ten reports, one more line in each in turn, as when a group writes several at once.
      const names = await atelierTarget(server.url, token).documents(10);
      const docs = names.map(() => new Y.Doc());
      for (const [i, name] of names.entries()) {
        writeBlocks(docs[i], Array.from({ length: paragraphs }, (_, j) => ({ type: 'paragraph' as const, text: `${j}. De deelnemers bespreken motivatie en partnerschappen met het OCMW.` })));
        // The first derivation starts the worker and compiles the taxonomy: not counted.
        await server.app.services.derivation.derive(name, docs[i], 1);
      }
      const onLoop: number[] = [];
      const total: number[] = [];
      const cpu = await cpuOfThisProcessAndPostgres(async () => {
        for (let round = 0; round < 20; round++) {
          for (const [i, name] of names.entries()) {
            appendParagraph(docs[i], `${paragraphs + round}. Nog een regel over vrijwilligerswerk.`);
            const utilisation = performance.eventLoopUtilization();
            const started = performance.now();
            await server.app.services.derivation.derive(name, docs[i], round + 2);
            total.push(performance.now() - started);
            onLoop.push(performance.eventLoopUtilization(utilisation).active);
          }
        }
      });
      console.log(`  deriving a report of ${paragraphs} paragraphs after one more line: the event loop's share p50 ${median(onLoop).toFixed(2)} ms (max ${Math.max(...onLoop).toFixed(2)}), the whole derivation p50 ${median(total).toFixed(2)} ms; CPU per derivation: this process (event loop and derivation worker) ${(cpu.server / total.length).toFixed(2)} ms, PostgreSQL ${(cpu.postgres / total.length).toFixed(2)} ms`);
      // The same ten reports come due together, as when a group writes them at once: one batch.
      const batches: number[] = [];
      const batchCpu = await cpuOfThisProcessAndPostgres(async () => {
        for (let round = 0; round < 20; round++) {
          docs.forEach((doc) => appendParagraph(doc, `${paragraphs + 20 + round}. Nog een regel over vrijwilligerswerk.`));
          const started = performance.now();
          const outcomes = await server.app.services.derivation.deriveAll(names.map((name, i) => ({ name, settled: async () => ({ doc: docs[i], seq: round + 22 }) })));
          batches.push(performance.now() - started);
          const failed = outcomes.find((outcome) => outcome.error);
          if (failed) throw failed.error;
        }
      });
      docs.forEach((doc) => doc.destroy());
      const derivations = batches.length * names.length;
      console.log(`  deriving ${names.length} such reports that come due together: the batch p50 ${median(batches).toFixed(2)} ms; CPU per report: this process ${(batchCpu.server / derivations).toFixed(2)} ms, PostgreSQL ${(batchCpu.postgres / derivations).toFixed(2)} ms`);
    }
  } finally {
    await server.close();
  }
}

/**
 * `work`'s CPU time, in ms: this process's (every thread), and PostgreSQL's processes' (as
 * measureCpu). This process's is read inside measureCpu's, which reads hundreds of files in /proc
 * on libuv's threads before and after: that is the benchmark's, not the derivations'.
 */
async function cpuOfThisProcessAndPostgres(work: () => Promise<void>): Promise<CpuTime> {
  let used = { user: 0, system: 0 };
  const { cpu } = await measureCpu(process.pid, async () => {
    const started = process.cpuUsage();
    await work();
    used = process.cpuUsage(started);
  });
  return { server: (used.user + used.system) / 1000, postgres: cpu.postgres };
}

/**
 * Heap of documents loaded the way the server loads them, against their encoded size; then a
 * server in this process (where the heap can be read after a full GC): the heap after a first
 * warm-up round is the baseline, and rounds of editors coming and going must not grow it.
 */
async function memory(): Promise<void> {
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

  process.env.DATABASE_URL = POSTGRES;
  const server = await startTestServer({ config: { logLevel: 'warn' } });
  try {
    const target = atelierTarget(server.url, await server.login());
    const round = async () => {
      await propagation(target, 200, 20, 200);
      await joinBig(target, 50, stockJoin);
      // Documents leave memory two seconds after their last client.
      await sleep(3000);
    };
    await round();
    const baseline = heapMb();
    const after: number[] = [];
    for (let i = 0; i < 3; i++) {
      await round();
      after.push(heapMb());
    }
    const stats = server.app.services.collab.stats();
    console.log(`  heap after a warm-up round ${baseline.toFixed(1)} MB; after each of three more rounds (200 editors on 20 reports, 50 joiners of a 1 MB report, all gone): ${after.map((mb) => mb.toFixed(1)).join(', ')} MB; ${stats.documents} documents and ${stats.connections} connections left`);
  } finally {
    await server.close();
  }
}
