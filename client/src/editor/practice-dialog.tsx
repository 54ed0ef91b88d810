import { useState, type FormEvent } from 'react';
import type { Editor } from '@tiptap/core';
import { ySyncPluginKey, absolutePositionToRelativePosition } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { useTranslation } from 'react-i18next';
import { useMutation } from '../graphql/use-query';
import { CreatePracticeMutation } from '../graphql/operations';
import { ErrorMessage } from '../components/states';
import { themeLabel } from '../components/localized';

interface Props {
  editor: Editor;
  meetingId: string;
  themes: { key: string; labels: { nl: string; fr: string; en: string } }[];
  organizations: { id: string; name: string }[];
  onDone(message: string | null): void;
}

/** The selection's place in the shared document, stable while others edit around it. */
function anchorOf(editor: Editor): string | null {
  const sync = ySyncPluginKey.getState(editor.state) as { type: Y.XmlFragment; binding: { mapping: Map<unknown, unknown> } } | undefined;
  if (!sync?.binding) return null;
  const { from, to } = editor.state.selection;
  const encode = (pos: number) => Y.relativePositionToJSON(absolutePositionToRelativePosition(pos, sync.type, sync.binding.mapping as never));
  return JSON.stringify({ from: encode(from), to: encode(to) });
}

/** "Save as good practice": the selected passage becomes a practice linked back to this exact place. */
export function PracticeDialog({ editor, meetingId, themes, organizations, onDone }: Props) {
  const { t, i18n } = useTranslation();
  const { from, to } = editor.state.selection;
  const passage = editor.state.doc.textBetween(from, to, ' ').trim();
  const [title, setTitle] = useState(passage.slice(0, 110));
  const [chosenThemes, setThemes] = useState<string[]>([]);
  const [chosenCentres, setCentres] = useState<string[]>([]);
  const create = useMutation(CreatePracticeMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await create.run({ input: { title, description: passage, sourcePassage: passage, themes: chosenThemes, organizationIds: chosenCentres, meetingId, anchor: anchorOf(editor) } });
    if (result) {
      editor.chain().focus().setTextSelection({ from, to }).setMark('practice', { id: result.createPractice.id }).run();
      onDone(t('editor.practiceSaved'));
    }
  }

  const toggle = (list: string[], value: string) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);
  return (
    <div className="dialog-backdrop">
      <form className="card dialog" role="dialog" aria-modal="true" aria-labelledby="practice-dialog-title" onSubmit={submit}>
        <h2 id="practice-dialog-title">{t('editor.savePractice')}</h2>
        <blockquote className="dialog__passage">{passage}</blockquote>
        <label className="field"><span>{t('editor.practiceTitle')}</span><input required value={title} onChange={(e) => setTitle(e.target.value)} autoFocus /></label>
        <fieldset className="field">
          <legend>{t('editor.practiceThemes')}</legend>
          <div className="check-grid">
            {themes.map((theme) => (
              <label key={theme.key}><input type="checkbox" checked={chosenThemes.includes(theme.key)} onChange={() => setThemes(toggle(chosenThemes, theme.key))} /> {themeLabel(theme, i18n.language)}</label>
            ))}
          </div>
        </fieldset>
        <label className="field"><span>{t('editor.practiceCentres')}</span>
          <select multiple size={5} value={chosenCentres} onChange={(e) => setCentres([...e.target.selectedOptions].map((o) => o.value))}>
            {organizations.map((organization) => <option key={organization.id} value={organization.id}>{organization.name}</option>)}
          </select>
        </label>
        {create.error && <ErrorMessage error={create.error} />}
        <div className="dialog__actions">
          <button type="button" className="button button--ghost" onClick={() => onDone(null)}>{t('editor.cancel')}</button>
          <button type="submit" className="button button--primary" disabled={create.pending}>{t('editor.save')}</button>
        </div>
      </form>
    </div>
  );
}
