import { describe, expect, it } from 'vitest';
import { extractInstallments } from './installments.js';

describe('extractInstallments', () => {
  it.each([
    ['lo pago en 3 pagos', 3],
    ['a 6 meses', 6],
    ['three installments', 3],
    ['3 cuotas', 3],
    ['seis mensualidades', 6],
    ['pay it in 4 parts', 4],
    ['12 monthly payments of $75', 12],
    ['could we split it over 6 months', 6],
    ['si me dejais fraccionarlo en 4 veces', 4],
    ["I'd like to pay the balance in six monthly installments", 6],
    ['en 4 cuotas mensuales', 4],
    ['once cuotas', 11],
    ['partámoslo en tres', 3],
    ['¿lo fraccionamos en 5 recibos?', 5],
    ['¿se puede en 12 cuotitas?', 12],
    ['can i break it up 4 ways', 4],
  ])('%s → %d', (text, n) => expect(extractInstallments(text)).toBe(n));
  it.each([
    ['te pago el viernes'],
    ['en dos semanas'],
    ['un pago de 500'],
    ['en 3 días'],
    ['pagué 3 recibos de luz'],
  ])('none in %s', (text) => expect(extractInstallments(text)).toBeUndefined());
  it('English "once" is not 11', () =>
    expect(extractInstallments('pay it all in once payments? no, at once', 'en')).toBeUndefined());
});
