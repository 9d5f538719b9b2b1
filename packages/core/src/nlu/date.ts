import * as chrono from 'chrono-node';
import type { Language } from './intents.js';
import {
  addDays,
  daysInMonth,
  isoDate,
  toDayNumber,
  weekday,
  type CivilDate,
  type LocalNow,
} from './civil.js';
import { foldText } from './normalize.js';
import { wordValue } from './numbers.js';

/**
 * Dates in replies, resolved to an ISO calendar date in the debtor's zone.
 *
 * chrono-node parses explicit dates ("el 15 de diciembre", "30/11", "in 3 days"). Its Spanish
 * parser misses or misreads "pasado mañana", "fin de mes", "la quincena", "la próxima semana"
 * and "el día N", and both locales read "next Friday" as the Friday of next
 * week, so the collection-specific forms are handled first by the rules below and chrono only
 * fills in what they do not cover. Resolution rules (docs/nlu.md): a weekday is the nearest one
 * strictly after today, or strictly before it when the reply is in the past tense.
 */

interface Found {
  start: number;
  end: number;
  date: CivilDate;
}

const weekdays: Readonly<Record<string, number>> = {
  domingo: 0,
  lunes: 1,
  martes: 2,
  miercoles: 3,
  jueves: 4,
  viernes: 5,
  sabado: 6,
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
  mon: 1,
  tue: 2,
  tues: 2,
  wed: 3,
  thu: 4,
  thur: 4,
  thurs: 4,
  fri: 5,
  sat: 6,
};

