import type { DataSource } from 'typeorm';
import { Role } from '@atelier/shared';
import { requireRole, type Actor } from '../auth/guard.js';
import { badInput } from '../common/errors.js';
import { requireIsoDate } from '../common/validate.js';
import { decodeCursor, encodeCursor, pageSize } from '../graphql/connection.js';
import { parseId, toGlobalId, type NodeType } from '../graphql/global-id.js';
import { normalizeForMatch } from '../taxonomy/match.js';
import { TaxonomyMatchers } from '../taxonomy/taxonomy-matchers.js';
import { EXACT_LIMIT, EXACT_SQL, EXACT_TOTAL_LIMIT, hitsSql, KNOWN_WORDS_SQL, SAMPLE_MODULUS, SAMPLE_SQL, SIMILAR_WORD_SQL } from './search.sql.js';

/** Queries longer than this are refused (BAD_USER_INPUT), documented in the schema. */
export const MAX_QUERY_LENGTH = 500;
const FEW_RESULTS = 3;

export interface SearchFilterInput {
  themes?: string[] | null;
  organizations?: string[] | null;
  kinds?: string[] | null;
  from?: string | null;
  to?: string | null;
}

export interface RawHit {
  id: string;
  kind: string;
  entity_id: string;
  key: string | null;
  title: string;
  meeting_id: string | null;
  score: number;
  snippet: string;
}

/** What SAMPLE_SQL and EXACT_SQL count. */
interface Counted {
  total: number;
  themes: SearchAnswer['facets']['themes'];
  organizations: SearchAnswer['facets']['organizations'];
  years: SearchAnswer['facets']['years'];
  kinds: SearchAnswer['facets']['kinds'];
}

