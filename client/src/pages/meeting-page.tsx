import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../graphql/use-query';
import { MeetingQuery } from '../graphql/operations';
import { ErrorMessage, Loading } from '../components/states';
import { formatDate } from '../i18n';
import { themeLabel } from '../components/localized';

export function MeetingPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { data, error, loading, refetch } = useQuery(MeetingQuery, { id });
  if (loading) return <Loading />;
  if (error) return <ErrorMessage error={error} retry={refetch} />;
  const meeting = data!.meeting;
  const byStatus = (status: 'PRESENT' | 'EXCUSED') => meeting.attendances.filter((a) => a.status === status).sort((a, b) => a.person.name.localeCompare(b.person.name));
  return (
    <article className="detail">
      <header className="detail__header">
        <p className="eyebrow">
          <span className={`badge badge--${meeting.kind.toLowerCase()}`}>{t(`meeting.kind.${meeting.kind}`)}</span>
        </p>
        <h1>{meeting.title}</h1>
        <dl className="facts">
          <div><dt>{t('meeting.when')}</dt><dd><time dateTime={meeting.date}>{formatDate(meeting.date, i18n.language)}</time></dd></div>
          {meeting.location && <div><dt>{t('meeting.where')}</dt><dd>{meeting.location}</dd></div>}
        </dl>
        {meeting.report && <Link className="button button--primary" to={`/reports/${meeting.report.id}`}>{t('meeting.report')}</Link>}
      </header>
      <div className="columns">
        <div className="columns__main">
          <section aria-labelledby="practices">
            <h2 id="practices">{t('meeting.practices')}</h2>
            {meeting.practices.length === 0 ? <p className="muted">{t('meeting.noPractices')}</p> : (
              <ul className="practice-list">
                {meeting.practices.map((practice) => (
                  <li key={practice.id}>
                    <Link to={`/practices/${practice.id}`}>{practice.title}</Link>
                    <span className="tags">{practice.themes.map((theme) => <span className="tag" key={theme.key}>{themeLabel(theme, i18n.language)}</span>)}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
        <aside className="columns__side">
          <section aria-labelledby="methods">
            <h2 id="methods">{t('meeting.methods')}</h2>
            {meeting.methods.length === 0 ? <p className="muted">{t('meeting.noMethods')}</p> : (
              <ul className="chip-list">{meeting.methods.map((method) => <li key={method.key}><Link className="chip" to={`/methods/${method.key}`}>{method.name}</Link></li>)}</ul>
            )}
          </section>
          {(['PRESENT', 'EXCUSED'] as const).map((status) => (
            <section key={status} aria-labelledby={`att-${status}`}>
              <h2 id={`att-${status}`}>{t(status === 'PRESENT' ? 'meeting.present' : 'meeting.excused')} ({byStatus(status).length})</h2>
              <ul className="people-list">
                {byStatus(status).map((attendance) => (
                  <li key={attendance.id}>
                    <span className="person">{attendance.person.name}</span>
                    <span className="muted">{attendance.organization?.name ?? t('meeting.withoutOrganization')}</span>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </aside>
      </div>
    </article>
  );
}
