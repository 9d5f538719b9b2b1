// Property-based tests: a scheduler that only sends when the engine allows never breaks a cap
// (verified independently with luxon), and nextAllowedAt is the earliest instant a re-check allows.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { createComplianceEngine } from './evaluate.js';
import { makeCheck, iso } from './testing.js';
import type { ContactEvent } from './contact.js';
import type { Channel, DebtorFlag, Outcome } from './vocab.js';
import type { Rule } from './rule.js';

const engine = createComplianceEngine();
const DAY = 86_400_000;

const debtors = [
  { country: 'US', timezone: 'America/New_York' },
  { country: 'US', region: 'US-MA', timezone: 'America/New_York' },
  { country: 'US', region: 'US-NYC', timezone: 'America/New_York' },
  { country: 'US', timezone: 'America/Chicago', timezones: ['America/Los_Angeles'] },
  { country: 'CO', timezone: 'America/Bogota' },
  { country: 'CL', timezone: 'America/Santiago' },
  { country: 'MX', timezone: 'America/Tijuana' },
  { country: 'PE', timezone: 'America/Lima' },
  { country: 'ES', timezone: 'Europe/Madrid' },
  { country: 'GB', timezone: 'Europe/London' },
  { country: 'BR', region: 'BR-SP', timezone: 'America/Sao_Paulo' },
  { country: 'ZZ', timezone: 'Australia/Lord_Howe' },
];
const allConsents = {
  call: true,
  voicebot: true,
  voicemail: true,
  sms: true,
  whatsapp: true,
  email: true,
  letter: true,
};
const content = { optOutInstructions: true, miniMiranda: true };
const phoneOutcomes: Outcome[] = [
  'no_answer',
  'voicemail',
  'connected',
  'conversation',
  'busy',
  'not_connected',
];
const textOutcomes: Outcome[] = ['delivered', 'failed'];
const channelArb = fc.constantFrom<Channel>(
  'call',
  'call',
  'voicebot',
  'voicemail',
  'sms',
  'whatsapp',
  'email',
  'letter',
);
// 2026-01-01 … 2027-01-01, covering every DST change of the year
const startArb = fc
  .integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 11, 1) })
  .map((t) => Math.floor(t / 60_000) * 60_000);

const proposalArb = fc.record({
  gapMinutes: fc.oneof(fc.integer({ min: 1, max: 180 }), fc.integer({ min: 180, max: 2_000 })),
  channel: channelArb,
  pick: fc.nat(),
  debtId: fc.constantFrom('A', 'A', 'B'),
});

function outcomeFor(channel: Channel, pick: number): Outcome {
  const list =
    channel === 'call' || channel === 'voicebot'
      ? phoneOutcomes
      : channel === 'voicemail'
        ? (['voicemail', 'not_connected'] as Outcome[])
        : textOutcomes;
  return list[pick % list.length]!;
}

function matches(
  f: { channels?: Channel[]; directions?: string[]; outcomes?: Outcome[] },
  e: ContactEvent,
): boolean {
  return (
    (!f.channels || f.channels.includes(e.channel)) &&
    (!f.directions || f.directions.includes(e.direction)) &&
    (!f.outcomes || f.outcomes.includes(e.outcome))
  );
}

/** Independent re-statement of a cap: the events counted together with `e` (e inclusive). */
function windowMates(
  rule: Extract<Rule, { kind: 'frequency_cap' }>,
  zone: string,
  e: ContactEvent,
  all: ContactEvent[],
): ContactEvent[] {
  const te = Date.parse(e.at);
  const local = (t: number) => DateTime.fromMillis(t, { zone });
  return all.filter((x) => {
    const tx = Date.parse(x.at);
    if (tx > te || !matches(rule.count, x)) return false;
    if (rule.unit === 'debt' && x.debtId !== e.debtId) return false;
    if (rule.unit === 'channel' && x.channel !== e.channel) return false;
    switch (rule.window.type) {
      case 'rolling':
        return tx > te - rule.window.days * DAY;
      case 'calendar_day':
        return local(tx).toISODate() === local(te).toISODate();
      case 'calendar_week':
        return local(tx).toFormat('kkkk-WW') === local(te).toFormat('kkkk-WW');
    }
  });
}

