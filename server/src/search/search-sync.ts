import type { DataSource } from 'typeorm';
import type { SearchIndexer } from './search-indexer.js';
import type { ImportService } from '../importer/import.service.js';
import type { PracticesService } from '../practices/practices.service.js';
import type { MeetingsService } from '../meetings/meetings.service.js';
import type { MethodsService } from '../methods/methods.service.js';
import type { ThemesService } from '../themes/themes.service.js';
import type { AttendancesService } from '../meetings/attendances.service.js';
import type { Logger } from '../logger.js';
import { ImportIndexQueue } from './import-index-queue.js';

const REPORTS_PER_PASS = 50;

/** Every report's sections, from its stored document (first start, or after the taxonomy changed). */
export async function reindexAllReports(dataSource: DataSource, indexer: SearchIndexer): Promise<void> {
  await reindexReports(indexer, await dataSource.query(`SELECT id, document_name FROM report ORDER BY id`));
}

async function reindexReports(indexer: SearchIndexer, reports: { id: string; document_name: string }[]): Promise<void> {
  for (let start = 0; start < reports.length; start += REPORTS_PER_PASS) {
    await indexer.reindexStoredReports(reports.slice(start, start + REPORTS_PER_PASS));
  }
}

/** Keeps the search index following every change to the graph and to report bodies. */
export function connectSearchIndex(dataSource: DataSource, indexer: SearchIndexer, sources: {
  importer: ImportService;
  practices: PracticesService;
  meetings: MeetingsService;
  methods: MethodsService;
  themes: ThemesService;
  attendances: AttendancesService;
  logger?: Logger;
}): ImportIndexQueue {
  const queue = new ImportIndexQueue(dataSource, indexer, (error) => {
    if (sources.logger) sources.logger.error({ err: error }, 'search indexing of imported reports failed');
    else console.error('search indexing of imported reports failed', error);
  });
  sources.importer.onImported(async (result) => queue.add(result.meetingId));
  sources.practices.onChanged((ids, deleted) => (deleted ? indexer.removePractices(ids) : indexer.reindexPractices(ids)));
  sources.meetings.onChanged((id) => indexer.reindexMeetings([id]));
  sources.attendances.onChanged(async (id) => {
    await indexer.reindexMeetings([id]);
    await indexer.reindexNames();
  });
  const taxonomyChanged = async () => {
    await indexer.rebuildAll();
    await reindexAllReports(dataSource, indexer);
  };
  sources.methods.onChanged(taxonomyChanged);
  sources.themes.onChanged(taxonomyChanged);
  return queue;
}

/**
 * At start: on a database that has content but an empty index (an upgrade) builds the index once;
 * otherwise indexes what imports before a crash left pending, reports with text and no entry (an
 * upgrade that changed how reports are indexed removed theirs), and brings the names' entries up to date.
 */
export async function ensureSearchIndex(dataSource: DataSource, indexer: SearchIndexer, queue: ImportIndexQueue): Promise<void> {
  const [row]: { empty: boolean }[] = await dataSource.query(
    `SELECT NOT EXISTS (SELECT 1 FROM search_entry) AND EXISTS (SELECT 1 FROM meeting) AS empty`,
  );
  if (row.empty) {
    await indexer.rebuildAll();
    await reindexAllReports(dataSource, indexer);
    await dataSource.query(`DELETE FROM search_pending`);
  } else {
    await queue.recover();
    await reindexReports(indexer, await dataSource.query(
      `SELECT r.id, r.document_name FROM report r
        WHERE coalesce(r.text, '') <> '' AND NOT EXISTS (SELECT 1 FROM search_entry e WHERE e.kind = 'SECTION' AND e.entity_id = r.id)
        ORDER BY r.id`,
    ));
    // Names are few, and only entries that differ are written: an upgrade that changes what a
    // name's entry holds (a method's descriptions in every language) is caught up here.
    await indexer.reindexNames();
  }
}
