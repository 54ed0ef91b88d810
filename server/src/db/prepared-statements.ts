import type pg from 'pg';
import type { Queryable } from '../reports/report-state.js';

/**
 * For code whose statements are few and fixed (the update log, derived data): each statement
 * text gets one name, so every connection parses it once and PostgreSQL can keep its plan, which
 * takes parsing and planning off every run. The returned function wraps a pool or a transaction's
 * client; all it wraps share the names. Not for the embedded database, whose connections can
 * share one session, where a name prepared by one would clash with another's.
 */
export function preparedStatements(prefix: string): (client: pg.Pool | pg.PoolClient) => Queryable {
  const names = new Map<string, string>();
  return (client) => ({
    async query(text, values) {
      let name = names.get(text);
      if (!name) names.set(text, (name = `${prefix}_${names.size}`));
      return (await client.query({ name, text, values })).rows;
    },
  });
}
