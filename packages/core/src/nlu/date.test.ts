import { describe, expect, it } from 'vitest';
import { localNow } from './civil.js';
import { extractDate } from './date.js';

// Tuesday 2026-11-24 10:00 local, the corpus reference.
const now = { y: 2026, m: 11, d: 24, hour: 10, minute: 0 };

describe('extractDate (es)', () => {
  it.each([
    ['hoy te pago', '2026-11-24'],
    ['mañana', '2026-11-25'],
    ['manana sin falta', '2026-11-25'],
    ['pasado mañana', '2026-11-26'],
    ['el viernes', '2026-11-27'],
    ['este viernes', '2026-11-27'],
    ['el próximo viernes', '2026-11-27'],
    ['el viernes de la otra semana', '2026-12-04'],
    ['el viernes de la próxima semana', '2026-12-04'],
    ['a fin de mes', '2026-11-30'],
    ['fin de mes', '2026-11-30'],
    ['la quincena', '2026-11-30'],
    ['la próxima semana', '2026-11-30'],
    ['el 15 de diciembre', '2026-12-15'],
    ['el 30', '2026-11-30'],
    ['el día 30', '2026-11-30'],
    ['el 15', '2026-12-15'],
    ['en dos semanas', '2026-12-08'],
    ['en 3 días', '2026-11-27'],
    ['pagué el viernes pasado', '2026-11-20'],
    ['ayer', '2026-11-23'],
    ['pagué el lunes', '2026-11-23'],
    ['ya pague el 20', '2026-11-20'],
    ['el 30/11', '2026-11-30'],
    ['pague 500 y el resto el viernes', '2026-11-27'],
    ['ya hice el abono esta mañana', '2026-11-24'],
    ['ingresé lo que faltaba el lunes', '2026-11-23'],
    ['pague 1.200,50 € el sabado', '2026-11-21'],
    ['el lunes lo dejo pagado', '2026-11-30'],
    ['mi papá falleció el domingo', '2026-11-22'],
    ['mi hermano te transfirió anoche', '2026-11-23'],
    ['puedo pagar 200 cada quincena', undefined],
    ['de lunes a viernes después de las 6', undefined],
    ['no llego a fin de mes', undefined],
    ['os lo pago a final de mes', '2026-11-30'],
  ])('%s → %s', (text, iso) => expect(extractDate(text, 'es', now)).toBe(iso));

  // A month alone, "ahora" and "mañana" as the morning are not dates.
  it.each([
    ['lo pagué todo en octubre'],
    ['estoy en paro desde septiembre'],
    ['el mes que viene empiezo'],
    ['ahora mismo no puedo'],
    ['llámame a las once de la mañana'],
  ])('no date in %s', (text) => expect(extractDate(text, 'es', now)).toBeUndefined());
});

describe('extractDate (en)', () => {
  it.each([
    ['tomorrow', '2026-11-25'],
    ['the day after tomorrow', '2026-11-26'],
    ['next Friday', '2026-11-27'],
    ['on Friday', '2026-11-27'],
    ['this Friday', '2026-11-27'],
    ['Friday after next', '2026-12-04'],
    ['end of the month', '2026-11-30'],
    ['the 15th', '2026-12-15'],
    ['on the 30th', '2026-11-30'],
    ['in two weeks', '2026-12-08'],
    ['I paid last Friday', '2026-11-20'],
    ['yesterday', '2026-11-23'],
    ['next week', '2026-11-30'],
    ['Dec 15', '2026-12-15'],
    ['i get paid friday so ill send it then', '2026-11-27'],
    ['my husband gets paid on the 1st', '2026-12-01'],
    ['a week from Friday', '2026-12-04'],
  ])('%s → %s', (text, iso) => expect(extractDate(text, 'en', now)).toBe(iso));

  it.each([
    ['paying tmrw for sure', '2026-11-25'],
    ['She passed away on the 15th', '2026-11-15'],
    ['can i pay half now and half on the 15th', '2026-12-15'],
    ['my payment of $75 went out on the 21st', '2026-11-21'],
    ['autopay took it out on the 15th', '2026-11-15'],
    ["I'm out of work for 6 weeks", undefined],
    ['can I pay 35 every Friday', undefined],
    ['have a great weekend', undefined],
    ['I will pay this weekend', '2026-11-28'],
  ])('%s → %s', (text, iso) => expect(extractDate(text, 'en', now)).toBe(iso));

  it.each([
    ['call me after 6'],
    ['a las 6'],
    ['hello'],
    ['I lost my job'],
    ['50% off'],
    ['I paid in October'],
    ['died in March'],
    ['can I pay right now?'],
    ['I paid last week'],
    ['next month'],
  ])('no date in %s', (text) => expect(extractDate(text, 'en', now)).toBeUndefined());
});

describe('localNow', () => {
  it('reads a local time as is and converts an instant to the zone', () => {
    expect(localNow('2026-11-24T10:00:00', 'America/Mexico_City')).toEqual(now);
    expect(localNow('2026-11-24T16:00:00Z', 'America/Mexico_City')).toEqual(now);
    expect(localNow(new Date('2026-11-25T03:00:00Z'), 'America/Bogota')).toEqual({
      y: 2026,
      m: 11,
      d: 24,
      hour: 22,
      minute: 0,
    });
  });
});
