import crypto from 'node:crypto';
import type { DataSource, EntityManager, Repository } from 'typeorm';
import { MeetingKind, Role } from '@atelier/shared';
import { Meeting } from './meeting.entity.js';
import { requireRole, type Actor } from '../auth/guard.js';
import { notFound } from '../common/errors.js';
import { optionalText, requireIsoDate, requireOneOf, requireText } from '../common/validate.js';
import type { CreateMeetingInput, UpdateMeetingInput } from './meeting.inputs.js';

const KINDS = [MeetingKind.MEETING, MeetingKind.EXCHANGE, MeetingKind.ONLINE] as const;

/** `meeting-2023-04-03-k3j9x2`: readable, URL-safe and unique. */
export function newDocumentName(date: string): string {
  return `meeting-${date}-${crypto.randomBytes(4).toString('hex')}`;
}

export class MeetingsService {
  private readonly meetings: Repository<Meeting>;
  private readonly listeners: ((meetingId: string) => Promise<void>)[] = [];

  constructor(private readonly dataSource: DataSource) {
    this.meetings = dataSource.getRepository(Meeting);
  }

  /** Told after a meeting was created or changed through the API (search follows). */
  onChanged(listener: (meetingId: string) => Promise<void>): void {
    this.listeners.push(listener);
  }

  private async changed(meetingId: string): Promise<void> {
    for (const listener of this.listeners) await listener(meetingId);
  }

  list(actor: Actor | null): Promise<Meeting[]> {
    requireRole(actor, Role.VIEWER);
    return this.meetings.find({ order: { date: 'DESC', createdAt: 'DESC' } });
  }

  async get(actor: Actor | null, id: string): Promise<Meeting> {
    requireRole(actor, Role.VIEWER);
    const meeting = await this.meetings.findOneBy({ id });
    if (!meeting) throw notFound('Meeting');
    return meeting;
  }

  async create(actor: Actor | null, input: CreateMeetingInput): Promise<Meeting> {
    requireRole(actor, Role.EDITOR);
    const fields = {
      date: requireIsoDate('date', input.date),
      kind: requireOneOf('kind', input.kind, KINDS),
      title: requireText('title', input.title),
      location: optionalText('location', input.location, 500),
    };
    const { meeting } = await this.dataSource.transaction((manager) => this.insertWithReport(manager, fields));
    await this.changed(meeting.id);
    return meeting;
  }

  /**
   * A meeting always has a report: both rows are written together, in one statement, the report
   * empty or with a first content.
   */
  async insertWithReport(
    manager: EntityManager,
    fields: Pick<Meeting, 'date' | 'kind' | 'title' | 'location'> & Partial<Meeting>,
    content: { ydocState: Uint8Array; text: string } | null = null,
  ): Promise<{ meeting: Meeting; report: { id: string; documentName: string } }> {
    const [row]: { id: string; created_at: Date; updated_at: Date; report_id: string; document_name: string }[] = await manager.query(
      `WITH m AS (
         INSERT INTO meeting (date, kind, title, title_nl, title_fr, location, source_file, source_hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id, created_at, updated_at
       ), r AS (
         INSERT INTO report (meeting_id, document_name, ydoc_state, snapshot_seq, text)
         SELECT m.id, $9, $10, 0, $11 FROM m RETURNING id, document_name
       )
       SELECT m.id, m.created_at, m.updated_at, r.id AS report_id, r.document_name FROM m, r`,
      [
        fields.date, fields.kind, fields.title, fields.titleNl ?? null, fields.titleFr ?? null, fields.location ?? null,
        fields.sourceFile ?? null, fields.sourceHash ?? null,
        newDocumentName(fields.date), content ? Buffer.from(content.ydocState) : null, content?.text ?? '',
      ],
    );
    const meeting = manager.create(Meeting, {
      titleNl: null, titleFr: null, sourceFile: null, sourceHash: null, ...fields,
      id: row.id, createdAt: row.created_at, updatedAt: row.updated_at,
    });
    return { meeting, report: { id: row.report_id, documentName: row.document_name } };
  }

  async update(actor: Actor | null, id: string, input: UpdateMeetingInput): Promise<Meeting> {
    requireRole(actor, Role.EDITOR);
    const meeting = await this.meetings.findOneBy({ id });
    if (!meeting) throw notFound('Meeting');
    if (input.date != null) meeting.date = requireIsoDate('date', input.date);
    if (input.kind != null) meeting.kind = requireOneOf('kind', input.kind, KINDS);
    if (input.title != null) meeting.title = requireText('title', input.title);
    if (input.location !== undefined) meeting.location = optionalText('location', input.location, 500);
    const saved = await this.meetings.save(meeting);
    await this.changed(saved.id);
    return saved;
  }

  async delete(actor: Actor | null, id: string): Promise<boolean> {
    requireRole(actor, Role.EDITOR);
    const result = await this.meetings.delete({ id });
    if (!result.affected) throw notFound('Meeting');
    return true;
  }
}
