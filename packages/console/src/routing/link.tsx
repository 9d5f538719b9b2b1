import { createContext, useContext, type AnchorHTMLAttributes, type MouseEvent } from 'react';

/** The app's navigate function, for links (a plain page load outside the app). */
export const NavigateContext = createContext<(to: string) => void>((to) => window.location.assign(to));

/** A link inside the console: a real <a href> (opens in a new tab, copies), followed without reload. */
export function Link(props: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const navigate = useContext(NavigateContext);
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    props.onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(props.href);
  };
  return <a {...props} onClick={onClick} />;
}
