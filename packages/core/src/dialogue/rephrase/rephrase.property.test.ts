import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCivilDays } from '../../calendar/civil.js';
import { planFrequencies } from '../../offers/types.js';
import { formatDate, formatMoney } from '../replies/render.js';
import { checkRephrasing } from './check.js';
import { replyFacts } from './facts.js';
import { maskReply, unmaskReply } from './mask.js';
import { factKeys, localeSetups, names, sampleReply, type SampleValues } from './test-replies.js';

// Replies composed as the engine composes them (every locale, random amounts, dates, plans and
// links), then changed the way a model could change them: a fact replaced by another of its kind,
// a fact added, a fact dropped, a digit changed. Whatever the change, the rewording is refused and
// the template is sent. The oracle is the change itself (a different value by construction), not
// the fact reader.

const valuesArb: fc.Arbitrary<SampleValues> = fc.record({
  balanceMinor: fc.integer({ min: 100, max: 99_999_999 }),
  amountMinor: fc.integer({ min: 100, max: 9_999_999 }),
  inDays: fc.integer({ min: 1, max: 60 }),
  laterDays: fc.integer({ min: 1, max: 60 }),
  installments: fc.integer({ min: 2, max: 24 }),
  frequency: fc.constantFrom(...planFrequencies),
  linkToken: fc.stringMatching(/^[A-Za-z0-9]{6,12}$/),
});

const replyArb = fc
  .record({
    setup: fc.constantFrom(...localeSetups),
    keys: fc.subarray([...factKeys], { minLength: 1, maxLength: 3 }),
    disclosure: fc.boolean(),
    channel: fc.constantFrom('sms' as const, 'whatsapp' as const, 'email' as const),
    values: valuesArb,
  })
  .map((r) => {
    const keys = r.disclosure ? (['disclosure', ...r.keys] as const) : r.keys;
    const built = sampleReply(r.setup, keys, r.values, {
      kind: r.disclosure ? 'disclosure' : 'conversation',
      channel: r.channel,
    });
    return { ...r, ...built };
  });

type Sample = typeof replyArb extends fc.Arbitrary<infer T> ? T : never;

/** The rewording checked on email (no segment limit): only the facts and required sentences can refuse it. */
function verdictOf(s: Sample, rephrased: string) {
  return checkRephrasing({ template: s.reply.text, rephrased, locale: s.locale, channel: 'email', names });
}

function expectRefused(s: Sample, rephrased: string) {
  expect(rephrased).not.toBe(s.reply.text);
  const v = verdictOf(s, rephrased);
  expect(v.ok, `${s.reply.text}\n→ ${rephrased}`).toBe(false);
  if (!v.ok) expect(['facts_changed', 'required_line_missing']).toContain(v.reason);
}

const TODAY = '2026-11-24';
const money = (s: Sample, minor: number) => formatMoney(minor, s.locale.currency, s.locale.intlLocale);
const date = (s: Sample, d: string) => formatDate(d, s.locale.intlLocale);

/** Each value the reply was filled with, as written, and a different value of its kind written the same way. */
function substitutions(s: Sample, k: number): Array<readonly [string, string]> {
  const v = s.values;
  const due = addCivilDays(TODAY, v.inDays);
  const weekdayOf = (d: string) => date(s, d).split(/,? /)[0]!;
  const otherWeekday = weekdayOf(addCivilDays(due, (k % 6) + 1));
  return [
    [money(s, v.balanceMinor), money(s, v.balanceMinor + k)],
    [money(s, v.amountMinor), money(s, v.amountMinor + k)],
    [money(s, v.amountMinor * v.installments), money(s, v.amountMinor * v.installments + k)],
    [date(s, due), date(s, addCivilDays(due, (k % 300) + 1))],
    [date(s, due), date(s, due).replace(weekdayOf(due), otherWeekday)],
    [date(s, addCivilDays(due, v.laterDays)), date(s, addCivilDays(due, v.laterDays + (k % 300) + 1))],
    [`${v.installments} `, `${v.installments + (k % 20) + 1} `],
    [v.linkToken, `${v.linkToken}${k % 10}`],
    ['18:00', '19:30'],
    [names[1], 'Banco Otro'],
    [names[0], 'Grupo Sur'],
  ];
}

