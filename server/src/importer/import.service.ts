import crypto from 'node:crypto';
import path from 'node:path';
import * as Y from 'yjs';
import type { DataSource, EntityManager } from 'typeorm';
import { Role, type MeetingKind } from '@atelier/shared';
import { parseReport, ReportParseError } from './parse-report.js';
import { extractPractices } from './extract-practices.js';
import type { ParsedReport } from './types.js';
import { requireRole, type Actor } from '../auth/guard.js';
import { badInput } from '../common/errors.js';
import { EntityDirectory } from '../people/entity-directory.js';
import type { MeetingsService } from '../meetings/meetings.service.js';
import type { PracticesService } from '../practices/practices.service.js';
import { TaxonomyMatchers, type Matchers } from '../taxonomy/taxonomy-matchers.js';
import { relinkReportMentions } from '../links/mentions.service.js';
import { writeBlocks, yDocToText } from '../reports/report-content.js';
import { appendReportUpdate, loadReportDoc } from '../reports/report-state.js';

export type ImportStatus = 'CREATED' | 'UPDATED' | 'UNCHANGED';

export interface ImportResult {
  filename: string;
  status: ImportStatus;
  meetingId: string;
  reportId: string;
  documentName: string;
  date: string;
  title: string;
  attendances: number;
  practices: number;
  methodMentions: number;
  warnings: string[];
}

/** Told after each committed import, so open editors follow. */
export interface ImportListener {
  (result: ImportResult): Promise<void>;
}

export const MAX_REPORT_BYTES = 2 * 1024 * 1024;

interface MeetingFields {
  date: string;
  kind: MeetingKind;
  title: string;
  titleNl: string | null;
  titleFr: string | null;
  location: string | null;
  sourceFile: string;
  sourceHash: string;
}

/**
 * Imports meeting reports: parse, then one transaction per file writing the meeting, its
 * attendances (people and centres resolved whatever the spelling), the report document, its
 * practices and its method links. Importing the same file again changes nothing; a corrected
 * version updates its meeting.
 */
export class ImportService {
  private readonly listeners: ImportListener[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly meetings: MeetingsService,
    private readonly practices: PracticesService,
    private readonly taxonomy = new TaxonomyMatchers(),
  ) {}

  onImported(listener: ImportListener): void {
    this.listeners.push(listener);
  }

  async importReport(actor: Actor | null, filename: string, text: string): Promise<ImportResult> {
    requireRole(actor, Role.EDITOR);
    const name = path.basename(String(filename ?? '')).slice(0, 300) || 'report.txt';
    if (Buffer.byteLength(text ?? '', 'utf8') > MAX_REPORT_BYTES) throw badInput('text', { key: 'reportTooLarge', params: { max: '2 MB' } }, name);
    let parsed: ParsedReport;
    try {
      parsed = parseReport(String(text ?? ''));
    } catch (error) {
      if (error instanceof ReportParseError) throw badInput('text', error.reason, name);
      throw error;
    }
    const hash = crypto.createHash('sha256').update(text).digest('hex');
    const result = await this.dataSource.transaction((manager) => this.write(manager, name, hash, parsed));
    if (result.status !== 'UNCHANGED') {
      for (const listener of this.listeners) await listener(result);
    }
    return result;
  }

  private async write(manager: EntityManager, filename: string, hash: string, parsed: ParsedReport): Promise<ImportResult> {
    // Serialises imports of the same meeting, so two concurrent imports cannot both create it.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`import:${parsed.date}:${parsed.kind}`]);
    const [existing]: { id: string; source_hash: string | null }[] = await manager.query(
      `SELECT id, source_hash FROM meeting WHERE source_file = $1 OR (date = $2 AND kind = $3)
        ORDER BY (source_file = $1) DESC NULLS LAST LIMIT 1`,
      [filename, parsed.date, parsed.kind],
    );
    const fields: MeetingFields = {
      date: parsed.date,
      kind: parsed.kind as MeetingKind,
      title: parsed.title.slice(0, 500),
      titleNl: parsed.titleNl?.slice(0, 500) ?? null,
      titleFr: parsed.titleFr?.slice(0, 500) ?? null,
      location: parsed.location?.slice(0, 500) ?? null,
      sourceFile: filename,
      sourceHash: hash,
    };
    let meetingId: string;
    let status: ImportStatus;
    let report: { id: string; document_name: string };
    let createdText: string | null = null;
    if (existing) {
      meetingId = existing.id;
      status = existing.source_hash === hash ? 'UNCHANGED' : 'UPDATED';
      [report] = await manager.query(`SELECT id, document_name FROM report WHERE meeting_id = $1`, [meetingId]);
    } else {
      const doc = new Y.Doc();
      writeBlocks(doc, parsed.blocks);
      createdText = yDocToText(doc);
      const created = await this.meetings.insertWithReport(manager, fields, { ydocState: Y.encodeStateAsUpdate(doc), text: createdText });
      doc.destroy();
      meetingId = created.meeting.id;
      status = 'CREATED';
      report = { id: created.report.id, document_name: created.report.documentName };
    }
    const summary = { filename, status, meetingId, reportId: report.id, documentName: report.document_name, date: parsed.date, title: fields.title };
    if (status === 'UNCHANGED') {
      const [counts]: { attendances: string; practices: string; mentions: string }[] = await manager.query(
        `SELECT (SELECT count(*) FROM attendance WHERE meeting_id = $1) AS attendances,
                (SELECT count(*) FROM practice WHERE meeting_id = $1 AND origin = 'IMPORT') AS practices,
                (SELECT count(*) FROM link WHERE source_id = $2 AND target_type = 'METHOD') AS mentions`,
        [meetingId, report.id],
      );
      return { ...summary, attendances: Number(counts.attendances), practices: Number(counts.practices), methodMentions: Number(counts.mentions), warnings: [] };
    }
    const text = createdText ?? (await this.updateMeeting(manager, meetingId, report.document_name, fields, parsed));
    // Listed in the transaction that writes the meeting: see ImportIndexQueue.
    await manager.query(
      `INSERT INTO search_pending (meeting_id) VALUES ($1) ON CONFLICT (meeting_id) DO UPDATE SET queued_at = now()`,
      [meetingId],
    );

    const warnings: string[] = [];
    const directory = await EntityDirectory.load(manager);
    const isNew = status === 'CREATED';
    const attendances = await this.writeAttendances(manager, directory, meetingId, parsed, warnings, isNew);
    const matchers = await this.taxonomy.at(manager);
    const practices = await this.writePractices(manager, directory, meetingId, parsed, matchers, isNew);
    const methodMentions = await relinkReportMentions(manager, report.id, matchers.methods, { meetingId, text, nothingToReplace: isNew });
    return { ...summary, attendances, practices, methodMentions, warnings };
  }

