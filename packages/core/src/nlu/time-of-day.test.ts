import { describe, expect, it } from 'vitest';
import { extractTimeOfDay } from './time-of-day.js';

describe('extractTimeOfDay', () => {
  it.each([
    ['call me after 6', { from: '18:00' }],
    ['llámame después de las 6', { from: '18:00' }],
    ['entre 2 y 4', { from: '14:00', to: '16:00' }],
    ['between 9am and 11am', { from: '09:00', to: '11:00' }],
    ['call me before 10am', { to: '10:00' }],
    ['en la mañana', { part: 'morning' }],
    ['mejor por la tarde', { part: 'afternoon' }],
    ['phone me at night', { part: 'evening' }],
    ['call me on my cell after 7 pm', { from: '19:00' }],
    ['a partir de las 5', { from: '17:00' }],
    ['llámenme después del mediodía', { from: '12:00' }],
    ['a la tarde llamame', { part: 'afternoon' }],
    ['de noche es cuando puedo', { part: 'evening' }],
  ] as const)('%s', (text, tod) => expect(extractTimeOfDay(text)).toEqual(tod));
  it.each([
    ['mañana te pago'],
    ['over 6 months'],
    ['te pago el viernes'],
    ['good morning'],
    ['good afternoon, who is this?'],
    ['should be around 200'],
  ])('none in %s', (text) => expect(extractTimeOfDay(text)).toBeUndefined());
  it('a refused part of the day only counts in its own clause', () => {
    expect(extractTimeOfDay('a la mañana no puedo, llamame a la tarde')).toEqual({ part: 'afternoon' });
    expect(extractTimeOfDay('en la tarde no, mejor temprano')).toEqual({ part: 'morning' });
  });
  it('English "once" is not 11 o\'clock', () => {
    expect(extractTimeOfDay('I can pay it all at once in the morning', 'en')).toEqual({ part: 'morning' });
    expect(extractTimeOfDay('llámame a las once de la mañana', 'es')).toEqual({ from: '11:00' });
  });
});