/** A sentence stating a new fact, in the reply's language; `fresh` facts are new whatever the template says. */
function additions(s: Sample, k: number): Array<{ es: string; en: string; fresh: boolean }> {
  const amount = money(s, 100 + k);
  const day = date(s, addCivilDays(TODAY, (k % 200) + 1));
  return [
    { es: `También ${amount}.`, en: `Also ${amount}.`, fresh: true },
    { es: `Vence el ${day}.`, en: `Due ${day}.`, fresh: true },
    { es: `Un ${(k % 90) + 5} % menos.`, en: `${(k % 90) + 5}% off.`, fresh: true },
    { es: `Son ${(k % 30) + 2} pagos.`, en: `That is ${(k % 30) + 2} payments.`, fresh: true },
    { es: `Llame al 55 ${1000 + (k % 9000)} 5678.`, en: `Call 212 555 ${1000 + (k % 9000)}.`, fresh: true },
    { es: `Más en https://example.org/r${k}.`, en: `More at https://example.org/r${k}.`, fresh: true },
    { es: `Escriba a ayuda${k}@example.com.`, en: `Write to help${k}@example.com.`, fresh: true },
    { es: `Referencia REF${k}Q.`, en: `Reference REF${k}Q.`, fresh: true },
    { es: `En ${(k % 40) + 2} días.`, en: `Within ${(k % 40) + 2} days.`, fresh: true },
    { es: `A las ${(k % 12) + 1}:15.`, en: `At ${(k % 12) + 1}:15.`, fresh: true },
    { es: 'Sin intereses.', en: 'No interest.', fresh: false },
    { es: 'Con un descuento.', en: 'With a discount.', fresh: false },
    { es: 'Si no paga, iremos a juicio.', en: 'If you do not pay, we will sue.', fresh: false },
    {
      es: 'Lo reportaremos al buró de crédito.',
      en: 'We will report it to the credit bureaus.',
      fresh: false,
    },
    { es: 'Es su última oportunidad.', en: 'This is your last chance.', fresh: false },
    { es: 'Mañana.', en: 'Tomorrow.', fresh: false },
    { es: 'Le llamaremos.', en: 'We will call you.', fresh: false },
  ];
}

describe('a rewording that changes the facts is always refused', () => {
  it('a fact replaced by another value of its kind', () => {
    fc.assert(
      fc.property(replyArb, fc.integer({ min: 1, max: 100_000 }), fc.nat(), (s, k, pick) => {
        const present = substitutions(s, k).filter(([from]) => s.reply.text.includes(from));
        fc.pre(present.length > 0);
        const [from, to] = present[pick % present.length]!;
        expectRefused(s, s.reply.text.replace(from, to));
      }),
      { numRuns: 300 },
    );
  });

  it('a fact added, anywhere before the required sentences', () => {
    fc.assert(
      fc.property(replyArb, fc.integer({ min: 1, max: 100_000 }), fc.nat(), fc.nat(), (s, k, pick, where) => {
        const candidates = additions(s, k);
        const add = candidates[pick % candidates.length]!;
        const sentence = add[s.setup.lang];
        if (!add.fresh) {
          // A category the template already has (a plan, "mañana") is not a new fact: pick another.
          const have = new Set(replyFacts(s.reply.text, s.locale, names).map((f) => `${f.kind} ${f.value}`));
          const adds = replyFacts(sentence, s.locale, names).map((f) => `${f.kind} ${f.value}`);
          fc.pre(adds.some((f) => !have.has(f)));
        }
        const cuts = [...s.reply.text.matchAll(/(?<=[.!?]) /g)].map((m) => m.index);
        const at = cuts.length === 0 ? s.reply.text.length : cuts[where % cuts.length]!;
        expectRefused(s, `${s.reply.text.slice(0, at)} ${sentence}${s.reply.text.slice(at)}`);
      }),
      { numRuns: 300 },
    );
  });

  it('a fact dropped', () => {
    fc.assert(
      fc.property(replyArb, fc.integer({ min: 1, max: 100_000 }), fc.nat(), (s, k, pick) => {
        const present = substitutions(s, k)
          .map(([from]) => from)
          .filter((from) => s.reply.text.includes(from));
        fc.pre(present.length > 0);
        expectRefused(s, s.reply.text.replace(present[pick % present.length]!, ''));
      }),
      { numRuns: 300 },
    );
  });

  it('any digit changed', () => {
    fc.assert(
      fc.property(replyArb, fc.nat(), fc.integer({ min: 1, max: 9 }), (s, pick, shift) => {
        const digits = [...s.reply.text.matchAll(/\d/g)].map((m) => m.index);
        fc.pre(digits.length > 0);
        const at = digits[pick % digits.length]!;
        const changed = String((Number(s.reply.text[at]) + shift) % 10);
        expectRefused(s, s.reply.text.slice(0, at) + changed + s.reply.text.slice(at + 1));
      }),
      { numRuns: 300 },
    );
  });
});

describe('what a rewording may keep', () => {
  it('the template itself passes, and masking gives it back unchanged', () => {
    fc.assert(
      fc.property(replyArb, (s) => {
        expect(verdictOf(s, s.reply.text)).toEqual({ ok: true, text: s.reply.text });
        const masked = maskReply(s.reply.text, s.locale);
        expect(unmaskReply(masked.text, masked)).toBe(s.reply.text);
        // What leaves Saldo has no link and none of the required sentences.
        expect(masked.text).not.toMatch(/https?:|www\.|STOP|BAJA|debt collector|cobrador de deudas/i);
      }),
      { numRuns: 200 },
    );
  });
});
