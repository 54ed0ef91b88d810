import * as Y from 'yjs';
import type { DataSource } from 'typeorm';
import { REPORT_FRAGMENT, Role } from '@atelier/shared';
import { requireRole, type Actor } from '../auth/guard.js';
import { notFound } from '../common/errors.js';
import { optionalText } from '../common/validate.js';
import { yDocToText } from '../reports/report-content.js';
import type { UpdateLog } from './update-log.js';
import type { CollabServer } from './collab-server.js';

export interface ReportVersionRow {
  id: string;
  documentName: string;
  name: string | null;
  automatic: boolean;
  text: string;
  createdAt: Date;
  createdBy: string | null;
}

/** What a version keeps of a report: its whole Yjs state, and its text to read and compare. */
interface Snapshot {
  state: Uint8Array;
  text: string;
}

const snapshotOf = (doc: Y.Doc): Snapshot => ({ state: Y.encodeStateAsUpdate(doc), text: yDocToText(doc) });

/** Automatic versions are taken at most this often while people edit. */
export const AUTO_VERSION_EVERY_MS = 10 * 60_000;

/**
 * History of a report: automatic versions while people edit, named ones on demand. Restoring is a
 * new change on top of the current document (the body replaced inside one transaction), never an
 * overwrite of the log, so every editor receives it as an edit; the body it replaced is kept as an
 * automatic version, so a restore can itself be undone from the history.
 */
export class VersionsService {
  /** When each document in memory last got an automatic version, so most checks need no query. */
  private readonly lastAutomatic = new Map<string, number>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly log: UpdateLog,
    private readonly collab: CollabServer,
  ) {}

  async list(actor: Actor | null, documentName: string): Promise<ReportVersionRow[]> {
    requireRole(actor, Role.VIEWER);
    const rows: any[] = await this.dataSource.query(
      `SELECT id, document_name, name, automatic, text, created_at, created_by FROM report_version
        WHERE document_name = $1 ORDER BY created_at DESC, id LIMIT 200`,
      [documentName],
    );
    return rows.map(toRow);
  }

  async get(actor: Actor | null, id: string): Promise<ReportVersionRow> {
    requireRole(actor, Role.VIEWER);
    const [row] = await this.dataSource.query(
      `SELECT id, document_name, name, automatic, text, created_at, created_by FROM report_version WHERE id = $1`,
      [id],
    );
    if (!row) throw notFound('Version');
    return toRow(row);
  }

  async create(actor: Actor | null, documentName: string, name: string | null): Promise<ReportVersionRow> {
    const editor = requireRole(actor, Role.EDITOR);
    const label = optionalText('name', name, 200);
    const doc = await this.current(documentName);
    try {
      // Saved by a person, so never listed as automatic, named or not.
      return await this.insert(documentName, snapshotOf(doc), label, false, editor.id);
    } finally {
      doc.destroy();
    }
  }

  /** Called after edits settle: a version when the last automatic one is old enough. */
  async maybeAutoVersion(documentName: string, doc: Y.Doc): Promise<void> {
    const recent = (at: number | undefined): at is number => at !== undefined && Date.now() - at < AUTO_VERSION_EVERY_MS;
    let last = this.lastAutomatic.get(documentName);
    if (!recent(last)) {
      // Another instance may have taken one since: the database has the last word.
      const [latest]: { created_at: Date }[] = await this.dataSource.query(
        `SELECT created_at FROM report_version WHERE document_name = $1 AND automatic ORDER BY created_at DESC LIMIT 1`,
        [documentName],
      );
      last = latest ? new Date(latest.created_at).getTime() : undefined;
    }
    if (!recent(last)) last = (await this.insert(documentName, snapshotOf(doc), null, true, null)).createdAt.getTime();
    this.lastAutomatic.set(documentName, last);
  }

  /** The document left memory. */
  forget(documentName: string): void {
    this.lastAutomatic.delete(documentName);
  }

  async restore(actor: Actor | null, versionId: string): Promise<ReportVersionRow> {
    const editor = requireRole(actor, Role.EDITOR);
    const [row]: { document_name: string; state: Buffer }[] = await this.dataSource.query(
      `SELECT document_name, state FROM report_version WHERE id = $1`,
      [versionId],
    );
    if (!row) throw notFound('Version');
    const version = new Y.Doc();
    Y.applyUpdate(version, row.state);
    // The report exactly as the restore found it: the change is computed on this copy, at once.
    let replaced = null as Snapshot | null;
    const restored = await this.collab.change(row.document_name, (doc) => {
      replaced = snapshotOf(doc);
      const target = doc.getXmlFragment(REPORT_FRAGMENT);
      const source = version.getXmlFragment(REPORT_FRAGMENT);
      doc.transact(() => {
        if (target.length) target.delete(0, target.length);
        target.insert(0, source.toArray().map((node) => (node as Y.XmlElement | Y.XmlText).clone()));
      });
    });
    version.destroy();
    if (!restored || !replaced) throw notFound('Report');
    await this.insert(row.document_name, replaced, null, true, editor.id);
    return this.get(actor, versionId);
  }

  /** The document as it is now: live in memory if open, else from the log. */
  private async current(documentName: string): Promise<Y.Doc> {
    const live = this.collab.loadedDocument(documentName);
    if (live) {
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(live));
      return copy;
    }
    const stored = await this.log.load(documentName);
    if (!stored) throw notFound('Report');
    return stored.doc;
  }

  private async insert(documentName: string, { state, text }: Snapshot, name: string | null, automatic: boolean, userId: string | null): Promise<ReportVersionRow> {
    const [row] = await this.dataSource.query(
      `INSERT INTO report_version (document_name, name, automatic, state, text, created_by) VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING id, document_name, name, automatic, text, created_at, created_by`,
      [documentName, name, automatic, Buffer.from(state), text, userId],
    );
    return toRow(row);
  }
}

function toRow(row: any): ReportVersionRow {
  return {
    id: row.id,
    documentName: row.document_name,
    name: row.name,
    automatic: row.automatic,
    text: row.text,
    createdAt: new Date(row.created_at),
    createdBy: row.created_by,
  };
}
