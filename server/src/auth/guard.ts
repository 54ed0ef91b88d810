import { Role, roleAtLeast } from '@atelier/shared';
import { forbidden, unauthenticated } from '../common/errors.js';

/** The signed-in user as services see it. */
export interface Actor {
  id: string;
  email: string;
  role: Role;
}

/** Services call this: roles are enforced where the work is done, whatever the entry point. */
export function requireRole(actor: Actor | null, needed: Role): Actor {
  if (actor === null) throw unauthenticated();
  if (!roleAtLeast(actor.role, needed)) {
    throw forbidden(`This needs the ${needed} role; you are ${actor.role}`);
  }
  return actor;
}

export const SYSTEM_ACTOR: Actor = { id: '00000000-0000-0000-0000-000000000000', email: 'system', role: Role.ADMIN };
