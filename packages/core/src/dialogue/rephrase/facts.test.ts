import { describe, expect, it } from 'vitest';
import { replyFacts, sameFacts } from './facts.js';
import { replyLocale } from './locale.js';

const mx = replyLocale('es', 'MX', 'MXN');
const es = replyLocale('es', 'ES', 'EUR');
const co = replyLocale('es', 'CO', 'COP');
const cl = replyLocale('es', 'CL', 'CLP');
const pe = replyLocale('es', 'PE', 'PEN');
const us = replyLocale('en', 'US', 'USD');
const names = ['Grupo Norte', 'Banco Ejemplo'];

const facts = (text: string, l = mx) => replyFacts(text, l, names).map((f) => `${f.kind} ${f.value}`);

describe('replyFacts', () => {
  it.each([
    ['$4,850.00', mx, 'amount MXN 4850'],
    ['4,850 pesos', mx, 'amount MXN 4850'],
    ['MXN 4,850', mx, 'amount MXN 4850'],
    ['MX$4,850.00', mx, 'amount MXN 4850'],
    ['USD 4,850.00', mx, 'amount USD 4850'],
    ['4.850,00 €', es, 'amount EUR 4850'],
    ['4850,00\u00a0€', es, 'amount EUR 4850'],
    ['1.234.567,50 euros', es, 'amount EUR 1234567.5'],
    ['$ 4.850,00', co, 'amount COP 4850'],
    ['$485.000', cl, 'amount CLP 485000'],
    ['S/ 404.17', pe, 'amount PEN 404.17'],
    ['$404.17', us, 'amount USD 404.17'],
    ['404.17 dollars', us, 'amount USD 404.17'],
  ])('reads the amount %s in %o as %s', (text, l, fact) => {
    expect(facts(`Son ${text} en total`, l)).toEqual([fact]);
  });

  it('keeps "$" a currency of its own where the locale does not write the reply currency with it', () => {
    const usdInMexico = replyLocale('es', 'MX', 'USD');
    expect(facts('Son USD 50.00', usdInMexico)).toEqual(['amount USD 50']);
    expect(facts('Son $50.00', usdInMexico)).toEqual(['amount $ 50']);
  });

  it('reads dates however they are written, weekdays apart, in each language', () => {
    expect(facts('el viernes, 27 de noviembre')).toEqual(['weekday 5', 'date 11-27']);
    expect(facts('on Friday, November 27th, 2026', us)).toEqual(['weekday 5', 'date 2026-11-27']);
    expect(facts('el 27/11/2026 o el 2026-12-01')).toEqual(['date 2026-11-27', 'date 2026-12-01']);
    expect(facts('on 11/27', us)).toEqual(['date 11-27']);
    expect(facts('el 27 nov.')).toEqual(['date 11-27']);
  });

  it('reads percentages, durations, frequencies, times and numbers in digits or words', () => {
    expect(facts('un 70 % de descuento')).toEqual(['percent 70', 'term discount']);
    expect(facts('70%, or 70 per cent', us)).toEqual(['percent 70', 'percent 70']);
    expect(facts('en cinco días hábiles o 30 días')).toEqual(['duration 5 business_day', 'duration 30 day']);
    expect(facts('12 pagos mensuales, doce cuotas')).toEqual([
      'number 12',
      'frequency monthly',
      'number 12',
      'term plan',
    ]);
    expect(facts('cada 15 días')).toEqual(['frequency fortnightly']);
    expect(facts('after 6 pm or at 18:30', us)).toEqual(['time 18:00', 'time 18:30']);
    expect(facts('mañana por la mañana, o pasado mañana')).toEqual([
      'relative_day tomorrow',
      'relative_day morning',
      'relative_day day_after_tomorrow',
    ]);
  });

  it('reads links, e-mail addresses, phone numbers, reference codes and words in capitals', () => {
    expect(
      facts(
        'Pague en https://pagos.example.com/p/Xk29Qa, escriba a cobros@example.com o llame al 55 1234 5678. Referencia A-20931. Responda BAJA.',
      ),
    ).toEqual([
      'url pagos.example.com/p/Xk29Qa',
      'email cobros@example.com',
      'phone +525512345678',
      'reference A-20931',
      'keyword BAJA',
    ]);
    expect(facts('www.condusef.gob.mx y condusef.gob.mx.')).toEqual([
      'url condusef.gob.mx',
      'url condusef.gob.mx',
    ]);
  });

  it('reads the names given, channels, and the offer and consequence terms', () => {
    expect(facts('Le escribe Grupo Norte en nombre de Banco Ejemplo, por WhatsApp.')).toEqual([
      'name grupo norte',
      'name banco ejemplo',
      'channel whatsapp',
    ]);
    expect(
      facts('Sin intereses ni comisiones; si no paga, lo demandaremos y lo reportaremos al buró de crédito.'),
    ).toEqual(['term interest', 'term fees', 'term legal', 'term credit_report', 'term credit_report']);
    expect(facts('We can waive the late fees: last chance.', us)).toEqual([
      'term waiver',
      'term fees',
      'term pressure',
    ]);
  });
});

describe('sameFacts', () => {
  const template =
    'Perfecto, queda anotado: $200.00 el viernes, 27 de noviembre y $4,650.00 el martes, 1 de diciembre.';

  it('accepts the same facts in other words and other formats', () => {
    expect(
      sameFacts(
        template,
        'Listo, lo dejé anotado: 200 pesos el viernes 27 de noviembre, y $4,650 el martes 1 de diciembre.',
        mx,
      ),
    ).toEqual({ same: true });
  });

  it('names the kinds that changed: an amount, a date, a weekday', () => {
    const r = sameFacts(
      template,
      'Perfecto: $200.00 el jueves, 27 de noviembre y $4,560.00 el martes, 2 de diciembre.',
      mx,
    );
    expect(r.same).toBe(false);
    if (r.same) return;
    expect(r.differences.map((d) => d.kind)).toEqual(['amount', 'date', 'weekday']);
    expect(r.differences[0]).toEqual({
      kind: 'amount',
      template: ['MXN 200', 'MXN 4650'],
      rephrased: ['MXN 200', 'MXN 4560'],
    });
  });

  it('refuses two amounts swapped between two dates', () => {
    expect(
      sameFacts(
        template,
        'Perfecto, queda anotado: $4,650.00 el viernes, 27 de noviembre y $200.00 el martes, 1 de diciembre.',
        mx,
      ).same,
    ).toBe(false);
  });

  it('compares names, channels and terms by presence', () => {
    expect(sameFacts('Puede pedir un plan en cuotas.', 'Puede pedir un plan.', mx)).toEqual({ same: true });
    expect(sameFacts('Puede pedir un plan.', 'Puede pedir un descuento.', mx).same).toBe(false);
    expect(sameFacts('Le escribe Grupo Norte.', 'Le escribe Grupo Sur.', mx, names).same).toBe(false);
  });
});
