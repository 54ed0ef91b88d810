import crypto from 'node:crypto';
import type { DataSource, EntityManager, Repository } from 'typeorm';
import { MeetingKind, Role } from '@atelier/shared';
import { Meeting } from './meeting.entity.js';
import { Report } from '../reports/report.entity.js';
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
    const meeting = await this.dataSource.transaction((manager) => this.insertWithReport(manager, fields));
    await this.changed(meeting.id);
    return meeting;
  }

  /** A meeting always has a report: both rows are written together. */
  async insertWithReport(
    manager: EntityManager,
    fields: Pick<Meeting, 'date' | 'kind' | 'title' | 'location'> & Partial<Meeting>,
  ): Promise<Meeting> {
    const meeting = await manager.save(manager.create(Meeting, { titleNl: null, titleFr: null, sourceFile: null, sourceHash: null, ...fields }));
    await manager.save(
      manager.create(Report, { meetingId: meeting.id, documentName: newDocumentName(meeting.date), text: '', snapshotSeq: '0' }),
    );
    return meeting;
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
