import { createHash } from 'node:crypto';
import { formatMinor, isCurrency } from '@saldo/core/money';
import type { PortfolioSummary } from '../ports.js';

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const n = (x: number) => x.toLocaleString('en-US');
const money = (minor: number, cur: string) =>
  `${isCurrency(cur) ? Number(formatMinor(minor, cur)).toLocaleString('en-US', { maximumFractionDigits: 0 }) : minor} ${cur}`;

function table(title: string, head: [string, string], rows: [string, string][]) {
  return `<section><h2>${esc(title)}</h2><table><thead><tr><th>${head[0]}</th><th>${head[1]}</th></tr></thead><tbody>${rows
    .map(([a, b]) => `<tr><td>${esc(a)}</td><td class="num">${esc(b)}</td></tr>`)
    .join('')}</tbody></table></section>`;
}

const style = `
body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1b2430;background:#f6f7f9}
header{background:#12355b;color:#fff;padding:1.2rem 2rem}header h1{margin:0;font-size:1.6rem}
main{padding:1.5rem 2rem;max-width:70rem}.lead{font-size:1.15rem}
.badge{display:inline-block;padding:.15rem .6rem;border-radius:1rem;background:#b3261e;color:#fff;font-size:.9rem;margin-left:.6rem}
.badge.up{background:#1f8a4c}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(15rem,1fr));gap:1rem}
section{background:#fff;border-radius:.5rem;padding:1rem;box-shadow:0 1px 2px #0002}h2{font-size:1rem;margin:0 0 .5rem}
table{width:100%;border-collapse:collapse}td,th{padding:.2rem .4rem;text-align:left;border-bottom:1px solid #eee}.num{text-align:right;font-variant-numeric:tabular-nums}
a{color:#12355b}
`;

/**
 * The page's Content-Security-Policy: nothing may load or run but its one inline style block,
 * allowed by its hash (the style is constant for that reason).
 */
export const statusPageCsp = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

function book(s: PortfolioSummary): string {
  return `<p class="lead"><strong>${n(s.accounts)}</strong> accounts of <strong>${n(s.debtors)}</strong> debtors in your organization.</p>
       <div class="grid">
       ${table(
         'By country',
         ['Country', 'Accounts'],
         s.byCountry.map((r) => [r.country, n(r.accounts)]),
       )}
       ${table(
         'By delinquency bucket (DPD)',
         ['Bucket', 'Accounts'],
         s.byBucket.map((r) => [r.bucket, n(r.accounts)]),
       )}
       ${table(
         'By status',
         ['Status', 'Accounts'],
         s.byStatus.map((r) => [r.status, n(r.accounts)]),
       )}
       ${table(
         'Balance outstanding',
         ['Currency', 'Balance'],
         s.balances.map((r) => [r.currency, money(r.balanceMinor, r.currency)]),
       )}
       </div>`;
}

/**
 * Server-rendered status page: no script, no external assets (works offline, on any browser).
 * Anyone may see whether Saldo is up; what it holds, and which version on which storage, only a
 * signed-in caller (`signedIn`), for their own organization.
 */
export function renderStatusPage(p: {
  ready: boolean;
  signedIn: { storage: string; version: string; summary: PortfolioSummary | null } | null;
}): string {
  const i = p.signedIn;
  const body = !p.ready
    ? '<p class="lead">The database is not ready.</p>'
    : i?.summary
      ? book(i.summary)
      : '<p class="lead">Sign in, or send an API key, to see what your organization holds.</p>';
  const about = i
    ? `Omnichannel, compliance-first debt collection · v${esc(i.version)} · storage: ${esc(i.storage)}`
    : 'Omnichannel, compliance-first debt collection';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Saldo — ${p.ready ? 'up' : 'starting'}</title>
<style>${style}</style></head><body>
<header><h1>Saldo <span class="${p.ready ? 'badge up' : 'badge'}" id="state">${p.ready ? 'up' : 'not ready'}</span></h1><div>${about}</div></header>
<main>${body}
<p>Console: <a href="/console/">sign in to the Saldo console</a> (<span lang="es">consola</span>)</p>
<p>API: <a href="/docs">OpenAPI documentation</a> · <a href="/health">/health</a> · <a href="/ready">/ready</a></p></main></body></html>`;
}
