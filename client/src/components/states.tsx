import { useTranslation } from 'react-i18next';
import type { ApiError } from '../graphql/client';

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="state state--loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {t('state.loading')}
    </p>
  );
}

/** An error in words a person understands, with a way to try again where that can help. */
export function ErrorMessage({ error, retry }: { error: ApiError; retry?: () => void }) {
  const { t } = useTranslation();
  const text = {
    NOT_FOUND: t('state.notFound'),
    FORBIDDEN: t('state.forbidden'),
    NETWORK: t('state.network'),
    SERVER: t('state.server'),
    UNAUTHENTICATED: t('signIn.expired'),
    BAD_USER_INPUT: t('state.badInput', { field: error.field ?? '', message: error.message }),
    CONFLICT: t('state.conflict', { message: error.message }),
  }[error.kind];
  return (
    <div className="state state--error" role="alert">
      <p>{text}</p>
      {retry && (error.kind === 'NETWORK' || error.kind === 'SERVER') && (
        <button type="button" className="button button--secondary" onClick={retry}>
          {t('state.retry')}
        </button>
      )}
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <div className="state state--empty">
      <h2>{title}</h2>
      {children}
    </div>
  );
}
