import http from 'node:http';
import pg from 'pg';
import { WebSocketServer, type WebSocket } from 'ws';
import { setupWSConnection } from '@y/websocket-server/utils';

/**
 * The in-memory reference the co-editing benchmark compares against: the stock y-websocket server,
 * in its own process like Atelier's, printing its port when it listens.
 *
 * With `STORE_URL` it becomes the floor of any server that stores before it relays: the same stock
 * server, but each message a client sends is first inserted into a table shaped like Atelier's log
 * (one INSERT per message, prepared, `synchronous_commit=off` as Atelier's log), and only handled
 * once the INSERT has returned. What it adds to the reference is the round trip alone.
 */
const storeUrl = process.env.STORE_URL;
// Its connections stay open between rounds, as Atelier's log's do: otherwise each round would
// begin by connecting, and the benchmark, counting only the PostgreSQL processes that lived
// through a round, would leave the floor's own backends out of its CPU figures.
const pool = storeUrl ? new pg.Pool({ connectionString: storeUrl, max: 3, idleTimeoutMillis: 0, options: '-c synchronous_commit=off' }) : null;
if (pool) {
  await pool.query(`CREATE TABLE IF NOT EXISTS floor_update (
    seq bigserial PRIMARY KEY, document_name varchar(200) NOT NULL, update bytea NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
  await pool.query(`CREATE INDEX IF NOT EXISTS floor_update_doc_idx ON floor_update (document_name, seq)`);
}

/** Hands each of a connection's messages to y-websocket's listener only once stored, in order. */
function storeBeforeHandling(ws: WebSocket, documentName: string, store: pg.Pool): void {
  const on = ws.on.bind(ws);
  let stored = Promise.resolve();
  ws.on = ((event: string, listener: (...args: unknown[]) => void) => {
    if (event !== 'message') return on(event, listener);
    // y-websocket asks for ArrayBuffers.
    return on('message', (data: ArrayBuffer, isBinary: boolean) => {
      stored = stored
        .then(() => store.query({ name: 'append', text: 'INSERT INTO floor_update (document_name, update) VALUES ($1, $2)', values: [documentName, Buffer.from(data)] }))
        .then(() => listener(data, isBinary));
    });
  }) as typeof ws.on;
}

const wss = new WebSocketServer({ noServer: true });
const server = http.createServer();
server.on('upgrade', (request, socket, head) =>
  wss.handleUpgrade(request, socket, head, (ws) => {
    const docName = (request.url ?? '/').slice(1).split('?')[0];
    if (pool) storeBeforeHandling(ws, docName, pool);
    setupWSConnection(ws, request, { docName });
  }));
server.listen(0, '127.0.0.1', () => console.log(`listening on ${(server.address() as { port: number }).port}`));