export interface SearchAnswer {
  totalCount: number;
  totalCountIsEstimate: boolean;
  hits: { kind: string; id: string; key: string | null; title: string; snippet: string; score: number; meetingId: string | null }[];
  facets: {
    estimated: boolean;
    themes: { key: string; label: string; count: number }[];
    organizations: { id: string; name: string; count: number }[];
    years: { year: number; count: number }[];
    kinds: { kind: string; count: number }[];
  };
  didYouMean: string | null;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const HIT_KINDS = ['PRACTICE', 'SECTION', 'METHOD', 'MEETING', 'PERSON', 'ORGANIZATION'];
const MEETING_KINDS = ['MEETING', 'EXCHANGE', 'ONLINE'];
const NODE_OF_KIND: Record<string, NodeType> = {
  PRACTICE: 'Practice', SECTION: 'Report', METHOD: 'Method', MEETING: 'Meeting', PERSON: 'Person', ORGANIZATION: 'Organization',
};

/** Text a person typed, made safe to hand to websearch_to_tsquery (which never raises on syntax). */
export function cleanQuery(raw: string): string {
  return raw.replace(/\u0000/g, ' ').replace(/[\u0001-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim();
}

export class SearchService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly taxonomy = new TaxonomyMatchers(),
  ) {}

  async search(actor: Actor | null, rawQuery: string, filter: SearchFilterInput | null | undefined, first: number | null | undefined, after: string | null | undefined, language = 'nl'): Promise<SearchAnswer> {
    requireRole(actor, Role.VIEWER);
    if (typeof rawQuery !== 'string') throw badInput('query', 'query must be text');
    if (rawQuery.length > MAX_QUERY_LENGTH) throw badInput('query', `query is longer than ${MAX_QUERY_LENGTH} characters`);
    const query = cleanQuery(rawQuery);
    const size = pageSize(first);
    const offset = after ? Number(decodeCursor(after, 1)![0]) : 0;
    if (!Number.isInteger(offset) || offset < 0 || offset > 10_000) throw badInput('after', 'after is not a cursor returned by this search');
    const params = this.filterParams(filter);
    const lang = ['nl', 'fr', 'en'].includes(language) ? language : 'nl';

    let answer = await this.run(query, params, size, offset, lang);
    let didYouMean: string | null = null;
    if (answer.totalCount < FEW_RESULTS && query) {
      const corrected = await this.correct(query);
      if (corrected && corrected !== query.toLowerCase()) {
        const retry = await this.run(corrected, params, size, offset, lang);
        if (retry.totalCount > answer.totalCount) {
          answer = retry;
          didYouMean = corrected;
        }
      }
    }
    return { ...answer, didYouMean };
  }

  private filterParams(filter: SearchFilterInput | null | undefined): unknown[] {
    const list = (values: string[] | null | undefined) => (values && values.length ? values.map(String).slice(0, 50) : null);
    const kinds = list(filter?.kinds);
    return [
      list(filter?.themes),
      list(filter?.organizations)?.map((id) => parseId('filter.organizations', id, 'Organization')) ?? null,
      kinds?.filter((kind) => HIT_KINDS.includes(kind)).length ? kinds.filter((kind) => HIT_KINDS.includes(kind)) : null,
      kinds?.filter((kind) => MEETING_KINDS.includes(kind)).length ? kinds.filter((kind) => MEETING_KINDS.includes(kind)) : null,
      filter?.from ? requireIsoDate('filter.from', filter.from) : null,
      filter?.to ? requireIsoDate('filter.to', filter.to) : null,
    ];
  }

  private async run(query: string, filterParams: unknown[], size: number, offset: number, language: string): Promise<Omit<SearchAnswer, 'didYouMean'>> {
    if (!query) {
      return { totalCount: 0, totalCountIsEstimate: false, hits: [], facets: { estimated: false, themes: [], organizations: [], years: [], kinds: [] }, pageInfo: { hasNextPage: false, endCursor: null } };
    }
    const { themes, methods, synonyms } = await this.taxonomy.at(this.dataSource);
    const match = [query, themes.keysIn(query), methods.keysIn(query), synonyms.query(query), ...filterParams];
    const [sample]: (Counted & { matches: number; filtered: number; entries: number })[] = await this.dataSource.query(SAMPLE_SQL, [...match, language]);
    let counted: Counted = sample;
    let hits: RawHit[];
    const estimated = sample.matches * SAMPLE_MODULUS > EXACT_LIMIT;
    let totalIsEstimate = estimated;
    if (!estimated) {
      [{ hits, ...counted }] = await this.dataSource.query(EXACT_SQL, [...match, size + 1, offset, language]);
    } else {
      const filtered = sample.filtered * SAMPLE_MODULUS;
      // Walking from the most recent entry beats collecting every match once about one entry in
      // sixteen matches (measured at 100,000 entries; entries: the planner's count, -1 before any ANALYZE).
      const walkByDate = sample.entries > 0 && filtered >= sample.entries / 16;
      const exactTotal = filtered < EXACT_TOTAL_LIMIT;
      const [row]: { total: number | null; hits: RawHit[] }[] = await this.dataSource.query(hitsSql(walkByDate, exactTotal), [...match, size + 1, offset]);
      hits = row.hits;
      if (exactTotal) {
        counted = { ...sample, total: row.total! };
        totalIsEstimate = false;
      }
    }
    const page = hits.slice(0, size);
    return {
      totalCount: counted.total,
      totalCountIsEstimate: totalIsEstimate,
      hits: page.map((hit) => ({
        kind: hit.kind,
        id: toGlobalId(NODE_OF_KIND[hit.kind], hit.entity_id),
        key: hit.key,
        title: hit.title,
        snippet: hit.snippet,
        score: Number(hit.score),
        meetingId: hit.meeting_id,
      })),
      facets: {
        estimated,
        themes: counted.themes,
        organizations: counted.organizations.map((org) => ({ ...org, id: toGlobalId('Organization', org.id) })),
        years: counted.years,
        kinds: counted.kinds,
      },
      pageInfo: { hasNextPage: hits.length > size, endCursor: page.length ? encodeCursor([offset + page.length]) : null },
    };
  }

  /** Each word the index has never seen is replaced by the closest one it has (pg_trgm). */
  private async correct(query: string): Promise<string | null> {
    const words = normalizeForMatch(query).trim().split(' ').filter(Boolean).slice(0, 12);
    if (!words.length) return null;
    const known = new Set((await this.dataSource.query(KNOWN_WORDS_SQL, [words]) as { word: string }[]).map((row) => row.word));
    let changed = false;
    const corrected: string[] = [];
    for (const word of words) {
      if (known.has(word) || word.length < 4) {
        corrected.push(word);
        continue;
      }
      const [best]: { word: string }[] = await this.dataSource.query(SIMILAR_WORD_SQL, [word]);
      corrected.push(best?.word ?? word);
      changed ||= Boolean(best);
    }
    return changed ? corrected.join(' ') : null;
  }
}
