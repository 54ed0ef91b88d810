import { NavLink, Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../components/use-session';
import { UsersAdmin } from './admin/users-admin';
import { TaxonomyAdmin } from './admin/taxonomy-admin';
import { ImportAdmin } from './admin/import-admin';
import { SynonymsAdmin } from './admin/synonyms-admin';

export default function AdminPage() {
  const { t } = useTranslation();
  const user = useSession();
  if (user?.role !== 'ADMIN') return <p className="state state--error" role="alert">{t('admin.onlyAdmins')}</p>;
  return (
    <section aria-labelledby="admin-title">
      <h1 id="admin-title">{t('admin.title')}</h1>
      <nav className="tabs" aria-label={t('admin.title')}>
        <NavLink to="/admin" end>{t('admin.users')}</NavLink>
        <NavLink to="/admin/taxonomy">{t('admin.taxonomy')}</NavLink>
        <NavLink to="/admin/synonyms">{t('admin.synonyms')}</NavLink>
        <NavLink to="/admin/import">{t('admin.import')}</NavLink>
      </nav>
      <Routes>
        <Route index element={<UsersAdmin />} />
        <Route path="taxonomy" element={<TaxonomyAdmin />} />
        <Route path="synonyms" element={<SynonymsAdmin />} />
        <Route path="import" element={<ImportAdmin />} />
      </Routes>
    </section>
  );
}
