import { Worker } from 'node:worker_threads';
import type { StoredReportState } from '../reports/report-state.js';

type Reply = { id: number; encoded?: Uint8Array; error?: string };

/**
 * Encodes a stored state (snapshot + tail) as one snapshot in a worker thread. Building the whole
 * document to encode it takes about 30 ms for a 120 KB report with 500 updates in its log, and
 * 66–92 ms for a 900 KB one; on the event loop, every editor's relay on this instance would wait.
 * It serves compaction and the opening of large reports. One worker serves the process: started
 * at the first use, not keeping the process alive, and started again after a crash (the requests
 * it held fail: compaction is tried again later, a report being opened closes its sockets and
 * the editors' reconnect opens it anew).
 */
export class SnapshotEncoder {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, { resolve: (encoded: Uint8Array) => void; reject: (error: Error) => void }>();
  private nextId = 0;

  encode(state: StoredReportState): Promise<Uint8Array> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      try {
        worker.postMessage({ id, state });
      } catch (error) {
        reject(error);
        return;
      }
      this.pending.set(id, { resolve, reject });
      worker.ref();
    });
  }

  private start(): Worker {
    const worker = startWorker(new URL(`./snapshot-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url));
    worker.unref();
    worker.on('message', ({ id, encoded, error }: Reply) => {
      const request = this.pending.get(id);
      this.pending.delete(id);
      if (!this.pending.size) worker.unref();
      if (error !== undefined) request?.reject(new Error(`could not encode the snapshot: ${error}`));
      else request?.resolve(encoded!);
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const request of this.pending.values()) request.reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the snapshot worker stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }
}

/**
 * Run from source (tsx in development, Vitest in tests), the worker's module is TypeScript, which
 * a new thread cannot load by itself: it registers tsx first. Built, it is plain JavaScript.
 */
function startWorker(url: URL): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url);
  return new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); })`, { eval: true });
}

/** The process's one encoder. */
export const snapshotEncoder = new SnapshotEncoder();
