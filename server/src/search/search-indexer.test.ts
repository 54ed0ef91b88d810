import { describe, expect, it } from 'vitest';
import { SearchIndexer, type IndexedReport } from './search-indexer.js';
import { themeMatcher } from '../taxonomy/match.js';
import type { Queryable } from '../reports/report-state.js';

/** A database holding `vocabulary`, which answers the two statements a report's new section costs. */
function database(vocabulary: Set<string>): { db: Queryable; wordsSent: string[][] } {
  const wordsSent: string[][] = [];
  const db: Queryable = {
    async query(sql, params = []) {
      if (sql.includes('INSERT INTO search_entry')) {
        return (JSON.parse(params[0] as string) as { title: string; body: string }[]).map((section) => ({ text: `${section.title} ${section.body}` }));
      }
      if (sql.includes('INSERT INTO search_word')) {
        const words = params[0] as string[];
        wordsSent.push(words);
        const added = words.filter((word) => !vocabulary.has(word));
        added.forEach((word) => vocabulary.add(word));
        return added.map((word) => ({ word }));
      }
      throw new Error(`unexpected statement: ${sql}`);
    },
  };
  return { db, wordsSent };
}

const report: IndexedReport = { id: 'report', meeting_id: 'meeting', date: '2026-11-20', kind: 'MEETING', title: 'Verslag', indexes: [], hashes: [] };

describe('SearchIndexer, the vocabulary', () => {
  it('sends a word until the database says it had it, then no more', async () => {
    const { db, wordsSent } = database(new Set(['motivatie']));
    const indexer = new SearchIndexer(db);
    const derive = (round: number) => indexer.reindexReportSections(
      [{ reportId: report.id, sections: [{ index: 0, heading: null, level: 0, text: `Ronde ${round}: motivatie en partnerschappen` }] }],
      db, themeMatcher([]), [report],
    );
    await derive(1);
    // Inserted by this call: not yet known to be there, as its transaction could be rolled back.
    await derive(2);
    await derive(3);
    expect(wordsSent).toEqual([['motivatie', 'partnerschappen', 'ronde', 'verslag'], ['partnerschappen', 'ronde', 'verslag']]);
  });
});
