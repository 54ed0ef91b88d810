import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { CollabDocument } from './collab-document.js';

/** The Yjs update inside a sync step 2 frame (message type, sync type, payload). */
function payload(frame: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(frame);
  decoding.readVarUint(decoder);
  decoding.readVarUint(decoder);
  return decoding.readVarUint8Array(decoder);
}

function received(frame: Uint8Array): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, payload(frame));
  return doc.getText('t').toString();
}

describe('CollabDocument.syncStep2', () => {
  it('answers every empty-handed joiner with one shared encoding, renewed by the next change', () => {
    const document = new CollabDocument('d', () => {});
    document.doc.getText('t').insert(0, 'motivatie');
    const empty = Y.encodeStateVector(new Y.Doc());
    const first = document.syncStep2(empty);
    expect(document.syncStep2(empty)).toBe(first);
    expect(received(first)).toBe('motivatie');

    document.doc.getText('t').insert(9, ' en partnerschappen');
    const after = document.syncStep2(empty);
    expect(after).not.toBe(first);
    expect(received(after)).toBe('motivatie en partnerschappen');
    document.destroy();
  });

  it('answers a client that has part of the document with only what it lacks', () => {
    const document = new CollabDocument('d', () => {});
    document.doc.getText('t').insert(0, 'formation');
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(document.doc));
    document.doc.getText('t').insert(9, ' continue');
    const answer = document.syncStep2(Y.encodeStateVector(client));
    expect(payload(answer).length).toBeLessThan(Y.encodeStateAsUpdate(document.doc).length);
    Y.applyUpdate(client, payload(answer));
    expect(client.getText('t').toString()).toBe('formation continue');
    document.destroy();
  });
});

describe('CollabDocument.loadStored', () => {
  it('takes in what is stored without relaying it, and relays the changes that follow', () => {
    const document = new CollabDocument('d', () => {});
    const frames: Uint8Array[] = [];
    document.peers.set({ send: (frame) => frames.push(frame) }, new Set());
    const stored = new Y.Doc();
    stored.getText('t').insert(0, 'opgeslagen');
    document.loadStored(Y.encodeStateAsUpdate(stored));
    expect(document.doc.getText('t').toString()).toBe('opgeslagen');
    expect(frames).toEqual([]);
    // The shared encoding for joiners holds what was loaded.
    expect(received(document.syncStep2(Y.encodeStateVector(new Y.Doc())))).toBe('opgeslagen');

    document.doc.getText('t').insert(10, ' verslag');
    expect(frames).toHaveLength(1);
  });

  it('keeps its listener when what is stored cannot be read', () => {
    const document = new CollabDocument('d', () => {});
    const frames: Uint8Array[] = [];
    document.peers.set({ send: (frame) => frames.push(frame) }, new Set());
    expect(() => document.loadStored(new Uint8Array([255, 255, 255]))).toThrow();
    document.doc.getText('t').insert(0, 'daarna');
    expect(frames).toHaveLength(1);
  });
});
