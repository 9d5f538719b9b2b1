import fc from 'fast-check';
import { DateTime, Duration, Settings } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { TimeWindow } from './definition.js';
import { addDuration, dayAfter, nextWindowStart } from './time.js';

// The engine's time arithmetic was luxon's; it now runs on the calendar module (ADR 0006). These
// properties compare it with luxon itself (a test-only dependency), so stored schedules keep their
// meaning: same instants for durations, windows and promise days, across DST changes.

const zones = [
  'Europe/Madrid',
  'America/Mexico_City',
  'America/New_York',
  'America/Santiago',
  'America/Havana',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'America/Argentina/Buenos_Aires',
  'America/Bogota',
  'Atlantic/Canary',
  'UTC',
];
const instant = fc.integer({ min: Date.UTC(1995, 0, 1), max: Date.UTC(2040, 0, 1) });
// Near DST changes most of the time: within a day of one of the zones' usual change dates.
const nearChange = fc
  .tuple(
    fc.integer({ min: 1995, max: 2039 }),
    fc.constantFrom(2, 3, 4, 8, 9, 10, 11),
    fc.integer({ min: 1, max: 31 }),
    fc.integer({ min: 0, max: 86_399 }),
  )
  .map(([y, m, d, s]) => Date.UTC(y, m, d) + s * 1000);
const at = fc.oneof(instant, nearChange);

const luxonAdd = (ts: number, spec: string | number, zone: string) =>
  DateTime.fromMillis(ts, { zone })
    .plus(typeof spec === 'number' ? Duration.fromMillis(spec) : Duration.fromISO(spec))
    .toMillis();

function luxonWindow(ts: number, w: TimeWindow, zone: string): number {
  const local = DateTime.fromMillis(ts, { zone });
  const [fh, fm] = w.from.split(':').map(Number) as [number, number];
  const [th, tm] = w.to.split(':').map(Number) as [number, number];
  for (let d = 0; d <= 7; d++) {
    const day = local.startOf('day').plus({ days: d });
    const ok = w.days === 'any' || (w.days === 'weekdays' ? day.weekday <= 5 : w.days.includes(day.weekday));
    if (!ok) continue;
    const start = day.set({ hour: fh, minute: fm, second: 0, millisecond: 0 });
    const end = day.set({ hour: th, minute: tm, second: 0, millisecond: 0 });
    if (local < start) return start.toMillis();
    if (local < end) return ts;
  }
  return local.plus({ days: 1 }).toMillis();
}

describe('the engine keeps luxon’s answers', () => {
  it('adds durations as luxon does (calendar and clock units, fractions, month ends)', () => {
    const specs = [
      'P1D',
      'P3D',
      'PT12H',
      'P1M',
      'P1W',
      'PT90M',
      'P1Y',
      'P2M3DT4H',
      'P1.5D',
      'PT1.5S',
      'PT0.25H',
      'P0.5M',
      'PT36H',
      'P13M',
      'P100D',
      'PT0S',
      '-P1D',
      'P-2D',
      3_600_000,
      86_400_000,
      1,
    ];
    fc.assert(
      fc.property(at, fc.constantFrom(...zones), fc.constantFrom(...specs), (ts, zone, spec) => {
        expect(addDuration(new Date(ts), spec, zone).getTime()).toBe(luxonAdd(ts, spec, zone));
      }),
      { numRuns: 6000 },
    );
  });

  it('clamps month ends as luxon does', () => {
    for (const zone of ['Europe/Madrid', 'America/Santiago'])
      for (const d of ['2027-01-31T10:00:00Z', '2028-01-31T23:30:00Z', '2026-08-31T03:00:00Z']) {
        const ts = Date.parse(d);
        for (const spec of ['P1M', 'P13M', 'P1Y', 'P1Y1M'])
          expect(addDuration(new Date(ts), spec, zone).getTime()).toBe(luxonAdd(ts, spec, zone));
      }
  });

  it('finds the next window start as luxon does', () => {
    const window = fc.record({
      days: fc.oneof(
        fc.constantFrom('weekdays' as const, 'any' as const),
        fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 3 }),
      ),
      from: fc.constantFrom('00:00', '00:30', '01:00', '02:00', '02:30', '08:00', '10:00', '23:30'),
      to: fc.constantFrom('00:45', '03:00', '12:00', '21:00', '23:59'),
    });
    fc.assert(
      fc.property(at, fc.constantFrom(...zones), window, (ts, zone, w) => {
        expect(nextWindowStart(new Date(ts), w, zone).getTime()).toBe(luxonWindow(ts, w, zone));
      }),
      { numRuns: 4000 },
    );
  });

  it('starts the day after a promise as luxon does', () => {
    // luxon guesses a date's offset with the offset of the wall clock's "now": pinned here so the
    // comparison does not depend on the season the test runs in. (Where the guess is hours off the
    // date's real offset — Azores 1993, Apia 2011 — luxon's start of day was wrong; ours is not.)
    const now = Settings.now;
    Settings.now = () => Date.UTC(2026, 0, 15);
    try {
      checkDayAfter();
      Settings.now = () => Date.UTC(2026, 6, 15);
      checkDayAfter();
    } finally {
      Settings.now = now;
    }
  });
});

function checkDayAfter(): void {
  fc.assert(
    fc.property(
      fc.integer({ min: Date.UTC(1995, 0, 1) / 86_400_000, max: Date.UTC(2040, 0, 1) / 86_400_000 }),
      fc.constantFrom(...zones),
      (day, zone) => {
        const date = new Date(day * 86_400_000).toISOString().slice(0, 10);
        const expected = DateTime.fromISO(date, { zone }).startOf('day').plus({ days: 1 }).toMillis();
        expect(dayAfter(date, zone)?.getTime()).toBe(expected);
      },
    ),
    { numRuns: 2000 },
  );
}
