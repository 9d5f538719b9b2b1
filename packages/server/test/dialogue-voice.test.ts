// The voicebot loop with the dialogue on, end to end on both storage modes: signed Twilio voice
// webhooks (the call answered, then each <Gather>'s SpeechResult) → the runner on the debtor's one
// conversation → TwiML with the bot's words in the debtor's voice, or <Hangup/> when it ends.
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  debtorWith,
  openDialogueHarness,
  placeCall as placeCallOf,
  signedForm,
  TWILIO,
  usDebtor,
  voiceWebhook,
  US_PORTFOLIO,
  type DialogueHarness,
} from './dialogue-support.js';
import { describeStorage } from './storage.js';

describeStorage('the dialogue on voicebot calls', (mode) => {
  let h: DialogueHarness;
  beforeAll(async () => {
    h = await openDialogueHarness(await mode.open());
  }, 60_000);
  afterAll(async () => {
    await h.close();
  });

  const placeCall = (orgId: string, accountId: string, ref: string) => placeCallOf(h, orgId, accountId, ref);
  const voice = (callSid: string, step: string, attempt: number, extra: Record<string, string> = {}) =>
    voiceWebhook(h, { sid: callSid, to: '+525511119999' }, step, attempt, extra);

  it('answers a person with a Gather, verifies the date of birth by voice and speaks in es-MX', async () => {
    const { orgId, account } = await debtorWith(h, 'voice-mx', { phone: '+525511119999' });
    const callSid = await placeCall(orgId, account.id, 'mx');

    const answered = await voice(callSid, 'answer', 0, { AnsweredBy: 'human' });
    expect(answered.statusCode).toBe(200);
    expect(answered.body).toContain('<Gather input="speech" language="es-MX"');
    expect(answered.body).toContain('step=dialogue&amp;attempt=1');

    const first = await voice(callSid, 'dialogue', 1, { SpeechResult: '¿Bueno?' });
    expect(first.body).toContain('<Say voice="Polly.Mia" language="es-MX">');
    const said = [...first.body.matchAll(/<Say[^>]*>([^<]*)<\/Say>/g)].map((m) => m[1]).join(' ');
    expect(said).toMatch(/fecha de nacimiento/);
    expect(said).not.toMatch(/Banco|\$|saldo|\d/i);
    expect(first.body).toContain('attempt=2');

    const second = await voice(callSid, 'dialogue', 2, { SpeechResult: '12 de abril de 1988' });
    expect(second.body).toMatch(/identidad está confirmada/);
    // Twilio retrying the same webhook is the same turn: nothing is run twice.
    await voice(callSid, 'dialogue', 2, { SpeechResult: '12 de abril de 1988' });

    const [conv] = await h.platform.dialogue.conversations.forAccount(orgId, account.id, 10);
    expect(conv!.state.verification.verifiedAtTurn).toBe(2);
    expect(conv!.turns.filter((t) => t.actor === 'debtor').map((t) => t.channel)).toEqual([
      'voicebot',
      'voicebot',
    ]);
    const bot = (await h.platform.record.accountTimeline(orgId, account.id, { limit: 100 })).filter(
      (e) => e.kind === 'message' && e.actor === 'bot' && e.channel === 'voicebot',
    );
    expect(bot.length).toBe(conv!.turns.filter((t) => t.actor === 'bot').length);

    const person = await voice(callSid, 'dialogue', 3, { SpeechResult: 'quiero hablar con una persona' });
    expect(person.body).toContain('le devolverá la llamada');
    expect(person.body).toContain('<Hangup/>');
  }, 120_000);

  it('speaks en-US to an English-speaking US debtor and es-ES in Spain', async () => {
    const us = await debtorWith(h, 'voice-us', { ...usDebtor('+12125550188') }, US_PORTFOLIO);
    const usCall = await placeCall(us.orgId, us.account.id, 'us');
    const en = await voice(usCall, 'dialogue', 1, { SpeechResult: 'hello?' });
    expect(en.body).toContain('<Say voice="Polly.Joanna" language="en-US">');
    expect(en.body).toContain('<Gather input="speech" language="en-US"');

    const es = await debtorWith(
      h,
      'voice-es',
      {
        phone: '+34600111222',
        country: 'ES',
        region: 'ES-MD',
        timezone: 'Europe/Madrid',
        currency: 'EUR',
      },
      { currency: 'EUR', country: 'ES' },
    );
    const esCall = await placeCall(es.orgId, es.account.id, 'es');
    const spain = await voice(esCall, 'dialogue', 1, { SpeechResult: '¿Diga?' });
    expect(spain.body).toContain('<Say voice="Polly.Lucia" language="es-ES">');
  }, 120_000);

  /** Twilio's first request of a call placed TO Saldo's number: no script of ours, Direction inbound. */
  const callIn = (callSid: string, from: string) =>
    h.app.inject(
      signedForm('/v1/webhooks/twilio/voice', {
        AccountSid: TWILIO.sid,
        CallSid: callSid,
        From: from,
        To: '+15005550006',
        Direction: 'inbound',
        CallStatus: 'ringing',
      }),
    );

  it('a debtor who calls in is greeted, told a person will call back, and a callback task is opened once', async () => {
    const phone = '+525511117777';
    const { orgId, account } = await debtorWith(h, 'called-in', { phone });
    const res = await callIn('CA-in-1', phone);
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/<Say [^>]*language="es-MX"/);
    expect(res.body).toMatch(
      /Gracias por llamar a .+\. Una persona de nuestro equipo le devolverá la llamada/,
    );
    expect(res.body).toContain('<Hangup/>');
    // Nothing about a debt is said to whoever is calling.
    expect(res.body).not.toMatch(/saldo|deuda|\$|\d{3,}/i);
    // Twilio delivering the same webhook again opens nothing more.
    expect((await callIn('CA-in-1', phone)).statusCode).toBe(200);
    const tasks = await h.db.query<{ queue: string; status: string; account_id: string }>(
      `SELECT queue, status, account_id FROM agent_tasks WHERE org_id = $1 AND summary->'calledIn'->>'callId' = 'CA-in-1'`,
      [orgId],
    );
    expect(tasks.rows).toEqual([{ queue: 'general', status: 'open', account_id: account.id }]);
    const calls = await h.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM timeline_events WHERE debtor_id = $1 AND kind = 'call' AND data->>'callId' = 'CA-in-1'`,
      [account.debtorId],
    );
    expect(calls.rows[0]!.n).toBe(1);
  }, 60_000);

  it('a caller whose number is on no record hears how to write to us, in English from a +1 number', async () => {
    const es = await callIn('CA-in-2', '+525500000001');
    expect(es.body).toMatch(/No encontramos este número/);
    const en = await callIn('CA-in-3', '+12125550100');
    expect(en.body).toMatch(/<Say [^>]*language="en-US"/);
    expect(en.body).toMatch(/could not find this number/);
    const tasks = await h.db.query(
      `SELECT 1 FROM agent_tasks WHERE summary->'calledIn'->>'callId' IN ('CA-in-2', 'CA-in-3')`,
      [],
    );
    expect(tasks.rows).toEqual([]);
  }, 60_000);

  it('refuses a voice webhook with a bad signature (403), running nothing', async () => {
    const url = '/v1/webhooks/twilio/voice?script=vs_none&step=dialogue&attempt=1';
    const form = { AccountSid: TWILIO.sid, CallSid: 'CA-forged', SpeechResult: '12 de abril de 1988' };
    const req = signedForm(url, form, 'not_the_auth_token');
    const res = await h.app.inject(req);
    expect(res.statusCode).toBe(403);
    const turns = await h.db.query(
      `SELECT 1 FROM conversation_turns WHERE text = '12 de abril de 1988' AND channel = 'voicebot' AND source_key LIKE 'voice:CA-forged%'`,
      [],
    );
    expect(turns.rows).toEqual([]);
  }, 60_000);
});
