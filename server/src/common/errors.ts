import { describeReason, type ErrorReason } from '@atelier/shared';

/**
 * Domain errors thrown by services. `graphql/format-error.ts` is the one place that turns them
 * into GraphQL errors; anything else that escapes becomes a generic INTERNAL_SERVER_ERROR.
 */
export type DomainErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'TOO_MANY_REQUESTS';

/**
 * What a refusal says: plain English for what only a program can get wrong (a cursor, an id), or
 * a reason (`@atelier/shared`'s ERROR_REASONS) that the app says in its reader's language.
 */
export type Refusal = string | ErrorReason;

export class DomainError extends Error {
  readonly reason?: ErrorReason;

  /** `about` goes before the message, e.g. the file a refusal is about. */
  constructor(
    readonly code: DomainErrorCode,
    refusal: Refusal,
    readonly field?: string,
    about?: string,
  ) {
    const text = typeof refusal === 'string' ? refusal : describeReason(refusal);
    super(about ? `${about}: ${text}` : text);
    if (typeof refusal !== 'string') this.reason = refusal;
  }
}

export const unauthenticated = (message = 'Sign in first: this needs a valid token') =>
  new DomainError('UNAUTHENTICATED', message);
export const forbidden = (message = 'Your role does not allow this') => new DomainError('FORBIDDEN', message);
export const badInput = (field: string, refusal: Refusal, about?: string) => new DomainError('BAD_USER_INPUT', refusal, field, about);
export const notFound = (what: string, field = 'id') => new DomainError('NOT_FOUND', `${what} not found`, field);
export const conflict = (field: string, refusal: Refusal) => new DomainError('CONFLICT', refusal, field);
