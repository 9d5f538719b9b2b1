import { describe, expect, it } from 'vitest';
import { compactNationalId, nationalIdLast4Of } from './national-id.js';

describe('national id: the last four characters as stored and compared', () => {
  it.each([
    ['12.345.678-K', '678K'], // Chile, RUT
    ['12345678z', '678Z'], // Spain, DNI
    ['X1234567L', '567L'], // Spain, NIE
    ['GOMC880412HDFRRN09', 'RN09'], // Mexico, CURP
    ['078-05-1120', '1120'], // US, SSN
    ['4321', '4321'],
    [' 67 8k ', '678K'],
  ])('%s → %s', (raw, last4) => {
    expect(nationalIdLast4Of(raw)).toBe(last4);
  });

  it('has nothing to compare with fewer than four letters or digits, or other signs', () => {
    expect(nationalIdLast4Of('8Z')).toBeUndefined();
    expect(nationalIdLast4Of('78-K')).toBeUndefined();
    expect(nationalIdLast4Of('12/04/1988')).toBeUndefined();
    expect(nationalIdLast4Of('')).toBeUndefined();
  });

  it('compacts: upper case, without spaces, dots and dashes', () => {
    expect(compactNationalId('x-123 456.7l')).toBe('X1234567L');
  });
});
