import type { Language } from './intents.js';

/**
 * Numbers as debtors write them: numerals with local separators and number words in Spanish
 * and English. Pure helpers shared by the amount, installments and date extractors.
 */

const unitsEs: Readonly<Record<string, number>> = {
  cero: 0,
  un: 1,
  uno: 1,
  una: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
  once: 11,
  doce: 12,
  trece: 13,
  catorce: 14,
  quince: 15,
  dieciseis: 16,
  diecisiete: 17,
  dieciocho: 18,
  diecinueve: 19,
  veinte: 20,
  veintiun: 21,
  veintiuno: 21,
  veintiuna: 21,
  veintidos: 22,
  veintitres: 23,
  veinticuatro: 24,
  veinticinco: 25,
  veintiseis: 26,
  veintisiete: 27,
  veintiocho: 28,
  veintinueve: 29,
  treinta: 30,
  cuarenta: 40,
  cincuenta: 50,
  sesenta: 60,
  setenta: 70,
  ochenta: 80,
  noventa: 90,
  cien: 100,
  ciento: 100,
  doscientos: 200,
  doscientas: 200,
  trescientos: 300,
  trescientas: 300,
  cuatrocientos: 400,
  cuatrocientas: 400,
  quinientos: 500,
  quinientas: 500,
  seiscientos: 600,
  seiscientas: 600,
  setecientos: 700,
  setecientas: 700,
  ochocientos: 800,
  ochocientas: 800,
  novecientos: 900,
  novecientas: 900,
};

const unitsEn: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fourty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

/** Multipliers that scale what precedes them ("300 mil", "two thousand", "5k", "5 lucas"). */
export const multipliers: Readonly<Record<string, number>> = {
  mil: 1000,
  miles: 1000,
  thousand: 1000,
  k: 1000,
  grand: 1000,
  lucas: 1000,
  luca: 1000,
  luquitas: 1000,
  luquita: 1000,
  millon: 1e6,
  millones: 1e6,
  million: 1e6,
  millions: 1e6,
  palo: 1e6,
  palos: 1e6,
  m: 1e6,
};

/**
 * Number words of one language that are ordinary words of the other: English "once" ("I paid
 * once", "all at once") is not Spanish 11, Spanish "ten" ("ten paciencia") is not English 10.
 */
const falseFriends: Readonly<Record<Language, ReadonlySet<string>>> = {
  en: new Set(['once']),
  es: new Set(['ten']),
};

/**
 * Value of one number word, if it is one. `hundred` is handled by the sequence reader. With the
 * utterance language, a word that is a number only in the other language is not a number (code
 * switching such as "I can pay quinientos" still reads).
 *
 * @example
 * wordValue('once', 'es') // → 11
 * wordValue('once', 'en') // → undefined
 */
export function wordValue(token: string, lang?: Language): number | undefined {
  if (lang !== undefined && falseFriends[lang].has(token)) return undefined;
  return unitsEs[token] ?? unitsEn[token];
}

/**
 * Parses one numeral with local separators. Two kinds of separator: the last one is the decimal
 * mark ("1.200,50", "1,200.50"). One kind: groups of exactly three digits are thousands
 * ("2.000", "1,200", "1.200.000"), otherwise it is a decimal mark ("12,50", "1.5").
 *
 * @example
 * parseNumeral('1.200,50') // → 1200.5
 * parseNumeral('2.000') // → 2000
 * parseNumeral('1,200') // → 1200
 */
export function parseNumeral(raw: string): number | undefined {
  const s = raw.replace(/[.,]+$/, '');
  if (!/^\d[\d.,]*$/.test(s)) return undefined;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    const dec = lastDot > lastComma ? '.' : ',';
    const thousands = dec === '.' ? ',' : '.';
    return Number(s.split(thousands).join('').replace(dec, '.'));
  }
  const sep = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : '';
  if (!sep) return Number(s);
  const parts = s.split(sep);
  const grouped =
    parts.length > 1 && parts.slice(1).every((p) => p.length === 3) && (parts[0] ?? '').length <= 3;
  if (grouped) return Number(parts.join(''));
  if (parts.length === 2) return Number(`${parts[0]}.${parts[1]}`);
  return undefined;
}

/** The result of reading a number from a token list: its value and the index after it. */
export interface NumberRead {
  value: number;
  end: number;
  /** True when the number was written (at least partly) as digits. */
  digits: boolean;
  /** True when a multiplier word was part of it ("300 mil", "5k"). */
  scaled: boolean;
}

/**
 * Reads a number starting at `tokens[i]`: a numeral or a run of number words, optionally followed
 * by multipliers ("mil quinientos", "300 mil", "two thousand five hundred", "1.5 millones").
 *
 * @example
 * readNumber(['mil', 'quinientos', 'pesos'], 0) // → { value: 1500, end: 2, … }
 */
export function readNumber(tokens: readonly string[], i: number, lang?: Language): NumberRead | undefined {
  const first = tokens[i];
  if (first === undefined) return undefined;
  let total = 0;
  let current = 0;
  let j = i;
  let digits = false;
  let scaled = false;
  let any = false;
  const numeral = parseNumeral(first);
  if ((first === 'a' || first === 'an') && /^(hundred|thousand|grand|million)$/.test(tokens[i + 1] ?? '')) {
    current = 1;
    any = true;
    j = i + 1;
  } else if (
    (first === 'medio' || first === 'media' || first === 'half') &&
    /^(millon|million|palo|mil|luca|a)$/.test(tokens[i + 1] ?? '')
  ) {
    // "medio millón" 500000, "media luca" 500, "half a million": a half of the multiplier that follows.
    const k = tokens[i + 1] === 'a' ? i + 2 : i + 1;
    const m = multipliers[tokens[k] ?? ''];
    if (m === undefined || tokens[k] === 'm' || tokens[k] === 'k') return undefined;
    return { value: m / 2, end: k + 1, digits: false, scaled: true };
  } else if (numeral !== undefined) {
    current = numeral;
    digits = true;
    any = true;
    j = i + 1;
  }
  for (; j < tokens.length; j++) {
    const t = tokens[j] as string;
    const w = digits && !scaled ? undefined : wordValue(t, lang);
    if (w !== undefined && !(digits && j === i + 1)) {
      current += w;
      any = true;
      continue;
    }
    if ((t === 'hundred' || t === 'hundreds') && any) {
      current = (current || 1) * 100;
      continue;
    }
    const m = multipliers[t];
    if (m !== undefined && (any || t === 'mil')) {
      if (t === 'm' && !digits) break;
      if (m >= 1e6) {
        total = (total + (current || 1)) * m;
      } else {
        total += (current || 1) * m;
      }
      current = 0;
      any = true;
      scaled = true;
      continue;
    }
    if ((t === 'y' || t === 'and') && any && wordValue(tokens[j + 1] ?? '', lang) !== undefined && !digits)
      continue;
    break;
  }
  if (!any) return undefined;
  return { value: Math.round((total + current) * 100) / 100, end: j, digits, scaled };
}
