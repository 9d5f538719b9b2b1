/**
 * An organisation's own policy layer (quiet hours, weekly / daily caps, spacing, consent),
 * compiled into a pack of kind `org` and stacked on the law. Evaluation is "any blocking rule
 * refuses", so a layer can only make the result stricter, never looser.
 */
import { z } from 'zod';
import { SaldoError } from '../errors/index.js';
import { channels, weekdays, type Channel, type Weekday } from './vocab.js';
import { EventFilter, countUnits } from './event-filter.js';
import { CountWindow } from './window.js';
import { TimeWindowSpec } from './rules/time-window.js';
import { compilePack, type CompiledPack } from './pack.js';
import type { RuleInput } from './rule.js';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'time must be HH:MM');
const channelOrAll = z.enum([...channels, 'all']);
const capMap = z.partialRecord(channelOrAll, z.number().int().min(0));

/**
 * An organisation policy.
 * - `contactHours`: allowed windows (local time); outside them, no contact.
 * - `quietHours`: blocked ranges per weekday; `end` ≤ `start` wraps past midnight (20:00→09:00).
 * - `weeklyCaps` / `dailyCaps`: max outbound attempts per debtor per rolling 7 days / local day,
 *   per channel or `all`. Every outbound event counts, whatever its outcome.
 * - `caps`: the general form. `minSpacingHours`: between two outbound contacts of any channel.
 * - `requireConsent`: channels that need `consents[channel] === true`.
 *
 * @example
 * OrgPolicy.parse({ quietHours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '19:00', end: '09:00' }], weeklyCaps: { sms: 2 } });
 */
export const OrgPolicy = z.strictObject({
  version: z.string().min(1).default('1'),
  contactHours: z.array(TimeWindowSpec).optional(),
  quietHours: z
    .array(z.strictObject({ days: z.array(z.enum(weekdays)).min(1), start: hhmm, end: hhmm }))
    .optional(),
  blockHolidays: z.boolean().default(false),
  weeklyCaps: capMap.optional(),
  dailyCaps: capMap.optional(),
  caps: z
    .array(
      z.strictObject({
        name: z.string().regex(/^[A-Z0-9][A-Z0-9-]*$/),
        channels: z.array(z.enum(channels)).min(1).optional(),
        max: z.number().int().min(0),
        window: CountWindow,
        unit: z.enum(countUnits).default('debtor'),
        count: EventFilter.default({ directions: ['outbound'] }),
      }),
    )
    .optional(),
  minSpacingHours: z.number().positive().max(8784).optional(),
  requireConsent: z.array(z.enum(channels)).optional(),
});
export type OrgPolicy = z.infer<typeof OrgPolicy>;

const CITATION = 'Organisation policy (stricter than the law by construction)';

/**
 * Validates and compiles an organisation policy into a stackable pack `ORG:<orgId>`.
 * Throws `SaldoError('validation')` for a bad policy (fail at load, not at the first debtor).
 *
 * @example
 * const org = compileOrgPolicy({ weeklyCaps: { sms: 2 } }, 'acme');
 * engine.check(contact, org);
 */
export function compileOrgPolicy(input: unknown, orgId = 'org'): CompiledPack {
  const p = parseOrgPolicy(input);
  // The order of the rules is the order of the policy's sections.
  const rules: RuleInput[] = [...timeRules(p), ...capRules(p), ...spacingAndConsentRules(p)];
  const code = `ORG:${orgId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 60) || 'org'}`;
  return compilePack({
    code,
    version: p.version,
    kind: 'org',
    title: `Organisation policy ${orgId}`,
    effectiveFrom: '1970-01-01T00:00:00Z',
    jurisdiction: { country: '*' },
    rules,
  });
}

const base = { citation: CITATION, confidence: 'V1', severity: 'policy' } as const;

