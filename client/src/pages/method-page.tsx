import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../graphql/use-query';
import { MethodQuery } from '../graphql/operations';
import { ErrorMessage, Loading } from '../components/states';
import { formatDate } from '../i18n';
import { localized } from '../components/localized';

/** A method and how it travelled through the network: every meeting that used it, oldest first. */
export function MethodPage() {
  const { key = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { data, error, loading, refetch } = useQuery(MethodQuery, { key });
  if (loading) return <Loading />;
  if (error) return <ErrorMessage error={error} retry={refetch} />;
  const method = data!.method;
  const description = localized(method.descriptions, i18n.language);
  const byMeeting = new Map<string, { meeting: (typeof method.mentions)[number]['meeting']; passages: string[] }>();
  for (const mention of method.mentions) {
    const entry = byMeeting.get(mention.meeting.id) ?? { meeting: mention.meeting, passages: [] };
    if (mention.passage && !entry.passages.includes(mention.passage)) entry.passages.push(mention.passage);
    byMeeting.set(mention.meeting.id, entry);
  }
  return (
    <article className="detail">
      <header className="detail__header">
        <p className="eyebrow">{t('search.kind.METHOD')}</p>
        <h1>{method.name}</h1>
        {description && <p className="lead">{description}</p>}
        {method.aliases.length > 0 && <p className="muted">{t('method.aliases')}: {method.aliases.join(' · ')}</p>}
      </header>
      <div className="columns">
        <section className="columns__main" aria-labelledby="timeline">
          <h2 id="timeline">{t('method.timeline')}</h2>
          {byMeeting.size === 0 ? <p className="muted">{t('method.noMeetings')}</p> : (
            <ol className="timeline">
              {[...byMeeting.values()].map(({ meeting, passages }) => (
                <li key={meeting.id} className="timeline__item">
                  <time dateTime={meeting.date} className="timeline__date">{formatDate(meeting.date, i18n.language)}</time>
                  <Link to={`/meetings/${meeting.id}`} className="timeline__title">{meeting.title}</Link>
                  {passages.slice(0, 3).map((passage) => <blockquote key={passage} className="timeline__passage">{passage}</blockquote>)}
                </li>
              ))}
            </ol>
          )}
        </section>
        <aside className="columns__side">
          <h2>{t('method.practices')}</h2>
          <ul className="practice-list">
            {method.practices.map((practice) => <li key={practice.id}><Link to={`/practices/${practice.id}`}>{practice.title}</Link></li>)}
          </ul>
          {method.practices.length === 0 && <p className="muted">{t('practice.none')}</p>}
          <h2>{t('method.all')}</h2>
          <ul className="chip-list">{data!.methods.map((other) => <li key={other.key}><Link className={`chip${other.key === method.key ? ' is-active' : ''}`} to={`/methods/${other.key}`}>{other.name}</Link></li>)}</ul>
        </aside>
      </div>
    </article>
  );
}
