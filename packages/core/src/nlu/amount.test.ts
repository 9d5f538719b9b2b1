import { describe, expect, it } from 'vitest';
import { extractAmount } from './amount.js';
import { parseNumeral, readNumber } from './numbers.js';

describe('parseNumeral', () => {
  it.each([
    ['2.000', 2000],
    ['1,200', 1200],
    ['1.200,50', 1200.5],
    ['1,200.50', 1200.5],
    ['12,50', 12.5],
    ['1.5', 1.5],
    ['1.200.000', 1200000],
    ['500', 500],
  ])('%s → %d', (raw, value) => expect(parseNumeral(raw)).toBe(value));
});

describe('readNumber', () => {
  it.each([
    [['mil', 'quinientos'], 1500],
    [['300', 'mil'], 300000],
    [['dos', 'mil', 'quinientos'], 2500],
    [['fifty'], 50],
    [['two', 'thousand', 'five', 'hundred'], 2500],
    [['5', 'k'], 5000],
    [['treinta', 'y', 'cinco'], 35],
    [['1.5', 'millones'], 1500000],
    [['a', 'hundred'], 100],
  ])('%j → %d', (tokens, value) => expect(readNumber(tokens, 0)?.value).toBe(value));
});

describe('extractAmount', () => {
  it.each([
    ['te pago 500 pesos el viernes', 'MX', { value: 500, currency: 'MXN' }],
    ['le consigno 200.000 pesos', 'CO', { value: 200000, currency: 'COP' }],
    ['te paso $15.000', 'AR', { value: 15000, currency: 'ARS' }],
    ['I can pay $1,200.50', 'US', { value: 1200.5, currency: 'USD' }],
    ['puedo pagar 1.200,50 euros', 'ES', { value: 1200.5, currency: 'EUR' }],
    ['te doy 50 pavos', 'ES', { value: 50, currency: 'EUR' }],
    ['son 100 dólares', 'MX', { value: 100, currency: 'USD' }],
    ['mando 300 dlls', 'MX', { value: 300, currency: 'USD' }],
    ['te doy mil quinientos', 'MX', { value: 1500 }],
    ['puedo dar 300 mil', 'CO', { value: 300000 }],
    ['te pago 500', 'ES', { value: 500 }],
    ['i can send fifty dollars', 'US', { value: 50, currency: 'USD' }],
    ['like a hundred dollars', 'US', { value: 100, currency: 'USD' }],
    ['i will pay 1.5k', 'US', { value: 1500 }],
    ['te deposito 5 lucas', 'AR', { value: 5000, currency: 'ARS' }],
    ['hoy pague las 15 lucas', 'AR', { value: 15000, currency: 'ARS' }],
    ['el jueves le consigno medio millon', 'CO', { value: 500000 }],
    ['I cannot pay $2,400 but I could pay $800 to settle', 'US', { value: 2400, currency: 'USD' }],
    ['i dont owe that much, should be around 200', 'US', { value: 200 }],
    ['la deuda era del 800 y me piden 2400', 'MX', { value: 800 }],
  ] as const)('%s (%s)', (text, variant, amount) => expect(extractAmount(text, variant)).toEqual(amount));

  it.each([
    ['mil gracias'],
    ['el 30 te pago'],
    ['llámame después de las 6'],
    ['lo pago en 3 cuotas'],
    ['en 15 días'],
    ['the 15th'],
    ['un 20% de descuento'],
    ['pago el 15 de diciembre'],
    ['mi número es 5512345678'],
    ['call me between 2 and 4'],
    ['nos vemos a las 10:30'],
    ['no tengo ni un peso'],
    ['no pienso pagar un peso'],
    ["I'm in chapter 13"],
    ['la empresa está en reorganización por ley 1116'],
    ['os llegará en 24-48 h'],
  ])('no amount in %s', (text) => expect(extractAmount(text, 'MX')).toBeUndefined());

  // English "once" is an adverb, not Spanish 11; Spanish "ten" is "have", not English 10.
  it.each([
    ['I paid once'],
    ['I already paid once, why again?'],
    ['can I pay it all at once'],
    ['I have paid once before'],
  ])('no amount in English %s', (text) => expect(extractAmount(text, 'US', 'en')).toBeUndefined());
  it('reads Spanish "once" in Spanish replies', () => {
    expect(extractAmount('pagué once mil pesos', 'MX', 'es')).toEqual({ value: 11000, currency: 'MXN' });
    expect(readNumber(['ten'], 0, 'es')).toBeUndefined();
    expect(readNumber(['ten'], 0, 'en')?.value).toBe(10);
    expect(readNumber(['once', 'mil'], 0, 'en')).toBeUndefined();
    expect(readNumber(['once', 'mil'], 0, 'es')?.value).toBe(11000);
  });
});
