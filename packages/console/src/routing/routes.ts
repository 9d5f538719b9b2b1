/** Where the server serves the console (vite.config.ts `base`, the server's console routes). */
export const BASE = '/console/';

export type View = 'home' | 'audit' | 'notFound';

/** The view at a path under /console/ (a deep link or a reload lands on the same view). */
export function viewOf(pathname: string): View {
  const rest = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : null;
  if (rest === null) return 'notFound';
  const page = rest.replace(/\/+$/, '');
  if (page === '') return 'home';
  if (page === 'audit') return 'audit';
  return 'notFound';
}

export const hrefOf: Record<Exclude<View, 'notFound'>, string> = {
  home: BASE,
  audit: `${BASE}audit`,
};
