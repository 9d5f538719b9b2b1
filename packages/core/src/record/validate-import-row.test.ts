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
