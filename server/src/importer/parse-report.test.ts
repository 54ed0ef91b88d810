import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport, ReportParseError } from './parse-report.js';
import { extractPractices } from './extract-practices.js';
import { loadTaxonomy } from '../taxonomy/load.js';
import { methodMatcher, themeMatcher } from '../taxonomy/match.js';

const taxonomy = loadTaxonomy();
const themes = themeMatcher(taxonomy.themes.map((t) => ({ key: t.key, keywords: Object.values(t.keywords).flat(), labels: Object.values(t.labels) })));
const methods = methodMatcher(taxonomy.methods);

/** A report of the network written for these tests, in the corpus's shape but our own words. */
const SAMPLE = `Verslag uitwisseling OCMW's – Rapport échange des CPAS
AMIF 12 februari 2024 – 12 février 2024
Zaal Atomium, WTC III, Brussel/Bruxelles

Aanwezig:
Marie Dupont (CPAS Namur), Pieter Claes (OCMW Leuven),
Sarah El Idrissi, (Jan Peeters (OCMW Gent)
Verontschuldigd: Koen Wouters (POD MI-IS)

1. Opening

De dag begint met een check in: iedereen vertelt wat hij verwacht.

2. Wat werkt voor motivatie?

Wat nemen we mee:

- Kleine groepen werken motiverend voor nieuwkomers
- ➔ Samen koken na de les verlaagt drempels
- o Een vaste begeleider per deelnemer
Dit zorgt voor vertrouwen.

2.1 CPAS Namur

Avantages :

- Le *bénévolat* donne confiance aux participants
- Une garderie pendant les ateliers

<ul style="x"><li>Feedback vragen na elke sessie</li><li>Resultaten terugkoppelen</li></ul>

Tool\tVoordelen\tNadelen
Check-out\tkort\tvraagt tijd
`;

describe('parseReport on a report nobody tuned for', () => {
  const report = parseReport(SAMPLE);

  it('reads the header', () => {
    expect(report).toMatchObject({ kind: 'EXCHANGE', date: '2024-02-12', location: 'Zaal Atomium, WTC III, Brussel/Bruxelles' });
    expect(report.titleNl).toBe("Verslag uitwisseling OCMW's");
    expect(report.titleFr).toBe('Rapport échange des CPAS');
  });

  it('reads attendance lists on following lines, with stray parentheses and missing organisations', () => {
    expect(report.present).toEqual([
      { name: 'Marie Dupont', organization: 'CPAS Namur' },
      { name: 'Pieter Claes', organization: 'OCMW Leuven' },
      { name: 'Sarah El Idrissi', organization: null },
      { name: 'Jan Peeters', organization: 'OCMW Gent' },
    ]);
    expect(report.excused).toEqual([{ name: 'Koen Wouters', organization: 'POD MI-IS' }]);
  });

  it('turns the body into headings, lists and tables, never markup', () => {
    const headings = report.blocks.filter((b) => b.type === 'heading').map((b) => (b.type === 'heading' ? `${b.level}:${b.text}` : ''));
    expect(headings).toEqual(['2:1. Opening', '2:2. Wat werkt voor motivatie?', '3:Wat nemen we mee', '3:2.1 CPAS Namur', '4:Avantages']);
    const lists = report.blocks.filter((b) => b.type === 'bulletList');
    expect(lists[0]).toEqual({ type: 'bulletList', items: [
      'Kleine groepen werken motiverend voor nieuwkomers',
      'Samen koken na de les verlaagt drempels',
      'Een vaste begeleider per deelnemer Dit zorgt voor vertrouwen.',
    ] });
    expect(JSON.stringify(report.blocks)).not.toMatch(/<\/?(ul|li)/);
    expect(lists.some((l) => l.type === 'bulletList' && l.items.includes('Feedback vragen na elke sessie'))).toBe(true);
    expect(report.blocks.at(-1)).toEqual({ type: 'table', rows: [['Tool', 'Voordelen', 'Nadelen'], ['Check-out', 'kort', 'vraagt tijd']] });
  });

  it('finds practices with themes and centres, in both languages', () => {
    const practices = extractPractices(report.blocks, themes, methods);
    const byTitle = Object.fromEntries(practices.map((p) => [p.title, p]));
    expect(byTitle['Kleine groepen werken motiverend voor nieuwkomers'].themeKeys).toContain('motivation');
    expect(byTitle['Le bénévolat donne confiance aux participants'].themeKeys).toContain('motivation');
    expect(byTitle['Le bénévolat donne confiance aux participants'].organizationNames).toEqual(['CPAS Namur']);
    // The source's emphasis markers are not words of the practice.
    expect(byTitle['Le bénévolat donne confiance aux participants'].sourcePassage).toBe('Le bénévolat donne confiance aux participants');
    expect(byTitle['Une garderie pendant les ateliers'].themeKeys).toContain('preconditions');
  });
});

