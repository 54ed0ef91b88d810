import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { encodeAwarenessStates, encodeSyncStep2, encodeUpdate } from './protocol.js';

/** What the document needs of a connection: somewhere to send frames. */
export interface Peer {
  send(frame: Uint8Array): void;
}

/**
 * One report loaded in memory: the Yjs document, the awareness (who is here, their cursors), and
 * the connections editing it. Every change that reaches the document is forwarded to every peer
 * but the one it came from.
 */
export class CollabDocument {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  /** Each peer with the awareness client ids it controls (removed when it leaves). */
  readonly peers = new Map<Peer, Set<number>>();
  /** Highest update-log sequence number known to be in `doc`. */
  seq = 0;
  /** Local updates being stored: the document is not unloaded while any are in flight. */
  pendingWrites = 0;
  unloadTimer: NodeJS.Timeout | null = null;
  /** The whole document as a sync step 2, kept until the next change: a crowd joining at once costs one encoding. */
  private fullState: Uint8Array | null = null;

  constructor(
    readonly name: string,
    private readonly onAwarenessFromPeer: (update: Uint8Array) => void,
  ) {
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      this.fullState = null;
      const frame = encodeUpdate(update);
      for (const peer of this.peers.keys()) if (peer !== origin) peer.send(frame);
    });
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
