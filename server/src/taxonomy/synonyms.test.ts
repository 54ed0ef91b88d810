import { describe, expect, it } from 'vitest';
import { normalizeForMatch } from './match.js';
import { loadTaxonomy } from './load.js';
import { SynonymMatcher } from './synonyms.js';

/** The shipped starting set (migration 1732000007000 writes it into `synonym_group`). */
const SYNONYM_GROUPS = loadTaxonomy().synonyms;
const starter = new SynonymMatcher(SYNONYM_GROUPS);
const synonymQuery = (query: string) => starter.query(query);
const VOLUNTEERING = SYNONYM_GROUPS.findIndex((group) => group.includes('bénévolat'));

describe('synonym groups', () => {
  it('name each term once in the starting set, so a word widens to one group', () => {
    const seen = new Map<string, number>();
    SYNONYM_GROUPS.forEach((group, index) => {
      for (const term of group) {
        const normalized = normalizeForMatch(term).trim();
        expect(normalized.length, term).toBeGreaterThanOrEqual(2);
        expect(seen.get(normalized), `${term} is in groups ${seen.get(normalized)} and ${index}`).toBeUndefined();
        seen.set(normalized, index);
      }
    });
  });

  it('widen a word to its group in every language, accents and case aside, each term also as written', () => {
    const query = synonymQuery('Bénévolat')!;
    expect(query).toMatch(/^\(.*\)$/);
    expect(query.split(' | ')).toEqual(expect.arrayContaining(['(vrijwilligerswerk', 'benevolat', 'bénévolat', 'volunteering']));
    expect(synonymQuery('BENEVOLAT')).toBe(query);
    expect(synonymQuery('vrijwilligers')).toBe(query);
    expect(VOLUNTEERING).toBeGreaterThanOrEqual(0);
  });

  it('write a phrase as all its words', () => {
    const query = synonymQuery("garde d'enfants")!;
    expect(query).toContain('(garde & d & enfants)');
    expect(query).toContain('(kinderopvang | ');
    expect(synonymQuery('tolk')).toContain('(tolk | tolken | ');
  });

  it('keep the other words of the query, each required', () => {
    expect(synonymQuery('bénévolat pour les jeunes')).toBe(`${synonymQuery('bénévolat')} & pour & les & jeunes`);
    expect(synonymQuery('cpas et bénévolat')).toBe(`${synonymQuery('cpas')} & ${synonymQuery('bénévolat')} & et`);
    expect(synonymQuery('bénévolat bénévoles jeunes')).toBe(`${synonymQuery('bénévolat')} & jeunes`);
  });

  it('take a phrase whole, even where one of its words is in another group', () => {
    const groups = [['kaart', 'carte'], ['sociale kaart', 'carte sociale', 'sociaal overzicht']];
    for (const order of [groups, [...groups].reverse()]) {
      const matcher = new SynonymMatcher(order);
      expect(matcher.query('de sociale kaart van Gent')).toBe('((sociale & kaart) | (carte & sociale) | (sociaal & overzicht)) & de & van & gent');
      expect(matcher.query('kaart')).toBe('(kaart | carte)');
    }
  });

  it('leave alone a query that names none, or that uses search operators', () => {
    expect(synonymQuery('zebraoefening')).toBeNull();
    expect(synonymQuery('')).toBeNull();
    expect(synonymQuery('"bénévolat des jeunes"')).toBeNull();
    expect(synonymQuery('bénévolat -jeunes')).toBeNull();
    expect(synonymQuery('bénévolat or stage')).toBeNull();
    expect(synonymQuery('burn-out')).not.toBeNull();
  });

  it('turn hostile text into words only', () => {
    for (const hostile of ["bénévolat'); DROP TABLE search_entry;", 'bénévolat & | ! <-> :* (', 'bénévolat \u0000 🙂']) {
      expect(synonymQuery(hostile)).toMatch(/^[\p{L}\p{N} ()|&]+$/u);
      expect(synonymQuery(hostile)!.replace(synonymQuery('bénévolat')!, '')).toMatch(/^[\p{L}\p{N} &]*$/u);
    }
  });
});
