import { foldAccents } from './parse-date.js';

/**
 * Entity resolution for people and organisations: one row per real person or centre whatever the
 * spelling (accents, swapped or dropped letters) or the language ("CPAS Liège" = "OCMW Luik").
 */

export function normalizeName(name: string): string {
  return foldAccents(name).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Optimal string alignment distance: a swap of two neighbours counts as one edit. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    let rowMin = Infinity;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      rowMin = Math.min(rowMin, d[i][j]);
    }
    if (rowMin > max) return max + 1;
  }
  return d[a.length][b.length];
}

/** Edits tolerated in a word of this length: none for short words, one from 5 letters, two from 10. */
function tolerance(length: number): number {
  return length >= 10 ? 2 : length >= 5 ? 1 : 0;
}

function closeWords(a: string, b: string): boolean {
  return a === b || editDistance(a, b, 2) <= tolerance(Math.min(a.length, b.length));
}

/**
 * Same person: the family names (everything after the first given name) are close and the given
 * names are close. "Ibrahim Aguelmin" and "Ibrahim Laaroussi" share a given name only: two people.
 */
export function samePerson(a: string, b: string): boolean {
  const left = normalizeName(a).split(' ').filter(Boolean);
  const right = normalizeName(b).split(' ').filter(Boolean);
  if (!left.length || !right.length) return false;
  if (left.join(' ') === right.join(' ')) return true;
  if (left.length === 1 || right.length === 1) return false;
  return closeWords(left[0], right[0]) && closeWords(left.slice(1).join(' '), right.slice(1).join(' '));
}

export interface KnownEntity {
  id: string;
  name: string;
  aliases: string[];
}

export function resolvePerson(name: string, known: readonly KnownEntity[]): KnownEntity | null {
  const target = normalizeName(name);
  const exact = known.find((entity) => [entity.name, ...entity.aliases].some((candidate) => normalizeName(candidate) === target));
  if (exact) return exact;
  return known.find((entity) => [entity.name, ...entity.aliases].some((candidate) => samePerson(candidate, name))) ?? null;
}

/** Words that say what kind of body a centre is, in either language; the rest names the place. */
const ORG_PREFIXES = /^(ocmw|cpas|om|pod|spp|fod|spf|vzw|asbl)\b/;

/**
 * Organisations match on their names and aliases (accent-insensitive, POD MI-IS = POD Mi-IS), or
 * on one edit in a long name; the taxonomy's aliases bring the Dutch and French names together.
 */
export function resolveOrganization(raw: string, known: readonly KnownEntity[]): KnownEntity | null {
  const target = normalizeName(raw);
  if (!target) return null;
  const names = (entity: KnownEntity) => [entity.name, ...entity.aliases].map(normalizeName);
  const exact = known.find((entity) => names(entity).includes(target));
  if (exact) return exact;
  const compact = target.replace(/ /g, '');
  const spaced = known.find((entity) => names(entity).some((candidate) => candidate.replace(/ /g, '') === compact));
  if (spaced) return spaced;
  if (!ORG_PREFIXES.test(target) || target.length < 8) return null;
  return known.find((entity) => names(entity).some((candidate) => ORG_PREFIXES.test(candidate) && editDistance(candidate, target, 1) <= 1)) ?? null;
}

/** The display name for a new organisation: tidy spaces, keep the writer's capitals. */
export function displayName(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim();
}
