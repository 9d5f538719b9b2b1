import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { normaliseContactPoint, type Channel } from '@saldo/core/channels';
import type { ChannelProvider, OrgInboundEvent } from '../ports/channel-provider.js';

/**
 * The one contract every ChannelProvider passes (sandbox, fake, SMTP, Twilio, Meta). Each adapter's
 * test file supplies a harness that can see the far end (a local fake) and make it talk back.
 */
export interface ContractContext {
  provider: ChannelProvider;
  /** Messages as the far end received them. */
  delivered(): Promise<{ to: string; text: string }[]>;
  /** Makes the provider report a status for a sent message; returns the normalised events. */
  statusFor(providerMessageId: string): Promise<OrgInboundEvent[]>;
  /** Makes `from` write back; returns the normalised events. */
  replyFrom(from: string, text: string): Promise<OrgInboundEvent[]>;
  teardown(): Promise<void>;
}

export interface ContractHarness {
  name: string;
  channel: Channel;
  orgId: string;
  recipient: string;
  invalidRecipient: string;
  setup(): Promise<ContractContext>;
}

export function channelProviderContract(h: ContractHarness): void {
  describe(`ChannelProvider contract: ${h.name}`, () => {
    let ctx: ContractContext;
    beforeEach(async () => {
      ctx = await h.setup();
    });
    afterEach(async () => {
      await ctx.teardown();
    });

    const msg = (i: number, text = `Hola Ana, mensaje ${i}. Responde BAJA para dejar de recibir SMS.`) => ({
      messageId: `msg_contract_${i}`,
      orgId: h.orgId,
      channel: h.channel,
      to: h.recipient,
      subject: 'Tu cuenta',
      text,
      html: `<p>${text} <a href="https://pay.example/p/1">pagar</a></p>`,
      lastInboundAt: null,
      whatsapp: {
        name: 'saldo_reminder',
        language: 'es_MX',
        parameters: ['Ana'],
        approved: true,
        twilioContentSid: `HX${'0'.repeat(32)}`,
      },
    });

    it('declares the channel under test', () => {
      expect(ctx.provider.channels).toContain(h.channel);
    });

    it('sends: returns a provider id and an initial status, and the far end receives the text', async () => {
      const r = await ctx.provider.send(msg(1));
      expect(r).toMatchObject({ ok: true });
      if (!r.ok) return;
      expect(r.providerMessageId.length).toBeGreaterThan(3);
      expect(['queued', 'sent']).toContain(r.status);
      const got = await ctx.delivered();
      expect(got.length).toBe(1);
      expect(got[0]?.to).toContain(h.recipient.replace(/^\+/, ''));
    });

    it('gives every message its own provider id', async () => {
      const a = await ctx.provider.send(msg(1));
      const b = await ctx.provider.send(msg(2));
      expect(a.ok && b.ok && a.providerMessageId !== b.providerMessageId).toBe(true);
    });

    it('reports a bad recipient as a non-retryable failure value, never a throw', async () => {
      const r = await ctx.provider.send({ ...msg(3), to: h.invalidRecipient });
      expect(r).toMatchObject({ ok: false, reason: 'invalid_recipient', retryable: false });
    });

    it('refuses channels it does not serve', async () => {
      const other = (['letter', 'sms', 'email'] as const).find((c) => !ctx.provider.channels.includes(c));
      if (!other) return; // the sandbox serves every channel
      expect(await ctx.provider.send({ ...msg(4), channel: other })).toMatchObject({
        ok: false,
        reason: 'unsupported_channel',
      });
    });

    it('normalises a status for a sent message', async () => {
      const r = await ctx.provider.send(msg(5));
      if (!r.ok) throw new Error(r.detail);
      const events = await ctx.statusFor(r.providerMessageId);
      expect(events.length).toBeGreaterThan(0);
      for (const e of events) {
        expect(e).toMatchObject({
          type: 'status',
          orgId: h.orgId,
          provider: ctx.provider.id,
          outboundId: r.providerMessageId,
        });
        expect(e.providerMessageId.startsWith(r.providerMessageId)).toBe(true);
        expect(Number.isNaN(Date.parse(e.occurredAt))).toBe(false);
      }
    });

    it('normalises a reply from the debtor', async () => {
      const events = await ctx.replyFrom(h.recipient, 'Pago el viernes');
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        type: 'message',
        orgId: h.orgId,
        provider: ctx.provider.id,
        channel: h.channel,
        from: normaliseContactPoint(h.channel, h.recipient),
        text: 'Pago el viernes',
      });
    });
  });
}