describe('properties', () => {
  it('a scheduler that only sends when allowed never breaks a cap or a spacing rule', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...debtors),
        startArb,
        fc.array(proposalArb, { minLength: 20, maxLength: 80 }),
        (debtor, start, proposals) => {
          const history: ContactEvent[] = [];
          let t = start;
          for (const p of proposals) {
            t += p.gapMinutes * 60_000;
            const d = engine.check(
              makeCheck({
                at: iso(t),
                channel: p.channel,
                debtId: p.debtId,
                history,
                debtor: { ...debtor, consents: allConsents },
                content,
              }),
            );
            if (d.allowed)
              history.push({
                at: iso(t),
                channel: p.channel,
                direction: 'outbound',
                outcome: outcomeFor(p.channel, p.pick),
                debtId: p.debtId,
              });
          }
          const zones = [debtor.timezone, ...(debtor.timezones ?? [])];
          for (const e of history) {
            for (const pack of engine.packsFor(debtor.country, debtor.region, Date.parse(e.at))) {
              for (const { rule } of pack.rules) {
                if (rule.channels && !rule.channels.includes(e.channel)) continue;
                if (rule.kind === 'frequency_cap' && matches(rule.count, e)) {
                  for (const zone of zones)
                    expect(
                      windowMates(rule, zone, e, history).length,
                      `${rule.id} at ${e.at}`,
                    ).toBeLessThanOrEqual(rule.max);
                }
                if (rule.kind === 'min_spacing' && matches(rule.count, e)) {
                  const prev = history.filter(
                    (x) => Date.parse(x.at) < Date.parse(e.at) && matches(rule.count, x),
                  );
                  for (const x of prev)
                    expect(Date.parse(e.at) - Date.parse(x.at)).toBeGreaterThanOrEqual(
                      rule.hours * 3_600_000,
                    );
                }
              }
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('nextAllowedAt, re-checked, is allowed — and one second earlier is not', () => {
    const eventArb = fc.record({
      ago: fc.integer({ min: 1, max: 10 * 24 * 60 }),
      channel: channelArb,
      pick: fc.nat(),
      debtId: fc.constantFrom('A', 'B'),
      inbound: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.constantFrom(...debtors),
        startArb,
        fc.array(eventArb, { maxLength: 30 }),
        channelArb,
        fc.subarray<DebtorFlag>(['dispute_pending', 'cease_requested'], { maxLength: 1 }),
        fc.boolean(),
        (debtor, at, events, channel, flags, consentKnown) => {
          const history: ContactEvent[] = events.map((e) => ({
            at: iso(at - e.ago * 60_000),
            channel: e.channel,
            direction: e.inbound ? 'inbound' : 'outbound',
            outcome: outcomeFor(e.channel, e.pick),
            debtId: e.debtId,
          }));
          const over = {
            channel,
            history,
            debtor: { ...debtor, flags, consents: consentKnown ? allConsents : {} },
            content,
          };
          const d = engine.check(makeCheck({ ...over, at: iso(at) }));
          if (d.allowed) {
            expect(d.reasons).toEqual([]);
            expect(d.nextAllowedAt).toBeNull();
            return;
          }
          expect(d.reasons.length).toBeGreaterThan(0);
          if (d.nextAllowedAt === null) return;
          const next = Date.parse(d.nextAllowedAt);
          expect(next).toBeGreaterThan(at);
          expect(d.nextAllowedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
          expect(
            engine.check(makeCheck({ ...over, at: d.nextAllowedAt })).allowed,
            `re-check at ${d.nextAllowedAt}`,
          ).toBe(true);
          if (next - 1000 > at)
            expect(
              engine.check(makeCheck({ ...over, at: iso(next - 1000) })).allowed,
              `1 s before ${d.nextAllowedAt}`,
            ).toBe(false);
        },
      ),
      { numRuns: 400 },
    );
  });
});
