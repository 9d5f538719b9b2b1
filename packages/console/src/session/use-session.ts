import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client.js';
import type { Me } from '../api/types.js';

export type Session =
  | { status: 'loading' }
  | { status: 'unreachable' }
  /** `notice`: why the sign-in form is back (the session ended, or the person signed out). */
  | { status: 'signed-out'; notice?: 'ended' | 'signedOut' }
  | { status: 'signed-in'; me: Me };

export interface SessionControl {
  session: Session;
  /** Asks the server who the session cookie belongs to (after a sign-in, or on load). */
  refresh(): Promise<void>;
  signOut(): Promise<void>;
  /** An API call answered 401: the session expired or was revoked. */
  expired(): void;
}

/** Who is signed in, from GET /v1/auth/me (the cookie is httpOnly: only the server knows). */
export function useSession(): SessionControl {
  const [session, setSession] = useState<Session>({ status: 'loading' });

  const refresh = useCallback(async () => {
    const me = await api<Me>('GET', '/v1/auth/me');
    if (me.ok) setSession({ status: 'signed-in', me: me.data });
    else if (me.status === 401) setSession({ status: 'signed-out' });
    else setSession({ status: 'unreachable' });
  }, []);

  const signOut = useCallback(async () => {
    await api<null>('POST', '/v1/auth/logout');
    setSession({ status: 'signed-out', notice: 'signedOut' });
  }, []);

  const expired = useCallback(() => setSession({ status: 'signed-out', notice: 'ended' }), []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return { session, refresh, signOut, expired };
}
