import { badInput } from '../common/errors.js';

/** Opaque Relay global ids: base64url("Type:uuid"). Raw UUIDs are accepted too, for scripts. */

export type NodeType =
  | 'Meeting' | 'Person' | 'Organization' | 'Theme' | 'Method' | 'Practice' | 'Report' | 'User' | 'ReportVersion' | 'SynonymGroup';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function toGlobalId(type: NodeType, id: string): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

export function fromGlobalId(globalId: string): { type: NodeType | null; id: string } | null {
  if (UUID.test(globalId)) return { type: null, id: globalId.toLowerCase() };
  if (globalId.length > 200) return null;
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 1) return null;
  const id = decoded.slice(colon + 1);
  if (!UUID.test(id)) return null;
  return { type: decoded.slice(0, colon) as NodeType, id: id.toLowerCase() };
}

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** The UUID behind an id argument, or BAD_USER_INPUT naming the argument. */
export function parseId(field: string, value: string, expected: NodeType): string {
  const parsed = fromGlobalId(String(value ?? ''));
  if (!parsed || (parsed.type !== null && parsed.type !== expected)) {
    throw badInput(field, `${field} is not a valid ${expected} id`);
  }
  return parsed.id;
}
