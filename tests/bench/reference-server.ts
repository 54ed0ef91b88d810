import http from 'node:http';
import { WebSocketServer } from 'ws';
import { setupWSConnection } from '@y/websocket-server/utils';

/**
 * The in-memory reference the co-editing benchmark compares against: the stock y-websocket server,
 * in its own process like Atelier's, printing its port when it listens.
 */
const wss = new WebSocketServer({ noServer: true });
const server = http.createServer();
server.on('upgrade', (request, socket, head) =>
  wss.handleUpgrade(request, socket, head, (ws) => setupWSConnection(ws, request, { docName: (request.url ?? '/').slice(1).split('?')[0] })));
server.listen(0, '127.0.0.1', () => console.log(`listening on ${(server.address() as { port: number }).port}`));
