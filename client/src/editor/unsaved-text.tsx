import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Text this device holds that the server never took (unsaved.ts), offered to copy and pass on, or
 * to remove from the device.
 */
export function UnsavedText({ lines, onDiscard }: { lines: string[]; onDiscard(): void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const titleId = useId();
  const text = lines.join('\n');
  return (
    <section className="unsaved card" aria-labelledby={titleId} role="alert">
      <h2 id={titleId}>{t('editor.unsaved.title')}</h2>
      <p>{t('editor.unsaved.explain')}</p>
      <textarea readOnly aria-label={t('editor.unsaved.label')} value={text} rows={Math.min(lines.length + 1, 10)} />
      <div className="unsaved__actions">
        <button type="button" className="button button--primary" onClick={() => void navigator.clipboard.writeText(text).then(() => setCopied(true))}>{t('editor.unsaved.copy')}</button>
        <button type="button" className="button button--danger" onClick={onDiscard}>{t('editor.unsaved.discard')}</button>
        {copied && <span role="status">{t('editor.unsaved.copied')}</span>}
      </div>
    </section>
  );
}
