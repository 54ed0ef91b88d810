import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import i18n from '../i18n';
import type { ApiError } from '../graphql/client';

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="state state--loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {t('state.loading')}
    </p>
  );
}

/**
 * An error in words a person understands, in their language: a refusal the server gives a reason
 * for is said as that reason (with the field's name as the person knows it); others by their kind.
 */
export function describeError(error: ApiError, t: TFunction): string {
  if (error.reason && i18n.exists(`errors.${error.reason.key}`)) {
    const field = error.reason.params.field;
    return t(`errors.${error.reason.key}` as never, {
      ...error.reason.params,
      ...(typeof field === 'string' ? { field: t(`fields.${field}` as never, { defaultValue: field }) } : {}),
    });
  }
  return {
    NOT_FOUND: t('state.notFound'),
    FORBIDDEN: t('state.forbidden'),
    NETWORK: t('state.network'),
    SERVER: t('state.server'),
    UNAUTHENTICATED: t('signIn.expired'),
    BAD_USER_INPUT: t('state.badInput', { field: error.field ?? '', message: error.message }),
    CONFLICT: t('state.conflict', { message: error.message }),
  }[error.kind];
}

/** An error, with a way to try again where that can help. */
export function ErrorMessage({ error, retry }: { error: ApiError; retry?: () => void }) {
  const { t } = useTranslation();
  const text = describeError(error, t);
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
