import { describe, expect, it } from 'vitest';
import { formatDueDate, formatMoney, templateValues } from './template-values.js';

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatMoney', () => {
  it('formats minor units in the locale and currency', () => {
    expect(formatMoney(125_050, 'MXN', 'es-MX')).toBe('$1,250.50');
    expect(nbsp(formatMoney(125_050, 'EUR', 'es-ES'))).toBe('1250,50 €');
    expect(formatMoney(125_050, 'USD', 'en-US')).toBe('$1,250.50');
    expect(nbsp(formatMoney(1_250_000, 'COP', 'es-CO'))).toBe('$ 12.500,00');
  });
  it('respects currencies without minor units', () => {
    expect(formatMoney(5000, 'JPY', 'en-US')).toBe('¥5,000');
    expect(formatMoney(5000, 'CLP', 'es-CL')).toBe('$5.000');
  });
  it('refuses non-integer minor units', () => {
    expect(() => formatMoney(10.5, 'USD', 'en-US')).toThrow(RangeError);
  });
});

describe('formatDueDate', () => {
  it('shows an instant in the debtor zone', () => {
    // 05:00 UTC on Dec 1 is still Nov 30 in Mexico City.
    expect(formatDueDate('2026-12-01T05:00:00Z', 'es-MX', 'America/Mexico_City')).toBe(
      '30 de noviembre de 2026',
    );
    expect(formatDueDate('2026-12-01T05:00:00Z', 'es-ES', 'Europe/Madrid')).toBe('1 de diciembre de 2026');
  });
  it('shows a calendar date as that date in any zone', () => {
    expect(formatDueDate('2026-12-15', 'en-US', 'Pacific/Honolulu')).toBe('December 15, 2026');
  });
});

describe('templateValues', () => {
  it('builds the closed map with channel-specific opt-out wording', () => {
    const v = templateValues({
      channel: 'sms',
      debtor: { firstName: 'Ana', lastName: 'Ruiz', locale: 'es-MX', timeZone: 'America/Mexico_City' },
      amount: { minor: 100, currency: 'MXN' },
    });
    expect(v['debtor.fullName']).toBe('Ana Ruiz');
    expect(v.amount).toBe('$1.00');
    expect(v.optOutInstructions).toContain('BAJA');
    expect(v.paymentLink).toBeUndefined();
  });
});
