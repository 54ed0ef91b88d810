import type { DataSource } from 'typeorm';
import type { Queryable } from '../reports/report-state.js';
import { methodMatcher, type TermMatcher } from '../taxonomy/match.js';

/**
 * Text-derived edges: every line of a report that names a method (by name or alias) links the
 * method to the report's meeting, with that line as the passage. Recomputed from `report.text`, so
 * imported and live-edited reports behave alike, and a new alias re-links every existing report.
 * These rows have origin IMPORT ("found by the machine"); links typed in the editor are EDITOR.
 */
export async function loadMethodMatcher(manager: Queryable): Promise<TermMatcher> {
  const methods: { key: string; name: string; aliases: string[] }[] = await manager.query(`SELECT key, name, aliases FROM method`);
  return methodMatcher(methods);
}

function passages(text: string): string[] {
  return text.split('\n').map((line) => line.replace(/^\s*-\s+/, '').trim()).filter(Boolean);
}

/** A report's method mentions: a method named in a line of its text, with the line as passage. */
export interface MentionRow {
  reportId: string;
  meetingId: string;
  key: string;
  passage: string;
}

/** The methods `text` names, one row per method and line. */
export function findMentions(reportId: string, meetingId: string, text: string, matcher: TermMatcher): MentionRow[] {
  const rows: MentionRow[] = [];
  const seen = new Set<string>();
  for (const passage of passages(text)) {
    for (const key of matcher.keysIn(passage)) {
      if (seen.has(`${key}\u0000${passage}`)) continue;
      seen.add(`${key}\u0000${passage}`);
      rows.push({ reportId, meetingId, key, passage: passage.slice(0, 4000) });
    }
  }
  return rows;
}

/** The mention links of any number of reports, in one statement (methods by key; unknown keys are skipped). */
export async function insertMentions(manager: Queryable, rows: MentionRow[]): Promise<void> {
  if (!rows.length) return;
  await manager.query(
    `INSERT INTO link (source_type, source_id, target_type, target_id, relation, origin, meeting_id, passage)
     SELECT 'REPORT', r."reportId", 'METHOD', m.id, 'MENTIONS', 'IMPORT', r."meetingId", r.passage
       FROM jsonb_to_recordset($1::jsonb) AS r("reportId" uuid, "meetingId" uuid, key text, passage text) JOIN method m ON m.key = r.key`,
    [JSON.stringify(rows)],
  );
}

/**
 * `known`: the report's meeting and text when the caller holds them, and whether the report has
 * no mention links to replace (new in this transaction).
 */
export async function relinkReportMentions(
  manager: Queryable,
  reportId: string,
  matcher: TermMatcher,
  known?: { meetingId: string; text: string; nothingToReplace: boolean },
): Promise<number> {
  const [report]: { meeting_id: string; text: string }[] = known
    ? [{ meeting_id: known.meetingId, text: known.text }]
    : await manager.query(`SELECT meeting_id, text FROM report WHERE id = $1`, [reportId]);
  if (!report) return 0;
  const rows = findMentions(reportId, report.meeting_id, report.text, matcher);
  if (!known?.nothingToReplace) {
    await manager.query(
      `DELETE FROM link WHERE source_type = 'REPORT' AND source_id = $1 AND target_type = 'METHOD' AND origin = 'IMPORT'`,
      [reportId],
    );
  }
  await insertMentions(manager, rows);
  return rows.length;
}

/** After a method or its aliases change: every report is scanned again. */
export async function relinkAllReports(dataSource: DataSource): Promise<void> {
  await dataSource.transaction(async (manager) => {
    const matcher = await loadMethodMatcher(manager);
    const reports: { id: string }[] = await manager.query(`SELECT id FROM report`);
    for (const report of reports) await relinkReportMentions(manager, report.id, matcher);
  });
}
