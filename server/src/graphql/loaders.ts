import DataLoader from 'dataloader';
import { In, type DataSource, type ObjectLiteral, type Repository } from 'typeorm';
import { Meeting } from '../meetings/meeting.entity.js';
import { Attendance } from '../meetings/attendance.entity.js';
import { Person } from '../people/person.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { Theme } from '../themes/theme.entity.js';
import { Method } from '../methods/method.entity.js';
import { Practice } from '../practices/practice.entity.js';
import { Report } from '../reports/report.entity.js';

/**
 * Per-request batching: every nested list is one statement per batch of parents, never one per
 * row, so a page of 100 practices with their themes, meeting and centres costs a constant count.
 */
function byId<T extends ObjectLiteral & { id: string }>(repo: Repository<T>) {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = await repo.findBy({ id: In([...ids]) } as never);
    const map = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

/** `pairsSql` selects `key` and `id` for `key = ANY($1)`; the targets are then loaded by id. */
function manyVia<T extends ObjectLiteral & { id: string }>(dataSource: DataSource, repo: Repository<T>, pairsSql: string) {
  return new DataLoader<string, T[]>(async (keys) => {
    const pairs: { key: string; id: string }[] = await dataSource.query(pairsSql, [[...keys]]);
    const ids = [...new Set(pairs.map((pair) => pair.id))];
    const rows = ids.length ? await repo.findBy({ id: In(ids) } as never) : [];
    const byIdMap = new Map(rows.map((row) => [row.id, row]));
    const grouped = new Map<string, T[]>();
    for (const pair of pairs) {
      const row = byIdMap.get(pair.id);
      if (!row) continue;
      const list = grouped.get(pair.key) ?? [];
      list.push(row);
      grouped.set(pair.key, list);
    }
    return keys.map((key) => grouped.get(key) ?? []);
  });
}

function manyBy<T extends ObjectLiteral>(repo: Repository<T>, column: keyof T & string, order?: Record<string, 'ASC' | 'DESC'>) {
  return new DataLoader<string, T[]>(async (keys) => {
    const rows = await repo.find({ where: { [column]: In([...keys]) } as never, order: order as never });
    const grouped = new Map<string, T[]>();
    for (const row of rows) {
      const key = row[column] as string;
      const list = grouped.get(key) ?? [];
      list.push(row);
      grouped.set(key, list);
    }
    return keys.map((key) => grouped.get(key) ?? []);
  });
}

function countBy(dataSource: DataSource, sql: string) {
  return new DataLoader<string, number>(async (keys) => {
    const rows: { key: string; count: string }[] = await dataSource.query(sql, [[...keys]]);
    const map = new Map(rows.map((row) => [row.key, Number(row.count)]));
    return keys.map((key) => map.get(key) ?? 0);
  });
}

export function createLoaders(dataSource: DataSource) {
  const repo = <T extends ObjectLiteral>(entity: new () => T) => dataSource.getRepository(entity);
  return {
    meeting: byId(repo(Meeting)),
    person: byId(repo(Person)),
    organization: byId(repo(Organization)),
    practice: byId(repo(Practice)),
    theme: byId(repo(Theme)),
    attendancesByMeeting: manyBy(repo(Attendance), 'meetingId'),
    attendancesByPerson: manyBy(repo(Attendance), 'personId'),
    practicesByMeeting: manyBy(repo(Practice), 'meetingId', { createdAt: 'ASC' }),
    reportByMeeting: new DataLoader<string, Report | null>(async (meetingIds) => {
      const rows = await repo(Report).findBy({ meetingId: In([...meetingIds]) });
      const map = new Map(rows.map((row) => [row.meetingId, row]));
      return meetingIds.map((id) => map.get(id) ?? null);
    }),
    themesByPractice: manyVia(dataSource, repo(Theme),
      `SELECT practice_id AS key, theme_id AS id FROM practice_theme WHERE practice_id = ANY($1)`),
    organizationsByPractice: manyVia(dataSource, repo(Organization),
      `SELECT practice_id AS key, organization_id AS id FROM practice_organization WHERE practice_id = ANY($1)`),
    methodsByPractice: manyVia(dataSource, repo(Method),
      `SELECT practice_id AS key, method_id AS id FROM practice_method WHERE practice_id = ANY($1)`),
    methodsByMeeting: manyVia(dataSource, repo(Method),
      `SELECT DISTINCT meeting_id AS key, target_id AS id FROM link
        WHERE target_type = 'METHOD' AND meeting_id = ANY($1)`),
    meetingsByMethod: manyVia(dataSource, repo(Meeting),
      `SELECT DISTINCT target_id AS key, meeting_id AS id FROM link
        WHERE target_type = 'METHOD' AND target_id = ANY($1) AND meeting_id IS NOT NULL`),
    practicesByMethod: manyVia(dataSource, repo(Practice),
      `SELECT method_id AS key, practice_id AS id FROM practice_method WHERE method_id = ANY($1)`),
    practicesByOrganization: manyVia(dataSource, repo(Practice),
      `SELECT organization_id AS key, practice_id AS id FROM practice_organization WHERE organization_id = ANY($1)`),
    practiceCountByTheme: countBy(dataSource,
      `SELECT theme_id AS key, count(*) AS count FROM practice_theme WHERE theme_id = ANY($1) GROUP BY theme_id`),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
