import { parentPort } from 'node:worker_threads';
import * as Y from 'yjs';
import { stateToDoc, type StoredReportState } from '../reports/report-state.js';
import { yDocToText } from '../reports/report-content.js';

/**
 * Runs in a worker thread (see snapshot-encoder.ts): a stored state in, the whole document as one
 * update out, with its plain text when `withText`.
 */
parentPort!.on('message', ({ id, state, withText }: { id: number; state: StoredReportState; withText: boolean }) => {
  try {
    const doc = stateToDoc(state);
    const encoded = Y.encodeStateAsUpdate(doc);
    const text = withText ? yDocToText(doc) : undefined;
    doc.destroy();
    parentPort!.postMessage({ id, encoded, text }, [encoded.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
