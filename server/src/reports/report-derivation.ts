import type * as Y from 'yjs';
import type { DataSource } from 'typeorm';
import { textBlocks } from '@atelier/shared';
import { findGraphLinks } from './report-content.js';
import { contentHash } from '../common/content-hash.js';
import { siblingModule, WorkerClient } from '../common/worker-client.js';
import { loadStoredDoc } from './report-state.js';
import { HELD, type DerivationRequest, type DerivationWorkerData, type DerivedInput, type DerivedTail } from './derived-data.js';
import type { ChangedDocument } from '../collab/collab-server.js';

/** What deriving a document came to: the length of its report's log (null: nothing written), or why it failed. */
export interface DerivationOutcome {
  documentName: string;
  doc: Y.Doc;
  tail: number | null;
  error?: Error;
}

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
  private readonly worker: WorkerClient<DerivationRequest, DerivedTail[]>;

  constructor(
    private readonly dataSource: DataSource,
    database: DerivationWorkerData,
  ) {
    this.worker = new WorkerClient(siblingModule('derivation-worker', import.meta), 'derivation worker', 'could not derive the report', database);
  }

  /**
   * Derives every document given, in one transaction: each body is read on the event loop once it
   * is stored, in a turn of its own (the relays of other edits get in between); the rest is one
   * request to the worker. Documents whose blocks and links did not change since they were last
   * derived cost no write. When the transaction fails, each document is tried alone, so that one
   * report that cannot be derived holds back no other; a report whose row is held elsewhere is
   * left out of the batch and waited for alone, after the others. Returns one outcome per
   * document still in memory: how many updates its report's log holds (null when nothing was
   * written), or the error.
   */
  async deriveAll(documents: ChangedDocument[]): Promise<DerivationOutcome[]> {
    const outcomes: DerivationOutcome[] = [];
    const due: { input: DerivedInput; fingerprint: string; doc: Y.Doc }[] = [];
    for (const [i, document] of documents.entries()) {
      if (i > 0) await new Promise((resolve) => setImmediate(resolve));
      const stored = await document.settled();
      if (!stored) continue;
      const blocks = textBlocks(stored.doc);
      const links = findGraphLinks(stored.doc);
      const fingerprint = contentHash(JSON.stringify([blocks, links]));
      if (this.lastDerived.get(document.name) === fingerprint) outcomes.push({ documentName: document.name, doc: stored.doc, tail: null });
      else due.push({ input: { documentName: document.name, seq: stored.seq, blocks, links }, fingerprint, doc: stored.doc });
    }
    const settle = (item: (typeof due)[number], tail: number | null): DerivationOutcome => {
      if (tail !== null) this.lastDerived.set(item.input.documentName, item.fingerprint);
      return { documentName: item.input.documentName, doc: item.doc, tail };
    };
    let alone = due;
    if (due.length > 1) {
      try {
        const tails = await this.worker.request({ derive: due.map((item) => item.input) });
        alone = [];
        for (const [i, item] of due.entries()) {
          const tail = tails[i];
          if (tail === HELD) alone.push(item);
          else outcomes.push(settle(item, tail));
        }
      } catch {
        // Which report made the batch fail is not known: each is tried alone, below.
      }
    }
    for (const item of alone) {
      outcomes.push(
        await this.worker.request({ derive: [item.input] }).then(
          // Alone, a report's row is waited for, never skipped: the answer is never HELD.
          ([tail]) => settle(item, tail as number | null),
          (error: Error) => ({ documentName: item.input.documentName, doc: item.doc, tail: null, error }),
        ),
      );
    }
    return outcomes;
  }

  /**
   * Derives one document (the state of `doc`, in which `seq` is the highest log seq folded);
   * a restart derives again what came after it. Returns how many updates the report's log holds,
   * or null when nothing was derived (nothing new since last time, or no such report).
   */
  async derive(documentName: string, doc: Y.Doc, seq: number): Promise<number | null> {
    const [outcome] = await this.deriveAll([{ name: documentName, settled: async () => ({ doc, seq }) }]);
    if (outcome.error) throw outcome.error;
    return outcome.tail;
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
