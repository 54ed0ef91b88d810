import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { encodeAwarenessStates, encodeSyncStep2, encodeUpdate } from './protocol.js';

/** What the document needs of a connection: somewhere to send frames. */
export interface Peer {
  send(frame: Uint8Array): void;
}

/**
 * One report loaded in memory: the Yjs document, the awareness (who is here, their cursors), and
 * the connections editing it. Changes that are already stored (from other instances, the store
 * itself) are forwarded at once to every peer but the one they came from; a peer's own change is
 * applied held back (`applyHeld`), stored, then relayed (`relay`).
 */
export class CollabDocument {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  /** Each peer with the awareness client ids it controls (removed when it leaves). */
  readonly peers = new Map<Peer, Set<number>>();
  /** Highest update-log sequence number known to be in `doc`. */
  seq = 0;
  /**
   * Local changes applied but not yet stored: the document is not unloaded while any are in
   * flight, and what it holds is not shown to anyone (`whenStored`).
   */
  pendingWrites = 0;
  private storedWaiters: (() => void)[] = [];
  /** While a peer's change is applied: what the document integrated, kept from the peers. */
  private held: Uint8Array[] | null = null;
  unloadTimer: NodeJS.Timeout | null = null;
  /** Dropped because it held a change the log refused: nothing may be read from it any more. */
  evicted = false;
  /** The whole document as a sync step 2, kept until the next change: a crowd joining at once costs one encoding. */
  private fullState: Uint8Array | null = null;

  constructor(
    readonly name: string,
    private readonly onAwarenessFromPeer: (update: Uint8Array) => void,
  ) {
    this.awareness.setLocalState(null);
    this.doc.on('update', this.onUpdate);
    this.awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      const owned = this.peers.get(origin as Peer);
      if (owned) {
        for (const id of added) owned.add(id);
        for (const id of removed) owned.delete(id);
      }
      const changed = [...added, ...updated, ...removed];
      const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
      const frame = encodeAwarenessStates(this.awareness, changed);
      for (const peer of this.peers.keys()) peer.send(frame);
      if (owned) this.onAwarenessFromPeer(update);
    });
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown) => {
    this.fullState = null;
    if (this.held) this.held.push(update);
    else this.relay(update, origin);
  };

  /**
   * Applies what is stored when the report is opened, before anyone can see it. The update
   * listener is off meanwhile: there is no one to relay to, and with a listener Yjs would encode
   * the whole report once more, which costs as much as applying it.
   */
  loadStored(update: Uint8Array): void {
    this.doc.off('update', this.onUpdate);
    try {
      Y.applyUpdate(this.doc, update, 'store');
    } finally {
      this.doc.on('update', this.onUpdate);
      this.fullState = null;
    }
  }

  relay(update: Uint8Array, except: unknown): void {
    const frame = encodeUpdate(update);
    for (const peer of this.peers.keys()) if (peer !== except) peer.send(frame);
  }

  /**
   * Applies a peer's change without relaying it, and returns what the document integrated, in
   * Yjs's own encoding (null: nothing new), to be stored and then relayed. Only those bytes are
   * ever stored, so the log holds nothing a document cannot load. A change that decodes but that
   * Yjs cannot integrate throws after integrating part of it: that part is returned with the error.
   */
  applyHeld(update: Uint8Array, origin: unknown): { integrated: Uint8Array | null; error: unknown } {
    this.held = [];
    let error: unknown = null;
    try {
      Y.applyUpdate(this.doc, update, origin);
    } catch (caught) {
      error = caught ?? new Error('unreadable change');
    }
    const held = this.held;
    this.held = null;
    return { integrated: held.length === 0 ? null : held.length === 1 ? held[0] : Y.mergeUpdates(held), error };
  }

  writeStarted(): void {
    this.pendingWrites++;
  }

  writeEnded(): void {
    if (--this.pendingWrites > 0) return;
    const waiters = this.storedWaiters;
    this.storedWaiters = [];
    for (const resolve of waiters) resolve();
  }

  /** Resolves once everything the document holds is stored (at once when nothing is in flight). */
  whenStored(): Promise<void> {
    return this.pendingWrites === 0 ? Promise.resolve() : new Promise((resolve) => this.storedWaiters.push(resolve));
  }

  /** Sync step 2 answering a client's state vector; a client that has nothing gets the shared copy. */
  syncStep2(stateVector: Uint8Array): Uint8Array {
    if (stateVector.length === 1 && stateVector[0] === 0) return (this.fullState ??= encodeSyncStep2(this.doc, stateVector));
    return encodeSyncStep2(this.doc, stateVector);
  }

  removePeer(peer: Peer): void {
    const owned = this.peers.get(peer);
    if (!owned) return;
    // Removed while the peer is still listed, so the removal is relayed to other instances too.
    awarenessProtocol.removeAwarenessStates(this.awareness, [...owned], peer);
    this.peers.delete(peer);
  }

  destroy(): void {
    this.fullState = null;
    this.awareness.destroy();
    this.doc.destroy();
  }
}
