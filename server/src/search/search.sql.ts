/**
 * Two statements answer a search: the matches (full text in Dutch, French and simple on
 * unaccented text, as typed or with a synonym in another language, or content tagged with a
 * theme or method the query named in any language),
 * a page of hits with snippets, the total, and the facet counts — each facet dimension counted
 * with the other dimensions' filters, so choosing a value never hides its siblings.
 *
 * Counting every match is what costs: a word found in a third of 100,000 entries means visiting
 * 30,000 rows. So SAMPLE_SQL first counts the matches, and the facets, in a fixed
 * 1-in-SAMPLE_MODULUS sample of the index (the partial indexes `WHERE id % 16 = 0` of migration
 * 1732000003000). Up to EXACT_LIMIT estimated matches, EXACT_SQL then counts everything exactly;
 * above it, hitsSql finds the hits, and the facets (and the total, unless the filters leave few
 * matches) are the sample's counts scaled up, and say so. Hits are never sampled: they are ranked
 * from the most recent matches of the whole index.
 *
 * Parameters: $1 query, $2 theme keys named by the query, $3 method keys named by the query,
 * $4 the query with its synonyms widened to their groups (to_tsquery text, NULL when it names none),
 * $5 filter themes, $6 filter organisations, $7 filter hit kinds, $8 filter meeting kinds, $9 from,
 * $10 to; then SAMPLE_SQL: $11 label language (nl | fr | en); hitsSql: $11 limit, $12 offset;
 * EXACT_SQL: $11 limit, $12 offset, $13 label language.
 */
export const SAMPLE_MODULUS = 16;
/** Above this many estimated matches, facets are counted on the sample. */
export const EXACT_LIMIT = 2000;
/** Below this many estimated filtered matches, the total is counted exactly even when facets are not. */
export const EXACT_TOTAL_LIMIT = 1000;
/** How many matches are ranked by relevance (the most recent ones) when a query matches more. */
export const RANKED_CANDIDATES = 150;

const AS_TYPED = `websearch_to_tsquery('dutch', f_unaccent($1)) || websearch_to_tsquery('french', f_unaccent($1))
         || websearch_to_tsquery('simple', f_unaccent($1))`;
/**
 * `asTyped` or the query's synonyms ($4) read in each configuration. A query that names no
 * synonym passes NULL; each branch is whole so that the CASE folds away when the statement is planned.
 */
const withSynonyms = (asTyped: string, configs: string[]) =>
  `(CASE WHEN $4::text IS NULL THEN ${asTyped}
         ELSE ${asTyped} || ${configs.map((config) => `to_tsquery('${config}', $4)`).join(' || ')} END)`;
// Synonyms are matched in Dutch and French only: every part of an entry has both vectors.
const TSQUERY = withSynonyms(AS_TYPED, ['dutch', 'french']);
// Snippets mark words as written (ts_headline compares the text's own words): the query's, and its synonyms'.
const QUERY = `q AS (SELECT ${TSQUERY} AS tsq, ${withSynonyms(`websearch_to_tsquery('simple', $1)`, ['simple'])} AS display)`;
// The query is written out, not read from q, so that the planner sees its words and estimates how
// many entries each condition keeps (it then reads a filter's index first when that is narrower).
const MATCH = `(e.document @@ ${TSQUERY} OR e.theme_keys && $2::text[] OR e.method_keys && $3::text[])`;
const IN_SAMPLE = `e.id % ${SAMPLE_MODULUS} = 0`;
const FILTER = {
  theme: `($5::text[] IS NULL OR e.theme_keys && $5::text[])`,
  org: `($6::uuid[] IS NULL OR e.organization_ids && $6::uuid[])`,
  kind: `(($7::text[] IS NULL OR e.kind = ANY($7::text[])) AND ($8::text[] IS NULL OR e.meeting_kind = ANY($8::text[])))`,
  year: `(($9::date IS NULL OR e.meeting_date >= $9::date) AND ($10::date IS NULL OR e.meeting_date <= $10::date))`,
};
const ALL_FILTERS = `${FILTER.theme} AND ${FILTER.org} AND ${FILTER.kind} AND ${FILTER.year}`;

// Only narrow columns are read for every match: texts and vectors only for the ranked candidates.
const matches = (sampled: boolean) => `m AS MATERIALIZED (
  SELECT e.id, e.kind, e.meeting_date, e.theme_keys, e.organization_ids,
         ${FILTER.theme} AS f_theme, ${FILTER.org} AS f_org, ${FILTER.kind} AS f_kind, ${FILTER.year} AS f_year
    FROM search_entry e
   WHERE ${MATCH}${sampled ? ` AND ${IN_SAMPLE}` : ''}
)`;

// Facets and the total are summed over distinct combinations, not over every match.
const groups = (weight: number) => `g AS MATERIALIZED (
  SELECT kind, date_part('year', meeting_date)::int AS year, theme_keys, organization_ids, f_theme, f_org, f_kind, f_year,
         ${weight} * count(*)::int AS n
    FROM m GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
)`;