describe('format variations', () => {
  it('accepts Windows line endings, a BOM, French-first titles and an online meeting', () => {
    const text = '\uFEFFRapport rencontre CPAS en ligne – Verslag online bijeenkomst\r\n5 mars 2022\r\n\r\nPrésents: Anne Martin (CPAS Liège), Tom Janssens (OCMW Antwerpen)\r\nExcusés: Luc Dubois\r\n\r\nI. Accueil\r\n\r\nTexte.\r\n';
    const report = parseReport(text);
    expect(report).toMatchObject({ kind: 'ONLINE', date: '2022-03-05', location: null });
    expect(report.present.map((p) => p.name)).toEqual(['Anne Martin', 'Tom Janssens']);
    expect(report.excused).toEqual([{ name: 'Luc Dubois', organization: null }]);
    expect(report.blocks[0]).toEqual({ type: 'heading', level: 2, text: 'I. Accueil' });
  });

  it('reads dates without accents and with numbers', () => {
    expect(parseReport('Verslag bijeenkomst 17 aout 2021\nAanwezigen: A B (OCMW Gent)\n').date).toBe('2021-08-17');
    expect(parseReport('Verslag bijeenkomst 03/04/2023\nAanwezigen: A B\n').date).toBe('2023-04-03');
    expect(parseReport('Compte rendu de la réunion du 1er décembre 2020\nPrésents : A B\n').date).toBe('2020-12-01');
  });

  it('keeps numbered questions after a colon as a list, not as sections', () => {
    const report = parseReport('Verslag 1 juni 2022\nAanwezigen: A B\n\nTwee vragen:\n1. Hoe gaat het?\n2. Wat verwacht je?\n\n3. Volgende stappen\n');
    expect(report.blocks).toEqual([
      { type: 'heading', level: 3, text: 'Twee vragen' },
      { type: 'orderedList', items: ['Hoe gaat het?', 'Wat verwacht je?'] },
      { type: 'heading', level: 2, text: '3. Volgende stappen' },
    ]);
  });
});

describe('bad input', () => {
  it.each([
    ['', /empty/],
    ['   \n\n  ', /empty/],
    ['abc\u0000def', /binary/],
    ['\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008'.repeat(20), /does not look like text/],
    ['Verslag bijeenkomst\nAanwezigen: A B\n', /No meeting date/],
    ['Verslag bijeenkomst 18 december 2018\nDe tekst zonder lijst.\n', /No attendance list/],
    ['Verslag 18 december 2018\nAanwezigen:\n\n', /empty/],
  ])('%j is refused with a clear message', (text, message) => {
    expect(() => parseReport(text)).toThrow(ReportParseError);
    expect(() => parseReport(text)).toThrow(message);
  });
});

const CORPUS = path.resolve(import.meta.dirname, '../../../../shared/corpus');
describe.skipIf(!fs.existsSync(CORPUS))('the corpus', () => {
  it('parses every report', () => {
    for (const file of fs.readdirSync(CORPUS)) {
      const report = parseReport(fs.readFileSync(path.join(CORPUS, file), 'utf8'));
      expect(report.present.length, file).toBeGreaterThan(5);
      expect(report.blocks.length, file).toBeGreaterThan(10);
    }
  });
});
