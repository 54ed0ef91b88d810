import { parentPort, Worker, type Transferable } from 'node:worker_threads';

type Reply<Result> = { id: number; result?: Result; error?: string };

/**
 * Requests answered by one worker thread, for work that would hold every editor's relay if it
 * ran on the event loop. The worker is started at the first request, keeps the process alive only
 * while it holds requests, and is started again after a crash: the requests it held fail with a
 * clear error, the next one starts a new worker.
 */
export class WorkerClient<Request, Result> {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, { resolve: (result: Result) => void; reject: (error: Error) => void }>();
  private nextId = 0;

  /**
   * `module`: the worker's entry, a sibling `.ts` module while run from source; `label` names it in
   * errors ("the snapshot worker"); `failure` prefixes the errors the worker answers with.
   */
  constructor(
    private readonly module: URL,
    private readonly label: string,
    private readonly failure: string,
    private readonly workerData?: unknown,
  ) {}

  request(request: Request): Promise<Result> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      try {
        worker.postMessage({ id, request });
      } catch (error) {
        reject(error);
        return;
      }
      this.pending.set(id, { resolve, reject });
      worker.ref();
    });
  }

  /** Stops the worker, if one runs, after it has answered `farewell` (its chance to close what it opened); requests it still held fail. */
  async close(farewell?: Request): Promise<void> {
    if (!this.worker) return;
    if (farewell !== undefined) await this.request(farewell).catch(() => {});
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  /** Starts the worker if none runs (it is otherwise started by the first request). */
  start(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker(this.module, this.workerData);
    worker.unref();
    worker.on('message', ({ id, result, error }: Reply<Result>) => {
      const request = this.pending.get(id);
      this.pending.delete(id);
      if (!this.pending.size) worker.unref();
      if (error !== undefined) request?.reject(new Error(`${this.failure}: ${error}`));
      else request?.resolve(result!);
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const request of this.pending.values()) request.reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the ${this.label} stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }
}

/**
 * The worker's side: answers each request with `handle`'s result (its `transfer` moved, not
 * copied) or with the message of what it threw.
 */
export function answerRequests<Request, Result>(handle: (request: Request) => Result | Promise<Result>, transfer?: (result: Result) => Transferable[]): void {
  parentPort!.on('message', async ({ id, request }: { id: number; request: Request }) => {
    try {
      const result = await handle(request);
      parentPort!.postMessage({ id, result }, transfer?.(result));
    } catch (error) {
      parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    }
  });
}

/** A sibling module of `importMeta`'s: `.ts` while run from source, `.js` once built. */
export function siblingModule(name: string, importMeta: ImportMeta): URL {
  return new URL(`./${name}${importMeta.url.endsWith('.ts') ? '.ts' : '.js'}`, importMeta.url);
}

/**
 * Run from source (tsx in development, Vitest in tests), the worker's module is TypeScript, which
 * a new thread cannot load by itself: it registers tsx first. Built, it is plain JavaScript.
 */
function startWorker(url: URL, workerData: unknown): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData });
  return new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); })`, { eval: true, workerData });
}
