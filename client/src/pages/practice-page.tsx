import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../graphql/use-query';
import { PracticeQuery } from '../graphql/operations';
import { ErrorMessage, Loading } from '../components/states';
import { formatDate } from '../i18n';
import { themeLabel } from '../components/localized';

export function PracticePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { data, error, loading, refetch } = useQuery(PracticeQuery, { id });
  if (loading) return <Loading />;
  if (error) return <ErrorMessage error={error} retry={refetch} />;
  const practice = data!.practice;
  const description = practice.description.split('\n\n(')[0];
  return (
    <article className="detail">
      <header className="detail__header">
        <p className="eyebrow">{t('search.kind.PRACTICE')}</p>
        <h1>{practice.title}</h1>
        {practice.meeting && (
          <p>
            {t('practice.meeting')}: <Link to={`/meetings/${practice.meeting.id}`}>{formatDate(practice.meeting.date, i18n.language)} — {practice.meeting.title}</Link>
          </p>
        )}
      </header>
      <div className="columns">
        <div className="columns__main">
          {description !== practice.title && <p className="lead">{description}</p>}
          {practice.sourcePassage && (
            <figure className="passage">
              <figcaption>{t('practice.passage')}{practice.section ? ` · ${practice.section}` : ''}</figcaption>
              <blockquote>{practice.sourcePassage}</blockquote>
              {practice.meeting?.report && <Link to={`/reports/${practice.meeting.report.id}`}>{t('meeting.report')}</Link>}
            </figure>
          )}
        </div>
        <aside className="columns__side">
          <h2>{t('practice.themes')}</h2>
          <ul className="chip-list">{practice.themes.map((theme) => <li key={theme.key}><Link className="chip" to={`/search?q=${encodeURIComponent(themeLabel(theme, i18n.language))}&theme=${theme.key}`}>{themeLabel(theme, i18n.language)}</Link></li>)}</ul>
          {practice.themes.length === 0 && <p className="muted">{t('practice.none')}</p>}
          <h2>{t('practice.methods')}</h2>
          <ul className="chip-list">{practice.methods.map((method) => <li key={method.key}><Link className="chip" to={`/methods/${method.key}`}>{method.name}</Link></li>)}</ul>
          {practice.methods.length === 0 && <p className="muted">{t('practice.none')}</p>}
          <h2>{t('practice.centres')}</h2>
          <ul className="chip-list">{practice.organizations.map((organization) => <li key={organization.id}><Link className="chip" to={`/search?q=${encodeURIComponent(organization.name)}`}>{organization.name}</Link></li>)}</ul>
          {practice.organizations.length === 0 && <p className="muted">{t('practice.none')}</p>}
        </aside>
      </div>
    </article>
  );
}
