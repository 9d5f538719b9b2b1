import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  sandboxResponsiveness,
  sandboxSegments,
  simulateOutbound,
  type SandboxInput,
} from './sandbox-model.js';
import { sandboxReplies } from './sandbox-replies.js';
import { channels } from './channel.js';

const base: SandboxInput = {
  seed: 7,
  messageId: 'msg_1',
  channel: 'sms',
  segment: 'medium_risk',
  localHour: 19,
  language: 'es',
  amountMinor: 150_000,
};

function rate(n: number, f: (i: number) => boolean): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (f(i)) k++;
  return k / n;
}

describe('sandbox behaviour model', () => {
  it('is deterministic for a seed and message id', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.string(),
        fc.constantFrom(...channels),
        fc.constantFrom(...sandboxSegments),
        fc.integer({ min: 0, max: 23 }),
        (seed, id, channel, segment, localHour) => {
          const a = simulateOutbound({ ...base, seed, messageId: id, channel, segment, localHour });
          const b = simulateOutbound({ ...base, seed, messageId: id, channel, segment, localHour });
          expect(a).toEqual(b);
          // Events are in time order and the first one is a status.
          const times = a.events.map((e) => e.afterMs);
          expect([...times].sort((x, y) => x - y)).toEqual(times);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('different seeds give different outcomes', () => {
    const outcomes = new Set(
      Array.from({ length: 30 }, (_, i) => JSON.stringify(simulateOutbound({ ...base, seed: i }))),
    );
    expect(outcomes.size).toBeGreaterThan(5);
  });

  it('low-risk debtors reply more than high-risk ones', () => {
    const replies = (segment: SandboxInput['segment']) =>
      rate(2000, (i) =>
        simulateOutbound({ ...base, segment, messageId: `m${i}` }).events.some((e) => e.kind === 'reply'),
      );
    expect(replies('low_risk')).toBeGreaterThan(replies('high_risk') * 1.8);
  });

  it('calls are answered in the evening, not at 3 am or during office hours as much', () => {
    const answered = (localHour: number) =>
      rate(2000, (i) =>
        simulateOutbound({ ...base, channel: 'call', localHour, messageId: `c${i}` }).events.some(
          (e) => e.kind === 'status' && e.status === 'answered_human',
        ),
      );
    expect(answered(3)).toBe(0);
    expect(answered(19)).toBeGreaterThan(answered(10) * 2);
  });

  it('emails are opened more in the morning than late at night', () => {
    expect(sandboxResponsiveness('email', 8, 'medium_risk')).toBeGreaterThan(
      sandboxResponsiveness('email', 23, 'medium_risk') * 5,
    );
    const opened = (localHour: number) =>
      rate(2000, (i) =>
        simulateOutbound({ ...base, channel: 'email', localHour, messageId: `e${i}` }).events.some(
          (e) => e.kind === 'status' && e.status === 'opened',
        ),
      );
    expect(opened(8)).toBeGreaterThan(opened(23) * 3);
  });

  it('some messages fail or bounce, and payments never exceed the balance', () => {
    let failures = 0;
    for (let i = 0; i < 1000; i++) {
      const ev = simulateOutbound({
        ...base,
        channel: 'email',
        localHour: 9,
        segment: 'low_risk',
        messageId: `p${i}`,
      }).events;
      if (ev.some((e) => e.kind === 'status' && e.status === 'bounced')) failures++;
      for (const e of ev) if (e.kind === 'payment') expect(e.amountMinor).toBeLessThanOrEqual(150_000);
    }
    expect(failures).toBeGreaterThan(10);
    expect(failures).toBeLessThan(120);
  });

  it('replies are realistic texts in the debtor language', () => {
    const texts = Array.from(
      { length: 400 },
      (_, i) => simulateOutbound({ ...base, segment: 'low_risk', language: 'en', messageId: `r${i}` }).events,
    )
      .flat()
      .filter((e) => e.kind === 'reply');
    expect(texts.length).toBeGreaterThan(10);
    const all = Object.values(sandboxReplies.en).flat();
    for (const r of texts)
      if (r.kind === 'reply')
        expect(all.some((t) => t.split('{day}')[0] === '' || r.text.startsWith(t.split('{day}')[0]!))).toBe(
          true,
        );
  });
});
