import type { Language, Variant } from './intents.js';
import { localPesoCurrency } from './locale.js';
import { foldText } from './normalize.js';
import { readNumber, type NumberRead } from './numbers.js';
import type { NluAmount } from './schema.js';

/** Words after a number that make it something other than money. */
const unitAfter = new Set(
  (
    'dias dia semanas semana meses mes anos ano horas hora hrs hr hs minutos min mins days day weeks week months month years year ' +
    'hours hour pm am pagos pago cuotas cuota mensualidades mensualidad parcialidades parcialidad abonos partes plazos quincenas ' +
    'exhibiciones installments installment payments veces times th st nd rd ro vo avo do er % porciento percent ' +
    'enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre ene feb mar abr jun jul ago sep sept oct nov dic ' +
    'january february march april june july august september october november december jan aug dec gracias disculpas perdones ' +
    'personas hijos anos years old kids people h hrs minutes minutos'
  ).split(' '),
);
/** Words before a number that make it an identifier, not money ("chapter 13", "ley 1116", "case 4821"). */
const idBefore = new Set([
  'chapter',
  'ch',
  'capitulo',
  'ley',
  'articulo',
  'article',
  'case',
  'caso',
  'expediente',
  'apt',
  'apartment',
  'unit',
  'suite',
  'room',
  'ext',
  'extension',
  'folio',
  'order',
  'pedido',
  'ref',
  'referencia',
  'confirmation',
  'confirmacion',
  'linea',
  'line',
  'ruta',
  'route',
  'code',
  'codigo',
  'version',
  'pruebas',
  'testing',
  'test',
  'probando',
]);
/** Words before a number that make it a day of month or an hour ("el 30", "after 6", "a las 3"). */
const dateTimeBefore = new Set([
  'el',
  'dia',
  'the',
  'las',
  'la',
  'at',
  'after',
  'before',
  'until',
  'til',
  'till',
  'entre',
  'between',
  'del',
  'around',
  'hasta',
  'desde',
  'on',
  'by',
  'al',
  'from',
  'x',
  'quincena',
]);
const months =
  /^(enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|january|february|march|april|may|june|july|august|september|october|november|december|ene|feb|abr|jun|jul|ago|sept?|oct|nov|dic|dec|jan|aug)$/;
/** Verbs and words that introduce an amount even without a currency ("te pago 500", "solo tengo 300"). */
const amountContext = new Set(
  (
    'pago pagar pague pagaria pagando abono abonar abonaria deposito depositar deposite transfiero transferir transferi mando mandar mande envio enviar ' +
    'doy dar di tengo tener puedo junto juntar son es de los unos solo nomas ofrezco ofrecer consigno consignar consigne cobrar cobran cobraron debo deuda saldo ' +
    'pay paid pays give gave send sent have has offer only about like owe owed is was of for total balance settle deposit deposited transfer wire make'
  ).split(' '),
);

interface Tok {
  t: string;
  i: number;
}

/** The currency a word or symbol names, given the variant for "$"/"pesos". */
function currencyOf(tok: string, variant: Variant): string | undefined {
  if (tok === '$' || tok === 'peso' || tok === 'pesos' || tok === 'varos' || tok === 'mangos')
    return localPesoCurrency(variant);
  if (/^(dolares|dolar|dollars|dollar|dlls|dls|usd|bucks|verdes)$/.test(tok)) return 'USD';
  if (/^(euros|euro|eur|€|pavos|pavo|eurazos)$/.test(tok)) return 'EUR';
  if (tok === 'mxn') return 'MXN';
  if (tok === 'cop') return 'COP';
  if (tok === 'ars') return 'ARS';
  return undefined;
}

/** Dates and clock times are blanked first so "15/12" or "10:30" never read as money. */
function maskDatesAndTimes(s: string): string {
  return s
    .replace(/\b\d{1,2}[/-]\d{1,2}(?:[/-]\d{2,4})?\b/g, (m) => ' '.repeat(m.length))
    .replace(/\b\d{1,2}:\d{2}\b/g, (m) => ' '.repeat(m.length));
}

export interface AmountCandidate extends NluAmount {
  index: number;
  hasContext: boolean;
}