const counted = (language: string) => `
  (SELECT coalesce(sum(n), 0) FROM g WHERE f_theme AND f_org AND f_kind AND f_year)::int AS total,
  (SELECT coalesce(json_agg(f ORDER BY f.count DESC, f.key), '[]') FROM (
     SELECT t.key, CASE ${language} WHEN 'fr' THEN t.label_fr WHEN 'en' THEN t.label_en ELSE t.label_nl END AS label, sum(g.n)::int AS count
       FROM g CROSS JOIN LATERAL unnest(g.theme_keys) k JOIN theme t ON t.key = k
      WHERE f_org AND f_kind AND f_year GROUP BY t.key, label) f) AS themes,
  (SELECT coalesce(json_agg(f ORDER BY f.count DESC, f.name), '[]') FROM (
     SELECT o.id, o.name, sum(g.n)::int AS count
       FROM g CROSS JOIN LATERAL unnest(g.organization_ids) oid JOIN organization o ON o.id = oid
      WHERE f_theme AND f_kind AND f_year GROUP BY o.id, o.name) f) AS organizations,
  (SELECT coalesce(json_agg(f ORDER BY f.year DESC), '[]') FROM (
     SELECT year, sum(n)::int AS count FROM g WHERE year IS NOT NULL AND f_theme AND f_org AND f_kind GROUP BY 1) f) AS years,
  (SELECT coalesce(json_agg(f ORDER BY f.count DESC), '[]') FROM (
     SELECT kind, sum(n)::int AS count FROM g WHERE f_theme AND f_org AND f_year GROUP BY kind) f) AS kinds`;

const hits = (limit: string, offset: string) => `
  (SELECT coalesce(json_agg(h ORDER BY h.score DESC, h.id), '[]') FROM (
     SELECT e.id, e.kind, e.entity_id, e.key, e.title, e.meeting_id, p.score,
            ts_headline('simple', left(coalesce(nullif(e.body, ''), nullif(e.tags, ''), e.title), 3000), (SELECT display || tsq FROM q),
              'StartSel=<b>, StopSel=</b>, MaxWords=32, MinWords=14, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "') AS snippet
       FROM (
         SELECT c.id, ts_rank_cd(v.document, (SELECT tsq FROM q), 1)
                + CASE WHEN v.theme_keys && $2::text[] OR v.method_keys && $3::text[] THEN 0.1 ELSE 0 END
                + coalesce(extract(year FROM c.meeting_date) - 2000, 0) / 10000.0 AS score
           FROM c JOIN search_entry v ON v.id = c.id
          ORDER BY score DESC, c.id LIMIT ${limit} OFFSET ${offset}) p
       JOIN search_entry e ON e.id = p.id) h) AS hits`;

/**
 * The sample's answer: how many of its entries match (all, and those the filters keep), the
 * planner's count of entries, and the facets and total scaled up to the whole index.
 */
export const SAMPLE_SQL = `
WITH ${matches(true)},
${groups(SAMPLE_MODULUS)}
SELECT (SELECT count(*) FROM m)::int AS matches,
       (SELECT count(*) FROM m WHERE f_theme AND f_org AND f_kind AND f_year)::int AS filtered,
       (SELECT reltuples FROM pg_class WHERE oid = 'search_entry'::regclass)::float8 AS entries,${counted('$11')}`;

/** Every match counted: the total, the facets and a page of hits. */
export const EXACT_SQL = `
WITH ${QUERY},
${matches(false)},
${groups(1)},
c AS (
  SELECT m.id, m.meeting_date FROM m WHERE f_theme AND f_org AND f_kind AND f_year
   ORDER BY m.meeting_date DESC NULLS LAST, m.id LIMIT ${RANKED_CANDIDATES}
)
SELECT ${counted('$13')},${hits('$11', '$12')}`;

/**
 * A page of hits without counting every match, and the exact total when the filters leave few.
 * walkByDate: walk the entries from the most recent on until enough match — cheap when matches
 * are dense; otherwise collect every match and sort (the planner misjudges the walk's cost, as
 * each step reads a whole document, hence the `+ 0` that keeps it from the date index).
 */
export function hitsSql(walkByDate: boolean, exactTotal: boolean): string {
  return `
WITH ${QUERY},
c AS MATERIALIZED (
  SELECT e.id, e.meeting_date FROM search_entry e WHERE ${MATCH} AND ${ALL_FILTERS}
   ORDER BY ${walkByDate ? 'e.meeting_date' : 'e.meeting_date + 0'} DESC NULLS LAST, e.id LIMIT ${RANKED_CANDIDATES}
)
SELECT ${exactTotal ? `(SELECT count(*) FROM search_entry e WHERE ${MATCH} AND ${ALL_FILTERS})::int` : 'NULL::int'} AS total,${hits('$11', '$12')}`;
}

/** The closest known word to a mistyped one (pg_trgm), for "did you mean". */
export const SIMILAR_WORD_SQL = `
  SELECT word FROM search_word WHERE word % $1 AND similarity(word, $1) >= 0.4
   ORDER BY similarity(word, $1) DESC, length(word), word LIMIT 1`;

export const KNOWN_WORDS_SQL = `SELECT word FROM search_word WHERE word = ANY($1)`;
