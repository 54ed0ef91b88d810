import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from '../../graphql/use-query';
import { DeleteSynonymGroupMutation, SaveSynonymGroupMutation, SynonymGroupsQuery } from '../../graphql/operations';
import { ErrorMessage, Loading } from '../../components/states';

const split = (text: string) => text.split(',').map((part) => part.trim()).filter(Boolean);
/** Accents and case aside, as search compares words. */
const folded = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Search's synonym groups: words that mean the same in Dutch, French and English. */
export function SynonymsAdmin() {
  const { t } = useTranslation();
  const groups = useQuery(SynonymGroupsQuery);
  const save = useMutation(SaveSynonymGroupMutation);
  const remove = useMutation(DeleteSynonymGroupMutation);
  const [editing, setEditing] = useState<{ id: string | null; terms: string }>({ id: null, terms: '' });
  const [filter, setFilter] = useState('');
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    if (await save.run({ id: editing.id, terms: split(editing.terms) })) {
      setEditing({ id: null, terms: '' });
      setSaved(true);
      groups.refetch();
    }
  }
  async function deleteGroup(id: string, terms: string[]) {
    if (!window.confirm(t('admin.confirmDelete', { name: terms.join(', ') }))) return;
    if (await remove.run({ id })) {
      if (editing.id === id) setEditing({ id: null, terms: '' });
      groups.refetch();
    }
  }

  if (groups.loading) return <Loading />;
  if (groups.error) return <ErrorMessage error={groups.error} retry={groups.refetch} />;
  const wanted = folded(filter.trim());
  const shown = groups.data!.synonymGroups.filter((group) => !wanted || group.terms.some((term) => folded(term).includes(wanted)));
  return (
    <div className="admin-panel columns">
      <section className="columns__main">
        <h2>{t('admin.synonyms')}</h2>
        <p className="muted">{t('admin.synonymsIntro')}</p>
        <label className="field"><span>{t('admin.findWord')}</span><input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} /></label>
        {remove.error && <ErrorMessage error={remove.error} />}
        {shown.length === 0 && <p className="muted">{t('admin.noSynonymGroups')}</p>}
        <ul className="synonym-list">
          {shown.map((group) => (
            <li key={group.id} className={group.id === editing.id ? 'is-editing' : undefined}>
              <ul className="chip-list" aria-label={group.terms.join(', ')}>
                {group.terms.map((term) => <li key={term} className="chip">{term}</li>)}
              </ul>
              <div className="synonym-list__actions">
                <button type="button" className="button button--secondary" onClick={() => { setSaved(false); setEditing({ id: group.id, terms: group.terms.join(', ') }); }}>{t('admin.edit')}</button>
                <button type="button" className="button button--danger" onClick={() => deleteGroup(group.id, group.terms)}>{t('admin.delete')}</button>
              </div>
            </li>
          ))}
        </ul>
      </section>
      <section className="columns__side">
        <form className="card form-grid" onSubmit={submit}>
          <h2>{editing.id ? t('admin.editSynonymGroup') : t('admin.newSynonymGroup')}</h2>
          <label className="field field--wide"><span>{t('admin.synonymTerms')}</span><textarea required rows={4} value={editing.terms} onChange={(e) => setEditing({ ...editing, terms: e.target.value })} /></label>
          {save.error && <div className="field--wide"><ErrorMessage error={save.error} /></div>}
          <button type="submit" className="button button--primary">{t('admin.save')}</button>
          {editing.id && <button type="button" className="button button--secondary" onClick={() => setEditing({ id: null, terms: '' })}>{t('admin.cancel')}</button>}
        </form>
        {saved && <p role="status" className="notice">{t('admin.saved')}</p>}
      </section>
    </div>
  );
}
