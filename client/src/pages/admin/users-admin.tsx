import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from '../../graphql/use-query';
import { CreateUserMutation, DeleteUserMutation, UpdateUserMutation, UsersQuery } from '../../graphql/operations';
import { ErrorMessage, Loading } from '../../components/states';

const ROLES = ['ADMIN', 'EDITOR', 'VIEWER'] as const;
type RoleValue = (typeof ROLES)[number];

export function UsersAdmin() {
  const { t } = useTranslation();
  const users = useQuery(UsersQuery);
  const create = useMutation(CreateUserMutation);
  const update = useMutation(UpdateUserMutation);
  const remove = useMutation(DeleteUserMutation);
  const [form, setForm] = useState({ email: '', password: '', role: 'EDITOR' as RoleValue });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await create.run({ input: form })) {
      setForm({ email: '', password: '', role: 'EDITOR' });
      users.refetch();
    }
  }

  if (users.loading) return <Loading />;
  if (users.error) return <ErrorMessage error={users.error} retry={users.refetch} />;
  const error = create.error ?? update.error ?? remove.error;
  return (
    <div className="admin-panel">
      <table className="table">
        <thead><tr><th scope="col">{t('admin.email')}</th><th scope="col">{t('admin.role')}</th><th scope="col"><span className="visually-hidden">{t('admin.delete')}</span></th></tr></thead>
        <tbody>
          {users.data!.users.map((user) => (
            <tr key={user.id}>
              <td>{user.email}</td>
              <td>
                <label className="visually-hidden" htmlFor={`role-${user.id}`}>{t('admin.role')}</label>
                <select id={`role-${user.id}`} value={user.role} onChange={async (e) => { if (await update.run({ id: user.id, input: { role: e.target.value as RoleValue } })) users.refetch(); }}>
                  {ROLES.map((role) => <option key={role} value={role}>{t(`admin.roles.${role}`)}</option>)}
                </select>
              </td>
              <td>
                <button type="button" className="button button--danger" onClick={async () => { if (window.confirm(t('admin.confirmDelete', { name: user.email })) && (await remove.run({ id: user.id }))) users.refetch(); }}>
                  {t('admin.delete')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {error && <ErrorMessage error={error} />}
      <form className="card form-grid" onSubmit={submit}>
        <h2>{t('admin.addUser')}</h2>
        <label className="field"><span>{t('admin.email')}</span><input type="email" required value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} /></label>
        <label className="field"><span>{t('admin.password')}</span><input type="password" required minLength={10} value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} /></label>
        <label className="field"><span>{t('admin.role')}</span>
          <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as RoleValue })}>{ROLES.map((role) => <option key={role} value={role}>{t(`admin.roles.${role}`)}</option>)}</select>
        </label>
        <button type="submit" className="button button--primary" disabled={create.pending}>{t('admin.addUser')}</button>
      </form>
    </div>
  );
}
