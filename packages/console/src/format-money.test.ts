import { describe, expect, it } from 'vitest';
import { formatMoney } from './format-money.js';

describe('formatMoney', () => {
  it('formats minor units in the debtor locale with the currency exponent', () => {
    expect(formatMoney(123450, 'MXN', 'es-MX')).toBe('$1,234.50');
    expect(formatMoney(123450, 'EUR', 'es-ES').replace(/\s/g, ' ')).toBe('1234,50 €');
    expect(formatMoney(1500000, 'CLP', 'es-CL').replace(/\s/g, ' ')).toBe('$1.500.000');
    expect(formatMoney(99, 'USD', 'en-US')).toBe('$0.99');
  });
  it('does not invent a format for an unknown currency', () => {
    expect(formatMoney(100, 'XXX', 'en-US')).toBe('100 XXX');
  });
});
