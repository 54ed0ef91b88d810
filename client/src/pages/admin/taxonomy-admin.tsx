import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from '../../graphql/use-query';
import { TaxonomyQuery, UpsertMethodMutation, UpsertThemeMutation } from '../../graphql/operations';
import { ErrorMessage, Loading } from '../../components/states';

const split = (text: string) => text.split(',').map((part) => part.trim()).filter(Boolean);

/** Themes and methods with their names in each language and their aliases; saving re-links reports. */
export function TaxonomyAdmin() {
  const { t } = useTranslation();
  const taxonomy = useQuery(TaxonomyQuery);
  const saveTheme = useMutation(UpsertThemeMutation);
  const saveMethod = useMutation(UpsertMethodMutation);
  const [theme, setTheme] = useState({ key: '', labelNl: '', labelFr: '', labelEn: '', keywords: '' });
  const [method, setMethod] = useState({ key: '', name: '', aliases: '', descriptionNl: '', descriptionFr: '', description: '' });
  const [saved, setSaved] = useState(false);

  async function submitTheme(event: FormEvent) {
    event.preventDefault();
    if (await saveTheme.run({ input: { ...theme, keywords: split(theme.keywords) } })) { setSaved(true); taxonomy.refetch(); }
  }
  async function submitMethod(event: FormEvent) {
    event.preventDefault();
    if (await saveMethod.run({ input: { ...method, aliases: split(method.aliases) } })) { setSaved(true); taxonomy.refetch(); }
  }

  if (taxonomy.loading) return <Loading />;
  if (taxonomy.error) return <ErrorMessage error={taxonomy.error} retry={taxonomy.refetch} />;
  const data = taxonomy.data!;
  return (
    <div className="admin-panel columns">
      <section className="columns__main">
        <h2>{t('search.themes')}</h2>
        <ul className="taxonomy-list">
          {data.themes.map((item) => (
            <li key={item.key}>
              <button type="button" className="link-button" onClick={() => setTheme({ key: item.key, labelNl: item.labels.nl, labelFr: item.labels.fr, labelEn: item.labels.en, keywords: item.keywords.join(', ') })}>
                {item.labels.nl} / {item.labels.fr} <span className="muted">({item.key})</span>
              </button>
            </li>
          ))}
        </ul>
        <form className="card form-grid" onSubmit={submitTheme}>
          <label className="field"><span>{t('admin.key')}</span><input required pattern="[a-z0-9]+(-[a-z0-9]+)*" value={theme.key} onChange={(e) => setTheme({ ...theme, key: e.target.value })} /></label>
          <label className="field"><span>{t('admin.labelNl')}</span><input required value={theme.labelNl} onChange={(e) => setTheme({ ...theme, labelNl: e.target.value })} /></label>
          <label className="field"><span>{t('admin.labelFr')}</span><input required value={theme.labelFr} onChange={(e) => setTheme({ ...theme, labelFr: e.target.value })} /></label>
          <label className="field"><span>{t('admin.labelEn')}</span><input required value={theme.labelEn} onChange={(e) => setTheme({ ...theme, labelEn: e.target.value })} /></label>
          <label className="field field--wide"><span>{t('admin.keywords')}</span><textarea rows={3} value={theme.keywords} onChange={(e) => setTheme({ ...theme, keywords: e.target.value })} /></label>
          {saveTheme.error && <ErrorMessage error={saveTheme.error} />}
          <button type="submit" className="button button--primary">{t('admin.save')}</button>
        </form>
      </section>
      <section className="columns__side">
        <h2>{t('practice.methods')}</h2>
        <ul className="taxonomy-list">
          {data.methods.map((item) => (
            <li key={item.key}>
              <button type="button" className="link-button" onClick={() => setMethod({ key: item.key, name: item.name, aliases: item.aliases.join(', '), descriptionNl: item.descriptions.nl, descriptionFr: item.descriptions.fr, description: item.descriptions.en })}>{item.name}</button>
            </li>
          ))}
        </ul>
        <form className="card form-grid" onSubmit={submitMethod}>
          <label className="field"><span>{t('admin.key')}</span><input required pattern="[a-z0-9]+(-[a-z0-9]+)*" value={method.key} onChange={(e) => setMethod({ ...method, key: e.target.value })} /></label>
          <label className="field"><span>{t('admin.name')}</span><input required value={method.name} onChange={(e) => setMethod({ ...method, name: e.target.value })} /></label>
          <label className="field field--wide"><span>{t('admin.aliases')}</span><textarea rows={2} value={method.aliases} onChange={(e) => setMethod({ ...method, aliases: e.target.value })} /></label>
          <label className="field field--wide"><span>{t('admin.descriptionNl')}</span><textarea rows={3} value={method.descriptionNl} onChange={(e) => setMethod({ ...method, descriptionNl: e.target.value })} /></label>
          <label className="field field--wide"><span>{t('admin.descriptionFr')}</span><textarea rows={3} value={method.descriptionFr} onChange={(e) => setMethod({ ...method, descriptionFr: e.target.value })} /></label>
          <label className="field field--wide"><span>{t('admin.descriptionEn')}</span><textarea rows={3} value={method.description} onChange={(e) => setMethod({ ...method, description: e.target.value })} /></label>
          {saveMethod.error && <ErrorMessage error={saveMethod.error} />}
          <button type="submit" className="button button--primary">{t('admin.save')}</button>
        </form>
        {saved && <p role="status" className="notice">{t('admin.saved')}</p>}
      </section>
    </div>
  );
}
