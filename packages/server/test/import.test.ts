import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawImportRow } from '@saldo/core/record';
import type { Platform } from '../src/platform/composition-root.js';
import type { Db } from '../src/shared/db/db.js';
import { describeStorage } from './storage.js';
import { importRows, makeRow, newTenant, testPlatform } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'saldo-import-test-'));
function csvFile(name: string, text: string, encoding: 'utf8' | 'latin1' = 'utf8'): string {
  const path = join(dir, name);
  writeFileSync(path, encoding === 'utf8' ? text : iconv.encode(text, 'latin1'));
  return path;
}

describeStorage('portfolio import', (mode) => {
  let db: Db & { drop(): Promise<void> };
  let p: Platform;
  beforeAll(async () => {
    db = await mode.open();
    p = (await testPlatform(db)).platform;
  });
  afterAll(() => db.drop());

  const count = async (orgId: string, table: string) =>
    Number(
      (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE org_id = $1`, [orgId]))
        .rows[0]!.n,
    );

  describe('bad input: a clear message per row and field, and nothing written', () => {
    const cases: [string, Partial<RawImportRow>, string, RegExp][] = [
      ['bad phone', { phone: '+52 123' }, 'phone', /not a valid phone number for MX/],
      ['bad email', { email: 'ana@@example' }, 'email', /not a valid email/],
      ['bad currency', { currency: 'XYZ' }, 'currency', /not a supported ISO 4217/],
      ['bad date', { delinquent_since: '2026-02-30' }, 'delinquent_since', /not a date/],
      ['future date', { delinquent_since: '2027-01-01' }, 'delinquent_since', /in the future/],
      ['negative balance', { balance: '-10.00' }, 'balance', /must not be negative/],
      ['too many decimals', { principal: '10.123' }, 'principal', /at most 2 decimals/],
      ['missing required value', { last_name: '' }, 'last_name', /is required/],
      ['unknown zone', { timezone: 'Mars/Olympus' }, 'timezone', /not an IANA time zone/],
      ['bad consent', { consent_sms: 'maybe' }, 'consent_sms', /not true\/false/],
    ];
    for (const [name, over, field, message] of cases) {
      it(name, async () => {
        const t = await newTenant(p);
        const r = await importRows(p, t.orgId, [
          makeRow({ external_ref: 'OK-1', debtor_ref: 'D-OK' }),
          makeRow({ external_ref: 'BAD-1', debtor_ref: 'D-BAD', ...over }),
        ]);
        expect(r.status).toBe('failed');
        expect(r.errors).toContainEqual(
          expect.objectContaining({ row: 2, path: field, message: expect.stringMatching(message) }),
        );
        expect(r.inserted).toBe(0);
        expect(await count(t.orgId, 'accounts')).toBe(0);
        expect(await count(t.orgId, 'debtors')).toBe(0);
        const rec = await p.imports.get(t.orgId, r.importId);
        expect(rec.status).toBe('failed');
        expect(rec.error).toMatch(/nothing was imported/);
        expect(await p.imports.errors(t.orgId, r.importId, { limit: 10, offset: 0 })).toContainEqual(
          expect.objectContaining({ row: 2, field }),
        );
      });
    }

    it('a duplicate reference inside the file names the first row', async () => {
      const t = await newTenant(p);
      const r = await importRows(p, t.orgId, [makeRow(), makeRow({ debtor_ref: 'DEB-2' })]);
      expect(r.status).toBe('failed');
      expect(r.errors).toEqual([
        expect.objectContaining({
          row: 2,
          path: 'external_ref',
          message: expect.stringMatching(/duplicate reference "ACC-1" \(first seen in row 1\)/),
        }),
      ]);
      expect(await count(t.orgId, 'accounts')).toBe(0);
    });

    it('reports every problem of a row, not only the first', async () => {
      const t = await newTenant(p);
      const r = await importRows(p, t.orgId, [makeRow({ phone: 'x', email: 'y', consent_call: 'z' })]);
      expect(r.errors.map((e) => e.path).sort()).toEqual(['consent_call', 'email', 'phone']);
    });

    it('a CSV missing a required column fails before reading rows', async () => {
      const t = await newTenant(p);
      const f = csvFile('missing.csv', 'external_ref,debtor_ref,last_name,country\nA,D,X,MX\n');
      await expect(
        p.imports.importCsvFile(t.orgId, f, {
          portfolio: { code: 'pf', currency: 'MXN', country: 'MX' },
          mode: 'all_or_nothing',
        }),
      ).rejects.toThrow(/missing required column\(s\): currency, principal/);
      expect(await count(t.orgId, 'accounts')).toBe(0);
    });
  });

  describe('valid_rows mode', () => {
    it('imports the good rows and hands every rejected row to the caller', async () => {
      const t = await newTenant(p);
      const rejected: number[] = [];
      const r = await p.imports.importRows(
        t.orgId,
        [
          makeRow(),
          makeRow({ external_ref: 'ACC-2', phone: 'nope' }),
          makeRow({ external_ref: 'ACC-3', debtor_ref: 'DEB-3' }),
        ],
        {
          portfolio: { code: 'pf', currency: 'MXN', country: 'MX' },
          mode: 'valid_rows',
          sourceName: 't',
          onReject: (row) => void rejected.push(row.rowNo),
        },
      );
      expect(r).toMatchObject({ status: 'succeeded', inserted: 2, rejected: 1 });
      expect(rejected).toEqual([2]);
      expect(await count(t.orgId, 'accounts')).toBe(2);
    });
  });

  it('valid_rows: a duplicate reference keeps the first row and rejects the later one, with its values', async () => {
    const t = await newTenant(p);
    const rejected: { rowNo: number; raw: RawImportRow; msg: string }[] = [];
    const r = await p.imports.importRows(
      t.orgId,
      [makeRow(), makeRow({ external_ref: 'ACC-2' }), makeRow({ debtor_ref: 'DEB-9', balance: '5.5' })],
      {
        portfolio: { code: 'pf', currency: 'MXN', country: 'MX' },
        mode: 'valid_rows',
        sourceName: 't',
        onReject: (row, issues) =>
          void rejected.push({ rowNo: row.rowNo, raw: row.raw, msg: issues[0]!.message }),
      },
    );
    expect(r).toMatchObject({ status: 'succeeded', inserted: 2, rejected: 1 });
    expect(rejected).toEqual([
      {
        rowNo: 3,
        raw: expect.objectContaining({
          external_ref: 'ACC-1',
          debtor_ref: 'DEB-9',
          balance: '5.50',
          currency: 'MXN',
        }),
        msg: 'duplicate reference "ACC-1" (first seen in row 1)',
      },
    ]);
    const acc = (await p.record.listAccounts(t.orgId, { limit: 5 })).items.find(
      (a) => a.externalRef === 'ACC-1',
    )!;
    expect(acc.balanceMinor).toBe(1060000); // the first row won
  });

  describe('CSV formats', () => {
    const header =
      'external_ref;debtor_ref;first_name;last_name;country;currency;principal;phone;delinquent_since';
    it('reads Latin-1 with semicolons, keeping accents', async () => {
      const t = await newTenant(p);
      const f = csvFile(
        'latin1.csv',
        `${header}\nES-1;D-1;José;Núñez Peña;ES;EUR;120.50;+34612345678;2026-09-01\n`,
        'latin1',
      );
      const r = await p.imports.importCsvFile(t.orgId, f, {
        portfolio: { code: 'pf-es' },
        mode: 'all_or_nothing',
      });
      expect(r).toMatchObject({ status: 'succeeded', inserted: 1 });
      const acc = (await p.record.listAccounts(t.orgId, { limit: 10 })).items[0]!;
      expect(acc.debtorName).toBe('José Núñez Peña');
      expect(acc).toMatchObject({ balanceMinor: 12050, currency: 'EUR', country: 'ES' });
    });
    it('reads UTF-8 with a BOM and commas, quoted fields and ignores unknown columns', async () => {
      const t = await newTenant(p);
      const f = csvFile(
        'utf8.csv',
        `\ufeffexternal_ref,debtor_ref,first_name,last_name,country,currency,principal,internal_score\nUS-1,D-1,"Mary, Jr.",O'Neil,US,USD,99.99,712\n`,
      );
      const r = await p.imports.importCsvFile(t.orgId, f, {
        portfolio: { code: 'pf-us' },
        mode: 'all_or_nothing',
      });
      // US spans several zones: no region, no zone → the row is refused rather than guessed.
      expect(r.status).toBe('failed');
      expect(r.errors[0]).toMatchObject({ row: 1, path: 'timezone' });
      expect(r.ignoredColumns).toEqual(['internal_score']);
    });
  });

  describe('upsert by external reference', () => {
    it('re-importing the same rows changes nothing: no writes, no timeline events', async () => {
      const t = await newTenant(p);
      const rows = [
        makeRow(),
        makeRow({ external_ref: 'ACC-2', debtor_ref: 'DEB-1', product: 'personal_loan' }),
        makeRow({ external_ref: 'ACC-3', debtor_ref: 'DEB-3', phone: '+525587654321' }),
      ];
      expect(await importRows(p, t.orgId, rows)).toMatchObject({
        status: 'succeeded',
        inserted: 3,
        updated: 0,
        unchanged: 0,
      });
      const before = await db.query('SELECT id, updated_at FROM accounts WHERE org_id = $1 ORDER BY id', [
        t.orgId,
      ]);
      const events = await count(t.orgId, 'timeline_events');
      expect(await importRows(p, t.orgId, rows)).toMatchObject({
        status: 'succeeded',
        inserted: 0,
        updated: 0,
        unchanged: 3,
      });
      expect(
        (await db.query('SELECT id, updated_at FROM accounts WHERE org_id = $1 ORDER BY id', [t.orgId])).rows,
      ).toEqual(before.rows);
      expect(await count(t.orgId, 'timeline_events')).toBe(events);
      expect(await count(t.orgId, 'debtors')).toBe(2);
      expect(await count(t.orgId, 'contact_points')).toBe(4); // DEB-1 phone+email (shared by its 2 accounts), DEB-3 phone+email
    });

    it('updates balances and adds new contacts without duplicates, with timeline entries', async () => {
      const t = await newTenant(p);
      await importRows(p, t.orgId, [makeRow()]);
      const r = await importRows(p, t.orgId, [makeRow({ balance: '9000.00', phone: '+525511112222' })]);
      expect(r).toMatchObject({ inserted: 0, updated: 1 });
      const acc = (await p.record.listAccounts(t.orgId, { limit: 5 })).items[0]!;
      expect(acc.balanceMinor).toBe(900000);
      const debtor = await p.record.getDebtor(t.orgId, acc.debtorId);
      expect(debtor.contactPoints.map((c) => `${c.kind}:${c.value}`).sort()).toEqual([
        'email:ana@example.com',
        'phone:+525511112222',
        'phone:+525512345678',
      ]);
      const tl = await p.record.debtorTimeline(t.orgId, acc.debtorId, { limit: 10 });
      expect(tl.map((e) => e.kind).sort()).toEqual(['contact_change', 'import']);
      expect(tl.find((e) => e.kind === 'import')?.data).toMatchObject({
        balanceBefore: 1060000,
        balanceAfter: 900000,
      });
    });

    it('a creditor file cannot undo Saldo workflow statuses, and illegal moves are refused', async () => {
      const t = await newTenant(p);
      await importRows(p, t.orgId, [makeRow(), makeRow({ external_ref: 'ACC-2', status: 'paid' })]);
      const acc1 = (await p.record.listAccounts(t.orgId, { limit: 5 })).items.find(
        (a) => a.externalRef === 'ACC-1',
      )!;
      await p.record.createPromise(t.orgId, {
        accountId: acc1.id,
        amountMinor: 50000, // at least the offer policy's smallest partial (4 % of 10,600.00)
        dueDate: '2026-12-01',
        actor: 'agent',
      });
      // "active" in the file does not overwrite "promised"; "paid" → "active" is illegal.
      const r = await importRows(p, t.orgId, [
        makeRow({ status: 'active' }),
        makeRow({ external_ref: 'ACC-2', status: 'active' }),
      ]);
      expect(r.status).toBe('succeeded');
      expect((await p.record.getAccount(t.orgId, acc1.id)).status).toBe('promised');
      const r2 = await importRows(p, t.orgId, [makeRow({ external_ref: 'ACC-2', status: 'legal' })]);
      expect(r2.status).toBe('failed');
      expect(r2.errors[0]).toMatchObject({
        path: 'status',
        message: 'account ACC-2 is paid; it cannot move to legal',
      });
    });

    it('identity data is stored only as a hash', async () => {
      const t = await newTenant(p);
      await importRows(p, t.orgId, [makeRow({ date_of_birth: '1985-04-12', national_id_last4: '12ab' })]);
      const row = (
        await db.query<{ dob_hash: string; national_id_hash: string }>(
          'SELECT dob_hash, national_id_hash FROM debtors WHERE org_id = $1',
          [t.orgId],
        )
      ).rows[0]!;
      expect(row.dob_hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(JSON.stringify(row)).not.toMatch(/1985|12ab|12AB/);
    });
  });
});