/** Every plausible money amount in the text, in order (`lang`: the utterance language, for number words). */
export function amountCandidates(text: string, variant: Variant, lang?: Language): AmountCandidate[] {
  const folded = maskDatesAndTimes(foldText(text));
  const toks: Tok[] = [];
  for (const m of folded.matchAll(/us\$|\$|€|%|\d+(?:[.,]\d+)*|[a-zñ]+/g))
    toks.push({ t: m[0] === 'us$' ? 'usd' : m[0], i: m.index });
  const words = toks.map((x) => x.t);
  const out: AmountCandidate[] = [];
  for (let k = 0; k < words.length; k++) {
    const read: NumberRead | undefined = readNumber(words, k, lang);
    if (!read) continue;
    const before = words[k - 1] ?? '';
    const before2 = words[k - 2] ?? '';
    let after = words[read.end] ?? '';
    let currency = currencyOf(before, variant);
    let end = read.end;
    const afterCur =
      currencyOf(after, variant) ?? (after === 'de' ? currencyOf(words[end + 1] ?? '', variant) : undefined);
    if (afterCur) {
      currency = afterCur;
      end += after === 'de' ? 2 : 1;
      after = words[end] ?? '';
      if (currency === localPesoCurrency(variant) || currency === 'USD') {
        const nat = words[end];
        if (nat && /^mexicanos?$/.test(nat)) currency = 'MXN';
        else if (nat && /^colombianos?$/.test(nat)) currency = 'COP';
        else if (nat && /^argentinos?$/.test(nat)) currency = 'ARS';
        else if (nat && /^(americanos?|estadounidenses?)$/.test(nat)) currency = 'USD';
      }
    }
    // "20 lucas", "5 luquitas": thousands of the local peso (AR, also CO/MX slang).
    if (
      !currency &&
      read.scaled &&
      /^(lucas?|luquitas?)$/.test(words[read.end - 1] ?? '') &&
      variant !== 'US' &&
      variant !== 'ES'
    )
      currency = localPesoCurrency(variant);
    // "ni un peso", "not a dime", "un euro más": an idiom for nothing, not an amount of 1.
    if (read.value === 1 && !read.digits && !read.scaled) {
      k = end - 1;
      continue;
    }
    const skip = end - 1;
    const hasContext = amountContext.has(before) || amountContext.has(before2);
    if (!currency) {
      const first = words[k] ?? '';
      if (
        unitAfter.has(after) ||
        (after === 'por' && words[read.end + 1] === 'ciento') ||
        months.test(after) ||
        (after === 'de' && months.test(words[read.end + 1] ?? ''))
      ) {
        k = skip;
        continue;
      }
      // "el 30", "after 6": a day or an hour; "around 200", "del 800" are still money.
      if (
        (dateTimeBefore.has(before) && read.value <= 31) ||
        months.test(before) ||
        months.test(before2) ||
        idBefore.has(before)
      ) {
        k = skip;
        continue;
      }
      // A range with a unit ("24-48 h", "2 o 3 semanas") is not money either.
      if (/^\d/.test(after) && unitAfter.has(words[read.end + 1] ?? '')) {
        k = skip;
        continue;
      }
      if (/^\d{8,}$/.test(first) || (/^(19|20)\d\d$/.test(first) && !read.scaled)) {
        k = skip;
        continue;
      }
      if (!read.digits && !read.scaled && !hasContext) {
        k = skip;
        continue;
      }
      if (read.value < 10 && !read.scaled) {
        k = skip;
        continue;
      }
    }
    const amount: AmountCandidate = { value: read.value, index: toks[k]?.i ?? 0, hasContext };
    if (currency) amount.currency = currency;
    out.push(amount);
    k = skip;
  }
  return out;
}

/**
 * The money amount of a reply, in major units as written, with the ISO currency when a symbol or
 * word states it ("$" and "pesos" depend on the variant; a bare number has no currency).
 * With several amounts, one with a currency wins, then one introduced by a paying verb, then the first.
 *
 * @example
 * extractAmount('te pago 1,200.50 pesos', 'MX') // → { value: 1200.5, currency: 'MXN' }
 * extractAmount('puedo dar 300 mil', 'CO') // → { value: 300000 }
 * extractAmount('I paid once', 'US', 'en') // → undefined (English "once" is not 11)
 */
export function extractAmount(text: string, variant: Variant, lang?: Language): NluAmount | undefined {
  const all = amountCandidates(text, variant, lang);
  if (all.length === 0) return undefined;
  const best =
    all.find((a) => a.currency && a.hasContext) ??
    all.find((a) => a.currency) ??
    all.find((a) => a.hasContext) ??
    all[0];
  if (!best) return undefined;
  return best.currency ? { value: best.value, currency: best.currency } : { value: best.value };
}
