import { describe, expect, it } from 'vitest';
import { parseContactCheck, prepareContext } from './contact.js';
import { SAME_DEBT } from './context.js';

const issueExample = {
  id: 'any string',
  at: '2026-03-03T13:59:00Z',
  channel: 'call',
  debtId: 'A',
  recipient: 'debtor',
  debtor: {
    country: 'US',
    region: 'US-MA',
    timezone: 'America/New_York',
    timezones: ['America/New_York', 'America/Los_Angeles'],
    consents: { call: true, voicebot: false, sms: true, whatsapp: true, email: true },
    optOuts: ['sms'],
    flags: ['dispute_pending', 'cease_requested', 'attorney', 'bankruptcy', 'deceased', 'moratorium'],
  },
  history: [
    { at: '2026-03-02T15:00:00Z', channel: 'call', direction: 'outbound', outcome: 'no_answer', debtId: 'A' },
  ],
  content: { optOutInstructions: true, miniMiranda: true },
};

describe('ContactCheck', () => {
  it('accepts the issue example as written', () => {
    const r = parseContactCheck(issueExample);
    expect(r.ok).toBe(true);
  });

  it('refuses unknown fields at every level, naming them (a misspelt field must not loosen the check)', () => {
    const top = parseContactCheck({ ...issueExample, histroy: [] });
    expect(top.ok).toBe(false);
    if (!top.ok) expect(top.issues[0]!.message).toMatch(/histroy/);
    const nested = parseContactCheck({
      ...issueExample,
      debtor: { ...issueExample.debtor, optouts: ['sms'] },
    });
    expect(nested.ok).toBe(false);
    if (!nested.ok)
      expect(nested.issues[0]).toMatchObject({ path: 'debtor', message: expect.stringMatching(/optouts/) });
  });

  it('accepts a minimal check and applies defaults', () => {
    const r = parseContactCheck({
      id: 'x',
      at: '2026-03-03T13:59:00Z',
      channel: 'sms',
      debtor: { country: 'co', timezone: 'America/Bogota' },
    });
    expect(r.ok && r.value.recipient).toBe('debtor');
    expect(r.ok && r.value.debtor.country).toBe('CO');
  });

  it.each([
    [{ ...issueExample, at: 'yesterday' }, 'at'],
    [{ ...issueExample, channel: 'pigeon' }, 'channel'],
    [{ ...issueExample, debtor: { ...issueExample.debtor, timezone: 'Mars/Base' } }, 'debtor.timezone'],
    [{ ...issueExample, debtor: { ...issueExample.debtor, timezones: ['Bad/Zone'] } }, 'debtor.timezones.0'],
    [{ ...issueExample, debtor: { country: 'US' } }, 'debtor.timezone'],
    [{ ...issueExample, debtor: { ...issueExample.debtor, flags: ['grumpy'] } }, 'debtor.flags.0'],
    [
      {
        ...issueExample,
        history: [
          { at: '2026-03-02T15:00:00Z', channel: 'call', direction: 'sideways', outcome: 'no_answer' },
        ],
      },
      'history.0.direction',
    ],
    [{ ...issueExample, id: undefined }, 'id'],
  ])('rejects malformed input (%#) with a path', (raw, path) => {
    const r = parseContactCheck(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path)).toContain(path);
  });

  it('prepares typed history columns and candidate zones', () => {
    const r = parseContactCheck(issueExample);
    if (!r.ok) throw new Error('unexpected');
    const ctx = prepareContext(r.value);
    expect(ctx.zones.map((z) => z.name)).toEqual(['America/New_York', 'America/Los_Angeles']);
    expect(ctx.history.n).toBe(1);
    expect(ctx.history.t[0]).toBe(Date.parse('2026-03-02T15:00:00Z'));
    expect(ctx.history.meta[0]! & SAME_DEBT).toBe(SAME_DEBT);
  });
});

describe('prepareContext index tables', () => {
  it('maps every channel and outcome to its vocabulary index', async () => {
    const { channels, outcomes } = await import('./vocab.js');
    const { eventMeta } = await import('./context.js');
    for (const [ci, channel] of channels.entries()) {
      for (const [oi, outcome] of outcomes.entries()) {
        const r = parseContactCheck({
          id: 'x',
          at: '2026-03-03T13:59:00Z',
          channel,
          debtor: { country: 'US', timezone: 'UTC' },
          history: [{ at: '2026-03-02T15:00:00Z', channel, direction: 'inbound', outcome }],
        });
        if (!r.ok) throw new Error('unexpected');
        const ctx = prepareContext(r.value);
        expect(ctx.channelIdx).toBe(ci);
        expect(ctx.history.meta[0]).toBe(eventMeta(ci, 1, oi, true));
      }
    }
  });
});
