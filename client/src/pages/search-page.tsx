import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../graphql/use-query';
import { SearchQuery } from '../graphql/operations';
import { Empty, ErrorMessage, Loading } from '../components/states';
import { SearchBox } from '../components/search-box';
import { Snippet } from '../components/snippet';
import { formatDate } from '../i18n';

const PAGE = 20;

function hitPath(hit: { kind: string; id: string; key?: string | null }): string {
  switch (hit.kind) {
    case 'PRACTICE': return `/practices/${hit.id}`;
    case 'SECTION': return `/reports/${hit.id}`;
    case 'METHOD': return `/methods/${hit.key}`;
    case 'MEETING': return `/meetings/${hit.id}`;
    default: return `/search?q=${encodeURIComponent(hit.key ?? '')}`;
  }
}

/** A facet's count; counts taken on the index's sample are marked as estimates. */
function FacetCount({ count, estimated }: { count: number; estimated: boolean }) {
  const { t } = useTranslation();
  return estimated ? <span className="count" title={t('search.estimated')}>≈{count}</span> : <span className="count">{count}</span>;
}

/** Search with facets; query, filters and page size live in the URL so a search can be shared. */
export function SearchPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const filter = {
    themes: params.getAll('theme'),
    organizations: params.getAll('org'),
    kinds: params.getAll('kind'),
    from: params.get('year') ? `${params.get('year')}-01-01` : null,
    to: params.get('year') ? `${params.get('year')}-12-31` : null,
  };
  const first = Math.min(Number(params.get('n') ?? PAGE) || PAGE, 100);
  const { data, error, loading, refetch } = useQuery(SearchQuery, { query, filter, first, language: i18n.language }, query.trim() === '');

  const toggle = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    const values = next.getAll(name);
    next.delete(name);
    next.delete('n');
    for (const v of values.includes(value) ? values.filter((x) => x !== value) : [...values, value]) next.append(name, v);
    setParams(next);
  };
  const setSingle = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null || next.get(name) === value) next.delete(name);
    else next.set(name, value);
    next.delete('n');
    setParams(next);
  };
  const hasFilters = filter.themes.length + filter.organizations.length + filter.kinds.length > 0 || params.has('year');
  const result = data?.search;

  return (
    <section aria-labelledby="search-title">
      <h1 id="search-title" className="visually-hidden">{t('search.title')}</h1>
      <SearchBox key={query} initial={query} large />
      {loading && <Loading />}
      {error && <ErrorMessage error={error} retry={refetch} />}
      {result && (
        <div className="columns columns--search">
          <aside className="columns__side facets" aria-label={t('search.filters')}>
            {hasFilters && <button type="button" className="button button--ghost" onClick={() => setParams(new URLSearchParams({ q: query }))}>{t('search.clear')}</button>}
            <fieldset>
              <legend>{t('search.themes')}</legend>
              {result.facets.themes.map((facet) => (
                <label key={facet.key} className="facet">
                  <input type="checkbox" checked={filter.themes.includes(facet.key)} onChange={() => toggle('theme', facet.key)} />
                  <span>{facet.label}</span><FacetCount count={facet.count} estimated={result.facets.estimated} />
                </label>
              ))}
            </fieldset>
            <fieldset>
              <legend>{t('search.organizations')}</legend>
              {result.facets.organizations.slice(0, 12).map((facet) => (
                <label key={facet.id} className="facet">
                  <input type="checkbox" checked={filter.organizations.includes(facet.id)} onChange={() => toggle('org', facet.id)} />
                  <span>{facet.name}</span><FacetCount count={facet.count} estimated={result.facets.estimated} />
                </label>
              ))}
            </fieldset>
            <fieldset>
              <legend>{t('search.years')}</legend>
              {result.facets.years.map((facet) => (
                <label key={facet.year} className="facet">
                  <input type="radio" name="year" checked={params.get('year') === String(facet.year)} onChange={() => setSingle('year', String(facet.year))} onClick={() => params.get('year') === String(facet.year) && setSingle('year', null)} />
                  <span>{facet.year}</span><FacetCount count={facet.count} estimated={result.facets.estimated} />
                </label>
              ))}
            </fieldset>
            <fieldset>
              <legend>{t('search.kinds')}</legend>
              {result.facets.kinds.map((facet) => (
                <label key={facet.kind} className="facet">
                  <input type="checkbox" checked={filter.kinds.includes(facet.kind)} onChange={() => toggle('kind', facet.kind)} />
                  <span>{t(`search.kind.${facet.kind}`, facet.kind)}</span><FacetCount count={facet.count} estimated={result.facets.estimated} />
                </label>
              ))}
            </fieldset>
          </aside>
          <div className="columns__main">
            <p className="result-count" role="status">
              {t(result.totalCountIsEstimate ? 'search.results_about' : 'search.results', { count: result.totalCount })}
              {result.didYouMean && <> · <Snippet text={t('search.didYouMean', { query: result.didYouMean })} /></>}
            </p>
            {result.totalCount === 0 ? (
              <Empty title={t('search.none', { query })}><p>{t('search.noneHint')}</p></Empty>
            ) : (
              <ol className="hits">
                {result.hits.map((hit) => (
                  <li key={`${hit.kind}:${hit.id}:${hit.title}`} className="hit">
                    <p className="hit__kind">{t(`search.kind.${hit.kind}`, hit.kind)}{hit.meeting && <> · <time dateTime={hit.meeting.date}>{formatDate(hit.meeting.date, i18n.language, 'short')}</time></>}</p>
                    <h2 className="hit__title"><Link to={hitPath(hit)}>{hit.title}</Link></h2>
                    <p className="hit__snippet"><Snippet text={hit.snippet} /></p>
                    {hit.meeting && <Link className="hit__meeting" to={`/meetings/${hit.meeting.id}`}>{hit.meeting.title}</Link>}
                  </li>
                ))}
              </ol>
            )}
            {result.pageInfo.hasNextPage && (
              <button type="button" className="button button--secondary" onClick={() => setSingle('n', String(Math.min(first + PAGE, 100)))}>{t('search.more')}</button>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