/** Past-tense cues: "pagué el lunes" is last Monday, "pago el lunes" next Monday. */
export const pastCue =
  /\b(ya pag\w*|pague|pagamos ya|deposite|transferi|hice|mande|envie|abone|consigne|ingrese|salde|cancele|gire|realice|liquide|cubri|fue|(?<!\b(?:dejo|dejamos|queda|quedara|va\s+a\s+estar|estara)\s)pagado|depositado|transferido|desde el|fallecio|murio|falleci|(?<!\b(?:get|gets|getting|be|been|i'll be|will be)\s)paid|sent|made|did|deposited|transferred|wired|mailed|was|were|cleared|went through|went out|came out|took|posted|passed away|passed|died|since|ago|hace)\b/;
const futureMod = /^(proximo|este|esta|next|this|coming|que viene|siguiente)$/;

/** Whether the clause around `index` is in the past tense (clauses end at punctuation, "pero", "but"…). */
function pastAt(folded: string, index: number): boolean {
  // A decimal or thousands point ("1.200,50 €") is not the end of a clause.
  const boundary = /[;!?]|\.(?!\d)|,\s|\b(?:pero|but|y|and|so|asi que|entonces|then|aunque|although)\b/g;
  let from = 0;
  let to = folded.length;
  for (const m of folded.matchAll(boundary)) {
    if (m.index < index) from = m.index + m[0].length;
    else {
      to = m.index;
      break;
    }
  }
  return pastCue.test(folded.slice(from, to));
}

function nextWeekday(today: CivilDate, wd: number): CivilDate {
  const diff = (wd - weekday(today) + 7) % 7 || 7;
  return addDays(today, diff);
}

function lastWeekday(today: CivilDate, wd: number): CivilDate {
  const diff = (weekday(today) - wd + 7) % 7 || 7;
  return addDays(today, -diff);
}

function endOfMonth(c: CivilDate, plusMonths = 0): CivilDate {
  const mi = c.m - 1 + plusMonths;
  const y = c.y + Math.floor(mi / 12);
  const m = (mi % 12) + 1;
  return { y, m, d: daysInMonth(y, m) };
}

/** The next day `day` of a month on or after `today` (strictly before it in the past tense). */
function dayOfMonth(today: CivilDate, day: number, past: boolean): CivilDate | undefined {
  if (day < 1 || day > 31) return undefined;
  for (let k = 0; k < 14; k++) {
    const mi = today.m - 1 + (past ? -k : k);
    const y = today.y + Math.floor(mi / 12);
    const m = (((mi % 12) + 12) % 12) + 1;
    if (day > daysInMonth(y, m)) continue;
    const c = { y, m, d: day };
    const n = toDayNumber(c);
    if (past ? n <= toDayNumber(today) : n >= toDayNumber(today)) return c;
  }
  return undefined;
}

function quincena(today: CivilDate, skip: number): CivilDate {
  const eom = endOfMonth(today);
  const dates: CivilDate[] = [];
  for (let k = 0; dates.length < skip + 1 && k < 4; k++) {
    const ref = endOfMonth(today, k);
    for (const c of [{ y: ref.y, m: ref.m, d: 15 }, ref])
      if (toDayNumber(c) >= toDayNumber(today)) dates.push(c);
  }
  return dates[skip] ?? eom;
}

function dayNumberOf(tok: string): number | undefined {
  if (/^\d{1,2}$/.test(tok)) return Number(tok);
  if (tok === 'primero' || tok === 'first') return 1;
  const ord: Record<string, number> = {
    second: 2,
    third: 3,
    fifth: 5,
    tenth: 10,
    fifteenth: 15,
    twentieth: 20,
    thirtieth: 30,
    twelfth: 12,
  };
  return ord[tok] ?? wordValue(tok);
}

type Rule = (m: RegExpExecArray, today: CivilDate, past: boolean) => CivilDate | undefined;

const wd =
  'lunes|martes|miercoles|jueves|viernes|sabado|domingo|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat';
const nextWeekSuffix =
  '(\\s+(?:de\\s+la\\s+(?:otra|proxima|siguiente)\\s+semana|de\\s+la\\s+semana\\s+que\\s+viene|(?:after|of)\\s+next(?:\\s+week)?|next\\s+week))';

const monthNames =
  'enero|febrero|marzo|abril|mayo|junio|julio|agosto|sept?iembre|octubre|noviembre|diciembre|january|february|march|april|may|june|july|august|september|october|november|december';
/** "el 30", "el día 30", "the 15th", "on the 1st" — not "el 30%", "el 15 de diciembre" (chrono's) or "the 2 payments". */
const dayOfMonthRe = new RegExp(
  '\\b(?:el\\s+(?:dia\\s+|proximo\\s+)?|dia\\s+|on\\s+the\\s+|the\\s+|by\\s+the\\s+|este\\s+|para\\s+el\\s+|hasta\\s+el\\s+)' +
    '(\\d{1,2}|primero|first|second|third|fifth|tenth|twelfth|fifteenth|twentieth|thirtieth)(?:\\s*(?:st|nd|rd|th|ro|vo|avo|to|er|do)\\b)?' +
    `(?![\\d.,]*\\d|\\s*(?:%|por\\s+ciento|percent|de\\s+(?:cada|los|mis)|pesos|dolares|euros|dollars|bucks|mil\\b|k\\b|dias|days|semanas|weeks|meses|months|pagos|payments|cuotas|installments|(?:de|of)\\s+(?:${monthNames})))`,
  'g',
);

/** Ordered rules; the longest match at a position wins over chrono. */
const rules: ReadonlyArray<[RegExp, Rule]> = [
  [
    new RegExp(`\\b(?:a|one)\\s+week\\s+from\\s+(?:this\\s+|next\\s+)?(${wd})\\b`, 'g'),
    (m, t) => addDays(nextWeekday(t, weekdays[m[1] ?? ''] ?? 5), 7),
  ],
  [/\b(pasado\s+manana|(?:the\s+)?day\s+after\s+tomorrow)\b/g, (_m, t) => addDays(t, 2)],
  [/\b(anteayer|antier|antes\s+de\s*ayer|(?:the\s+)?day\s+before\s+yesterday)\b/g, (_m, t) => addDays(t, -2)],
  [/\b(ayer|yesterday|anoche|last\s+night)\b/g, (_m, t) => addDays(t, -1)],
  [/\b(hoy|today|tonight|esta\s+noche|esta\s+manana|this\s+(?:morning|afternoon|evening))\b/g, (_m, t) => t],
  [
    /(?<!\b(?:la|las|en|por|de|del|esta|in|the)\s)\b(manana|tomorrow|tmrw|tmr|tmw|2moro|2morrow|tomorow|tommorow|tommorrow)\b/g,
    (_m, t) => addDays(t, 1),
  ],
  [
    new RegExp(
      `(?<!\\b(?:cada|every|todos\\s+los|los)\\s*)\\b(?:(el|este|esta|el\\s+proximo|el\\s+siguiente|proximo|next|this|this\\s+coming|on|last|el\\s+pasado|pasado)\\s+)?(${wd})\\b(\\s+(?:pasado|last|que\\s+viene|que\\s+entra|proximo))?${nextWeekSuffix}?`,
      'g',
    ),
    (m, t, past) => {
      const day = weekdays[m[2] ?? ''];
      if (day === undefined) return undefined;
      const pre = (m[1] ?? '').replace(/^el\s+/, '');
      const post = (m[3] ?? '').trim();
      if (m[4]) return addDays(nextWeekday(t, day), 7);
      if (/^(last|pasado)$/.test(pre) || /^(pasado|last)$/.test(post)) return lastWeekday(t, day);
      if (futureMod.test(pre) || post) return nextWeekday(t, day);
      return past ? lastWeekday(t, day) : nextWeekday(t, day);
    },
  ],
  // "no llego a fin de mes" is an idiom (I can't make ends meet), not a date.
  [
    /(?<!\b(?:llego|llegamos|llegar|llega)\s+(?:a\s*)?)\b(?:a\s+|para\s+|al\s+|hasta\s+)?(?:(?:el\s+)?(?:fin|final|finales|ultimo\s+dia)\s+(?:de|del)\s+(?:este\s+)?mes|(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?month|month\s*-?\s*end|(?:the\s+)?last\s+day\s+of\s+(?:the|this)\s+month)(\s+(?:que\s+viene|proximo|siguiente))?\b/g,
    (m, t) => endOfMonth(t, m[1] ? 1 : 0),
  ],
  [
    /\b(?:(?:el\s+)?fin|final)\s+del?\s+(?:proximo\s+mes|mes\s+que\s+viene)|end\s+of\s+next\s+month\b/g,
    (_m, t) => endOfMonth(t, 1),
  ],
  [
    /(?<!\b(?:cada|por|x|every|each)\s*)\b(?:la\s+)?(otra|siguiente|proxima)?\s*quincena\b/g,
    (m, t) => quincena(t, m[1] ? 1 : 0),
  ],
  [
    /(?<!\b(?:good|great|nice|lovely|happy|buen|feliz|bonito)\s)\b(?:el\s+)?(?:fin\s+de\s+semana|finde|(?:this\s+)?weekend)\b/g,
    (_m, t) => nextWeekday(t, 6),
  ],
  [
    /\b(?:la\s+(?:proxima|otra|siguiente)\s+semana|la\s+semana\s+que\s+(?:viene|entra)|next\s+week)\b/g,
    (_m, t) => nextWeekday(t, 1),
  ],
  [
    dayOfMonthRe,
    (m, t, past) => {
      const n = dayNumberOf(m[1] ?? '');
      return n === undefined ? undefined : dayOfMonth(t, n, past);
    },
  ],
  [
    /\b(\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?(?:january|february|march|april|may|june|july|august|september|october|november|december))/g,
    (m, t, past) => dayOfMonth(t, Number(m[1]), past),
  ],
];

function ruleDates(folded: string, today: CivilDate): Found[] {
  const out: Found[] = [];
  for (const [re, rule] of rules) {
    re.lastIndex = 0;
    for (let m = re.exec(folded); m; m = re.exec(folded)) {
      const date = rule(m, today, pastAt(folded, m.index));
      if (date) out.push({ start: m.index, end: m.index + m[0].length, date });
    }
  }
  return out;
}

/** chrono is the slow part of a parse: only call it when the text could hold a date it knows. */
const chronoGate =
  /\d|\b(?:en|dentro|in|hace|ago|within|de|of|enero|febrero|marzo|abril|mayo|junio|julio|agosto|sept?iembre|octubre|noviembre|diciembre|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|ene|abr|ago|dic|week|weeks|semanas?|mes|month|months|meses|days?|dias?)\b/;

const vagueChrono = /^(?:(?:right\s+)?now|ahora(?:\s+mismo)?|(?:last|past)\s+week)$/;

function chronoDates(folded: string, lang: Language, now: LocalNow): Found[] {
  if (!chronoGate.test(folded)) return [];
  const parser = lang === 'es' ? chrono.es.casual : chrono.en.casual;
  const ref = { instant: new Date(Date.UTC(now.y, now.m - 1, now.d, now.hour, now.minute)), timezone: 0 };
  const out: Found[] = [];
  for (const r of parser.parse(folded, ref)) {
    const s = r.start;
    // Clock times alone ("a las 6"), a month alone ("pagué en octubre", "next month") and bare
    // weekdays are not dates here (weekdays are ours); neither are "now", "ahora mismo" and the
    // vague "last week", nor "mañana" as the morning ("a las 11 de la mañana").
    if (!s.isCertain('day')) continue;
    if (vagueChrono.test(r.text.trim())) continue;
    if (
      /^(manana|tomorrow)$/.test(r.text.trim()) &&
      /\b(?:la|las|en|por|de|del|esta|in|the)\s+$/.test(folded.slice(0, r.index))
    )
      continue;
    // "out of work for 6 weeks", "por 3 meses": a duration, not a date.
    if (
      /^(?:for|durante|por)\s/.test(r.text) ||
      /\b(?:for|durante|por)\s+$/.test(folded.slice(Math.max(0, r.index - 9), r.index))
    )
      continue;
    const date = { y: s.get('year') ?? now.y, m: s.get('month') ?? now.m, d: s.get('day') ?? now.d };
    out.push({ start: r.index, end: r.index + r.text.length, date });
  }
  return out;
}

/**
 * The date a reply mentions, as `YYYY-MM-DD`, or undefined. `now` is the local reference time.
 * With several dates, the first mentioned wins; of overlapping matches the longest wins.
 *
 * @example
 * const now = { y: 2026, m: 11, d: 24, hour: 10, minute: 0 }; // a Tuesday
 * extractDate('te pago el viernes', 'es', now) // → '2026-11-27'
 * extractDate('pagué el viernes pasado', 'es', now) // → '2026-11-20'
 * extractDate('a fin de mes', 'es', now) // → '2026-11-30'
 */
export function extractDate(text: string, lang: Language, now: LocalNow): string | undefined {
  // A range of weekdays ("de lunes a viernes", "Monday through Friday") is a schedule, not a date.
  const folded = foldText(text)
    .slice(0, 2000)
    .replace(
      new RegExp(`\\b(?:de|from)\\s+(?:${wd})\\s+(?:a|to|through|thru|till|until)\\s+(?:${wd})\\b`, 'g'),
      (m) => ' '.repeat(m.length),
    );
  const today: CivilDate = { y: now.y, m: now.m, d: now.d };
  // Rules first (they win ties), then chrono; keep the longest of overlapping matches.
  const all = [...ruleDates(folded, today), ...chronoDates(folded, lang, now)];
  const kept: Found[] = [];
  for (const f of [...all].sort((a, b) => b.end - b.start - (a.end - a.start))) {
    if (!kept.some((k) => k.start < f.end && f.start < k.end)) kept.push(f);
  }
  if (kept.length === 0) return undefined;
  kept.sort((a, b) => a.start - b.start);
  const best = kept[0];
  return best ? isoDate(best.date) : undefined;
}
