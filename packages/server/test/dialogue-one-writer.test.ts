// One writer per promise, on both storage modes, with the dialogue on and the debtor in a journey (so
// the strategy's reply handler hears every reply too): one debtor utterance — an SMS answered by the
// bot, a speech turn of a voicebot call, a reply on a channel the bot does not answer — leaves exactly
// one promise in the record, whoever writes it (the dialogue after the identity check; the strategy
// for a reply the dialogue does not answer). The event path is drained again after each one, as a
// redelivery would.
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  debtorWith,
  openDialogueHarness,
  placeCall,
  sms,
  voiceWebhook,
  type DialogueHarness,
} from './dialogue-support.js';
import { describeStorage } from './storage.js';

describeStorage('one promise per utterance with the dialogue on', (mode) => {
  let h: DialogueHarness;
  beforeAll(async () => {
    h = await openDialogueHarness(await mode.open());
  }, 60_000);
  afterAll(async () => {
    await h.close();
  });

  /** A debtor (date of birth 1988-04-12) whose account is in a started journey of the default strategy. */
  async function inJourney(ref: string, phone: string) {
    const { orgId, account } = await debtorWith(h, ref, { phone });
    await h.platform.engine.strategies.enrol(orgId, { accountIds: [account.id] });
    await h.platform.jobs.find((j) => j.name === 'strategy-journey-worker')!.run();
    return { orgId, account };
  }

  const promises = async (accountId: string) =>
    (
      await h.db.query<{ actor: string; channel: string; amount_minor: number; due_date: string }>(
        `SELECT actor, channel, amount_minor::int AS amount_minor, due_date::text AS due_date
           FROM promises WHERE account_id = $1 ORDER BY created_at, id`,
        [accountId],
      )
    ).rows;

  /** What the strategy's reply handler applied to the account's journey: it heard the reply. */
  const journeyHeard = async (accountId: string) =>
    (
      await h.db.query<{ type: string }>(
        `SELECT type FROM journey_inbox WHERE account_id = $1 AND event_key LIKE 'in:%' ORDER BY at, event_key`,
        [accountId],
      )
    ).rows.map((r) => r.type);

  it('an SMS promise after the identity check: the bot writes it, the journey hears the reply and writes none', async () => {
    const phone = '+525511117001';
    const { account } = await inJourney('one-sms', phone);
    await sms(h, phone, 'hola');
    await sms(h, phone, '12/04/1988');
    await sms(h, phone, 'ok, el viernes le pago todo');
    await h.platform.events.drain();

    expect(await promises(account.id)).toEqual([
      { actor: 'bot', channel: 'sms', amount_minor: account.balanceMinor, due_date: '2026-11-27' },
    ]);
    // The strategy did handle the replies (so only the one-writer rule kept it from a second promise).
    expect((await journeyHeard(account.id)).length).toBeGreaterThanOrEqual(3);
  }, 120_000);

  it('a promise said on a voicebot call: the bot writes it, the call events write none', async () => {
    const phone = '+525511117002';
    const { orgId, account } = await inJourney('one-voice', phone);
    const call = { sid: await placeCall(h, orgId, account.id, 'one-voice'), to: phone };
    await voiceWebhook(h, call, 'answer', 0, { AnsweredBy: 'human' });
    await voiceWebhook(h, call, 'dialogue', 1, { SpeechResult: '¿Bueno?' });
    await voiceWebhook(h, call, 'dialogue', 2, { SpeechResult: '12 de abril de 1988' });
    const said = await voiceWebhook(h, call, 'dialogue', 3, { SpeechResult: 'el viernes le pago todo' });
    expect(said.statusCode).toBe(200);
    // Twilio retrying the last webhook is the same turn.
    await voiceWebhook(h, call, 'dialogue', 3, { SpeechResult: 'el viernes le pago todo' });
    await h.platform.events.drain();
    await h.platform.events.drain();

    expect(await promises(account.id)).toEqual([
      { actor: 'bot', channel: 'voicebot', amount_minor: account.balanceMinor, due_date: '2026-11-27' },
    ]);
    // Call speech never reaches the strategy's reply handler (its domain event is call progress): if it
    // did, the handler would record a promise of its own, calls not being a channel it leaves to the
    // dialogue — and whether the journey still took that reply would depend on event timing.
    expect(await journeyHeard(account.id)).toEqual([]);
  }, 120_000);

  it('a reply on a channel the bot does not answer (a voicebot reply of the sandbox): the strategy writes the one promise', async () => {
    const phone = '+525511117003';
    const { orgId, account } = await inJourney('one-reply', phone);
    await h.platform.channels.inbound.ingest([
      {
        orgId,
        type: 'message',
        provider: 'sandbox',
        providerMessageId: 'sbx-one-reply',
        channel: 'voicebot',
        occurredAt: h.clock.now().toISOString(),
        from: phone,
        to: '+15005550006',
        text: 'el viernes le pago todo',
        mediaUrls: [],
        raw: { simulated: true },
      },
    ]);
    await h.platform.events.drain();
    await h.platform.events.drain();

    expect(await promises(account.id)).toEqual([
      { actor: 'debtor', channel: 'voicebot', amount_minor: account.balanceMinor, due_date: '2026-11-27' },
    ]);
    // The dialogue held no turn of it.
    expect(await h.platform.dialogue.conversations.forAccount(orgId, account.id, 10)).toEqual([]);
  }, 120_000);
});
