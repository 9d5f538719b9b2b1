import { DateTime, Duration, IANAZone, Zone, type ZoneOffsetFormat, type ZoneOffsetOptions } from 'luxon';
import type { DurationSpec, TimeWindow } from './definition.js';

/**
 * Time arithmetic of the engine, in the debtor's IANA zone (luxon). Calendar units are local:
 * `P1D` across a DST change is one local day (23 or 25 hours), so "3 days later at the same
 * time" stays at the same wall-clock hour for the debtor.
 */

/**
 * A luxon Duration for a spec, or `null` when the ISO string is invalid.
 *
 * @example
 * toDuration('P3D')?.as('days'); // 3
 * toDuration(60_000)?.as('minutes'); // 1
 */
export function toDuration(spec: DurationSpec): Duration | null {
  const cached = durations.get(spec);
  if (cached !== undefined) return cached;
  const d = typeof spec === 'number' ? Duration.fromMillis(spec) : Duration.fromISO(spec);
  const result = d.isValid ? d : null;
  if (durations.size > 10_000) durations.clear();
  durations.set(spec, result);
  return result;
}
const durations = new Map<DurationSpec, Duration | null>();

/**
 * Whether a duration spec is valid and strictly positive (every unit ≥ 0, at least one > 0).
 *
 * @example
 * isPositiveDuration('P3D'); // true
 * isPositiveDuration('PT0S'); // false
 */
export function isPositiveDuration(spec: DurationSpec): boolean {
  const d = toDuration(spec);
  if (d === null) return false;
  const values = Object.values(d.toObject()).filter((v): v is number => typeof v === 'number');
  return values.every((v) => v >= 0) && values.some((v) => v > 0);
}

/**
 * `at` plus a duration, computed in `zone`. Invalid specs add nothing (the validator reports them).
 *
 * @example
 * addDuration(new Date('2026-03-28T10:00:00Z'), 'P1D', 'Europe/Madrid').toISOString(); // '2026-03-29T09:00:00.000Z' (DST)
 */
export function addDuration(at: Date, spec: DurationSpec, zone: string): Date {
  const d = toDuration(spec);
  if (d === null) return at;
  const key = `${at.getTime()}|${zone}|${spec}`;
  const hit = instants.get(key);
  if (hit !== undefined) return new Date(hit);
  const t = DateTime.fromJSDate(at, { zone: safeZone(zone) })
    .plus(d)
    .toMillis();
  remember(key, t);
  return new Date(t);
}

/**
 * Results of addDuration / nextWindowStart by (instant, zone, spec). A worker batch decides
 * thousands of journeys at one `now`, in a handful of zones and windows: the same question over
 * and over (luxon's calendar arithmetic was ≈ 15 % of a worker's CPU). Pure functions, so a memo
 * is exact; bounded by clearing.
 */
const instants = new Map<string, number>();
function remember(key: string, t: number): void {
  if (instants.size > 50_000) instants.clear();
  instants.set(key, t);
}

/**
 * The earliest instant ≥ `at` inside the local window: `at` itself when already inside, else the
 * window start of the next allowed day. A start time that does not exist locally (DST gap) moves
 * forward as luxon does.
 *
 * @example
 * // Friday 2026-03-27 15:00 in Madrid → Monday 10:00 CEST (summer time began on Sunday)
 * nextWindowStart(new Date('2026-03-27T14:00:00Z'), { days: 'weekdays', from: '10:00', to: '12:00' }, 'Europe/Madrid').toISOString(); // '2026-03-30T08:00:00.000Z'
 */
export function nextWindowStart(at: Date, window: TimeWindow, zone: string): Date {
  const key = `${at.getTime()}|${zone}|${window.from}|${window.to}|${String(window.days)}`;
  let t = instants.get(key);
  if (t === undefined) {
    t = computeNextWindowStart(at, window, zone).getTime();
    remember(key, t);
  }
  return t === at.getTime() ? at : new Date(t); // inside the window: `at` itself, as documented
}