  private async writeAttendances(
    manager: EntityManager, directory: EntityDirectory, meetingId: string, parsed: ParsedReport, warnings: string[], isNew: boolean,
  ): Promise<number> {
    if (!isNew) await manager.query(`DELETE FROM attendance WHERE meeting_id = $1`, [meetingId]);
    const byPerson = new Map<string, { organizationId: string | null; status: 'PRESENT' | 'EXCUSED' }>();
    for (const [status, list] of [['PRESENT', parsed.present], ['EXCUSED', parsed.excused]] as const) {
      for (const attendee of list) {
        const personId = await directory.person(attendee.name);
        if (byPerson.has(personId)) {
          warnings.push(`${attendee.name} is listed twice; kept as ${byPerson.get(personId)!.status.toLowerCase()}`);
          continue;
        }
        const organizationId = attendee.organization ? await directory.organization(attendee.organization) : null;
        byPerson.set(personId, { organizationId, status });
      }
    }
    const rows = [...byPerson].map(([personId, row]) => ({ person_id: personId, organization_id: row.organizationId, status: row.status }));
    await manager.query(
      `INSERT INTO attendance (meeting_id, person_id, organization_id, status)
       SELECT $1, r.person_id, r.organization_id, r.status FROM jsonb_to_recordset($2::jsonb) AS r(person_id uuid, organization_id uuid, status text)`,
      [meetingId, JSON.stringify(rows)],
    );
    return rows.length;
  }

  /**
   * A corrected report updates its meeting and replaces the body as a new change on top of what
   * is there (appended to the update log), so nothing anyone edited is overwritten in place and
   * open editors receive it like any other edit.
   */
  private async updateMeeting(manager: EntityManager, meetingId: string, documentName: string, fields: MeetingFields, parsed: ParsedReport): Promise<string> {
    await manager.query(
      `UPDATE meeting SET date = $2, kind = $3, title = $4, title_nl = $5, title_fr = $6, location = $7,
              source_file = $8, source_hash = $9, updated_at = now() WHERE id = $1`,
      [meetingId, fields.date, fields.kind, fields.title, fields.titleNl, fields.titleFr, fields.location, fields.sourceFile, fields.sourceHash],
    );
    const doc = (await loadReportDoc(manager, documentName)) ?? new Y.Doc();
    const before = Y.encodeStateVector(doc);
    writeBlocks(doc, parsed.blocks);
    await appendReportUpdate(manager, documentName, Y.encodeStateAsUpdate(doc, before));
    const text = yDocToText(doc);
    await manager.query(`UPDATE report SET text = $2, updated_at = now() WHERE document_name = $1`, [documentName, text]);
    doc.destroy();
    return text;
  }

  private async writePractices(
    manager: EntityManager, directory: EntityDirectory, meetingId: string, parsed: ParsedReport, matchers: Matchers, isNew: boolean,
  ): Promise<number> {
    if (!isNew) await manager.query(`DELETE FROM practice WHERE meeting_id = $1 AND origin = 'IMPORT'`, [meetingId]);
    const candidates = extractPractices(parsed.blocks, matchers.themes, matchers.methods);
    const fields = [];
    for (const candidate of candidates) {
      const organizationIds = [];
      for (const name of candidate.organizationNames) organizationIds.push(await directory.organization(name));
      fields.push({
        title: candidate.title,
        description: candidate.description,
        section: candidate.section.slice(0, 500),
        sourcePassage: candidate.sourcePassage,
        meetingId,
        themeKeys: candidate.themeKeys,
        methodKeys: candidate.methodKeys,
        organizationIds,
      });
    }
    await this.practices.insertMany(manager, fields, 'IMPORT');
    return candidates.length;
  }
}
