import { describe, expect, it } from 'vitest';
import { readPromise, type PromiseInput } from './promise-parts.js';

const base: Omit<PromiseInput, 'folded' | 'lang'> = {
  local: { y: 2026, m: 11, d: 24, hour: 10, minute: 0 },
  today: '2026-11-24',
  timeZone: 'America/Mexico_City',
  balanceMinor: 485000,
  currency: 'MXN',
};
const es = (folded: string) => readPromise({ ...base, folded, lang: 'es' });
const en = (folded: string) =>
  readPromise({
    ...base,
    folded,
    lang: 'en',
    timeZone: 'America/New_York',
    currency: 'USD',
    balanceMinor: 125000,
  });

describe('readPromise', () => {
  it('reads several parts, the rest against the balance', () => {
    expect(es('200 el viernes y el resto el mes que viene').parts).toEqual([
      { date: '2026-11-27', amountMinor: 20000 },
      { date: '2026-12-01', amountMinor: 465000 },
    ]);
    expect(en('200 on friday and the rest next month').parts).toEqual([
      { date: '2026-11-27', amountMinor: 20000 },
      { date: '2026-12-01', amountMinor: 105000 },
    ]);
  });

  it('reads a four-digit amount after a paying verb (not a year)', () => {
    expect(es('le doy 2000 el viernes y el resto a fin de mes').parts).toEqual([
      { date: '2026-11-27', amountMinor: 200000 },
      { date: '2026-11-30', amountMinor: 285000 },
    ]);
  });

  it('halves, "todo", and a date alone', () => {
    expect(es('la mitad el viernes y la otra mitad el 15').parts).toEqual([
      { date: '2026-11-27', amountMinor: 242500 },
      { date: '2026-12-15', amountMinor: 242500 },
    ]);
    expect(es('el viernes le pago todo').parts).toEqual([{ date: '2026-11-27', amountMinor: 485000 }]);
    expect(es('mañana').parts).toEqual([{ date: '2026-11-25', amountMinor: 485000 }]);
  });

  it('keeps "treinta y cinco mil" one number', () => {
    expect(es('treinta y cinco mil el viernes').parts).toEqual([
      { date: '2026-11-27', amountMinor: 3500000 },
    ]);
  });

  it('an amount without a date waits for one; a past date is not a promise date', () => {
    expect(es('le pago 500')).toEqual({ parts: [], undatedAmountMinor: 50000 });
    expect(es('pague 500 ayer').parts).toEqual([]);
  });
});
