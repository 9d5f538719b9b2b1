import type { Language } from './intents.js';
import { foldText } from './normalize.js';
import { wordValue } from './numbers.js';

/**
 * Number of installments a debtor proposes: "en 3 pagos", "a 6 meses", "3 cuotas",
 * "three installments", "seis mensualidades", "en 4 partes", "2 quincenas".
 */
const unit =
  'pagos|cuotas|cuotitas|pagitos|mensualidades|parcialidades|abonos|partes|parts|plazos|quincenas|exhibiciones|depositos|installments|instalments|payments|monthly\\s+payments|pmts|meses\\s+sin\\s+intereses|msi';
const num = '(\\d{1,2}|[a-z]+)';
const patterns: readonly RegExp[] = [
  new RegExp(
    `\\b${num}\\s+(?:(?:monthly|weekly|biweekly|equal|small|mensuales|semanales|quincenales|iguales|fijas|fijos)\\s+)?(?:${unit})\\b`,
    'g',
  ),
  // "a 6 meses", "en 12 meses", "over 6 months", "for 3 months" (a plan length, one payment a month).
  new RegExp(`\\b(?:a|en|over|for|durante|por)\\s+${num}\\s+(?:meses|months)\\b`, 'g'),
  new RegExp(`\\b(?:en|in)\\s+${num}\\s+(?:veces|times|recibos)\\b`, 'g'),
  new RegExp(
    `\\b(?:split|divide|dividir|partir|dividirlo|partirlo|split it|part\\w*(?:lo|la)|divid\\w*(?:lo|la)|fraccion\\w*)\\s+(?:it\\s+|lo\\s+)?(?:en|in|into)\\s+${num}\\b`,
    'g',
  ),
  // "divided between my next three paychecks", "en mis próximas dos quincenas".
  new RegExp(
    `\\b(?:between|across|over|into|en|entre)\\s+(?:my\\s+|the\\s+|mis\\s+|las\\s+)?(?:next\\s+|proximas\\s+|siguientes\\s+)?${num}\\s+(?:paychecks|pay\\s+periods|quincenas|pagas)\\b`,
    'g',
  ),
  // "break it up 4 ways", "split it three ways".
  new RegExp(
    `\\b(?:break|split|divide)\\s+(?:it\\s+|this\\s+|that\\s+)?(?:up\\s+)?(?:in(?:to)?\\s+)?${num}\\s+ways\\b`,
    'g',
  ),
];

function valueOf(tok: string, lang: Language | undefined): number | undefined {
  if (/^\d+$/.test(tok)) return Number(tok);
  if (tok === 'un' || tok === 'una' || tok === 'uno' || tok === 'one' || tok === 'a') return undefined;
  return wordValue(tok, lang);
}

/**
 * @example
 * extractInstallments('lo pago en 3 cuotas') // → 3
 * extractInstallments('can I do three installments?') // → 3
 * extractInstallments('a 6 meses') // → 6
 */
export function extractInstallments(text: string, lang?: Language): number | undefined {
  const folded = foldText(text).slice(0, 2000);
  let best: { index: number; n: number } | undefined;
  for (const re of patterns) {
    re.lastIndex = 0;
    for (const m of folded.matchAll(re)) {
      const n = valueOf(m[1] ?? '', lang);
      if (n === undefined || n < 2 || n > 60) continue;
      if (!best || m.index < best.index) best = { index: m.index, n };
    }
  }
  return best?.n;
}
