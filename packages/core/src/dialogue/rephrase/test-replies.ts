/**
 * Replies as the engine writes them, for the rewording tests (pure; not exported from the package):
 * catalogue sentences of every locale filled with amounts, dates, agreements and links, composed
 * with the required sentences of the country and the channel.
 */
import { addCivilDays } from '../../calendar/civil.js';
import type { ElectronicChannel } from '../../channels/channel.js';
import { defaultReferrals } from '../../offers/referrals.js';
import type { Agreement, PlanFrequency } from '../../offers/types.js';
import type { ReplyKey } from '../replies/catalog-es.js';
import { composeReply, type ReplyPart } from '../replies/compose.js';
import type { DialogueLocale } from '../replies/overrides.js';
import { phrases } from '../replies/phrases.js';
import { describeAgreement, formatDate, formatMoney } from '../replies/render.js';
import type { Reply, ReplyKind } from '../types.js';
import { replyLocale, type ReplyLocale } from './locale.js';

export const localeSetups: ReadonlyArray<{
  locale: DialogueLocale;
  lang: 'es' | 'en';
  country: string;
  currency: string;
}> = [
  { locale: 'es-MX', lang: 'es', country: 'MX', currency: 'MXN' },
  { locale: 'es-ES', lang: 'es', country: 'ES', currency: 'EUR' },
  { locale: 'es-CO', lang: 'es', country: 'CO', currency: 'COP' },
  { locale: 'es-AR', lang: 'es', country: 'AR', currency: 'ARS' },
  { locale: 'es-CL', lang: 'es', country: 'CL', currency: 'CLP' },
  { locale: 'es-PE', lang: 'es', country: 'PE', currency: 'PEN' },
  { locale: 'es-US', lang: 'es', country: 'US', currency: 'USD' },
  { locale: 'en-US', lang: 'en', country: 'US', currency: 'USD' },
];

export const names = ['Grupo Norte', 'Banco Ejemplo'] as const;

/** The values a sample reply is filled with; every one of them is a fact of the reply. */
export interface SampleValues {
  balanceMinor: number;
  amountMinor: number;
  /** Days after 2026-11-24 of the agreement's date and of the later date (an expiry, a pause's end). */
  inDays: number;
  laterDays: number;
  installments: number;
  frequency: PlanFrequency;
  linkToken: string;
}

/** Sentences that state facts, after verification (each key's placeholders are filled below). */
export const factKeys = [
  'balance_info',
  'promise_done',
  'ask_promise_date',
  'confirm_again',
  'counter_offer',
  'plan_offer',
  'settlement_offer',
  'plan_done',
  'settlement_done',
  'pause_done',
  'already_paid_noted_date',
  'pause_until',
  'validation_info',
  'hardship_options',
  'hardship_referral',
  'payment_link',
  'contact_pref_done',
] as const satisfies readonly ReplyKey[];

const TODAY = '2026-11-24';

function agreements(v: SampleValues): Record<'promise' | 'plan' | 'settlement' | 'pause', Agreement> {
  const due = addCivilDays(TODAY, v.inDays);
  const later = addCivilDays(due, v.laterDays);
  const step = v.frequency === 'weekly' ? 7 : v.frequency === 'fortnightly' ? 14 : 30;
  return {
    promise: { kind: 'promise', parts: [{ date: due, amountMinor: v.amountMinor }] },
    plan: {
      kind: 'plan',
      frequency: v.frequency,
      installments: Array.from({ length: v.installments }, (_, i) => ({
        due: addCivilDays(due, i * step),
        amountMinor: v.amountMinor,
      })),
      totalMinor: v.amountMinor * v.installments,
    },
    settlement: { kind: 'settlement', amountMinor: v.amountMinor, expires: later, needsApproval: false },
    pause: { kind: 'pause', until: later },
  };
}

/** The placeholders of a key filled from the values. */
export function partOf(key: ReplyKey, v: SampleValues, l: ReplyLocale): ReplyPart {
  const a = agreements(v);
  const money = (m: number) => formatMoney(m, l.currency, l.intlLocale);
  const date = (d: string) => formatDate(d, l.intlLocale);
  const p = phrases[l.lang];
  const vars: Record<string, string> = {
    collector: names[0],
    creditor: names[1],
    balance: money(v.balanceMinor),
    today: date(TODAY),
    amount: money(v.amountMinor),
    agreement: describeAgreement(
      key === 'promise_done'
        ? a.promise
        : key.startsWith('settlement')
          ? a.settlement
          : key === 'pause_done'
            ? a.pause
            : a.plan,
      l,
    ),
    reason: p.refusal.too_many_installments ?? '',
    options: [a.pause, a.plan].map((x) => describeAgreement(x, l)).join(p.or),
    referral: defaultReferrals[l.country]?.[l.lang] ?? '',
    link: `https://pagos.example.com/p/${v.linkToken}`,
    date: date(addCivilDays(TODAY, -v.inDays)),
    until: date(addCivilDays(TODAY, v.laterDays)),
    via: key === 'contact_pref_done' ? ` ${p.via.whatsapp}` : p.via.sms,
    hours: fillHours(l.lang),
  };
  return { key, vars };
}

const fillHours = (lang: 'es' | 'en') => phrases[lang].hoursFrom.replace('{from}', '18:00');

/** A reply composed as the engine composes it: the sentences, then what the country and channel require. */
export function sampleReply(
  setup: (typeof localeSetups)[number],
  keys: readonly ReplyKey[],
  v: SampleValues,
  o: { kind?: ReplyKind; channel?: ElectronicChannel } = {},
): { reply: Reply; locale: ReplyLocale } {
  const locale = replyLocale(setup.lang, setup.country, setup.currency);
  const parts = keys.map((k) => partOf(k, v, locale));
  const reply = composeReply(parts, {
    kind: o.kind ?? 'conversation',
    format: locale,
    country: setup.country,
    channel: o.channel ?? 'whatsapp',
  });
  return { reply, locale };
}
