import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../src/compose.js';
import { storageModes } from './storage.js';
import { importRows, makeRow, newTenant, testPlatform } from './fixtures.js';

// The platform wires the NLU into the event router: a real (not simulated) reply advances the
// journey by what the reply says. PGlite only: the wiring, not the storage, is under test.
describe('replies are read by the NLU', () => {
  let platform: Platform;
  beforeAll(async () => {
    ({ platform } = await testPlatform(await storageModes[0]!.open()));
  }, 60_000);
  afterAll(async () => {
    await platform.close(); // closes the in-memory PGlite too
  });

  it('"le pago el viernes" is a promise for the coming Friday in the debtor\'s zone; "STOP" ends the journey', async () => {
    const t = await newTenant(platform);
    await importRows(platform, t.orgId, [makeRow({ external_ref: 'A-1', debtor_ref: 'D-1' }), makeRow({ external_ref: 'A-2', debtor_ref: 'D-2' })]);
    await platform.engine.strategies.enrol(t.orgId, {});
    const accounts = (await platform.record.listAccounts(t.orgId, { limit: 10 })).items;
    const reply = async (accountIndex: number, id: string, text: string) => {
      const a = accounts[accountIndex]!;
      await platform.channels.eventBus.publish({
        type: 'channel.message_received', inboundId: id, orgId: t.orgId, debtorId: a.debtorId, unknownSender: false,
        event: { type: 'message', orgId: t.orgId, provider: 'twilio', providerMessageId: id, channel: 'sms', occurredAt: '2026-11-24T15:00:00Z', from: '+5215512345678', to: 'x', text, mediaUrls: [], raw: {} },
      });
      return (await platform.engine.strategies.journey(t.orgId, a.id)).state;
    };
    expect(await reply(0, 'in_1', 'le pago el viernes, sin falta')).toMatchObject({ lastIntent: 'promise_to_pay', lastEvent: 'promised', promise: { date: '2026-11-27' } });
    expect(await reply(1, 'in_2', 'STOP')).toMatchObject({ status: 'exited', exitReason: 'stop_contact' });
  }, 60_000);
});
