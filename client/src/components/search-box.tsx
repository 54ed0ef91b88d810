import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';

export function SearchBox({ initial = '', large = false }: { initial?: string; large?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [query, setQuery] = useState(initial);
  function submit(event: FormEvent) {
    event.preventDefault();
    if (query.trim()) navigate(`/search?q=${encodeURIComponent(query.trim())}`);
  }
  return (
    <form role="search" className={`search-box${large ? ' search-box--large' : ''}`} onSubmit={submit}>
      <label className="visually-hidden" htmlFor="search-input">{t('search.label')}</label>
      <input id="search-input" type="search" name="q" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('home.searchPlaceholder')} maxLength={500} />
      <button type="submit" className="button button--primary">{t('search.submit')}</button>
    </form>
  );
}
