import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const bin = new URL('../bin/saldo.mjs', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'saldo-cli-test-'));
const env = (dataDir: string, extra: Record<string, string> = {}) => ({
  ...process.env,
  SALDO_DATA_DIR: dataDir,
  DATABASE_URL: '',
  LOG_LEVEL: 'warn',
  ...extra,
});
const saldo = (args: string[], dataDir: string, extra: Record<string, string> = {}) =>
  spawnSync(process.execPath, [bin, ...args], {
    env: env(dataDir, extra),
    encoding: 'utf8',
    timeout: 120_000,
  });

describe('saldo CLI (embedded PGlite, real processes)', () => {
  const children: ReturnType<typeof spawn>[] = [];
  afterAll(() => children.forEach((c) => c.kill('SIGKILL')));

  it('`start --demo-if-empty` migrates, loads a demo book and serves the API and the status page', async () => {
    const dataDir = join(work, 'start');
    const key = 'cli-test-bootstrap-key-0123456789';
    const child = spawn(
      process.execPath,
      [bin, 'start', '--demo-if-empty', '--demo-debtors', '200', '--port', '0'],
      { env: env(dataDir, { SALDO_BOOTSTRAP_API_KEY: key }) },
    );
    children.push(child);
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "Saldo is up" line in 90 s:\n${out}`)), 90_000);
      child.stdout.on('data', () => {
        const m = /Saldo is up: (http:\/\/\S+?) /.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}:\n${out}`)));
    });
    expect(out).toMatch(/loading a demo portfolio of 200 debtors/);
    expect(out).not.toMatch(/First start: your admin API key/); // a bootstrap key was given
    // A second process on the same embedded data dir is refused, not allowed to corrupt it.
    const second = saldo(['migrate'], dataDir);
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(/in use by another Saldo process \(pid \d+ on [^,]+, since [^)]+\)/);
    expect(second.stderr).toMatch(
      /If no Saldo process uses .+ \(check with ps\), delete .+saldo\.lock and start again/,
    );
    // The status page shows the book to a signed-in caller only (anonymous visitors: "up").
    expect(await (await fetch(`${url}/`)).text()).not.toMatch(/debtors/);
    const page = await (await fetch(`${url}/`, { headers: { authorization: `Bearer ${key}` } })).text();
    expect(page).toMatch(/<strong>\d+<\/strong> accounts of <strong>200<\/strong> debtors/);
    expect(page).toMatch(/MX[\s\S]*ES|ES[\s\S]*MX/);
    const accounts = (await (
      await fetch(`${url}/v1/accounts?limit=5`, { headers: { authorization: `Bearer ${key}` } })
    ).json()) as { items: unknown[] };
    expect(accounts.items).toHaveLength(5);
    const status = (await (
      await fetch(`${url}/v1/status`, { headers: { authorization: `Bearer ${key}` } })
    ).json()) as { byCountry: { country: string }[] };
    expect(status.byCountry.map((c: { country: string }) => c.country).sort()).toEqual([
      'CO',
      'ES',
      'MX',
      'US',
    ]);
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  });

  it('`import` all-or-nothing fails with row and field, exit 1; --valid-rows writes a rejects file', () => {
    const dataDir = join(work, 'import');
    const csv = join(work, 'book.csv');
    writeFileSync(
      csv,
      'external_ref;debtor_ref;first_name;last_name;country;currency;principal;email\nCO-1;D1;Luz;Mejía;CO;COP;150000;luz@example.com\nCO-2;D2;Ana;Ríos;CO;COP;-3;ana@example.com\n',
    );
    const failed = saldo(['import', csv, '--portfolio', 'co', '--no-progress'], dataDir);
    expect(failed.status).toBe(1);
    expect(failed.stdout).toMatch(/FAILED — nothing was written/);
    expect(failed.stdout).toMatch(/row 2, principal: must not be negative/);
    const ok = saldo(['import', csv, '--portfolio', 'co', '--valid-rows', '--no-progress'], dataDir);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/2 rows: 1 inserted, 0 updated, 0 unchanged, 1 rejected/);
    const rejects = readFileSync(`${csv}.rejects.csv`, 'utf8').trim().split('\n');
    expect(rejects).toHaveLength(2);
    expect(rejects[1]).toMatch(/^2,principal: must not be negative \(got -3\),CO-2,D2,Ana,Ríos/);
    const again = saldo(['import', csv, '--portfolio', 'co', '--valid-rows', '--no-progress'], dataDir);
    expect(again.stdout).toMatch(/0 inserted, 0 updated, 1 unchanged, 1 rejected/);
  });

  it('`demo --out` writes a CSV that imports cleanly, and the progress bar reports rows', () => {
    const dataDir = join(work, 'demo');
    const csv = join(work, 'demo.csv');
    const gen = saldo(['demo', '-n', '150', '--seed', '3', '--out', csv, '--as-of', '2026-11-24'], dataDir);
    expect(gen.status, gen.stderr).toBe(0);
    const first = readFileSync(csv, 'utf8');
    saldo(['demo', '-n', '150', '--seed', '3', '--out', csv, '--as-of', '2026-11-24'], dataDir);
    expect(readFileSync(csv, 'utf8')).toBe(first); // same seed, same book
    const imp = saldo(['import', csv, '--portfolio', 'demo'], dataDir);
    expect(imp.status, imp.stdout + imp.stderr).toBe(0);
    expect(imp.stdout).toMatch(/succeeded/);
    expect(imp.stderr).toMatch(/importing \[.*\] 100% \| \d+ rows/);
  });

  it('`apikey create` prints a key that authenticates, once', () => {
    const dataDir = join(work, 'keys');
    const r = saldo(['apikey', 'create', '--role', 'agent', '--name', 'ops'], dataDir);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim()).toMatch(/^sk_[A-Za-z0-9_-]{43}$/);
    expect(r.stderr).toMatch(/shown once/);
    expect(saldo(['migrate'], dataDir).stdout).toMatch(/up to date/);
  });
});
