import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ensureConsoleBuilt } from '../../console/build-if-stale.mjs';
import type { Platform } from '../src/platform/composition-root.js';
import { defaultConsoleDir } from '../src/platform/http/console-routes.js';
import { buildHttp } from '../src/platform/start-saldo.js';
import type { Db } from '../src/shared/db/db.js';
import { bearer, newTenant, testPlatform } from './fixtures.js';
import { storageModes } from './storage.js';

// The console in a real browser (Debian's Chromium driven by playwright-core) against the real HTTP
// app on 127.0.0.1: a compliance officer signs in, reads and filters the audit trail, verifies the
// chain, sees an edited entry reported, signs out; an agent is refused the page. Controls are found
// by role and label, as a person finds them. PGlite only: what is tested is the console, and the
// API it calls is tested on both databases elsewhere. Screenshots go to /tmp/console-shots/.
// SALDO_TEST_CHROMIUM: another binary (or a missing one, to see this test refuse to skip in CI).
const CHROMIUM = process.env.SALDO_TEST_CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];
const SHOTS = '/tmp/console-shots';
const PASSWORD = 'a long enough password';
const inCi = process.env.SALDO_REQUIRE_POSTGRES === '1';

if (!existsSync(CHROMIUM)) {
  const why = `${CHROMIUM} is missing: install it (apt-get install -y --no-install-recommends chromium; .ci/run does)`;
  if (inCi)
    describe('the console in a browser', () => {
      it('needs Chromium in CI', () => {
        throw new Error(`${why}. SALDO_REQUIRE_POSTGRES=1 (CI) makes this an error.`);
      });
    });
  else console.warn(`SKIPPING the console browser test — ${why}.`);
}

