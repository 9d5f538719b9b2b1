import { describe, expect, it } from 'vitest';
import { localNow } from './civil.js';
import { extractDate } from './date.js';

// Tuesday 2026-11-24 10:00 local, the corpus reference.
const now = { y: 2026, m: 11, d: 24, hour: 10, minute: 0 };

describe('extractDate (es)', () => {
  it.each([
    ['hoy te pago', '2026-11-24'], ['mañana', '2026-11-25'], ['manana sin falta', '2026-11-25'], ['pasado mañana', '2026-11-26'],
    ['el viernes', '2026-11-27'], ['este viernes', '2026-11-27'], ['el próximo viernes', '2026-11-27'], ['el viernes de la otra semana', '2026-12-04'],
    ['el viernes de la próxima semana', '2026-12-04'], ['a fin de mes', '2026-11-30'], ['fin de mes', '2026-11-30'], ['la quincena', '2026-11-30'],
    ['la próxima semana', '2026-11-30'], ['el 15 de diciembre', '2026-12-15'], ['el 30', '2026-11-30'], ['el día 30', '2026-11-30'], ['el 15', '2026-12-15'],
    ['en dos semanas', '2026-12-08'], ['en 3 días', '2026-11-27'], ['pagué el viernes pasado', '2026-11-20'], ['ayer', '2026-11-23'],
    ['pagué el lunes', '2026-11-23'], ['ya pague el 20', '2026-11-20'], ['el 30/11', '2026-11-30'], ['pague 500 y el resto el viernes', '2026-11-27'],
  ])('%s → %s', (text, iso) => expect(extractDate(text, 'es', now)).toBe(iso));
});

describe('extractDate (en)', () => {
  it.each([
    ['tomorrow', '2026-11-25'], ['the day after tomorrow', '2026-11-26'], ['next Friday', '2026-11-27'], ['on Friday', '2026-11-27'], ['this Friday', '2026-11-27'],
    ['Friday after next', '2026-12-04'], ['end of the month', '2026-11-30'], ['the 15th', '2026-12-15'], ['on the 30th', '2026-11-30'], ['in two weeks', '2026-12-08'],
    ['I paid last Friday', '2026-11-20'], ['yesterday', '2026-11-23'], ['next week', '2026-11-30'], ['Dec 15', '2026-12-15'],
    ['i get paid friday so ill send it then', '2026-11-27'], ['my husband gets paid on the 1st', '2026-12-01'], ['a week from Friday', '2026-12-04'],
  ])('%s → %s', (text, iso) => expect(extractDate(text, 'en', now)).toBe(iso));

  it.each([['call me after 6'], ['a las 6'], ['hello'], ['I lost my job'], ['50% off']])('no date in %s', (text) => expect(extractDate(text, 'en', now)).toBeUndefined());
});

describe('localNow', () => {
  it('reads a local time as is and converts an instant to the zone', () => {
    expect(localNow('2026-11-24T10:00:00', 'America/Mexico_City')).toEqual(now);
    expect(localNow('2026-11-24T16:00:00Z', 'America/Mexico_City')).toEqual(now);
    expect(localNow(new Date('2026-11-25T03:00:00Z'), 'America/Bogota')).toEqual({ y: 2026, m: 11, d: 24, hour: 22, minute: 0 });
  });
});
