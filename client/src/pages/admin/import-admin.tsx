import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError, request } from '../../graphql/client';
import { ImportReportMutation } from '../../graphql/operations';
import { describeError } from '../../components/states';

interface Row {
  name: string;
  status: 'CREATED' | 'UPDATED' | 'UNCHANGED' | 'FAILED' | 'PENDING';
  message?: string;
  meeting?: { id: string; title: string; date: string };
}

/** Imports report files one by one, showing progress and what happened to each. */
export function ImportAdmin() {
  const { t } = useTranslation();
  const [rows, setRows] = useState<Row[]>([]);
  const [busy, setBusy] = useState(false);

  async function importFiles(files: FileList | null) {
    if (!files?.length) return;
    setBusy(true);
    const list: Row[] = [...files].map((file) => ({ name: file.name, status: 'PENDING' }));
    setRows(list);
    for (const [i, file] of [...files].entries()) {
      try {
        const result = await request(ImportReportMutation, { filename: file.name, text: await file.text() });
        list[i] = { name: file.name, status: result.importReport.status as Row['status'], meeting: result.importReport.meeting };
      } catch (error) {
        list[i] = { name: file.name, status: 'FAILED', message: error instanceof ApiError ? describeError(error, t) : String(error) };
      }
      setRows([...list]);
    }
    setBusy(false);
  }

  const done = rows.filter((row) => row.status !== 'PENDING').length;
  return (
    <div className="admin-panel">
      <label className="field file-drop">
        <span>{t('admin.chooseFiles')}</span>
        <input type="file" accept=".txt,text/plain" multiple disabled={busy} onChange={(e) => void importFiles(e.target.files)} />
      </label>
      {busy && <p role="status"><progress max={rows.length} value={done} /> {t('admin.importing', { done, total: rows.length })}</p>}
      <ul className="import-list">
        {rows.map((row) => (
          <li key={row.name} className={`import-list__item is-${row.status.toLowerCase()}`}>
            <strong>{row.name}</strong>
            {row.status !== 'PENDING' && <span>{t(`admin.status.${row.status}`)}</span>}
            {row.meeting && <Link to={`/meetings/${row.meeting.id}`}>{row.meeting.date} · {row.meeting.title}</Link>}
            {row.message && <span className="form-error">{row.message}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
