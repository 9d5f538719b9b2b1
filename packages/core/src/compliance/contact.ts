/**
 * The input of a compliance check (one outbound contact the caller intends to make), as used by
 * the CLI (`saldo compliance check`), the HTTP API (`POST /v1/compliance/check`) and core callers.
 */
import { z } from 'zod';
import type { FieldIssue } from '../errors/index.js';
import {
  channels,
  contentItems,
  debtorFlags,
  directions,
  outcomes,
  recipients,
  type Channel,
  type DebtorFlag,
  type Outcome,
} from './vocab.js';
import { parseValidInstant } from '../calendar/instant.js';
import { isValidZone, zoneOf, type Zone } from '../calendar/zone.js';
import { eventMeta, type EvalContext, type History } from './context.js';
import { holidayCalendar } from './holidays.js';

const instant = z.iso.datetime({ offset: true, message: 'must be an ISO-8601 instant with Z or an offset' });
const ianaZone = z.string().refine(isValidZone, { message: 'unknown IANA time zone' });

/**
 * One history event (prior contact or attempt).
 *
 * @example
 * const e: ContactEvent = { at: '2026-03-02T15:00:00Z', channel: 'call', direction: 'outbound', outcome: 'no_answer', debtId: 'A' };
 */
export const ContactEvent = z.strictObject({
  at: instant,
  channel: z.enum(channels),
  direction: z.enum(directions),
  outcome: z.enum(outcomes),
  /** Missing = unknown debt: counted for every debt (conservative). */
  debtId: z.string().min(1).optional(),
});
export type ContactEvent = z.infer<typeof ContactEvent>;

/**
 * The debtor as the check needs it. `region` is ISO 3166-2 (`US-MA`, `BR-SP`) or a city code
 * (`US-NYC`); `timezone` and/or `timezones` give the candidate IANA zones (at least one).
 *
 * @example
 * const d: ContactDebtor = { country: 'US', timezone: 'America/New_York' };
 */
export const ContactDebtor = z
  .strictObject({
    country: z
      .string()
      .regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 code')
      .transform((s) => s.toUpperCase()),
    region: z
      .string()
      .regex(/^[A-Za-z]{2}-[A-Za-z0-9-]{1,8}$/, 'must look like US-MA or US-NYC')
      .transform((s) => s.toUpperCase())
      .optional(),
    timezone: ianaZone.optional(),
    timezones: z.array(ianaZone).min(1).optional(),
    consents: z.partialRecord(z.enum(channels), z.boolean()).default({}),
    optOuts: z.array(z.enum([...channels, 'all'])).default([]),
    flags: z.array(z.enum(debtorFlags)).default([]),
  })
  .refine((d) => d.timezone !== undefined || d.timezones !== undefined, {
    message: 'give debtor.timezone or debtor.timezones',
    path: ['timezone'],
  });
export type ContactDebtor = z.infer<typeof ContactDebtor>;

/**
 * A compliance check request. Unknown fields are refused: a misspelt `optOuts` or `consents` must
 * not silently loosen the check.
 *
 * @example
 * ContactCheck.parse({ id: '1', at: '2026-03-03T13:59:00Z', channel: 'call', debtId: 'A', recipient: 'debtor',
 *   debtor: { country: 'US', timezone: 'America/New_York' }, history: [] });
 */
export const ContactCheck = z.strictObject({
  id: z.string(),
  at: instant,
  channel: z.enum(channels),
  /** Missing = unknown: per-debt caps then count the whole history (conservative). */
  debtId: z.string().min(1).optional(),
  /** Missing = `debtor`. */
  recipient: z.enum(recipients).default('debtor'),
  debtor: ContactDebtor,
  history: z.array(ContactEvent).default([]),
  /** What a written message carries; missing items count as absent. */
  content: z.partialRecord(z.enum(contentItems), z.boolean()).default({}),
});
export type ContactCheck = z.infer<typeof ContactCheck>;
/** @example const c: ContactCheckInput = { id: '1', at: '…', channel: 'sms', debtor: { country: 'CO', timezone: 'America/Bogota' } }; */
export type ContactCheckInput = z.input<typeof ContactCheck>;

