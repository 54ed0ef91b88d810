import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';
import { DomainError } from '../common/errors.js';
import type { Logger } from '../logger.js';

/**
 * The one place where errors become what clients see: domain errors keep their code, field and
 * reason (for the app to say in its reader's language), GraphQL's own validation errors pass
 * through, and anything unexpected is logged and answered with a generic message — never a stack
 * trace or SQL text.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof DomainError) {
      return {
        message: original.message,
        path: formatted.path,
        extensions: {
          code: original.code,
          ...(original.field ? { field: original.field } : {}),
          ...(original.reason ? { reason: original.reason.key, params: original.reason.params ?? {} } : {}),
        },
      };
    }
    if (original instanceof ArgumentValidationError) {
      const field = original.extensions?.validationErrors?.[0]?.property;
      return { message: 'Invalid input', path: formatted.path, extensions: { code: 'BAD_USER_INPUT', field } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') {
      return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
    }
    if (original instanceof GraphQLError && !original.originalError && formatted.extensions?.code === undefined) {
      return { message: formatted.message, locations: formatted.locations, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error in GraphQL operation');
    return { message: 'Something went wrong on the server; it has been logged', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
