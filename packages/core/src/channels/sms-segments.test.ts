import { describe, expect, it } from 'vitest';
import { smsSegments } from './sms-segments.js';

describe('smsSegments', () => {
  it('counts GSM-7 at 160 then 153 per segment', () => {
    expect(smsSegments('a'.repeat(160))).toMatchObject({ encoding: 'gsm7', segments: 1 });
    expect(smsSegments('a'.repeat(161))).toMatchObject({ encoding: 'gsm7', segments: 2, perSegment: 153 });
    expect(smsSegments('a'.repeat(306)).segments).toBe(2);
    expect(smsSegments('a'.repeat(307)).segments).toBe(3);
  });
  it('counts extension characters as two septets and never splits them', () => {
    expect(smsSegments('€'.repeat(80))).toMatchObject({ encoding: 'gsm7', units: 160, segments: 1 });
    expect(smsSegments('€'.repeat(81)).segments).toBe(2);
    // 152 plain + € would need 154 septets in the first part: the € moves to the second.
    expect(smsSegments('a'.repeat(152) + '€' + 'a'.repeat(10)).segments).toBe(2);
  });
  it('Spanish ñ, é and ¿ stay in GSM-7 but á, í, ó, ú force UCS-2', () => {
    expect(smsSegments('¿Mañana? Él paga').encoding).toBe('gsm7');
    const r = smsSegments('Gracias por tu pago, ya está.');
    expect(r).toMatchObject({ encoding: 'ucs2', segments: 1, nonGsmCharacters: ['á'] });
  });
  it('counts UCS-2 at 70 then 67 per segment, keeping surrogate pairs together', () => {
    expect(smsSegments('á'.repeat(70)).segments).toBe(1);
    expect(smsSegments('á'.repeat(71)).segments).toBe(2);
    expect(smsSegments('á'.repeat(134)).segments).toBe(2);
    expect(smsSegments('á'.repeat(135)).segments).toBe(3);
    expect(smsSegments('🙂'.repeat(35)).segments).toBe(1);
    expect(smsSegments('a' + '🙂'.repeat(35)).segments).toBe(2);
  });
  it('an empty message has no segments', () => {
    expect(smsSegments('').segments).toBe(0);
  });
});