/**
 * Validates raw input; never throws. Issues carry dotted paths (`debtor.timezone`).
 *
 * @example
 * const r = parseContactCheck(JSON.parse(line));
 * if (!r.ok) console.log(r.issues[0]?.path, r.issues[0]?.message);
 */
export function parseContactCheck(
  raw: unknown,
): { ok: true; value: ContactCheck } | { ok: false; issues: FieldIssue[] } {
  const r = ContactCheck.safeParse(raw);
  if (r.success) return { ok: true, value: r.data };
  return {
    ok: false,
    issues: r.error.issues.map((i) => ({ path: i.path.join('.') || '(root)', message: i.message })),
  };
}

/**
 * One line describing what is wrong, for `{"id": null, "error": …}` outputs.
 *
 * @example
 * describeIssues([{ path: 'at', message: 'Required' }]); // 'at: Required'
 */
export function describeIssues(issues: readonly FieldIssue[]): string {
  return issues
    .slice(0, 5)
    .map((i) => `${i.path}: ${i.message}`)
    .join('; ');
}

// Index lookups by first letter and length (values are validated enum members): a keyed object
// lookup with varying keys goes megamorphic and cost more than the whole rule evaluation.
function channelIdx(c: Channel): number {
  switch (c.charCodeAt(0)) {
    case 99:
      return 0; // call
    case 118:
      return c.length === 8 ? 1 : 2; // voicebot | voicemail
    case 115:
      return 3; // sms
    case 119:
      return 4; // whatsapp
    case 101:
      return 5; // email
    default:
      return 6; // letter
  }
}

function outcomeIdx(o: Outcome): number {
  switch (o.charCodeAt(0)) {
    case 110:
      return o.length === 9 ? 0 : 5; // no_answer | not_connected
    case 118:
      return 1; // voicemail
    case 99:
      return o.length === 9 ? 2 : 3; // connected | conversation
    case 98:
      return 4; // busy
    case 100:
      return 6; // delivered
    default:
      return 7; // failed
  }
}
const NO_FLAGS: ReadonlySet<DebtorFlag> = new Set();
const NO_OPTOUTS: ReadonlySet<Channel | 'all'> = new Set();

/**
 * Digests a validated check into the evaluation context (parsed instants, typed history columns).
 * Events at or before `since` (epoch ms) are left out: no rule looks that far back.
 *
 * @example
 * const ctx = prepareContext(ContactCheck.parse(raw)); ctx.zones.length; // ≥ 1
 */
export function prepareContext(c: ContactCheck, since = Number.NEGATIVE_INFINITY): EvalContext {
  const d = c.debtor;
  const zoneList: Zone[] = [];
  if (d.timezone) zoneList.push(zoneOf(d.timezone));
  for (const name of d.timezones ?? [])
    if (!zoneList.some((z) => z.name === name)) zoneList.push(zoneOf(name));
  const events = c.history;
  const total = events.length;
  const t: number[] = [];
  const meta: number[] = [];
  const debtId = c.debtId;
  for (let i = 0; i < total; i++) {
    const e = events[i]!;
    const ms = parseValidInstant(e.at);
    if (ms <= since) continue;
    t.push(ms);
    const ed = e.debtId;
    meta.push(
      eventMeta(
        channelIdx(e.channel),
        e.direction === 'outbound' ? 0 : 1,
        outcomeIdx(e.outcome),
        debtId === undefined || ed === undefined || ed === debtId,
      ),
    );
  }
  const n = t.length;
  const h: History = { n, t, meta };
  return {
    at: parseValidInstant(c.at),
    channel: c.channel,
    channelIdx: channelIdx(c.channel),
    recipient: c.recipient,
    country: d.country,
    region: d.region,
    zones: zoneList,
    flags: d.flags.length === 0 ? NO_FLAGS : new Set(d.flags),
    consents: d.consents as Partial<Record<Channel, boolean>>,
    optOuts: d.optOuts.length === 0 ? NO_OPTOUTS : new Set(d.optOuts),
    content: c.content,
    history: h,
    holidays: holidayCalendar(d.country, d.region),
  };
}
