import { describe, expect, it } from 'vitest';
import type { RawImportRow } from './import-columns.js';
import { validateImportRow } from './validate-import-row.js';

const row = (over: Partial<RawImportRow> = {}): RawImportRow => ({
  external_ref: 'A1',
  debtor_ref: 'D1',
  last_name: 'Pérez',
  country: 'MX',
  region: 'MX-CMX',
  currency: 'MXN',
  principal: '1500.00',
  ...over,
});
const ctx = { asOf: '2026-11-24' };

describe('validateImportRow: money', () => {
  it('derives the balance from principal, interest and fees when no balance is given', () => {
    const r = validateImportRow(row({ interest: '10.50', fees: '0.25' }), ctx);
    expect(r).toMatchObject({ ok: true, row: { balanceMinor: 151075 } });
  });

  it('refuses a derived balance beyond 2^53 - 1 instead of rounding it', () => {
    // 9007199254740991 + 2 = 9007199254740993, which a double rounds to 9007199254740992.
    const r = validateImportRow(row({ principal: '90071992547409.91', fees: '0.02' }), ctx);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([
      {
        path: 'balance',
        message: expect.stringMatching(
          /principal \+ interest \+ fees = 9007199254740993 minor units is larger than the largest amount stored exactly \(9007199254740991\)/,
        ),
      },
    ]);
  });

  it('accepts a derived balance of exactly 2^53 - 1', () => {
    const r = validateImportRow(row({ principal: '90071992547409.90', fees: '0.01' }), ctx);
    expect(r).toMatchObject({ ok: true, row: { balanceMinor: Number.MAX_SAFE_INTEGER } });
  });
});

describe('validateImportRow: the last four characters of the national id', () => {
  it.each([
    ['678k', '678K'],
    ['678-K', '678K'],
    [' 6 7 8 K ', '678K'],
    ['RN09', 'RN09'],
    ['4321', '4321'],
  ])('keeps %j as %j, the form the dialogue compares answers in', (given, kept) => {
    const r = validateImportRow(row({ national_id_last4: given }), ctx);
    expect(r).toMatchObject({ ok: true, row: { nationalIdLast4: kept } });
  });

  it.each(['78K', '12.345.678-K', '67/8K', '678Ñ'])('refuses %j, naming the field', (given) => {
    const r = validateImportRow(row({ national_id_last4: given }), ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path)).toEqual(['national_id_last4']);
  });
});
