import { useEffect, useState } from 'react';
import { EditorContent, useEditor } from '@tiptap/react';
import { BubbleMenu } from '@tiptap/react/menus';
import StarterKit from '@tiptap/starter-kit';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { TableKit } from '@tiptap/extension-table';
import type * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { useTranslation } from 'react-i18next';
import { GraphLink, PracticeMark } from './extensions';
import { LinkPicker } from './link-picker';
import { MethodSuggestions } from './method-suggestions';
import { PracticeDialog } from './practice-dialog';

interface Props {
  doc: Y.Doc;
  provider: WebsocketProvider;
  user: { name: string; color: string };
  canWrite: boolean;
  meetingId: string;
  themes: { key: string; labels: { nl: string; fr: string; en: string } }[];
  organizations: { id: string; name: string }[];
}

/** How long a confirmation stays above the text. */
const NOTICE_MS = 6000;

/** The live editor: TipTap on the report's Yjs document, with carets, graph links and practices. */
export function ReportEditor({ doc, provider, user, canWrite, meetingId, themes, organizations }: Props) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  // A confirmation belongs to the moment it answers: left above the text, it would still speak of
  // a practice saved long ago while the group writes on.
  useEffect(() => {
    if (!notice) return;
    const timer = window.setTimeout(() => setNotice(null), NOTICE_MS);
    return () => window.clearTimeout(timer);
  }, [notice]);
  const editor = useEditor({
    editable: canWrite,
    immediatelyRender: false,
    extensions: [
      // Undo comes from Collaboration: it undoes only this person's own changes.
      StarterKit.configure({ undoRedo: false, link: { openOnClick: false } }),
      TableKit.configure({ table: { resizable: false } }),
      GraphLink,
      PracticeMark,
      Collaboration.configure({ document: doc, field: 'default' }),
      CollaborationCaret.configure({ provider, user }),
    ],
    editorProps: { attributes: { class: 'report-body', 'aria-label': t('report.title') } },
  }, [doc, provider, canWrite]);

  if (!editor) return null;
  const button = (label: string, active: boolean, run: () => void) => (
    <button type="button" className={active ? 'is-active' : ''} aria-pressed={active} onClick={run} disabled={!canWrite}>{label}</button>
  );
  return (
    <div className="report-editor">
      {canWrite && (
        <div className="toolbar" role="toolbar" aria-label={t('editor.toolbar')}>
          {button(t('editor.heading'), editor.isActive('heading', { level: 2 }), () => editor.chain().focus().toggleHeading({ level: 2 }).run())}
          {button(t('editor.paragraph'), editor.isActive('paragraph'), () => editor.chain().focus().setParagraph().run())}
          {button(t('editor.bold'), editor.isActive('bold'), () => editor.chain().focus().toggleBold().run())}
          {button(t('editor.italic'), editor.isActive('italic'), () => editor.chain().focus().toggleItalic().run())}
          {button(t('editor.bulletList'), editor.isActive('bulletList'), () => editor.chain().focus().toggleBulletList().run())}
          {button(t('editor.orderedList'), editor.isActive('orderedList'), () => editor.chain().focus().toggleOrderedList().run())}
          {button(t('editor.table'), editor.isActive('table'), () => editor.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run())}
          {button(t('editor.undo'), false, () => editor.chain().focus().undo().run())}
          {button(t('editor.redo'), false, () => editor.chain().focus().redo().run())}
          <span className="toolbar__hint muted">{t('editor.linkHint')}</span>
        </div>
      )}
      <MethodSuggestions editor={editor} canWrite={canWrite} />
      {notice && <p className="notice" role="status">{notice}</p>}
      {canWrite && (
        <BubbleMenu editor={editor} shouldShow={({ state }) => !state.selection.empty && state.doc.textBetween(state.selection.from, state.selection.to).trim().length > 3}>
          <button type="button" className="button button--primary bubble-button" onClick={() => setDialog(true)}>{t('editor.savePractice')}</button>
        </BubbleMenu>
      )}
      <EditorContent editor={editor} />
      {canWrite && <LinkPicker editor={editor} />}
      {dialog && (
        <PracticeDialog editor={editor} meetingId={meetingId} themes={themes} organizations={organizations} onDone={(message) => { setDialog(false); setNotice(message); }} />
      )}
    </div>
  );
}
