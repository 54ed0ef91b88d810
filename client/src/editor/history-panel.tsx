import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from '../graphql/use-query';
import { CreateReportVersionMutation, ReportVersionsQuery, RestoreReportVersionMutation } from '../graphql/operations';
import { ErrorMessage, Loading } from '../components/states';

/** Lines of `before` missing from `after` and the reverse: enough to see what a version changed. */
function lineDiff(version: string, current: string): { line: string; change: 'same' | 'removed' | 'added' }[] {
  const now = new Set(current.split('\n'));
  const then = new Set(version.split('\n'));
  return [
    ...version.split('\n').map((line) => ({ line, change: now.has(line) ? ('same' as const) : ('removed' as const) })),
    ...current.split('\n').filter((line) => !then.has(line)).map((line) => ({ line, change: 'added' as const })),
  ];
}

export function HistoryPanel({ reportId, canWrite, onClose }: { reportId: string; canWrite: boolean; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const versions = useQuery(ReportVersionsQuery, { id: reportId });
  const create = useMutation(CreateReportVersionMutation);
  const restore = useMutation(RestoreReportVersionMutation);
  const [name, setName] = useState('');
  const [viewing, setViewing] = useState<string | null>(null);
  const [restored, setRestored] = useState(false);

  async function restoreVersion(versionId: string) {
    setRestored(false);
    if (await restore.run({ versionId })) {
      setRestored(true);
      versions.refetch();
    }
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (await create.run({ reportId, name: name || null })) {
      setName('');
      versions.refetch();
    }
  }

  const format = (iso: string) => new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : `${i18n.language}-BE`, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  const list = versions.data?.report.versions ?? [];
  const shown = list.find((version) => version.id === viewing);
  return (
    <aside className="history-panel card" aria-labelledby="history-title">
      <header className="history-panel__header">
        <h2 id="history-title">{t('editor.history')}</h2>
        <button type="button" className="button button--ghost" onClick={onClose}>{t('editor.close')}</button>
      </header>
      {canWrite && (
        <form className="history-panel__save" onSubmit={save}>
          <label className="field"><span>{t('editor.versionName')}</span><input value={name} maxLength={200} onChange={(e) => setName(e.target.value)} /></label>
          <button type="submit" className="button button--secondary" disabled={create.pending}>{t('editor.saveVersion')}</button>
        </form>
      )}
      {versions.loading && <Loading />}
      {(versions.error ?? create.error ?? restore.error) && <ErrorMessage error={(versions.error ?? create.error ?? restore.error)!} />}
      {restored && <p className="notice" role="status">{t('editor.restored')}</p>}
      {list.length === 0 && !versions.loading && <p className="muted">{t('editor.noVersions')}</p>}
      <ol className="version-list">
        {list.map((version) => (
          <li key={version.id}>
            <span><strong>{version.name ?? t(version.automatic ? 'editor.automatic' : 'editor.unnamed')}</strong> · {format(version.createdAt)}</span>
            <span className="version-list__actions">
              <button type="button" className="link-button" onClick={() => setViewing(viewing === version.id ? null : version.id)}>{t('editor.view')}</button>
              {canWrite && <button type="button" className="link-button" onClick={() => void restoreVersion(version.id)}>{t('editor.restore')}</button>}
            </span>
          </li>
        ))}
      </ol>
      {shown && versions.data && (
        <div className="version-view" aria-live="polite">
          {lineDiff(shown.text, versions.data.report.text).filter((row) => row.line.trim()).map((row, i) => (
            <p key={i} className={`diff diff--${row.change}`} title={row.change === 'same' ? undefined : t(row.change === 'added' ? 'editor.diffAdded' : 'editor.diffRemoved')}>{row.line}</p>
          ))}
        </div>
      )}
    </aside>
  );
}