describe.runIf(existsSync(CHROMIUM))('the console in a browser', () => {
  let db: Db & { drop(): Promise<void> };
  let p: Platform;
  let app: FastifyInstance;
  let browser: Browser;
  let url: string;
  let org: { orgId: string; slug: string; key: string };
  /** The head anchored outside the database once the setup's changes are made. */
  let anchored: { seq: number; hash: string; at: string };
  const people = {
    compliance: { email: '', role: 'compliance' },
    agent: { email: '', role: 'agent' },
  };

  beforeAll(async () => {
    await ensureConsoleBuilt(); // a few file stats when up to date; a vite build (~1 s) otherwise
    mkdirSync(SHOTS, { recursive: true });
    db = await storageModes.find((m) => m.name === 'pglite')!.open();
    // Anchors of the chains' heads go to a file of the test's own.
    const anchors = join(mkdtempSync(join(tmpdir(), 'saldo-console-anchors-')), 'anchors.jsonl');
    p = (await testPlatform(db, undefined, { SALDO_AUDIT_ANCHORS: anchors })).platform;
    app = await buildHttp(p, { consoleDir: defaultConsoleDir });
    const t = await newTenant(p);
    org = t;
    // Audited changes through the API: the people of this test, then an API key.
    const post = (path: string, payload: object) =>
      app.inject({ method: 'POST', url: path, headers: bearer(t.key), payload });
    for (const [who, person] of Object.entries(people)) {
      person.email = `${who}-${t.slug}@example.com`;
      const res = await post('/v1/users', {
        email: person.email,
        name: who,
        role: person.role,
        password: PASSWORD,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const key = await post('/v1/api-keys', { name: 'reporting', role: 'strategist' });
    expect(key.statusCode, key.body).toBe(201);
    const report = (await p.audit.anchor()).find((r) => r.orgId === t.orgId);
    anchored = report!.anchored!;
    await app.listen({ host: '127.0.0.1', port: 0 });
    const addr = app.server.address();
    url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.drop();
  });

  /** A browser tab speaking `locale` in `timezoneId`, failing the test on a script error or a CSP refusal. */
  async function tab(
    locale: string,
    timezoneId: string,
    width = 1280,
  ): Promise<{ page: Page; context: BrowserContext; problems: string[] }> {
    const context = await browser.newContext({ locale, timezoneId, viewport: { width, height: 800 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    // Asking who is signed in before a sign-in is answered 401, and the browser logs it: expected.
    const expected = (url: string, status: number) => url.endsWith('/v1/auth/me') && status === 401;
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      if (/^Failed to load resource: .* 401/.test(m.text()) && expected(m.location().url, 401)) return;
      problems.push(`console: ${m.text()} @ ${m.location().url}`);
    });
    page.on('response', (r) => {
      if (r.status() >= 400 && !expected(r.url(), r.status()))
        problems.push(`${r.request().method()} ${r.url()} ${r.status()}`);
    });
    return { page, context, problems };
  }

  async function signIn(
    page: Page,
    email: string,
    password: string,
    labels: { email: string; password: string; submit: string },
  ) {
    await page.getByLabel(labels.email).fill(email);
    await page.getByLabel(labels.password).fill(password);
    await page.getByRole('button', { name: labels.submit }).click();
  }
  const en = { email: 'Email', password: 'Password', submit: 'Sign in' };
  const es = { email: 'Correo electrónico', password: 'Contraseña', submit: 'Iniciar sesión' };

  /** Changes one column of one entry in SQL, as someone who switched the database's guard off. */
  async function tamper(column: 'target' | 'hash', value: string, seq: number) {
    await db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    try {
      await db.query(`UPDATE audit_log SET ${column} = $1 WHERE org_id = $2 AND seq = $3`, [
        value,
        org.orgId,
        seq,
      ]);
    } finally {
      await db.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    }
  }

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  const dataRows = (page: Page, caption: RegExp) =>
    page.getByRole('table', { name: caption }).getByRole('row');

  it('a compliance officer signs in, reads, filters and verifies the trail, views a request, signs out', async () => {
    const { page, context, problems } = await tab('en-US', 'America/New_York');
    await page.goto(`${url}/console/`);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await shot(page, 'en-desktop-sign-in');
    // The keyboard reaches the skip link first; it shows when focused.
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Skip to content');
    await shot(page, 'en-desktop-skip-link-focused');
    await signIn(page, people.compliance.email, PASSWORD, en);

    await page.getByRole('heading', { level: 1, name: 'Console' }).waitFor();
    expect(await page.getByText('Signed in as compliance officer').count()).toBe(1);
    await shot(page, 'en-desktop-home');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit trail' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit trail' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/audit');

    // Every entry of the organisation, oldest first: users and the key, requested then completed.
    const all = await p.audit.list(org.orgId, { limit: 1000 });
    const rows = dataRows(page, /^Entries 1 to \d+, oldest first$/);
    await rows.nth(all.length).waitFor();
    expect(await rows.count()).toBe(all.length + 1); // + the header row
    const texts = await rows.allInnerTexts();
    expect(texts[1]).toMatch(/^1\s/);
    expect(texts.join('\n')).toContain('POST /v1/users');
    expect(texts.join('\n')).toMatch(/completed \(201\)/);
    expect(texts.join('\n')).toMatch(/EST|GMT-5/); // the viewer's zone (New York), not UTC
    await shot(page, 'en-desktop-audit');

    // Filter by action.
    await page.getByLabel('Action').fill('POST /v1/api-keys');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const filtered = dataRows(page, /matching the filters/);
    await filtered.first().waitFor();
    const filteredTexts = (await filtered.allInnerTexts()).slice(1);
    expect(filteredTexts).toHaveLength(2); // requested, completed 201
    for (const r of filteredTexts) expect(r).toContain('POST /v1/api-keys');
    expect(new URL(page.url()).search).toBe('?action=POST+%2Fv1%2Fapi-keys');

    // The request recorded with an entry: canonical JSON, the secret field never there.
    const requested = all.find((e) => e.action === 'POST /v1/api-keys' && e.outcome === 'requested')!;
    await page.getByRole('button', { name: `View the request recorded with entry ${requested.seq}` }).click();
    const dialog = page.getByRole('dialog', { name: `Request recorded with entry ${requested.seq}` });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('"name": "reporting"');
    await shot(page, 'en-desktop-request');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Verify: intact, up to the newest entry, with the head hash.
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByRole('button', { name: 'Verify the chain' }).click();
    const head = (await p.audit.list(org.orgId, { limit: 1000 })).at(-1)!;
    await page.getByText(`Chain intact up to entry ${head.seq}, head ${head.hash}.`).waitFor();
    await shot(page, 'en-desktop-verified');

    // The language switch: Spanish, <html lang> follows.
    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('heading', { level: 1, name: 'Registro de auditoría' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    await page.getByLabel('Idioma').selectOption('en');

    // At 320 px: the page does not scroll sideways; the table scrolls in its own region.
    await page.setViewportSize({ width: 320, height: 800 });
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);
    await shot(page, 'en-320-audit');
    await page.setViewportSize({ width: 1280, height: 800 });

    // Sign out: the sign-in form again, and the session is gone on the server too.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.getByText('You are signed out.').waitFor();
    expect(await page.evaluate(async () => (await fetch('/v1/auth/me')).status)).toBe(401);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('an edited entry: verification in Spanish names the entry and the problem, also at 320 px', async () => {
    const victim = (await p.audit.list(org.orgId, { limit: 3 }))[2]!;
    await tamper('target', '/v1/nothing-to-see', victim.seq);

    for (const width of [1280, 320]) {
      const { page, context, problems } = await tab('es-ES', 'Europe/Madrid', width);
      await page.goto(`${url}/console/audit`); // a deep link: sign in, then the page asked for
      await page.getByRole('heading', { level: 1, name: 'Iniciar sesión' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('es');
      await signIn(page, people.compliance.email, PASSWORD, es);
      await page.getByRole('heading', { level: 1, name: 'Registro de auditoría' }).waitFor();
      await dataRows(page, /^Entradas 1 a \d+/)
        .nth(1)
        .waitFor();
      await page.getByRole('button', { name: 'Verificar la cadena' }).click();
      const problemsTable = page.getByRole('table', { name: 'Problemas encontrados en la cadena' });
      await problemsTable.waitFor();
      const rows = (await problemsTable.getByRole('row').allInnerTexts()).slice(1);
      expect(rows).toEqual([
        expect.stringMatching(new RegExp(`^${victim.seq}\\s+edited\\s+La entrada ${victim.seq} fue editada`)),
      ]);
      const label = width === 320 ? '320' : 'desktop';
      // At 320 px the page itself does not scroll sideways (wide tables scroll in their own region).
      if (width === 320)
        expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);
      await shot(page, `es-${label}-edited`);
      expect(problems).toEqual([]);
      await context.close();
    }
  });

  it('an agent does not see the audit link, and the audit page says it is not allowed (320 px, English)', async () => {
    const { page, context, problems } = await tab('en-GB', 'Europe/London', 320);
    await page.goto(`${url}/console/`);
    await signIn(page, people.agent.email, PASSWORD, en);
    await page.getByRole('heading', { level: 1, name: 'Console' }).waitFor();
    expect(await page.getByRole('link', { name: 'Audit trail' }).count()).toBe(0);
    await page.goto(`${url}/console/audit`);
    await page.getByRole('heading', { level: 1, name: 'Audit trail' }).waitFor();
    await page.getByText('Your role (agent) may not read the audit trail.', { exact: false }).waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);
    await shot(page, 'en-320-not-allowed');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('pages through a long trail with "next page", and filters by actor', async () => {
    // Entries a command-line operator made (as `saldo user create` records them), enough for pages.
    for (let i = 0; i < 60; i++)
      await p.audit.record({
        orgId: org.orgId,
        actor: { kind: 'cli', id: 'operator' },
        action: 'saldo user create',
        target: 'users',
        outcome: 'requested',
        detail: { n: i },
      });
    const last = (await p.audit.list(org.orgId, { limit: 1000 })).at(-1)!.seq;
    const { page, context, problems } = await tab('en-GB', 'Europe/London');
    await page.goto(`${url}/console/audit`);
    await signIn(page, people.compliance.email, PASSWORD, en);
    await dataRows(page, /^Entries 1 to 50, oldest first$/)
      .nth(50)
      .waitFor();
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Next page' }).click();
    const second = dataRows(page, new RegExp(`^Entries 51 to ${last}, oldest first$`));
    await second.nth(last - 50).waitFor();
    expect(await second.count()).toBe(last - 50 + 1);
    expect(await page.getByRole('button', { name: 'Next page' }).count()).toBe(0); // the last page
    // The button pressed is gone: focus is on the new page's entries, not lost.
    expect(await page.evaluate('document.activeElement.getAttribute("aria-label")')).toBe('Audit trail');
    await page.getByRole('button', { name: 'First page' }).click();
    await dataRows(page, /^Entries 1 to 50/)
      .first()
      .waitFor();

    await page.getByLabel('Actor').fill('operator');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const mine = dataRows(page, /matching the filters/);
    await mine.nth(50).waitFor();
    for (const row of (await mine.allInnerTexts()).slice(1)) expect(row).toMatch(/operator\s+command line/);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a chain rewritten past its anchor: "diverged", with the time it was anchored in the viewer zone', async () => {
    await tamper('hash', 'f'.repeat(64), anchored.seq);
    const { page, context, problems } = await tab('en-GB', 'Europe/London');
    await page.goto(`${url}/console/audit`);
    await signIn(page, people.compliance.email, PASSWORD, en);
    await page.getByRole('button', { name: 'Verify the chain' }).click();
    const table = page.getByRole('table', { name: 'Problems found in the chain' });
    await table.waitFor();
    const rows = (await table.getByRole('row').allInnerTexts()).slice(1);
    expect(rows).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^${anchored.seq}\\s+diverged\\s+Entry ${anchored.seq} was anchored outside the database on 24 Nov 2026, 15:00:00 GMT`,
        ),
      ),
    );
    await shot(page, 'en-desktop-diverged');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a wrong password is announced; repeated, the form says when to try again (320 px, Spanish)', async () => {
    const { page, context } = await tab('es-MX', 'America/Mexico_City', 320);
    await page.goto(`${url}/console/`);
    const alert = page.getByRole('alert');
    await signIn(page, people.agent.email, 'not the password', es);
    await alert.getByText('Correo o contraseña incorrectos.').waitFor();
    // The account's free failures run out; then every attempt is throttled (the test clock stands still).
    for (let i = 0; i < 8 && !/Demasiados intentos/.test(await alert.innerText()); i++) {
      await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/v1/auth/login')),
        page.getByRole('button', { name: 'Iniciar sesión' }).click(),
      ]);
    }
    expect(await alert.innerText()).toMatch(
      /^Demasiados intentos\. Vuelva a intentarlo dentro de \d+ segundos\.$/,
    );
    await shot(page, 'es-320-throttled');
    await context.close();
  });
});
