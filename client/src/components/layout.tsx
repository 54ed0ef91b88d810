import { NavLink, Outlet, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n';
import { session } from '../graphql/client';
import { useSession } from './use-session';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="language-switch" role="group" aria-label={t('nav.language')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={i18n.language === language}
          className={i18n.language === language ? 'is-active' : ''}
          onClick={() => void i18n.changeLanguage(language)}
        >
          {language.toUpperCase()}
        </button>
      ))}
    </div>
  );
}

export function Layout() {
  const { t } = useTranslation();
  const user = useSession();
  const navigate = useNavigate();
  return (
    <>
      <a className="skip-link" href="#main">{t('app.skip')}</a>
      <header className="site-header">
        <div className="site-header__inner">
          <NavLink to="/" className="brand">
            <span className="brand__mark" aria-hidden="true">A</span>
            <span className="brand__name">{t('app.name')}</span>
          </NavLink>
          <nav aria-label={t('nav.menu')} className="site-nav">
            <NavLink to="/" end>{t('nav.home')}</NavLink>
            <NavLink to="/search">{t('nav.search')}</NavLink>
            <NavLink to="/graph">{t('nav.graph')}</NavLink>
            {user?.role === 'ADMIN' && <NavLink to="/admin">{t('nav.admin')}</NavLink>}
          </nav>
          <div className="site-header__tools">
            <LanguageSwitch />
            {user && (
              <button
                type="button"
                className="button button--ghost"
                title={user.email}
                onClick={() => {
                  session.clear();
                  navigate('/');
                }}
              >
                {t('nav.signOut')}
              </button>
            )}
          </div>
        </div>
      </header>
      <main id="main" className="page" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{t('app.tagline')} · POD MI / SPP IS</p>
      </footer>
    </>
  );
}
