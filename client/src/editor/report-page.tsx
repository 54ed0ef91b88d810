import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../graphql/use-query';
import { ReportEditorQuery } from '../graphql/operations';
import { ErrorMessage, Loading } from '../components/states';
import { formatDate } from '../i18n';
import { colorFor, useCollaboration } from './use-collaboration';
import { ReportEditor } from './report-editor';
import { HistoryPanel } from './history-panel';
import { refusalMessage } from './refusal';
import { MeetingHeader } from './meeting-header';
import { UnsavedText } from './unsaved-text';
import type { ReportEditorQuery as ReportEditorData } from '../graphql/generated/graphql';

/** /reports/:id — the report of a meeting, written together live. */
export default function ReportPage() {
  const { id = '' } = useParams();
  const { data, error, refetch } = useQuery(ReportEditorQuery, { id });
  if (error) return <ErrorMessage error={error} retry={refetch} />;
  if (!data) return <Loading />;
  // Read again after the meeting's details change, the page stays: the editor and its connection
  // are not started again, and the details' confirmation stays in view.
  return <LiveReport data={data} onMeetingChanged={refetch} />;
}

function LiveReport({ data, onMeetingChanged }: { data: ReportEditorData; onMeetingChanged(): void }) {
  const { t, i18n } = useTranslation();
  const { report, me } = data;
  const user = { name: me.name || me.email, email: me.email };
  const writer = me.role !== 'VIEWER';
  const { doc, provider, status, peers, closedForGood, unsaved, discardUnsaved } = useCollaboration(report.documentName, user, writer);
  const [history, setHistory] = useState(false);
  const canWrite = writer && closedForGood === null;
  return (
    <article className="report-page">
      <header className="report-page__header">
        <div>
          <p className="eyebrow">{t('report.title')}</p>
          <h1><Link to={`/meetings/${report.meeting.id}`}>{report.meeting.title}</Link></h1>
          <p className="muted">{formatDate(report.meeting.date, i18n.language)}{report.meeting.location ? ` · ${report.meeting.location}` : ''}</p>
        </div>
        <div className="report-page__status">
          <p className={`sync-status sync-status--${status}`} role="status" aria-live="polite" data-status={status}>
            <span className="sync-status__dot" aria-hidden="true" /> {t(`editor.status.${status}`)}
          </p>
          <ul className="presence" aria-label={t('editor.here')}>
            {peers.map((peer) => (
              <li key={peer.clientId} className="presence__person" style={{ borderColor: peer.color }} title={peer.name}>
                <span className="presence__initial" style={{ background: peer.color }} aria-hidden="true">{peer.name.slice(0, 1).toUpperCase()}</span>
                <span className="presence__name">{peer.name}</span>
              </li>
            ))}
          </ul>
          <button type="button" className="button button--ghost" aria-expanded={history} onClick={() => setHistory(!history)}>{t('editor.history')}</button>
        </div>
      </header>
      {me.role === 'VIEWER' && <p className="notice" role="status">{t('editor.readOnly')}</p>}
      {closedForGood !== null && <p className="state state--error" role="alert">{refusalMessage(closedForGood, i18n)}</p>}
      {unsaved.length > 0 && <UnsavedText lines={unsaved} onDiscard={discardUnsaved} />}
      <div className={`report-page__body${history ? ' with-history' : ''}`}>
        <div className="report-page__main">
          <ReportEditor doc={doc} provider={provider} user={{ name: user.name, color: colorFor(user.email) }} canWrite={canWrite}
            meetingId={report.meeting.id} themes={data.themes} organizations={data.organizations} />
        </div>
        <div className="report-page__side">
          {history ? <HistoryPanel reportId={report.id} canWrite={canWrite} onClose={() => setHistory(false)} /> : (
            <MeetingHeader key={report.meeting.id} meeting={report.meeting} canWrite={canWrite} onSaved={onMeetingChanged} />
          )}
        </div>
      </div>
    </article>
  );
}
