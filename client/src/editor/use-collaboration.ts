import { useEffect, useMemo, useRef, useState } from 'react';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import { session } from '../graphql/client';
import { unsavedLines } from './unsaved';

/**
 * `live` and `offlineReading` are a reader's `saved` and `offline`: a reader has nothing to save,
 * so theirs say whether the copy shown is in step with the server.
 */
export type SyncStatus = 'connecting' | 'saving' | 'saved' | 'live' | 'offline' | 'offlineReading' | 'closed';

const COLORS = ['#1d4ed8', '#b45309', '#047857', '#be123c', '#7c3aed', '#0e7490', '#a16207', '#4d7c0f'];

export function colorFor(seed: string): string {
  let hash = 0;
  for (const char of seed) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return COLORS[Math.abs(hash) % COLORS.length];
}

export interface Peer {
  clientId: number;
  name: string;
  color: string;
}

/**
 * The Yjs document of a report, synced with the server. "saved" means every local change has left
 * this browser over an open, synced socket; the server stores each change before it relays it.
 *
 * `writer`: whether the person may write. A writer's copy is kept in IndexedDB, so typing offline
 * loses nothing. A reader is shown the server's copy only: the device's copy may hold text typed
 * there before their role changed, which the server will not take; it is compared with the
 * server's and given back as `unsaved` lines (to copy and pass on), until `discardUnsaved`.
 */
export function useCollaboration(documentName: string, user: { name: string; email: string }, writer: boolean) {
  const doc = useMemo(() => new Y.Doc(), [documentName, writer]);
  const [status, setStatus] = useState<SyncStatus>('connecting');
  const [peers, setPeers] = useState<Peer[]>([]);
  const [closedForGood, setClosedForGood] = useState<number | null>(null);
  const closedForGoodRef = useRef<number | null>(null);
  const [unsaved, setUnsaved] = useState<string[]>([]);
  const discardRef = useRef<() => void>(() => {});

  const provider = useMemo(() => {
    const base = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/collab`;
    return new WebsocketProvider(base, documentName, doc, { params: { token: session.token() ?? '' }, connect: false, maxBackoffTime: 4000 });
  }, [doc, documentName]);

  useEffect(() => {
    const kept = writer ? doc : new Y.Doc();
    const local = new IndexeddbPersistence(`atelier:${documentName}`, kept);
    let compared = false;
    setUnsaved([]);
    // Once both copies are read: the server's has arrived (synced) and the device's is loaded.
    const compare = () => {
      if (writer || compared || !provider.synced) return;
      compared = true;
      void local.whenSynced.then(() => setUnsaved(unsavedLines(kept, doc)));
    };
    discardRef.current = () => {
      void local.clearData();
      setUnsaved([]);
    };
    let dirtyAt = 0;
    let timer: number | undefined;
    const evaluate = () => {
      window.clearTimeout(timer);
      // Refused for good: nothing typed here would be kept, so not "offline".
      if (closedForGoodRef.current !== null) return setStatus('closed');
      if (!provider.wsconnected) return setStatus(navigator.onLine && provider.shouldConnect ? 'connecting' : writer ? 'offline' : 'offlineReading');
      if (!provider.synced) return setStatus('connecting');
      if (!writer) return setStatus('live');
      const buffered = provider.ws?.bufferedAmount ?? 0;
      if (buffered > 0 || Date.now() - dirtyAt < 300) {
        setStatus('saving');
        timer = window.setTimeout(evaluate, 150);
        return;
      }
      setStatus('saved');
    };
    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      if (origin !== provider) {
        dirtyAt = Date.now();
        evaluate();
      }
    };
    const onClose = (event: CloseEvent | null) => {
      // Refusals will not heal by reconnecting: stop and say so. A changed role among them, as it
      // ends the sign-in.
      if (event && event.code >= 4400 && event.code < 4500) {
        closedForGoodRef.current = event.code;
        setClosedForGood(event.code);
        provider.shouldConnect = false;
      }
      evaluate();
    };
    const onAwareness = () => {
      const states = [...provider.awareness.getStates().entries()];
      setPeers(states.filter(([, state]) => state.user).map(([clientId, state]) => ({ clientId, name: String(state.user.name), color: String(state.user.color) })));
    };
    provider.awareness.setLocalStateField('user', { name: user.name, color: colorFor(user.email) });
    doc.on('update', onUpdate);
    provider.on('status', evaluate);
    provider.on('sync', evaluate);
    provider.on('sync', compare);
    provider.on('connection-close', onClose);
    provider.awareness.on('change', onAwareness);
    // The browser knows before the socket does: stop at once, and reconnect when the network is back.
    const offline = () => {
      provider.disconnect();
      evaluate();
    };
    const online = () => {
      if (closedForGoodRef.current === null) provider.connect();
      evaluate();
    };
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    // Warn a writer before leaving while a change has not reached the server yet (a reader has none).
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (writer && (!provider.wsconnected || (provider.ws?.bufferedAmount ?? 0) > 0 || Date.now() - dirtyAt < 300)) event.preventDefault();
    };
    window.addEventListener('beforeunload', beforeUnload);
    provider.connect();
    onAwareness();
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      window.removeEventListener('beforeunload', beforeUnload);
      provider.destroy();
      void local.destroy();
      doc.destroy();
      if (kept !== doc) kept.destroy();
    };
  }, [doc, provider, documentName, writer, user.name, user.email]);

  return { doc, provider, status, peers, closedForGood, unsaved, discardUnsaved: () => discardRef.current() };
}
