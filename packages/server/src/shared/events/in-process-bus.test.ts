import { describe, expect, it } from 'vitest';
import type { ChannelDomainEvent } from '../../modules/channels/ports/channel-records.js';
import { InProcessEventBus } from './in-process-bus.js';

const e: ChannelDomainEvent = {
  type: 'channel.opted_out',
  inboundId: 'inb_1',
  orgId: 'org_1',
  debtorId: 'dbt_1',
  channel: 'sms',
  keyword: 'keyword:BAJA',
};

describe('in-process event bus', () => {
  it('delivers to every subscriber in order; unsubscribe stops delivery', async () => {
    const bus = new InProcessEventBus<ChannelDomainEvent>();
    const seen: string[] = [];
    bus.subscribe(() => void seen.push('a'));
    const off = bus.subscribe(async () => void seen.push('b'));
    await bus.publish(e);
    off();
    await bus.publish(e);
    expect(seen).toEqual(['a', 'b', 'a']);
  });
  it('a failing subscriber does not starve the others, but publish rejects so the inbound event is retried', async () => {
    const bus = new InProcessEventBus<ChannelDomainEvent>();
    const seen: string[] = [];
    bus.subscribe(() => {
      throw new Error('strategy engine down');
    });
    bus.subscribe(() => void seen.push('b'));
    await expect(bus.publish(e)).rejects.toThrow('strategy engine down');
    expect(seen).toEqual(['b']);
  });
});
