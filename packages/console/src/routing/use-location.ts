import { useCallback, useEffect, useState } from 'react';

export interface Place {
  pathname: string;
  search: string;
}

/**
 * The browser's address, kept in React state: links push a new address without a reload, and the
 * back button comes back here (popstate). `initial` is the address when rendered outside a browser.
 */
export function useLocation(initial: Place): { place: Place; navigate(to: string): void } {
  const [place, setPlace] = useState<Place>(initial);
  useEffect(() => {
    const sync = () => setPlace({ pathname: window.location.pathname, search: window.location.search });
    window.addEventListener('popstate', sync);
    return () => window.removeEventListener('popstate', sync);
  }, []);
  const navigate = useCallback((to: string) => {
    window.history.pushState(null, '', to);
    setPlace({ pathname: window.location.pathname, search: window.location.search });
  }, []);
  return { place, navigate };
}
