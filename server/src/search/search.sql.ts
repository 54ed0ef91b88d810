/**
 * One statement answers a search: the matches (full text in Dutch, French and simple on
 * unaccented text, or content tagged with a theme or method the query named in any language),
 * a page of hits with snippets, the total, and the facet counts — each facet dimension counted
 * with the other dimensions' filters, so choosing a value never hides its siblings.
 *
 * $1 query, $2 theme keys named by the query, $3 method keys named by the query, $4 filter themes,
 * $5 filter organisations, $6 filter hit kinds, $7 filter meeting kinds, $8 from, $9 to,
 * $10 limit, $11 offset, $12 label language (nl | fr | en).
 */
/** How many matches are ranked by relevance (the most recent ones) when a query matches more. */
export const RANKED_CANDIDATES = 2000;

export const SEARCH_SQL = `
WITH q AS (
  SELECT websearch_to_tsquery('dutch', f_unaccent($1)) || websearch_to_tsquery('french', f_unaccent($1))
         || websearch_to_tsquery('simple', f_unaccent($1)) AS tsq,
         websearch_to_tsquery('simple', $1) AS display
),
m AS MATERIALIZED (
  -- Narrow rows only: texts and vectors are read for the ranked candidates, not for every match.
  SELECT e.id, e.kind, e.meeting_date, e.theme_keys, e.organization_ids,
         CASE WHEN e.theme_keys && $2::text[] OR e.method_keys && $3::text[] THEN 0.1 ELSE 0 END AS boost,
         ($4::text[] IS NULL OR e.theme_keys && $4::text[]) AS f_theme,
         ($5::uuid[] IS NULL OR e.organization_ids && $5::uuid[]) AS f_org,
         (($6::text[] IS NULL OR e.kind = ANY($6::text[])) AND ($7::text[] IS NULL OR e.meeting_kind = ANY($7::text[]))) AS f_kind,
         (($8::date IS NULL OR e.meeting_date >= $8::date) AND ($9::date IS NULL OR e.meeting_date <= $9::date)) AS f_year
    FROM search_entry e, q
   WHERE e.document @@ q.tsq OR e.theme_keys && $2::text[] OR e.method_keys && $3::text[]
)
SELECT
  (SELECT count(*) FROM m WHERE f_theme AND f_org AND f_kind AND f_year)::int AS total,
  (SELECT coalesce(json_agg(h ORDER BY h.score DESC, h.id), '[]') FROM (
     SELECT e.id, e.kind, e.entity_id, e.key, e.title, e.meeting_id, p.score,
            ts_headline('simple', left(coalesce(nullif(e.body, ''), nullif(e.tags, ''), e.title), 3000), (SELECT display || tsq FROM q),
              'StartSel=<b>, StopSel=</b>, MaxWords=32, MinWords=14, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "') AS snippet
       FROM (
         -- Ranking reads every candidate's vector: it is bounded to the most recent matches.
         SELECT c.id, ts_rank_cd(v.document, (SELECT tsq FROM q), 1) + c.boost + coalesce(extract(year FROM c.meeting_date) - 2000, 0) / 10000.0 AS score
           FROM (SELECT m.id, m.boost, m.meeting_date FROM m WHERE f_theme AND f_org AND f_kind AND f_year
                  ORDER BY m.meeting_date DESC NULLS LAST, m.id LIMIT ${RANKED_CANDIDATES}) c
           JOIN search_entry v ON v.id = c.id
          ORDER BY score DESC, c.id LIMIT $10 OFFSET $11) p
       JOIN search_entry e ON e.id = p.id) h) AS hits,
  (SELECT coalesce(json_agg(f ORDER BY f.count DESC, f.key), '[]') FROM (
     SELECT t.key, CASE $12 WHEN 'fr' THEN t.label_fr WHEN 'en' THEN t.label_en ELSE t.label_nl END AS label, count(*)::int AS count
       FROM m CROSS JOIN LATERAL unnest(m.theme_keys) k JOIN theme t ON t.key = k
      WHERE f_org AND f_kind AND f_year GROUP BY t.key, label) f) AS themes,
  (SELECT coalesce(json_agg(f ORDER BY f.count DESC, f.name), '[]') FROM (
     SELECT o.id, o.name, count(*)::int AS count
       FROM m CROSS JOIN LATERAL unnest(m.organization_ids) oid JOIN organization o ON o.id = oid
      WHERE f_theme AND f_kind AND f_year GROUP BY o.id, o.name) f) AS organizations,
  (SELECT coalesce(json_agg(f ORDER BY f.year DESC), '[]') FROM (
     SELECT extract(year FROM meeting_date)::int AS year, count(*)::int AS count
       FROM m WHERE meeting_date IS NOT NULL AND f_theme AND f_org AND f_kind GROUP BY 1) f) AS years,
  (SELECT coalesce(json_agg(f ORDER BY f.count DESC), '[]') FROM (
     SELECT kind, count(*)::int AS count FROM m WHERE f_theme AND f_org AND f_year GROUP BY kind) f) AS kinds`;

/** The closest known word to a mistyped one (pg_trgm), for "did you mean". */
export const SIMILAR_WORD_SQL = `
  SELECT word FROM search_word WHERE word % $1 AND similarity(word, $1) >= 0.4
   ORDER BY similarity(word, $1) DESC, length(word), word LIMIT 1`;

export const KNOWN_WORDS_SQL = `SELECT word FROM search_word WHERE word = ANY($1)`;
