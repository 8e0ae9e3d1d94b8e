import type { Me } from '@shenbao/contracts';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { isApiError, setCsrfToken, setUnauthorizedHandler } from '../../api/client.ts';
import { fetchMe } from '../../features/identity/api.ts';

export type AuthStatus = 'loading' | 'signed-in' | 'signed-out' | 'expired' | 'error';

interface AuthValue {
  status: AuthStatus;
  me: Me | null;
  /** Why the probe failed when status is 'error' (server down, not a 401). */
  error: unknown;
  /** After login: remember who we are and the CSRF token. */
  signIn: (me: Me) => void;
  /** After logout, or when the server says the session is gone. */
  signOut: (status?: 'signed-out' | 'expired') => void;
  /** Load /api/me again (after editing one's own organisation). */
  refresh: () => Promise<void>;
}

const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [status, setStatus] = useState<AuthStatus>('loading');
  const [error, setError] = useState<unknown>(undefined);

  const signIn = useCallback((next: Me) => {
    setCsrfToken(next.csrfToken);
    setMe(next);
    setStatus('signed-in');
  }, []);

  const signOut = useCallback((next: 'signed-out' | 'expired' = 'signed-out') => {
    setCsrfToken(null);
    setMe(null);
    setStatus(next);
  }, []);

  const refresh = useCallback(async () => {
    try {
      signIn(await fetchMe());
    } catch (cause) {
      if (isApiError(cause) && cause.status === 401) {
        signOut('signed-out');
      } else {
        setError(cause);
        setStatus('error');
      }
    }
  }, [signIn, signOut]);

  useEffect(() => {
    setUnauthorizedHandler(() => signOut('expired'));
    void refresh();
    return () => setUnauthorizedHandler(null);
  }, [refresh, signOut]);

  const value = useMemo<AuthValue>(
    () => ({ status, me, error, signIn, signOut, refresh }),
    [status, me, error, signIn, signOut, refresh],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** For screens inside the guard, where a signed-in user is certain. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe outside a signed-in route');
  return me;
}
