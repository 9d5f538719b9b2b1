import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../shared/clock/manual-clock.js';
import {
  MemoryContactPoints,
  MemoryEventBus,
  MemoryOptOuts,
  MemoryTimeline,
} from '../testing/memory-channel-records.js';
import { MemoryInboundStore } from '../testing/memory-inbound-store.js';
import type { OrgInboundEvent } from '../ports/channel-provider.js';
import { createReceiveInbound } from './receive-inbound.js';

function makeMessage(over: Partial<Extract<OrgInboundEvent, { type: 'message' }>> = {}): OrgInboundEvent {
  return {
    type: 'message',
    orgId: 'org_a',
    provider: 'twilio',
    providerMessageId: 'SM1',
    channel: 'sms',
    occurredAt: '2026-11-24T18:00:00.000Z',
    from: '+525512345678',
    to: '+15005550006',
    text: 'Pago el viernes',
    mediaUrls: [],
    raw: {},
    ...over,
  };
}

function setup() {
  const clock = new ManualClock('2026-11-24T18:00:00Z');
  const store = new MemoryInboundStore();
  const contacts = new MemoryContactPoints().add('org_a', '+525512345678', {
    debtorId: 'dbt_1',
    accountId: 'acct_1',
  });
  const timeline = new MemoryTimeline();
  const events = new MemoryEventBus();
  const optOuts = new MemoryOptOuts();
  const make = () => createReceiveInbound({ store, contacts, timeline, events, optOuts, clock });
  return { clock, store, contacts, timeline, events, optOuts, make, uc: make() };
}

describe('receive inbound', () => {
  it('stores, then processes: timeline + event for the matched debtor', async () => {
    const s = setup();
    const { ids } = await s.uc.store([makeMessage()]);
    expect(s.timeline.entries).toHaveLength(0); // nothing before processing
    expect(await s.uc.process(ids[0]!)).toBe('processed');
    expect(s.timeline.forDebtor('dbt_1')).toMatchObject([
      { kind: 'message', direction: 'inbound', summary: 'Pago el viernes', channel: 'sms' },
    ]);
    expect(s.events.published).toMatchObject([
      { type: 'channel.message_received', debtorId: 'dbt_1', unknownSender: false },
    ]);
    expect(await s.uc.process(ids[0]!)).toBe('already_processed');
  });

  it('de-duplicates by provider message id', async () => {
    const s = setup();
    expect(await s.uc.store([makeMessage(), makeMessage()])).toMatchObject({ duplicates: 1 });
    expect(await s.uc.store([makeMessage()])).toEqual({ ids: [], duplicates: 1 });
    expect(await s.uc.store([makeMessage({ orgId: 'org_b' })])).toMatchObject({ duplicates: 0 });
  });

  it('keeps and flags unknown senders', async () => {
    const s = setup();
    const { ids } = await s.uc.store([makeMessage({ from: '+34600000000', providerMessageId: 'SM2' })]);
    expect(await s.uc.process(ids[0]!)).toBe('processed');
    expect(s.timeline.entries).toHaveLength(0);
    expect(s.events.published).toMatchObject([
      { type: 'channel.message_received', debtorId: null, unknownSender: true },
    ]);
    expect((await s.store.get(ids[0]!))?.event).toMatchObject({ from: '+34600000000' });
  });

  it.each(['STOP', 'baja', 'Alto.', 'FIN'])('honours the carrier keyword %s at once', async (text) => {
    const s = setup();
    const { ids } = await s.uc.store([makeMessage({ text })]);
    await s.uc.process(ids[0]!);
    expect(s.optOuts.isOptedOut('dbt_1', 'sms')).toBe(true);
    expect(s.events.published.map((e) => e.type)).toContain('channel.opted_out');
  });

  it('a free-text message is not an opt-out', async () => {
    const s = setup();
    const { ids } = await s.uc.store([makeMessage({ text: 'stop by tomorrow and I will pay' })]);
    await s.uc.process(ids[0]!);
    expect(s.optOuts.optOuts).toHaveLength(0);
  });

  it('retries processing that failed after storage', async () => {
    const s = setup();
    s.timeline.failNext = 1;
    const { ids } = await s.uc.store([makeMessage()]);
    expect(await s.uc.process(ids[0]!)).toBe('failed');
    expect(await s.store.get(ids[0]!)).toMatchObject({
      attempts: 1,
      lastError: 'timeline unavailable',
      processedAt: null,
    });
    expect(await s.uc.processPending()).toEqual({ processed: 1, failed: 0 });
    expect(s.timeline.entries).toHaveLength(1);
  });

  it('a crash between storing and processing loses nothing: a new instance picks it up', async () => {
    const s = setup();
    await s.uc.store([makeMessage(), makeMessage({ providerMessageId: 'SM9', text: 'Ya pagué' })]);
    // "kill -9": the first instance is gone without processing. A fresh one starts on the same store.
    const restarted = s.make();
    expect(await restarted.processPending()).toEqual({ processed: 2, failed: 0 });
    expect(s.timeline.forDebtor('dbt_1').map((e) => e.summary)).toEqual(['Pago el viernes', 'Ya pagué']);
  });

  it('status callbacks are matched by the outbound id', async () => {
    const s = setup();
    s.contacts.recordOutbound('org_a', 'SMout', { debtorId: 'dbt_1', accountId: 'acct_1' });
    const { ids } = await s.uc.store([
      {
        type: 'status',
        orgId: 'org_a',
        provider: 'twilio',
        providerMessageId: 'SMout:delivered',
        channel: 'sms',
        occurredAt: '2026-11-24T18:00:00Z',
        outboundId: 'SMout',
        status: 'delivered',
        raw: {},
      },
    ]);
    await s.uc.process(ids[0]!);
    expect(s.timeline.forDebtor('dbt_1')).toMatchObject([
      { kind: 'status_change', summary: 'sms delivered' },
    ]);
    expect(s.events.published).toMatchObject([{ type: 'channel.status_changed', debtorId: 'dbt_1' }]);
  });

  it('"no me llamen" in a call menu records a call opt-out', async () => {
    const s = setup();
    s.contacts.recordOutbound('org_a', 'CA1', { debtorId: 'dbt_1', accountId: 'acct_1' });
    const { ids } = await s.uc.store([
      {
        type: 'call',
        orgId: 'org_a',
        provider: 'twilio',
        providerMessageId: 'CA1:menu:0',
        channel: 'voicebot',
        occurredAt: '2026-11-24T18:00:00Z',
        callId: 'CA1',
        from: '+15005550006',
        to: '+525512345678',
        step: 'menu',
        speech: 'ya no me llamen por favor',
        raw: {},
      },
    ]);
    await s.uc.process(ids[0]!);
    expect(s.optOuts.isOptedOut('dbt_1', 'call')).toBe(true);
  });
});
