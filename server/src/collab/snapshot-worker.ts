import { encodeStoredState, type StoredReportState } from '../reports/report-state.js';
import { answerRequests } from '../common/worker-client.js';

/** Runs in a worker thread (see snapshot-encoder.ts): a stored state in, the whole document as one update out. */
answerRequests((state: StoredReportState) => encodeStoredState(state), (encoded) => [encoded.buffer as ArrayBuffer]);
