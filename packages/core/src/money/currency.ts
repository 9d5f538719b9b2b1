/**
 * ISO 4217 minor-unit exponents for the currencies Saldo's markets use. Intl knows them too,
 * but Intl's data varies by engine (COP shows 0 or 2 decimals depending on ICU); a fixed table
 * keeps stored amounts stable across runtimes. Add a currency here to accept it.
 */
export const currencyExponents = {
  USD: 2,
  EUR: 2,
  GBP: 2,
  MXN: 2,
  COP: 2,
  CLP: 0,
  PEN: 2,
  BRL: 2,
  ARS: 2,
  UYU: 2,
  DOP: 2,
  GTQ: 2,
  CRC: 2,
  BOB: 2,
  PYG: 0,
  HNL: 2,
  NIO: 2,
  PAB: 2,
  CAD: 2,
  CHF: 2,
  JPY: 0,
} as const;
export type Currency = keyof typeof currencyExponents;

/** @example isCurrency('MXN') // true */
export function isCurrency(code: string): code is Currency {
  return Object.prototype.hasOwnProperty.call(currencyExponents, code);
}

/** @example minorUnitExponent('CLP') // 0 */
export function minorUnitExponent(currency: Currency): number {
  return currencyExponents[currency];
}
