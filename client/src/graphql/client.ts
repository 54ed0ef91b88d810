import type { TypedDocumentString } from './generated/graphql';

/** Talks to /graphql with the signed-in user's token, and turns failures into words a person understands. */

const TOKEN_KEY = 'atelier.token';
const USER_KEY = 'atelier.user';

export interface SessionUser {
  id: string;
  email: string;
  role: 'ADMIN' | 'EDITOR' | 'VIEWER';
}

export const session = {
  token: (): string | null => localStorage.getItem(TOKEN_KEY),
  user: (): SessionUser | null => {
    try {
      return JSON.parse(localStorage.getItem(USER_KEY) ?? 'null') as SessionUser | null;
    } catch {
      return null;
    }
  },
  save(token: string, user: SessionUser): void {
    localStorage.setItem(TOKEN_KEY, token);
    localStorage.setItem(USER_KEY, JSON.stringify(user));
    window.dispatchEvent(new Event('atelier:session'));
  },
  clear(): void {
    localStorage.removeItem(TOKEN_KEY);
    localStorage.removeItem(USER_KEY);
    window.dispatchEvent(new Event('atelier:session'));
  },
};

export type ErrorKind = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'NETWORK' | 'SERVER';

/** Why the server refused, when it says (`extensions.reason` and `extensions.params`): the app words it. */
export interface ApiErrorReason {
  key: string;
  params: Record<string, string | number>;
}

export class ApiError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly field?: string,
    readonly reason?: ApiErrorReason,
  ) {
    super(message);
  }
}

/** Sent when the server no longer accepts the token: the app goes to sign-in and comes back. */
export const SESSION_EXPIRED = 'atelier:session-expired';

export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables?: TVariables,
  signal?: AbortSignal,
): Promise<TResult> {
  let response: Response;
  try {
    const token = session.token();
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: document.toString(), variables }),
      signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError('NETWORK', 'network');
  }
  let body: {
    data?: TResult;
    errors?: { message: string; extensions?: { code?: string; field?: string; reason?: string; params?: ApiErrorReason['params'] } }[];
  };
  try {
    body = await response.json();
  } catch {
    throw new ApiError('SERVER', 'server');
  }
  const error = body.errors?.[0];
  if (error) {
    const code = error.extensions?.code;
    const kind: ErrorKind =
      code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' || code === 'BAD_USER_INPUT' || code === 'NOT_FOUND' || code === 'CONFLICT' ? code : 'SERVER';
    if (kind === 'UNAUTHENTICATED' && session.token()) window.dispatchEvent(new Event(SESSION_EXPIRED));
    const reason = error.extensions?.reason;
    throw new ApiError(kind, error.message, error.extensions?.field, reason ? { key: reason, params: error.extensions?.params ?? {} } : undefined);
  }
  if (!body.data) throw new ApiError('SERVER', 'server');
  return body.data;
}
