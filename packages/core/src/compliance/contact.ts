/**
 * The input of a compliance check (one outbound contact the caller intends to make), as used by
 * the CLI (`saldo compliance check`), the HTTP API (`POST /v1/compliance/check`) and core callers.
 */
import { z } from 'zod';
import type { FieldIssue } from '../errors/index.js';
import { channels, contentItems, debtorFlags, directions, outcomes, recipients, type Channel } from './vocab.js';
import { isValidTimeZone, parseInstant, zoneOf } from './zone.js';
import { makeHistory, type EvalContext } from './context.js';
import { holidayCalendar } from './holidays.js';

const instant = z.iso.datetime({ offset: true, message: 'must be an ISO-8601 instant with Z or an offset' });
const ianaZone = z.string().refine(isValidTimeZone, { message: 'unknown IANA time zone' });

/**
 * One history event (prior contact or attempt).
 *
 * @example
 * const e: ContactEvent = { at: '2026-03-02T15:00:00Z', channel: 'call', direction: 'outbound', outcome: 'no_answer', debtId: 'A' };
 */
export const ContactEvent = z.object({
  at: instant,
  channel: z.enum(channels),
  direction: z.enum(directions),
  outcome: z.enum(outcomes),
  /** Missing = unknown debt: counted for every debt (conservative). */
  debtId: z.string().min(1).optional(),
});
/** @example const e: ContactEvent = ContactEvent.parse(raw); */
export type ContactEvent = z.infer<typeof ContactEvent>;

/**
 * The debtor as the check needs it. `region` is ISO 3166-2 (`US-MA`, `BR-SP`) or a city code
 * (`US-NYC`); `timezone` and/or `timezones` give the candidate IANA zones (at least one).
 *
 * @example
 * const d: ContactDebtor = { country: 'US', timezone: 'America/New_York' };
 */
export const ContactDebtor = z
  .object({
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
  .refine((d) => d.timezone !== undefined || d.timezones !== undefined, { message: 'give debtor.timezone or debtor.timezones', path: ['timezone'] });
/** @example const d: ContactDebtor = ContactDebtor.parse(raw); */
export type ContactDebtor = z.infer<typeof ContactDebtor>;

/**
 * A compliance check request. Extra fields are accepted and ignored.
 *
 * @example
 * ContactCheck.parse({ id: '1', at: '2026-03-03T13:59:00Z', channel: 'call', debtId: 'A', recipient: 'debtor',
 *   debtor: { country: 'US', timezone: 'America/New_York' }, history: [] });
 */
export const ContactCheck = z.object({
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
/** @example const c: ContactCheck = ContactCheck.parse(raw); */
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
export function parseContactCheck(raw: unknown): { ok: true; value: ContactCheck } | { ok: false; issues: FieldIssue[] } {
  const r = ContactCheck.safeParse(raw);
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, issues: r.error.issues.map((i) => ({ path: i.path.join('.') || '(root)', message: i.message })) };
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

/**
 * Digests a validated check into the evaluation context (parsed instants, typed history columns).
 *
 * @example
 * const ctx = prepareContext(ContactCheck.parse(raw)); ctx.zones.length; // ≥ 1
 */
export function prepareContext(c: ContactCheck): EvalContext {
  const zoneNames = new Set<string>();
  if (c.debtor.timezone) zoneNames.add(c.debtor.timezone);
  for (const z of c.debtor.timezones ?? []) zoneNames.add(z);
  const h = makeHistory(c.history.length);
  c.history.forEach((e, i) => {
    h.t[i] = parseInstant(e.at);
    h.ch[i] = channels.indexOf(e.channel);
    h.dir[i] = directions.indexOf(e.direction);
    h.out[i] = outcomes.indexOf(e.outcome);
    h.sameDebt[i] = c.debtId === undefined || e.debtId === undefined || e.debtId === c.debtId ? 1 : 0;
  });
  return {
    at: parseInstant(c.at),
    channel: c.channel,
    channelIdx: channels.indexOf(c.channel),
    recipient: c.recipient,
    country: c.debtor.country,
    region: c.debtor.region,
    zones: [...zoneNames].map(zoneOf),
    flags: new Set(c.debtor.flags),
    consents: c.debtor.consents as Partial<Record<Channel, boolean>>,
    optOuts: new Set(c.debtor.optOuts),
    content: c.content,
    history: h,
    holidays: holidayCalendar(c.debtor.country, c.debtor.region),
  };
}
