/**
 * WebSocket close codes of the collaboration endpoint `/collab/<documentName>`.
 * 4000–4999 is the range RFC 6455 leaves to applications; 1009 is the standard "message too big".
 */
export const CollabCloseCode = {
  /** No token, a forged or an expired token. */
  UNAUTHENTICATED: 4401,
  /** The user may not read this document (or was deleted while connected). */
  FORBIDDEN: 4403,
  /** No report with this document name. */
  NOT_FOUND: 4404,
  /** A frame that is not a valid y-websocket message, or a change that Yjs cannot apply. */
  MALFORMED: 4400,
  /**
   * The user's right to write came or went while connected. A role change ends the user's
   * sign-in: sign in again to go on with the new rights.
   */
  ROLE_CHANGED: 4409,
  /** A frame larger than the configured maximum message size. */
  MESSAGE_TOO_BIG: 1009,
  /** The server is shutting down; reconnect (to another instance). */
  GOING_AWAY: 1001,
} as const;

export type CollabCloseCode = (typeof CollabCloseCode)[keyof typeof CollabCloseCode];
