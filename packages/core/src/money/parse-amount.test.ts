import { describe, expect, it } from 'vitest';
import { formatMinor, parseMajorToMinor } from './parse-amount.js';

describe('parseMajorToMinor', () => {
  it('converts decimals exactly, without float error', () => {
    expect(parseMajorToMinor('1234.56', 'MXN')).toEqual({ ok: true, minor: 123456 });
    expect(parseMajorToMinor('0.29', 'USD')).toEqual({ ok: true, minor: 29 });
    expect(parseMajorToMinor('1234.5', 'EUR')).toEqual({ ok: true, minor: 123450 });
    expect(parseMajorToMinor('1234', 'COP')).toEqual({ ok: true, minor: 123400 });
    expect(parseMajorToMinor('15000', 'CLP')).toEqual({ ok: true, minor: 15000 });
    expect(parseMajorToMinor('-5.00', 'USD')).toEqual({ ok: true, minor: -500 });
    expect(parseMajorToMinor('12.340', 'USD')).toEqual({ ok: true, minor: 1234 });
  });
  it('rejects ambiguous or over-precise input with a reason', () => {
    for (const bad of ['1,234.56', '1.234,56', 'abc', '', '12.345', '1e5', '$10']) {
      const r = parseMajorToMinor(bad, 'USD');
      expect(r.ok, bad).toBe(false);
    }
    const clp = parseMajorToMinor('10.5', 'CLP');
    expect(clp.ok).toBe(false);
    if (!clp.ok) expect(clp.reason).toMatch(/no minor units/);
  });
  it('formats back', () => {
    expect(formatMinor(123456, 'MXN')).toBe('1234.56');
    expect(formatMinor(5, 'USD')).toBe('0.05');
    expect(formatMinor(-500, 'USD')).toBe('-5.00');
    expect(formatMinor(15000, 'CLP')).toBe('15000');
  });
});
