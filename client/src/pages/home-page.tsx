import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../graphql/use-query';
import { HomeQuery } from '../graphql/operations';
import { Empty, ErrorMessage, Loading } from '../components/states';
import { SearchBox } from '../components/search-box';
import { formatDate } from '../i18n';
import { themeLabel } from '../components/localized';
import { useSession } from '../components/use-session';

export function HomePage() {
  const { t, i18n } = useTranslation();
  const user = useSession();
  const { data, error, loading, refetch } = useQuery(HomeQuery);
  return (
    <>
      <section className="hero">
        <h1>{t('home.title')}</h1>
        <p className="lead">{t('app.tagline')}</p>
        <SearchBox large />
      </section>
      {loading && <Loading />}
      {error && <ErrorMessage error={error} retry={refetch} />}
      {data && data.meetings.length === 0 && (
        <Empty title={t('home.emptyTitle')}>
          <p>{t('home.emptyText')}</p>
          {user?.role === 'ADMIN' && <Link className="button button--primary" to="/admin/import">{t('admin.import')}</Link>}
        </Empty>
      )}
      {data && data.meetings.length > 0 && (
        <div className="columns">
          <section aria-labelledby="recent-meetings" className="columns__main">
            <h2 id="recent-meetings">{t('home.recentMeetings')}</h2>
            <ul className="meeting-list">
              {data.meetings.map((meeting) => (
                <li key={meeting.id} className="meeting-list__item">
                  <Link to={`/meetings/${meeting.id}`} className="meeting-card">
                    <time dateTime={meeting.date}>{formatDate(meeting.date, i18n.language)}</time>
                    <span className="meeting-card__title">{meeting.title}</span>
                    <span className="meeting-card__meta">
                      <span className={`badge badge--${meeting.kind.toLowerCase()}`}>{t(`meeting.kind.${meeting.kind}`)}</span>
                      {meeting.location && <span>{meeting.location}</span>}
                      <span>{t('home.practices', { count: meeting.practices.length })}</span>
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
          <aside aria-labelledby="themes" className="columns__side">
            <h2 id="themes">{t('home.themes')}</h2>
            <ul className="theme-list">
              {data.themes.filter((theme) => theme.practiceCount > 0).sort((a, b) => b.practiceCount - a.practiceCount).map((theme) => (
                <li key={theme.key}>
                  <Link to={`/search?q=${encodeURIComponent(themeLabel(theme, i18n.language))}&theme=${theme.key}`}>
                    <span>{themeLabel(theme, i18n.language)}</span>
                    <span className="count">{theme.practiceCount}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </aside>
        </div>
      )}
    </>
  );
}
