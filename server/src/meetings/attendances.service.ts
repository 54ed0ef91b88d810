import type { DataSource } from 'typeorm';
import { AttendanceStatus, Role } from '@atelier/shared';
import { requireRole, type Actor } from '../auth/guard.js';
import { notFound } from '../common/errors.js';
import { optionalText, requireOneOf, requireText } from '../common/validate.js';
import { EntityDirectory } from '../people/entity-directory.js';

export interface AttendanceLine {
  personName: string;
  organizationName?: string | null;
  status: AttendanceStatus;
}

/** Who was present and excused, edited in the meeting header: names resolve like the importer's. */
export class AttendancesService {
  private readonly listeners: ((meetingId: string) => Promise<void>)[] = [];

  constructor(private readonly dataSource: DataSource) {}

  onChanged(listener: (meetingId: string) => Promise<void>): void {
    this.listeners.push(listener);
  }

  async replace(actor: Actor | null, meetingId: string, lines: AttendanceLine[]): Promise<void> {
    requireRole(actor, Role.EDITOR);
    const cleaned = lines.map((line, i) => ({
      personName: requireText(`attendances[${i}].personName`, line.personName, 300),
      organizationName: optionalText(`attendances[${i}].organizationName`, line.organizationName, 300),
      status: requireOneOf(`attendances[${i}].status`, line.status, [AttendanceStatus.PRESENT, AttendanceStatus.EXCUSED]),
    }));
    await this.dataSource.transaction(async (manager) => {
      const exists: unknown[] = await manager.query(`SELECT 1 FROM meeting WHERE id = $1 FOR UPDATE`, [meetingId]);
      if (!exists.length) throw notFound('Meeting', 'meetingId');
      const directory = await EntityDirectory.load(manager);
      const rows = new Map<string, { organizationId: string | null; status: string }>();
      for (const line of cleaned) {
        const personId = await directory.person(line.personName);
        if (rows.has(personId)) continue;
        rows.set(personId, { organizationId: line.organizationName ? await directory.organization(line.organizationName) : null, status: line.status });
      }
      await manager.query(`DELETE FROM attendance WHERE meeting_id = $1`, [meetingId]);
      await manager.query(
        `INSERT INTO attendance (meeting_id, person_id, organization_id, status)
         SELECT $1, r.person_id, r.organization_id, r.status FROM jsonb_to_recordset($2::jsonb) AS r(person_id uuid, organization_id uuid, status text)`,
        [meetingId, JSON.stringify([...rows].map(([personId, row]) => ({ person_id: personId, organization_id: row.organizationId, status: row.status })))],
      );
    });
    for (const listener of this.listeners) await listener(meetingId);
  }
}
