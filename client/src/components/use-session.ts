import { useSyncExternalStore } from 'react';
import { session, type SessionUser } from '../graphql/client';

let cached: { raw: string | null; user: SessionUser | null } = { raw: null, user: null };

function snapshot(): SessionUser | null {
  const raw = localStorage.getItem('atelier.user');
  if (raw !== cached.raw) cached = { raw, user: session.user() };
  return session.token() ? cached.user : null;
}

function subscribe(callback: () => void): () => void {
  window.addEventListener('atelier:session', callback);
  window.addEventListener('storage', callback);
  return () => {
    window.removeEventListener('atelier:session', callback);
    window.removeEventListener('storage', callback);
  };
}

/** The signed-in user, re-rendering on sign-in and sign-out (in this tab or another). */
export function useSession(): SessionUser | null {
  return useSyncExternalStore(subscribe, snapshot);
}
