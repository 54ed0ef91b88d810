import { parentPort } from 'node:worker_threads';
import { encodeStoredState, type StoredReportState } from '../reports/report-state.js';

/** Runs in a worker thread (see snapshot-encoder.ts): a stored state in, the whole document as one update out. */
parentPort!.on('message', ({ id, state }: { id: number; state: StoredReportState }) => {
  try {
    const encoded = encodeStoredState(state);
    parentPort!.postMessage({ id, encoded }, [encoded.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
