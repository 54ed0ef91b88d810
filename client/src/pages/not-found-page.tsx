import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <section className="state state--empty">
      <h1>{t('state.notFound')}</h1>
      <Link to="/">{t('nav.home')}</Link>
    </section>
  );
}
