import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { SnapshotEncoder } from './snapshot-encoder.js';
import { stateToDoc, type StoredReportState } from '../reports/report-state.js';
import { REPORT_FRAGMENT, textBlocks } from '@atelier/shared';
import { writeBlocks } from '../reports/report-content.js';

/** A report of `paragraphs` lines as a snapshot, and `edits` updates made on top of it, as the log holds them. */
function storedState(paragraphs: number, edits: number): StoredReportState {
  const doc = new Y.Doc();
  writeBlocks(doc, Array.from({ length: paragraphs }, (_, i) => ({ type: 'paragraph' as const, text: `${i}. De deelnemers bespreken motivatie en partnerschappen.` })));
  const snapshot = Y.encodeStateAsUpdate(doc);
  const tail: StoredReportState['tail'] = [];
  doc.on('update', (update: Uint8Array) => tail.push({ seq: tail.length + 1, update }));
  for (let k = 0; k < edits; k++) ((doc.getXmlFragment(REPORT_FRAGMENT).get(k % paragraphs) as Y.XmlElement).get(0) as Y.XmlText).insert(0, '*');
  return { snapshot, snapshotSeq: 0, tail };
}

const linesOf = (update: Uint8Array) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return textBlocks(doc).map((block) => block.text);
};

describe('snapshot encoder', () => {
  it('encodes snapshot and log into one update holding the same document, a row Yjs cannot integrate left out as on loading', async () => {
    const encoder = new SnapshotEncoder();
    const state = storedState(20, 30);
    state.tail.splice(10, 0, { seq: 99, update: Uint8Array.of(0, 1, 2, 3, 250) });
    const expected = textBlocks(stateToDoc(state)).map((block) => block.text);
    expect(expected[0]).toBe('**0. De deelnemers bespreken motivatie en partnerschappen.');
    expect(linesOf(await encoder.encode(state))).toEqual(expected);
  });

  it('answers requests made at once each with its own document', async () => {
    const encoder = new SnapshotEncoder();
    const states = [storedState(3, 0), storedState(5, 2), storedState(8, 9)];
    const encoded = await Promise.all(states.map((state) => encoder.encode(state)));
    expect(encoded.map((update) => linesOf(update).length)).toEqual([3, 5, 8]);
  });

  it('refuses a state that cannot be sent to the worker, and goes on serving', async () => {
    const encoder = new SnapshotEncoder();
    const unsendable = { snapshot: null, snapshotSeq: 0, tail: [{ seq: 1, update: (() => undefined) as unknown as Uint8Array }] };
    await expect(encoder.encode(unsendable)).rejects.toThrow(/could not be cloned/);
    expect(linesOf(await encoder.encode(storedState(2, 0)))).toHaveLength(2);
  });

  it('leaves the event loop free while it works', async () => {
    const encoder = new SnapshotEncoder();
    await encoder.encode(storedState(1, 0)); // the worker is started
    let turns = 0;
    let working = true;
    const spin = () => {
      turns++;
      if (working) setImmediate(spin);
    };
    setImmediate(spin);
    // Built on this thread, a report this size holds the loop for tens of milliseconds in one turn.
    await encoder.encode(storedState(1500, 500)).finally(() => (working = false));
    expect(turns).toBeGreaterThan(10);
  });

  it('fails the requests a crashed worker held, with a clear error, and starts a new one for the next', async () => {
    const encoder = new SnapshotEncoder();
    await encoder.encode(storedState(1, 0));
    const held = encoder.encode(storedState(1500, 500));
    await (encoder as unknown as { worker: { worker: { terminate(): Promise<number> } } }).worker.worker.terminate();
    await expect(held).rejects.toThrow(/snapshot worker stopped/);
    expect(linesOf(await encoder.encode(storedState(4, 1)))).toHaveLength(4);
  });
});
