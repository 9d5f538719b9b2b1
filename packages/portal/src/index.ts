// @saldo/portal — the debtor portal: pages rendered as HTML strings on the server (they work with
// JavaScript off) plus one small enhancement script built by Vite. Imports @saldo/core only.
export { renderPage, type PageOptions } from './render-page.js';
export { escapeHtml } from './escape-html.js';
export { checkJsBudget, portalJsBudgetBytes, type BuiltFile } from './js-budget.js';
