import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../graphql/use-query';
import { ReportQuery } from '../graphql/operations';
import { ErrorMessage, Loading } from '../components/states';
import { formatDate } from '../i18n';

/** The report of a meeting. */
export default function ReportPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { data, error, loading, refetch } = useQuery(ReportQuery, { id });
  if (loading) return <Loading />;
  if (error) return <ErrorMessage error={error} retry={refetch} />;
  const report = data!.report;
  return (
    <article className="detail report">
      <header className="detail__header">
        <p className="eyebrow">{t('report.title')}</p>
        <h1><Link to={`/meetings/${report.meeting.id}`}>{report.meeting.title}</Link></h1>
        <p className="muted">{formatDate(report.meeting.date, i18n.language)}{report.meeting.location ? ` · ${report.meeting.location}` : ''}</p>
      </header>
      <div className="report__text">{report.text.split('\n').map((line, i) => <p key={i}>{line}</p>)}</div>
    </article>
  );
}
