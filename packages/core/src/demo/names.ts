import { coNames } from './names-co.js';
import { esNames } from './names-es.js';
import { mxNames } from './names-mx.js';
import { usHispanicNames, usNames } from './names-us.js';
import type { Rng } from './prng.js';

/** Given names by sex and surnames, each list ordered from most to least frequent. */
export interface NameBook {
  readonly male: readonly string[];
  readonly female: readonly string[];
  readonly surnames: readonly string[];
}

/** The countries the demo portfolio covers. */
export const demoCountries = ['MX', 'ES', 'CO', 'US'] as const;
export type DemoCountry = (typeof demoCountries)[number];

/** A synthetic person's name as the import row carries it. */
export interface DemoName {
  firstName: string;
  /** MX/ES/CO: "apellido paterno apellido materno"; US: one surname. */
  lastName: string;
  /** A US debtor with a Hispanic name (drives language and WhatsApp use); false outside the US. */
  usHispanic: boolean;
}

const books: Record<Exclude<DemoCountry, 'US'>, NameBook> = { MX: mxNames, ES: esNames, CO: coNames };

/**
 * Draws a realistic name: frequent names are frequent (skewed pick over frequency-ordered lists).
 * Hispanic-world debtors carry two surnames; `usHispanicShare` is the probability that a US debtor
 * is Hispanic (it varies by state: ~40 % in TX and CA, ~8 % in MA).
 *
 * @example
 * const { firstName, lastName } = pickName('MX', createRng(1));
 * // e.g. firstName 'María Guadalupe', lastName 'Hernández López'
 */
export function pickName(country: DemoCountry, rng: Rng, usHispanicShare = 0.2): DemoName {
  // Skews tuned so the head has real-world weight: Hernández ≈ 5 % of Mexican surnames, Smith ≈ 1.5 %
  // of a (diverse) US book; US surnames are far flatter than Hispanic ones.
  if (country === 'US') {
    const usHispanic = rng.chance(usHispanicShare);
    const book = usHispanic ? usHispanicNames : usNames;
    return {
      firstName: pickFirst(book, rng, 1.3),
      lastName: rng.pickSkewed(book.surnames, usHispanic ? 1.4 : 1.2),
      usHispanic,
    };
  }
  const book = books[country];
  const paterno = rng.pickSkewed(book.surnames, 1.6);
  // A few people are registered with one surname only (e.g. a parent recorded alone).
  const lastName = rng.chance(0.02) ? paterno : `${paterno} ${rng.pickSkewed(book.surnames, 1.6)}`;
  return { firstName: pickFirst(book, rng, 1.5), lastName, usHispanic: false };
}

function pickFirst(book: NameBook, rng: Rng, skew: number): string {
  return rng.pickSkewed(rng.chance(0.5) ? book.male : book.female, skew);
}

/**
 * Lower-case ASCII version of a name for e-mail local parts: accents stripped, spaces and
 * apostrophes removed ("María José" → "mariajose", "O'Brien" → "obrien").
 *
 * @example
 * asciiSlug('Ñúñez Peña'); // 'nunezpena'
 */
export function asciiSlug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