function parseOrgPolicy(input: unknown): OrgPolicy {
  const parsed = OrgPolicy.safeParse(input);
  if (!parsed.success) {
    throw new SaldoError(
      'validation',
      'invalid organisation policy',
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  return parsed.data;
}

/** Contact hours, quiet hours, and holidays (alone when no hours are given). */
function timeRules(p: OrgPolicy): RuleInput[] {
  const rules: RuleInput[] = [];
  if (p.contactHours)
    rules.push({
      ...base,
      kind: 'time_window',
      id: 'ORG-CONTACT-HOURS',
      windows: p.contactHours,
      holidays: p.blockHolidays,
    });
  if (p.quietHours)
    rules.push({
      ...base,
      kind: 'time_window',
      id: 'ORG-QUIET-HOURS',
      windows: quietToWindows(p.quietHours),
      holidays: p.blockHolidays,
    });
  if (p.blockHolidays && !p.contactHours && !p.quietHours)
    rules.push({
      ...base,
      kind: 'time_window',
      id: 'ORG-HOLIDAYS',
      windows: [{ days: [...weekdays], start: '00:00', end: '24:00', endInclusive: false }],
      holidays: true,
    });
  return rules;
}

/** Weekly caps, daily caps, then the general caps. */
function capRules(p: OrgPolicy): RuleInput[] {
  return [
    ...channelCaps(
      p.weeklyCaps,
      'WEEKLY',
      { type: 'rolling', days: 7 },
      { en: '(organisation weekly cap)', es: '(límite semanal de la organización)' },
    ),
    ...channelCaps(
      p.dailyCaps,
      'DAILY',
      { type: 'calendar_day' },
      { en: '(organisation daily cap)', es: '(límite diario de la organización)' },
    ),
    ...(p.caps ?? []).map((c): RuleInput => ({
      ...base,
      kind: 'frequency_cap',
      id: `ORG-CAP-${c.name}`,
      ...(c.channels ? { channels: c.channels } : {}),
      max: c.max,
      window: c.window,
      unit: c.unit,
      count: c.count,
    })),
  ];
}

/** One cap per channel (or `all`) of a cap map, counting the debtor's outbound attempts. */
function channelCaps(
  map: z.infer<typeof capMap> | undefined,
  label: string,
  window: CountWindow,
  per: { en: string; es: string },
): RuleInput[] {
  return (Object.entries(map ?? {}) as [Channel | 'all', number][]).map(([ch, max]) => {
    const only = ch === 'all' ? undefined : [ch];
    return {
      ...base,
      kind: 'frequency_cap',
      id: `ORG-${label}-CAP-${ch.toUpperCase()}`,
      ...(only ? { channels: only } : {}),
      max,
      window,
      unit: 'debtor',
      count: { ...(only ? { channels: only } : {}), directions: ['outbound'] },
      what: {
        en: `${ch === 'all' ? 'contact' : ch} attempts ${per.en}`,
        es: `intentos ${ch === 'all' ? 'de contacto' : `por ${ch}`} ${per.es}`,
      },
    };
  });
}

function spacingAndConsentRules(p: OrgPolicy): RuleInput[] {
  const rules: RuleInput[] = [];
  if (p.minSpacingHours !== undefined) {
    rules.push({
      ...base,
      kind: 'min_spacing',
      id: 'ORG-MIN-SPACING',
      hours: p.minSpacingHours,
      unit: 'debtor',
      count: { directions: ['outbound'] },
    });
  }
  if (p.requireConsent?.length)
    rules.push({
      ...base,
      kind: 'consent_required',
      id: 'ORG-CONSENT',
      channels: p.requireConsent,
      unknown: 'deny',
    });
  return rules;
}

const toMin = (s: string): number => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
const fromMin = (m: number): string =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/**
 * Turns quiet (blocked) ranges into allowed windows per weekday (start inclusive, end exclusive).
 *
 * @example
 * quietToWindows([{ days: ['mon'], start: '20:00', end: '09:00' }]);
 * // mon 00:00–20:00 and tue 09:00–24:00 allowed, other days all day
 */
export function quietToWindows(
  quiet: readonly { days: Weekday[]; start: string; end: string }[],
): z.input<typeof TimeWindowSpec>[] {
  const blocked: [number, number][][] = weekdays.map(() => []);
  for (const q of quiet) {
    const s = toMin(q.start);
    const e = toMin(q.end);
    for (const d of q.days) {
      const i = weekdays.indexOf(d);
      if (s < e) blocked[i]!.push([s, e]);
      else {
        blocked[i]!.push([s, 1440]);
        if (e > 0) blocked[(i + 1) % 7]!.push([0, e]);
      }
    }
  }
  const out: z.input<typeof TimeWindowSpec>[] = [];
  blocked.forEach((ranges, i) => {
    ranges.sort((a, b) => a[0] - b[0]);
    let cursor = 0;
    for (const [s, e] of ranges) {
      if (s > cursor)
        out.push({ days: [weekdays[i]!], start: fromMin(cursor), end: fromMin(s), endInclusive: false });
      cursor = Math.max(cursor, e);
    }
    if (cursor < 1440)
      out.push({ days: [weekdays[i]!], start: fromMin(cursor), end: fromMin(1440), endInclusive: false });
  });
  return out;
}
