import type * as Y from 'yjs';
import type { DataSource } from 'typeorm';
import { textBlocks } from '@atelier/shared';
import { findGraphLinks } from './report-content.js';
import { contentHash } from '../common/content-hash.js';
import { siblingModule, WorkerClient } from '../common/worker-client.js';
import { loadStoredDoc } from './report-state.js';
import type { DerivationRequest, DerivationWorkerData } from './derived-data.js';

/**
 * What the server derives from a report body after edits: its plain text (`report.text`), its
 * links to methods and the other nodes, and its search sections (derived-data.ts). Runs debounced
 * after edits settle, on the instance that stored them. The body is read here, where the document
 * lives; everything else (text, matching, the statements and their results) is done in
 * a worker thread with a connection of its own: on the event loop, a report derived while twenty
 * others are edited held every editor's relay on this instance, again and again.
 */
export class ReportDerivation {
  /**
   * A fingerprint of what was last derived from each document in memory. Blocks and links are all
   * the derived data depends on: a change to neither (formatting, another shared type) costs no
   * write, and a change to either (a heading made of a line, a link put on words already there) is
   * derived even when the plain text stays the same.
   */
  private readonly lastDerived = new Map<string, string>();
  private readonly worker: WorkerClient<DerivationRequest, number | null>;

  constructor(
    private readonly dataSource: DataSource,
    database: DerivationWorkerData,
  ) {
    this.worker = new WorkerClient(siblingModule('derivation-worker', import.meta), 'derivation worker', 'could not derive the report', database);
  }

  /**
   * `seq`: the highest log seq folded into `doc`; a restart derives again what came after it.
   * Returns how many updates the report's log holds, or null when nothing was derived (nothing
   * new since last time, or no such report).
   */
  async derive(documentName: string, doc: Y.Doc, seq: number): Promise<number | null> {
    const blocks = textBlocks(doc);
    const links = findGraphLinks(doc);
    const derived = contentHash(JSON.stringify([blocks, links]));
    if (this.lastDerived.get(documentName) === derived) return null;
    const tail = await this.worker.request({ derive: { documentName, seq, blocks, links } });
    if (tail !== null) this.lastDerived.set(documentName, derived);
    return tail;
  }

  /**
   * Derives, one at a time, the reports with stored updates their derived data never followed: the
   * server stopped (or was killed) between an edit and its debounced derivation, or a derivation
   * failed. Run at startup; `stopping` ends it between two reports; a report that fails is told to
   * `failed` and the others go on. Returns how many it derived.
   */
  async catchUp(stopping: () => boolean, failed: (documentName: string, error: unknown) => void): Promise<number> {
    const behind: { document_name: string }[] = await this.dataSource.query(
      `SELECT r.document_name FROM report r
        WHERE greatest(r.snapshot_seq, (SELECT max(u.seq) FROM report_update u WHERE u.document_name = r.document_name)) > r.derived_seq`,
    );
    let derived = 0;
    for (const { document_name: documentName } of behind) {
      if (stopping()) break;
      const stored = await loadStoredDoc(this.dataSource, documentName);
      if (!stored) continue;
      try {
        await this.derive(documentName, stored.doc, stored.seq);
        derived++;
      } catch (error) {
        failed(documentName, error);
      } finally {
        stored.doc.destroy();
        // Not in memory here: what is remembered about it belongs to the editing that loads it.
        this.forget(documentName);
      }
    }
    return derived;
  }

  /**
   * Starts the worker, if it is not running, and has it compile the taxonomy's matchers: at
   * startup, and after the taxonomy changed on this instance, so that the next edit's text and
   * search do not wait for them. A failure is left for the next derivation to report.
   */
  prepare(): void {
    this.worker.request({ prepare: true }).catch(() => {});
  }

  /** The document left memory: whatever changes it next is derived afresh. */
  forget(documentName: string): void {
    this.lastDerived.delete(documentName);
  }

  /** After the last derivation: the worker's connection is closed, then the worker. */
  close(): Promise<void> {
    return this.worker.close({ close: true });
  }
}
