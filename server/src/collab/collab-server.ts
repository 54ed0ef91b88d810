import type http from 'node:http';
import type { Duplex } from 'node:stream';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { WebSocketServer, WebSocket, type RawData } from 'ws';
import pLimit from 'p-limit';
import { CollabCloseCode, Role } from '@atelier/shared';
import { CollabDocument, type Peer } from './collab-document.js';
import { decodeClientMessage, encodeAwarenessStates, encodeSyncStep1, MalformedMessageError, type ClientMessage } from './protocol.js';
import type { UpdateLog } from './update-log.js';
import type { Fanout, FanoutMessage } from './fanout.js';
import { Debouncer } from './debouncer.js';
import type { Logger } from '../logger.js';

export interface CollabUser {
  id: string;
  role: Role;
}

export type AuthResult = { user: CollabUser } | { closeCode: number; reason: string };

export interface CollabOptions {
  authenticate(token: string | null, documentName: string): Promise<AuthResult>;
  log: UpdateLog;
  fanout?: Fanout | null;
  maxMessageBytes: number;
  logger: Logger;
  /**
   * Called a moment after local edits settle (derived text, search, links, versions, compaction),
   * with every document whose edits came due together.
   */
  onDocumentsChanged?(documents: ChangedDocument[]): Promise<void>;
  /** The current role of each user still known (a user left out was deleted). */
  currentRoles(userIds: string[]): Promise<Map<string, Role>>;
  /** Called when a document has left memory: what was kept about it can go, a long log be compacted. */
  onDocumentUnloaded?(documentName: string): Promise<void>;
  /** A connection that has not answered the previous ping by the next one is closed. */
  pingIntervalMs: number;
  unloadDelayMs?: number;
}

/** A document in memory whose edits are to be derived. */
export interface ChangedDocument {
  name: string;
  /**
   * Waits until everything the document holds is stored (derived data is read by anyone: it is
   * derived from what is stored), then gives it and the highest log seq folded into it; null
   * when it has left memory since. Read it before awaiting anything else: the next edit may come.
   */
  settled(): Promise<{ doc: Y.Doc; seq: number } | null>;
}

const PATH = /^\/collab\/([A-Za-z0-9_.~-]{1,200})$/;
const MAX_EARLY_FRAMES = 64;

interface Connection extends Peer {
  ws: WebSocket;
  user: CollabUser;
  alive: boolean;
  document: CollabDocument | null;
}

/**
 * The live co-editing endpoint, `/collab/<documentName>?token=...`, speaking the y-websocket
 * protocol. Every update is appended to the durable log before it is applied and relayed, so
 * anything a peer has seen survives a crash; viewers receive everything and change nothing.
 */
export class CollabServer {
  private readonly wss: WebSocketServer;
  private readonly documents = new Map<string, Promise<CollabDocument | null>>();
  private readonly loaded = new Map<string, CollabDocument>();
  private readonly connections = new Set<Connection>();
  private readonly derived: Debouncer;
  /**
   * Derived data is computed for one batch of documents at a time: those that came due together
   * (the debouncer brings along every document edited for a while, so a group writing twenty
   * reports at once costs a few batches a round, not twenty derivations). Twenty derivations at
   * once would hold the event loop for tens of milliseconds and every keystroke relayed meanwhile
   * would wait; one batch at a time, its database round trips leave the loop free for the relays.
   */
  private readonly deriveOneAtATime = pLimit(1);
  private readonly pingTimer: NodeJS.Timeout;
  private closed = false;

