import net from 'node:net';
import type { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketHandler } from '@electric-sql/pglite-socket';

/** The protocol version field of a StartupMessage (3.0). */
const PROTOCOL_3 = 196608;
const SYNC = 0x53;
const QUERY = 0x51;
const TERMINATE = 0x58;

interface Pending {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
}

/**
 * Feeds the messages of every connection to the one PGlite session, a connection's whole batch at
 * a time. pglite-socket's own queue interleaves connections message by message outside explicit
 * transactions, so two clients' Parse/Bind/Execute/Sync batches can bind against each other's
 * unnamed statement (electric-sql/pglite#1046). Here a connection owns the session from its first
 * message until a Sync or simple Query that leaves no transaction open.
 */
export class BatchQueue {
  private readonly queue: Pending[] = [];
  private processing = false;
  private owner: number | null = null;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.process();
    });
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number): void {
    for (let index = this.queue.length - 1; index >= 0; index--) {
      if (this.queue[index].handlerId !== handlerId) continue;
      this.queue.splice(index, 1)[0].reject(new Error('Handler disconnected'));
    }
  }

  /** A connection that went away in the middle of its batch or transaction gives the session back. */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return;
    if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
    this.owner = null;
    void this.process();
  }

  private async process(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      while (this.queue.length) {
        const index = this.owner === null ? 0 : this.queue.findIndex((item) => item.handlerId === this.owner);
        // The owner's next message is still on its way: the others wait for it.
        if (index === -1) break;
        const [item] = this.queue.splice(index, 1);
        this.owner = item.handlerId;
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          this.owner = null;
          item.reject(error);
          continue;
        }
        if (endsBatch(item.message) && !this.db.isInTransaction()) this.owner = null;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  }
}

function endsBatch(message: Uint8Array): boolean {
  const type = message[0];
  if (type === SYNC || type === QUERY || type === TERMINATE) return true;
  const isStartup = message.length >= 8 && new DataView(message.buffer, message.byteOffset, message.byteLength).getInt32(4) === PROTOCOL_3;
  return isStartup;
}

export interface PGliteServer {
  /** host:port */
  address: string;
  stop(): Promise<void>;
}

/** Serves one PGlite to up to `maxConnections` PostgreSQL clients on a loopback port. */
export async function servePGlite(db: PGlite, maxConnections: number): Promise<PGliteServer> {
  const queue = new BatchQueue(db);
  const handlers = new Set<PGLiteSocketHandler>();
  const server = net.createServer((socket) => {
    if (handlers.size >= maxConnections) {
      socket.end('Too many connections\n');
      return;
    }
    // The handler frames the wire protocol (and answers SSL requests); the queue schedules.
    const handler = new PGLiteSocketHandler({ queryQueue: queue as never, closeOnDetach: true });
    handlers.add(handler);
    const forget = () => handlers.delete(handler);
    handler.addEventListener('close', forget);
    handler.addEventListener('error', forget);
    handler.attach(socket).catch(() => {
      forget();
      socket.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as net.AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    async stop() {
      await Promise.all([...handlers].map((handler) => handler.detach(true)));
      handlers.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
