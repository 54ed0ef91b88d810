import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';

/** A stock y-websocket client in Node, as a browser would connect. */
export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  synced: Promise<void>;
  closed: Promise<{ code: number; reason: string }>;
  destroy(): void;
}

export function connectClient(baseUrl: string, documentName: string, token: string | null, options: { connect?: boolean } = {}): TestClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${baseUrl.replace(/^http/, 'ws')}/collab`, documentName, doc, {
    WebSocketPolyfill: WebSocket as never,
    params: token ? { token } : {},
    connect: options.connect ?? true,
    disableBc: true,
    maxBackoffTime: 500,
  });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    provider.on('sync', (isSynced: boolean) => isSynced && resolve());
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    provider.on('connection-close', (event: any) => event && resolve({ code: event.code, reason: String(event.reason) }));
  });
  return {
    doc,
    provider,
    synced,
    closed,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

export function appendParagraph(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  const fragment = doc.getXmlFragment('default');
  fragment.insert(fragment.length, [paragraph]);
}

/** A heading as the editor writes one (TipTap's `heading` node). */
export function headingElement(text: string, level = 2): Y.XmlElement {
  const heading = new Y.XmlElement('heading');
  heading.setAttribute('level', level as never);
  heading.insert(0, [new Y.XmlText(text)]);
  return heading;
}

export function bodyText(doc: Y.Doc): string {
  return doc.getXmlFragment('default').toArray().map((node) => (node instanceof Y.XmlElement ? node.toArray().map((child) => child.toString()).join('') : node.toString())).join('\n');
}

export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 5000, what = 'condition'): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check()) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

/**
 * A raw socket, to send what no well-behaved client would; `answerPings: false` plays a peer whose
 * network went dead without closing the connection.
 */
export function rawSocket(baseUrl: string, documentName: string, token: string | null, { answerPings = true } = {}): Promise<{ ws: WebSocket; messages: Buffer[]; closed: Promise<{ code: number; reason: string }> }> {
  const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/collab/${documentName}${token ? `?token=${encodeURIComponent(token)}` : ''}`, { autoPong: answerPings });
  const messages: Buffer[] = [];
  ws.on('message', (data) => messages.push(data as Buffer));
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, messages, closed }));
    ws.once('error', reject);
  });
}

/**
 * Well-formed update bytes that make Yjs throw halfway through integrating them: one item whose
 * left neighbour is a later item of its own author. Y.decodeUpdate reads them without complaint.
 */
export function unintegrableUpdate(): Uint8Array {
  const update = encoding.createEncoder();
  for (const n of [1, 1, 4242, 0]) encoding.writeVarUint(update, n);
  encoding.writeUint8(update, 0x84);
  encoding.writeVarUint(update, 4242);
  encoding.writeVarUint(update, 5);
  encoding.writeVarString(update, 'z');
  encoding.writeVarUint(update, 0);
  return encoding.toUint8Array(update);
}