  constructor(private readonly options: CollabOptions) {
    this.wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes, perMessageDeflate: false });
    this.derived = new Debouncer(300, 1500, (names) => this.runDerived(names.flatMap((name) => this.loaded.get(name) ?? [])));
    this.pingTimer = setInterval(() => this.ping(), options.pingIntervalMs);
    this.pingTimer.unref();
    options.fanout?.onMessage((message) => this.onFanout(message));
    options.fanout?.onReconnected(() => {
      this.resync().catch((error: unknown) => options.logger.error({ err: error }, 'could not catch up after the link to other instances came back'));
    });
  }

  /** For `http.Server` 'upgrade': answers /collab/ paths, leaves others alone. */
  handleUpgrade(request: http.IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith('/collab/')) return false;
    const match = PATH.exec(url.pathname);
    this.wss.handleUpgrade(request, socket, head, (ws) => {
      if (!match || this.closed) {
        ws.close(match ? CollabCloseCode.GOING_AWAY : CollabCloseCode.NOT_FOUND, match ? 'Server is shutting down' : 'No such document');
        return;
      }
      void this.accept(ws, decodeURIComponent(match[1]), url.searchParams.get('token'));
    });
    return true;
  }

  private async accept(ws: WebSocket, documentName: string, token: string | null): Promise<void> {
    // Frames that arrive while we authenticate are held, not read: nothing is answered before auth.
    const early: RawData[] = [];
    const hold = (data: RawData) => {
      early.push(data);
      if (early.length > MAX_EARLY_FRAMES) ws.close(CollabCloseCode.MALFORMED, 'Too many messages before authentication');
    };
    ws.on('message', hold);
    ws.on('error', () => ws.terminate());
    const auth = await this.options.authenticate(token, documentName).catch((error: unknown) => {
      this.options.logger.error({ err: error }, 'collab authentication failed');
      return { closeCode: 1011, reason: 'Server error' };
    });
    if ('closeCode' in auth) {
      ws.close(auth.closeCode, auth.reason);
      return;
    }
    if (ws.readyState !== WebSocket.OPEN) return;
    const document = await this.acquire(documentName).catch((error: unknown) => {
      this.options.logger.error({ err: error, documentName }, 'could not load document');
      return undefined;
    });
    if (document === undefined || document === null) {
      ws.close(document === null ? CollabCloseCode.NOT_FOUND : 1011, document === null ? 'No such document' : 'Server error');
      return;
    }
    const connection: Connection = {
      ws,
      user: auth.user,
      alive: true,
      document,
      send: (frame) => {
        if (ws.readyState === WebSocket.OPEN) ws.send(frame, (error) => error && ws.terminate());
      },
    };
    this.connections.add(connection);
    if (document.unloadTimer) clearTimeout(document.unloadTimer);
    document.unloadTimer = null;
    document.peers.set(connection, new Set());
    ws.off('message', hold);
    ws.on('message', (data) => this.onFrame(connection, data));
    ws.on('pong', () => (connection.alive = true));
    ws.on('close', () => this.leave(connection));
    connection.send(encodeSyncStep1(document.doc));
    const states = [...document.awareness.getStates().keys()];
    if (states.length) connection.send(encodeAwarenessStates(document.awareness, states));
    for (const data of early) this.onFrame(connection, data);
    if (ws.readyState !== WebSocket.OPEN) this.leave(connection);
  }

  private onFrame(connection: Connection, data: RawData): void {
    const document = connection.document;
    if (!document) return;
    let message: ClientMessage;
    try {
      message = decodeClientMessage(toBytes(data));
    } catch (error) {
      if (!(error instanceof MalformedMessageError)) throw error;
      connection.ws.close(CollabCloseCode.MALFORMED, 'Malformed message');
      return;
    }
    switch (message.type) {
      case 'syncStep1':
        // Answered from what is stored: a change still on its way to the log is not shown yet.
        void document.whenStored().then(() => {
          if (connection.document === document) connection.send(document.syncStep2(message.stateVector));
        });
        break;
      case 'update':
        // A viewer's changes are dropped, never applied, stored or relayed; empty ones (a client
        // answering sync with nothing new) are not worth a row.
        if (connection.user.role !== Role.VIEWER && !message.empty) void this.commit(document, message.update, connection);
        break;
      case 'awareness':
        try {
          awarenessProtocol.applyAwarenessUpdate(document.awareness, message.update, connection);
        } catch {
          connection.ws.close(CollabCloseCode.MALFORMED, 'Malformed awareness update');
        }
        break;
      case 'queryAwareness':
        connection.send(encodeAwarenessStates(document.awareness, [...document.awareness.getStates().keys()]));
        break;
      case 'auth':
        break;
    }
  }

  /**
   * Apply held back, store what the document integrated, then relay it: the order that makes "seen
   * by anyone" imply "stored", with nothing stored that Yjs could not integrate.
   */
  private async commit(document: CollabDocument, update: Uint8Array, origin: Peer | string): Promise<void> {
    const { integrated, error } = document.applyHeld(update, origin);
    if (error) {
      this.options.logger.warn({ err: error, documentName: document.name }, 'refused a change that could not be applied');
      if (typeof origin !== 'string') (origin as Connection).ws.close(CollabCloseCode.MALFORMED, 'Change could not be applied');
    }
    if (!integrated) return;
    document.writeStarted();
    try {
      const seq = await this.options.log.append(document.name, integrated);
      document.seq = Math.max(document.seq, seq);
      document.relay(integrated, origin);
      this.options.fanout?.publish({ kind: 'update', documentName: document.name, payload: integrated });
      this.derived.touch(document.name);
    } catch (storeError) {
      this.options.logger.error({ err: storeError, documentName: document.name }, 'could not store a change; its editors reconnect to the stored report and resend what it lacks');
      this.evict(document);
    } finally {
      document.writeEnded();
      this.maybeUnload(document);
    }
  }

  /**
   * The document in memory holds a change the log does not: it is dropped, and its editors are
   * sent away to reconnect to what is stored, where their sync sends the change again.
   */
  private evict(document: CollabDocument): void {
    if (this.loaded.get(document.name) !== document) return;
    document.evicted = true;
    this.loaded.delete(document.name);
    this.documents.delete(document.name);
    if (document.unloadTimer) clearTimeout(document.unloadTimer);
    for (const connection of this.connections) {
      if (connection.document !== document) continue;
      connection.document = null;
      connection.ws.close(1011, 'Could not store the change; reconnect to send it again');
    }
    document.peers.clear();
    document.destroy();
  }

  private acquire(documentName: string): Promise<CollabDocument | null> {
    let loading = this.documents.get(documentName);
    if (!loading) {
      loading = this.load(documentName);
      this.documents.set(documentName, loading);
      loading.then((document) => document ?? this.documents.delete(documentName), () => this.documents.delete(documentName));
    }
    return loading;
  }

  private async load(documentName: string): Promise<CollabDocument | null> {
    const document = new CollabDocument(documentName, (update) =>
      this.options.fanout?.publish({ kind: 'awareness', documentName, payload: update }));
    // Subscribe before reading the log, so nothing published in between is missed.
    this.loaded.set(documentName, document);
    try {
      await this.options.fanout?.subscribe(documentName);
      const stored = await this.options.log.loadMerged(documentName);
      if (stored) {
        document.loadStored(stored.update);
        document.seq = stored.seq;
        return document;
      }
    } catch (error) {
      // Nothing of a document that could not be read stays behind: the next client loads it anew.
      await this.forget(document);
      throw error;
    }
    await this.forget(document);
    return null;
  }

  private async forget(document: CollabDocument): Promise<void> {
    if (this.loaded.get(document.name) === document) this.loaded.delete(document.name);
    await this.options.fanout?.unsubscribe(document.name).catch(() => {});
    document.destroy();
  }

  private onFanout(message: FanoutMessage): void {
    if (message.kind === 'rights') {
      const { userId, role } = JSON.parse(Buffer.from(message.payload).toString()) as { userId: string; role: Role | null };
      this.applyRights(userId, role);
      return;
    }
    const document = this.loaded.get(message.documentName);
    if (!document) return;
    try {
      if (message.kind === 'update') Y.applyUpdate(document.doc, message.payload, 'remote');
      else awarenessProtocol.applyAwarenessUpdate(document.awareness, message.payload, 'remote');
    } catch (error) {
      this.options.logger.warn({ err: error }, 'ignored an unreadable message from another instance');
    }
  }

  private leave(connection: Connection): void {
    if (!this.connections.delete(connection)) return;
    const document = connection.document;
    connection.document = null;
    if (!document) return;
    document.removePeer(connection);
    this.maybeUnload(document);
  }

  private maybeUnload(document: CollabDocument): void {
    if (document.peers.size > 0 || document.pendingWrites > 0 || document.unloadTimer || this.loaded.get(document.name) !== document) return;
    document.unloadTimer = setTimeout(() => void this.unload(document), this.options.unloadDelayMs ?? 2000);
    document.unloadTimer.unref();
  }

  private async unload(document: CollabDocument): Promise<void> {
    document.unloadTimer = null;
    if (document.peers.size > 0 || document.pendingWrites > 0) return;
    this.loaded.delete(document.name);
    this.documents.delete(document.name);
    await this.derived.flush(document.name, () => this.runDerived([document]));
    await this.forget(document);
    await this.options.onDocumentUnloaded?.(document.name).catch((error: unknown) => this.options.logger.warn({ err: error }, 'compaction failed'));
  }

  private runDerived(documents: CollabDocument[]): Promise<void> {
    if (!documents.length) return Promise.resolve();
    return this.deriveOneAtATime(async () => {
      try {
        await this.options.onDocumentsChanged?.(documents.map((document) => ({
          name: document.name,
          settled: async () => {
            await document.whenStored();
            return document.evicted ? null : { doc: document.doc, seq: document.seq };
          },
        })));
      } catch (error) {
        this.options.logger.error({ err: error, documentNames: documents.map((document) => document.name) }, 'derived data failed');
      }
    });
  }

  /**
   * A change made by the server itself (restoring a version, a corrected import): computed on a
   * copy, then committed like any edit, so it is stored, relayed and published the same way.
   */
  async change(documentName: string, edit: (doc: Y.Doc) => void): Promise<boolean> {
    const document = await this.acquire(documentName);
    if (!document) return false;
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(document.doc));
    const before = Y.encodeStateVector(copy);
    edit(copy);
    const update = Y.encodeStateAsUpdate(copy, before);
    copy.destroy();
    await this.commit(document, update, 'server');
    return true;
  }

  /** Updates written to the log by someone else (the importer): a loaded document catches up, on every instance. */
  async refresh(documentName: string): Promise<void> {
    const document = this.loaded.get(documentName);
    const missing = document && (await this.catchUpFromStore(document));
    if (missing) this.options.fanout?.publish({ kind: 'update', documentName, payload: missing });
  }

  /**
   * The link to the other instances was down, and what they relayed meanwhile never arrived: every
   * document in memory catches up from the store, and every connection's rights are read again (a
   * user removed or demoted on another instance meanwhile was announced while we could not hear).
   */
  private async resync(): Promise<void> {
    for (const document of [...this.loaded.values()]) await this.catchUpFromStore(document);
    const userIds = [...new Set([...this.connections].map((connection) => connection.user.id))];
    if (!userIds.length) return;
    const roles = await this.options.currentRoles(userIds);
    for (const userId of userIds) this.applyRights(userId, roles.get(userId) ?? null);
  }

  /**
   * Brings a loaded document up to everything stored (snapshot and log, so a compaction meanwhile
   * hides nothing); its peers receive what it lacked, which is returned (null when still loading
   * or gone).
   */
  private async catchUpFromStore(document: CollabDocument): Promise<Uint8Array | null> {
    const stored = await this.options.log.load(document.name);
    if (!stored) return null;
    const missing = Y.encodeStateAsUpdate(stored.doc, Y.encodeStateVector(document.doc));
    stored.doc.destroy();
    if (this.loaded.get(document.name) !== document) return null;
    Y.applyUpdate(document.doc, missing, 'store');
    document.seq = Math.max(document.seq, stored.seq);
    return missing;
  }

  /** A user was deleted (role null) or got another role: their sockets follow, on every instance. */
  userRightsChanged(userId: string, role: Role | null): void {
    this.applyRights(userId, role);
    this.options.fanout?.publish({ kind: 'rights', documentName: '', payload: Buffer.from(JSON.stringify({ userId, role })) });
  }

  /**
   * A removed user's sockets close. One whose right to write came or went takes the new role at
   * once (a frame still on its way is judged by it), and its socket closes with ROLE_CHANGED: the
   * role change ended the user's sign-in, so the client is told to sign in again, where an editor
   * demoted in place would go on typing into an editor that shows "saved" while every change is
   * dropped.
   */
  private applyRights(userId: string, role: Role | null): void {
    for (const connection of this.connections) {
      if (connection.user.id !== userId) continue;
      if (role === null) {
        connection.ws.close(CollabCloseCode.FORBIDDEN, 'Your account was removed');
        continue;
      }
      const couldWrite = connection.user.role !== Role.VIEWER;
      connection.user = { ...connection.user, role };
      if (couldWrite !== (role !== Role.VIEWER)) connection.ws.close(CollabCloseCode.ROLE_CHANGED, 'Your role changed; sign in again');
    }
  }

  /** The document if it is in memory now (tests and the versions panel use it). */
  loadedDocument(documentName: string): Y.Doc | null {
    return this.loaded.get(documentName)?.doc ?? null;
  }

  stats(): { documents: number; connections: number } {
    return { documents: this.loaded.size, connections: this.connections.size };
  }

  private ping(): void {
    for (const connection of this.connections) {
      if (!connection.alive) {
        connection.ws.terminate();
        continue;
      }
      connection.alive = false;
      connection.ws.ping();
    }
  }

  /** Shutdown: peers are told to go elsewhere, pending writes and derived data finish. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.pingTimer);
    for (const connection of this.connections) connection.ws.close(CollabCloseCode.GOING_AWAY, 'Server is shutting down');
    for (const document of this.loaded.values()) {
      await document.whenStored();
      if (document.unloadTimer) clearTimeout(document.unloadTimer);
      await this.derived.flush(document.name, () => this.runDerived([document]));
    }
    this.derived.cancelAll();
    for (const document of this.loaded.values()) document.destroy();
    this.loaded.clear();
    this.documents.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    await this.options.fanout?.close();
  }
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
