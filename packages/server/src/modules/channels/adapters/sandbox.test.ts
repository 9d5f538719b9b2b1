import { dobCandidates } from '@saldo/core/dialogue';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../shared/clock/manual-clock.js';
import type { OrgInboundEvent } from '../ports/channel-provider.js';
import { channelProviderContract } from '../testing/channel-provider.contract.js';
import { FakeChannelProvider } from '../testing/fake-provider.js';
import { SandboxChannelProvider, type SandboxDebtor } from './sandbox.js';

function sandboxHarness(channel: 'sms' | 'email' | 'whatsapp') {
  return {
    name: `sandbox (${channel})`,
    channel,
    orgId: 'org_sbx',
    recipient: channel === 'email' ? 'ana@example.com' : '+525512345678',
    invalidRecipient: 'invalid',
    async setup() {
      const clock = new ManualClock('2026-11-24T18:00:00Z');
      const sandbox = new SandboxChannelProvider({ seed: 1, clock });
      const events: OrgInboundEvent[] = [];
      const sent: { to: string; text: string }[] = [];
      sandbox.onEvent((e) => void events.push(e));
      const send = sandbox.send.bind(sandbox);
      sandbox.send = async (m) => {
        const r = await send(m);
        if (r.ok) sent.push({ to: m.to, text: m.text });
        return r;
      };
      return {
        provider: sandbox,
        delivered: async () => sent,
        async statusFor(id: string) {
          clock.advance(60_000);
          await sandbox.tick();
          return events.filter((e) => e.type === 'status' && e.outboundId === id);
        },
        async replyFrom(from: string, text: string) {
          const before = events.length;
          await sandbox.injectInbound({
            type: 'message',
            orgId: 'org_sbx',
            providerMessageId: 'sbx_in_1',
            channel,
            occurredAt: clock.now().toISOString(),
            from,
            to: '+15005550006',
            text,
            mediaUrls: [],
            raw: {},
          });
          return events.slice(before);
        },
        teardown: () => sandbox.close(),
      };
    },
  };
}

channelProviderContract(sandboxHarness('sms'));
channelProviderContract(sandboxHarness('email'));
channelProviderContract(sandboxHarness('whatsapp'));

channelProviderContract({
  name: 'fake',
  channel: 'sms',
  orgId: 'org_fake',
  recipient: '+525512345678',
  invalidRecipient: 'invalid',
  async setup() {
    const fake = new FakeChannelProvider();
    const events: OrgInboundEvent[] = [];
    fake.onEvent((e) => void events.push(e));
    return {
      provider: fake,
      delivered: async () => fake.sent.map((m) => ({ to: m.to, text: m.text })),
      async statusFor(id: string) {
        const e: OrgInboundEvent = {
          type: 'status',
          orgId: 'org_fake',
          provider: 'fake',
          channel: 'sms',
          providerMessageId: `${id}:delivered`,
          occurredAt: '2026-11-24T18:00:00Z',
          outboundId: id,
          status: 'delivered',
          raw: {},
        };
        await fake.emit(e);
        return [e];
      },
      async replyFrom(from: string, text: string) {
        const e: OrgInboundEvent = {
          type: 'message',
          orgId: 'org_fake',
          provider: 'fake',
          channel: 'sms',
          providerMessageId: 'in_1',
          occurredAt: '2026-11-24T18:00:00Z',
          from,
          to: '+1',
          text,
          mediaUrls: [],
          raw: {},
        };
        await fake.emit(e);
        return [e];
      },
      teardown: () => fake.close(),
    };
  },
});

describe('sandbox simulation', () => {
  async function run(seed: number) {
    const clock = new ManualClock('2026-11-24T18:00:00Z');
    const sandbox = new SandboxChannelProvider({ seed, clock });
    const events: OrgInboundEvent[] = [];
    const payments: number[] = [];
    const sb = new SandboxChannelProvider({
      seed,
      clock,
      onPayment: (p) => void payments.push(p.amountMinor),
      debtor: async () => ({ segment: 'low_risk', localHour: 19, language: 'es', amountMinor: 100_000 }),
    });
    sb.onEvent((e) => void events.push(e));
    for (let i = 0; i < 200; i++)
      await sb.send({
        messageId: `msg_${i}`,
        orgId: 'org_1',
        channel: i % 2 ? 'sms' : 'whatsapp',
        to: `+5255${String(i).padStart(8, '0')}`,
        text: 'Paga en https://pay.example/x',
      });
    expect(events).toHaveLength(0); // nothing happens until simulated time passes
    for (let h = 0; h < 72; h++) {
      clock.advance(3_600_000);
      await sb.tick();
    }
    await sandbox.close();
    return { events, payments, pending: sb.pending() };
  }

  it('delivers, fails, gets read, replies in Spanish and pays, deterministically per seed', async () => {
    const a = await run(11);
    const b = await run(11);
    expect(a.events).toEqual(b.events);
    expect(a.payments).toEqual(b.payments);
    expect(a.pending).toBe(0);
    const statuses = new Set(a.events.flatMap((e) => (e.type === 'status' ? [e.status] : [])));
    expect([...statuses]).toEqual(expect.arrayContaining(['sent', 'delivered', 'read']));
    const replies = a.events.filter((e) => e.type === 'message');
    expect(replies.length).toBeGreaterThan(5);
    expect(replies.every((r) => r.type === 'message' && r.raw.simulated === true)).toBe(true);
    expect(a.payments.length).toBeGreaterThan(0);
    const c = await run(12);
    expect(c.events).not.toEqual(a.events);
  });
});

describe('sandbox debtors answering the bot', () => {
  const verifying = {
    state: 'verifying' as const,
    asked: 'dob' as const,
    failedTries: 1,
    debtorTurns: 1,
    offersOnTable: false,
    agreed: false,
    refusals: 0,
  };

  async function answers(dialogue: SandboxDebtor['dialogue'], n = 40): Promise<string[]> {
    const clock = new ManualClock('2026-11-24T18:00:00Z');
    const sandbox = new SandboxChannelProvider({
      seed: 5,
      clock,
      debtor: async () => ({
        segment: 'low_risk',
        localHour: 12,
        language: 'es',
        amountMinor: 485_000,
        persona: { dob: '1988-04-12' },
        ...(dialogue ? { dialogue } : {}),
      }),
    });
    const texts: string[] = [];
    sandbox.onEvent((e) => void (e.type === 'message' && texts.push(e.text)));
    for (let i = 0; i < n; i++)
      await sandbox.send({
        messageId: `msg_bot_${i}`,
        orgId: 'org_sbx',
        channel: 'whatsapp',
        to: '+525512345678',
        text: 'Para continuar, ¿me confirma su fecha de nacimiento?',
      });
    clock.advance(86_400_000);
    await sandbox.tick();
    await sandbox.close();
    return texts;
  }

  it('answers the identity check with the date of birth it knows, once per answer of the bot', async () => {
    const texts = await answers(verifying);
    expect(texts.length).toBeGreaterThan(20);
    const withDate = texts.filter((t) => dobCandidates(t, 'es', 2026).includes('1988-04-12'));
    expect(withDate.length).toBeGreaterThan(texts.length * 0.8);
  });

  it('writes nothing after a reply that is not the last of its answer, or once the bot handed over', async () => {
    expect(await answers('not_last')).toEqual([]);
    expect(await answers({ ...verifying, state: 'handed_off' })).toEqual([]);
  });
});
