/** Enums shared by the server, the client and the tests: the wire values of the public contract. */

export enum MeetingKind {
  MEETING = 'MEETING',
  EXCHANGE = 'EXCHANGE',
  ONLINE = 'ONLINE',
}

export enum AttendanceStatus {
  PRESENT = 'PRESENT',
  EXCUSED = 'EXCUSED',
}

export enum Role {
  ADMIN = 'ADMIN',
  EDITOR = 'EDITOR',
  VIEWER = 'VIEWER',
}

export enum OrganizationKind {
  /** An OCMW / CPAS: a public social-welfare centre. */
  CENTRE = 'CENTRE',
  /** A federal administration: POD MI / SPP IS, FOD BiZa ... */
  ADMINISTRATION = 'ADMINISTRATION',
  /** An NGO, a network of municipalities, an expert organisation. */
  NETWORK = 'NETWORK',
}

/** Theme keys that the contract guarantees exist. */
export const REQUIRED_THEME_KEYS = ['motivation', 'partnerships', 'training-needs'] as const;

export const ROLE_RANK: Record<Role, number> = { [Role.VIEWER]: 0, [Role.EDITOR]: 1, [Role.ADMIN]: 2 };

export function roleAtLeast(role: Role, needed: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[needed];
}