function computeNextWindowStart(at: Date, window: TimeWindow, zone: string): Date {
  const local = DateTime.fromJSDate(at, { zone: safeZone(zone) });
  const [fh, fm] = hm(window.from);
  const [th, tm] = hm(window.to);
  for (let d = 0; d <= 7; d++) {
    const day = local.startOf('day').plus({ days: d });
    if (!dayAllowed(day.weekday, window.days)) continue;
    const start = day.set({ hour: fh, minute: fm, second: 0, millisecond: 0 });
    const end = day.set({ hour: th, minute: tm, second: 0, millisecond: 0 });
    if (local < start) return start.toJSDate();
    if (local < end) return at;
  }
  // Unreachable with a valid window (some weekday is allowed within 7 days); stay safe anyway.
  return local.plus({ days: 1 }).toJSDate();
}

/**
 * Start of the local day after `isoDate` (YYYY-MM-DD) in `zone`: a promise "on the 10th" is
 * broken only once the 10th is over for the debtor.
 *
 * @example
 * dayAfter('2026-05-10', 'America/Mexico_City').toISOString(); // '2026-05-11T06:00:00.000Z'
 */
export function dayAfter(isoDate: string, zone: string): Date | null {
  const d = DateTime.fromISO(isoDate, { zone: safeZone(zone) });
  return d.isValid ? d.startOf('day').plus({ days: 1 }).toJSDate() : null;
}

/**
 * Whether luxon knows the IANA zone.
 *
 * @example
 * isValidZone('America/Mexico_City'); // true
 */
export function isValidZone(zone: string): boolean {
  // `create` is memoised by luxon; `isValidZone` would build an Intl.DateTimeFormat on every call.
  return IANAZone.create(zone).isValid;
}

/** Unknown zones fall back to UTC rather than producing invalid dates (the import validates zones). */
function safeZone(zone: string): Zone {
  let z = zones.get(zone);
  if (z === undefined) {
    z = isValidZone(zone)
      ? new CachedOffsetZone(IANAZone.create(zone))
      : new CachedOffsetZone(IANAZone.create('UTC'));
    zones.set(zone, z);
  }
  return z;
}
const zones = new Map<string, Zone>();

/**
 * An IANA zone whose UTC offsets are memoised per quarter-hour. Luxon asks `Intl` for the offset
 * (~6 µs) several times per operation, which made a transition cost ~70 µs; the simulator runs
 * millions. Offsets only change at transitions, and tzdata transitions since 1970 fall on
 * quarter-hours, so one lookup per zone and quarter-hour is exact. Pure memoisation: same
 * answers, bounded memory.
 */
class CachedOffsetZone extends Zone {
  private readonly offsets = new Map<number, number>();
  constructor(private readonly inner: IANAZone) {
    super();
  }
  override get type(): string {
    return this.inner.type;
  }
  override get name(): string {
    return this.inner.name;
  }
  override get isUniversal(): boolean {
    return false;
  }
  override offsetName(ts: number, options: ZoneOffsetOptions): string {
    return this.inner.offsetName(ts, options) ?? '';
  }
  override formatOffset(ts: number, format: ZoneOffsetFormat): string {
    return this.inner.formatOffset(ts, format);
  }
  override offset(ts: number): number {
    const key = Math.floor(ts / 900_000);
    let o = this.offsets.get(key);
    if (o === undefined) {
      o = this.inner.offset(ts);
      if (this.offsets.size > 100_000) this.offsets.clear();
      this.offsets.set(key, o);
    }
    return o;
  }
  override equals(other: Zone): boolean {
    return other.type === this.type && other.name === this.name;
  }
  override get isValid(): true {
    return true;
  }
}

function hm(s: string): [number, number] {
  const [h, m] = s.split(':');
  return [Number(h ?? 0), Number(m ?? 0)];
}

function dayAllowed(weekday: number, days: TimeWindow['days']): boolean {
  if (days === 'any') return true;
  if (days === 'weekdays') return weekday <= 5;
  return days.includes(weekday);
}
