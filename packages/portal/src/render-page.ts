import type { TemplateLanguage } from '@saldo/core/channels';
import { escapeHtml } from './escape-html.js';

/** Texts of the page frame, in every language debtor-facing text exists in. */
const frameTexts: Record<TemplateLanguage, { skip: string; site: string }> = {
  es: { skip: 'Saltar al contenido', site: 'Portal de pagos' },
  en: { skip: 'Skip to content', site: 'Payment portal' },
};

export interface PageOptions {
  lang: TemplateLanguage;
  /** The page's own title; the document title is "<title> · <portal name>". */
  title: string;
  /** The main content: HTML already rendered (and escaped) by the page's own renderer. */
  mainHtml: string;
  /** URL of the enhancement script (the Vite-built `enhance.js`); without it the page is plain HTML. */
  scriptSrc?: string;
}

/**
 * A complete, accessible portal page: `lang` on `<html>`, a title, a skip link to the single
 * `<main>` landmark. The page works with JavaScript off; the optional script only enhances it
 * (`defer`, a module: it never blocks the forms).
 *
 * @example
 * renderPage({ lang: 'es', title: 'Tu saldo', mainHtml: '<h1>Tu saldo</h1>' })
 * // → '<!doctype html>\n<html lang="es">…<main id="main" tabindex="-1"><h1>Tu saldo</h1></main>…'
 */
export function renderPage(opts: PageOptions): string {
  const t = frameTexts[opts.lang];
  const script =
    opts.scriptSrc === undefined
      ? ''
      : `\n<script type="module" src="${escapeHtml(opts.scriptSrc)}"></script>`;
  return `<!doctype html>
<html lang="${opts.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(opts.title)} · ${t.site}</title>${script}
</head>
<body>
<a class="skip-link" href="#main">${t.skip}</a>
<main id="main" tabindex="-1">${opts.mainHtml}</main>
</body>
</html>
`;
}
