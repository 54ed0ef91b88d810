import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { session } from '../graphql/client';
import { useMutation } from '../graphql/use-query';
import { LoginMutation } from '../graphql/operations';
import { ErrorMessage } from '../components/states';

export function SignInPage({ expired, onSignedIn }: { expired: boolean; onSignedIn(): void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation(LoginMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await login.run({ email, password });
    if (result) {
      session.save(result.login.token, result.login.user);
      onSignedIn();
    }
  }

  return (
    <section className="sign-in" aria-labelledby="sign-in-title">
      <div className="sign-in__intro">
        <h1 id="sign-in-title">{t('app.name')}</h1>
        <p className="lead">{t('signIn.intro')}</p>
      </div>
      <form className="card sign-in__form" onSubmit={submit} noValidate>
        <h2>{t('signIn.title')}</h2>
        {expired && !login.error && <p className="notice" role="status">{t('signIn.expired')}</p>}
        <label className="field">
          <span>{t('signIn.email')}</span>
          <input type="email" name="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} autoFocus />
        </label>
        <label className="field">
          <span>{t('signIn.password')}</span>
          <input type="password" name="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        {login.error && (login.error.kind === 'UNAUTHENTICATED' ? <p className="form-error" role="alert">{t('signIn.wrong')}</p> : <ErrorMessage error={login.error} />)}
        <button type="submit" className="button button--primary" disabled={login.pending}>
          {login.pending ? t('signIn.pending') : t('signIn.submit')}
        </button>
      </form>
    </section>
  );
}
