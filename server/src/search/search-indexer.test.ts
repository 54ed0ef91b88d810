import { describe, expect, it } from 'vitest';
import { PASSAGE_CHARS, passagesOf, SearchIndexer, type IndexedReport } from './search-indexer.js';
import type { ReportSection } from '../reports/report-content.js';
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

describe('passagesOf', () => {
  const lines = (count: number, from = 0) => Array.from({ length: count }, (_, i) => `Regel ${from + i}: de deelnemers bespreken motivatie en partnerschappen.`);
  const section = (index: number, heading: string | null, text: string): ReportSection => ({ index, heading, level: heading ? 2 : 0, text });

  it('keeps sections within the limit whole, a heading without text included', () => {
    const sections = [section(0, null, lines(3).join('\n')), section(1, 'Evaluatie', ''), section(2, 'Afsluiting', 'Tot de volgende keer.')];
    expect(passagesOf(sections)).toEqual(sections.map(({ index, heading, text }) => ({ index, heading, text })));
  });

  it('cuts a long section between its lines, each passage under its heading, and loses no line', () => {
    const text = lines(100).join('\n');
    const passages = passagesOf([section(0, null, 'Inleiding.'), section(1, 'Bespreking', text)]);
    expect(passages.length).toBeGreaterThan(3);
    expect(passages.map((passage) => passage.index)).toEqual(passages.map((_, i) => i));
    expect(passages.slice(1).every((passage) => passage.heading === 'Bespreking' && passage.text.length <= PASSAGE_CHARS)).toBe(true);
    // Each holds whole lines, as many as fit.
    expect(passages.slice(1).map((passage) => passage.text).join('\n')).toBe(text);
    const body = passages.slice(1);
    expect(body.slice(0, -1).every((passage, i) => passage.text.length + 1 + body[i + 1].text.split('\n')[0].length > PASSAGE_CHARS)).toBe(true);
  });

  it('changes only the passage an edit falls in, and the last when a line is added at the end', () => {
    const original = lines(100);
    const before = passagesOf([section(0, null, original.join('\n'))]);
    const edited = original.map((line, i) => (i === 40 ? line.replace('bespreken', 'bespraken') : line));
    const after = passagesOf([section(0, null, edited.join('\n'))]);
    expect(after.map((passage, i) => passage.text === before[i].text)).toEqual(before.map((passage) => !passage.text.includes('Regel 40:')));
    const appended = passagesOf([section(0, null, [...original, 'Nog een regel.'].join('\n'))]);
    expect(appended.slice(0, -1).map((passage) => passage.text)).toEqual(before.slice(0, -1).map((passage) => passage.text));
  });

  it('cuts a line longer than the limit at a space, or anywhere when it has none', () => {
    const words = Array.from({ length: 1000 }, (_, i) => `woord${i}`).join(' ');
    const passages = passagesOf([section(0, null, words)]);
    expect(passages.length).toBeGreaterThan(1);
    expect(passages.every((passage) => passage.text.length <= PASSAGE_CHARS && !passage.text.startsWith(' '))).toBe(true);
    expect(passages.map((passage) => passage.text).join(' ')).toBe(words);
    const unbroken = 'x'.repeat(PASSAGE_CHARS * 2 + 5);
    expect(passagesOf([section(0, null, unbroken)]).map((passage) => passage.text.length)).toEqual([PASSAGE_CHARS, PASSAGE_CHARS, 5]);
  });
});
