import { asciiSlug, type DemoCountry, type DemoName } from './names.js';
import type { Rng } from './prng.js';

/** Spanish DNI control letters, indexed by number mod 23 (Real Decreto 1553/2005). */
const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

/**
 * Age in whole years at `asOf` for a debtor file: adults, centred on the early forties like a
 * consumer-credit book, from 19 to 82.
 */
export function demoAge(rng: Rng): number {
  return Math.min(82, Math.max(19, Math.round(41 + 12 * rng.normal())));
}

/**
 * The last four characters of the debtor's national id, shaped like the real document:
 * MX CURP (two internal consonants, homoclave, check digit), ES DNI/NIE (three digits and the
 * correct control letter), CO cédula and US SSN (digits; SSN serial 0000 is never issued).
 *
 * @example
 * nationalIdLast4('ES', name, 1990, createRng(5)); // e.g. '417K'
 */
export function nationalIdLast4(country: DemoCountry, name: DemoName, birthYear: number, rng: Rng): string {
  switch (country) {
    case 'MX': {
      const [, materno = 'X'] = name.lastName.split(' ');
      // CURP positions 15-16 are the first internal consonants of the second surname and the given name;
      // position 17 is a digit for people born before 2000 and a letter after.
      const differentiator =
        birthYear < 2000 ? String(rng.int(0, 9)) : String.fromCharCode(65 + rng.int(0, 25));
      return `${internalConsonant(materno)}${internalConsonant(name.firstName)}${differentiator}${rng.int(0, 9)}`;
    }
    case 'ES': {
      // NIE holders (X/Y/Z prefix) compute the letter over the number with the prefix as 0/1/2.
      const n = rng.chance(0.1)
        ? rng.int(0, 2) * 10_000_000 + rng.int(0, 9_999_999)
        : rng.int(10_000_000, 79_999_999);
      return `${String(n % 1000).padStart(3, '0')}${DNI_LETTERS[n % 23]}`;
    }
    case 'CO':
      return rng.digits(4);
    case 'US':
      return String(rng.int(1, 9999)).padStart(4, '0');
  }
}

function internalConsonant(word: string): string {
  const ascii = asciiSlug(word).toUpperCase();
  for (let i = 1; i < ascii.length; i++) {
    const ch = ascii[i] as string;
    if (!'AEIOU'.includes(ch)) return ch;
  }
  return 'X';
}
