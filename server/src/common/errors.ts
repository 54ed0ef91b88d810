/**
 * Domain errors thrown by services. `graphql/format-error.ts` is the one place that turns them
 * into GraphQL errors; anything else that escapes becomes a generic INTERNAL_SERVER_ERROR.
 */
export type DomainErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'TOO_MANY_REQUESTS';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export const unauthenticated = (message = 'Sign in first: this needs a valid token') =>
  new DomainError('UNAUTHENTICATED', message);
export const forbidden = (message = 'Your role does not allow this') => new DomainError('FORBIDDEN', message);
export const badInput = (field: string, message: string) => new DomainError('BAD_USER_INPUT', message, field);
export const notFound = (what: string, field = 'id') => new DomainError('NOT_FOUND', `${what} not found`, field);
export const conflict = (field: string, message: string) => new DomainError('CONFLICT', message, field);
