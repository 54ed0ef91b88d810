import { describe, expect, it } from 'vitest';
import { methodMatcher, themeMatcher } from './match.js';

const methods = [
  { key: 'check-in', name: 'Check-in / check-out', aliases: ['check in', 'tour de table'] },
  { key: 'intervision', name: 'Intervisie', aliases: ['intervision'] },
];

describe('term matchers', () => {
  it('match case- and accent-insensitively, on word boundaries, long terms also as the start of a word', () => {
    const themes = themeMatcher([
      { key: 'partnerships', keywords: ['partnerschap'], labels: ['Partenariats'] },
      { key: 'volunteering', keywords: ['bénévolat'] },
    ]);
    expect(themes.keysIn('Twee PARTNERSCHAPPEN en wat BENEVOLAT')).toEqual(['partnerships', 'volunteering']);
    expect(themes.keysIn('geen partnerschaps- maar een copartnerschap')).toEqual(['partnerships']);
    expect(themes.keysIn('copartnerschap')).toEqual([]);
    expect(methodMatcher(methods).keysIn('We begonnen met een Tour de Table.')).toEqual(['check-in']);
  });

  it('are compiled once per taxonomy, and a changed taxonomy is matched as it now reads', () => {
    // The same entries read again from the database (new arrays, same content) give the same matcher.
    expect(methodMatcher(structuredClone(methods))).toBe(methodMatcher(methods));
    const renamed = methods.map((method) => (method.key === 'intervision' ? { ...method, aliases: ['peer review'] } : method));
    expect(methodMatcher(renamed)).not.toBe(methodMatcher(methods));
    expect(methodMatcher(renamed).keysIn('a peer review of cases')).toEqual(['intervision']);
    expect(methodMatcher(renamed).keysIn('intervision')).toEqual([]);
    expect(methodMatcher(methods).keysIn('intervision')).toEqual(['intervision']);
  });

  it('answer a text asked again as the first time, whoever changed the answer they were given', () => {
    const matcher = methodMatcher(methods);
    const first = matcher.keysIn('Intervisie na de check-in');
    expect(first).toEqual(['check-in', 'intervision']);
    first.pop();
    expect(matcher.keysIn('Intervisie na de check-in')).toEqual(['check-in', 'intervision']);
    const long = 'intervisie '.repeat(50_000);
    expect(matcher.keysIn(long)).toEqual(['intervision']);
    expect(matcher.keysIn(long)).toEqual(['intervision']);
  });
});
