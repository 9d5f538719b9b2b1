// The optional rewording of the bot's replies, end to end on both storage modes: with
// SALDO_DIALOGUE_REPHRASE=on and a fake OpenAI-compatible model on 127.0.0.1, a rewording that keeps
// the facts is what the sandbox channel sends; one that changes an amount is not (the engine's text
// goes instead); the identity check is never shown to the model; the timeline says which happened.
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import {
  chatCompletion,
  startFakeOpenAiServer,
  type FakeOpenAiServer,
  type RecordedRequest,
} from '../src/modules/nlu/testing/fake-openai-server.js';
import {
  debtorWith,
  openDialogueHarness,
  sentReplies,
  sms,
  type DialogueHarness,
} from './dialogue-support.js';
import { describeStorage } from './storage.js';

const messageOf = (req: RecordedRequest) =>
  (
    JSON.parse((req.body as { messages: Array<{ content: string }> }).messages[1]!.content) as {
      message: string;
    }
  ).message;

/** Other words, same facts, never longer (the SMS may not take another segment). */
const friendlier = (m: string) =>
  m
    .replace('Gracias, su identidad está confirmada.', 'Gracias, ya confirmé su identidad.')
    .replace('Perfecto, queda anotado', 'Listo, queda anotado');

/** The same words with the first amount's cents changed. */
const otherAmount = (m: string) =>
  friendlier(m).replace(
    /\$([\d,]+)\.(\d\d)/,
    (_, whole: string, cents: string) => `$${whole}.${cents === '00' ? '50' : '00'}`,
  );

describeStorage('the dialogue runner with replies reworded by a language model', (mode) => {
  let fake: FakeOpenAiServer;
  let h: DialogueHarness;
  beforeAll(async () => {
    fake = await startFakeOpenAiServer();
    h = await openDialogueHarness(await mode.open(), {
      SALDO_DIALOGUE_REPHRASE: 'on',
      SALDO_DIALOGUE_REPHRASE_URL: fake.baseUrl,
      SALDO_DIALOGUE_REPHRASE_MODEL: 'fake-writer',
    });
  }, 60_000);
  afterAll(async () => {
    await h.close();
    await fake.close();
  });
  beforeEach(() => {
    fake.requests.length = 0;
  });

  /** The rewording outcome recorded with each sent message, in the conversation's order. */
  const rephraseData = async (accountId: string) =>
    (
      await h.db.query<{ rephrase: unknown }>(
        `SELECT t.data->'rephrase' AS rephrase
           FROM outbound_messages m
           JOIN timeline_events t ON t.data->>'messageId' = m.id AND t.direction = 'outbound'
          WHERE m.account_id = $1
          ORDER BY split_part(m.idempotency_key, ':', 3)::int, split_part(m.idempotency_key, ':', 4)::int`,
        [accountId],
      )
    ).rows.map((r) => r.rephrase);

  async function converse(ref: string, phone: string) {
    const { orgId, account } = await debtorWith(h, ref, { phone });
    await sms(h, phone, 'Hola, ¿qué necesitan?');
    await sms(h, phone, '12/04/1988');
    await sms(h, phone, 'ok, el viernes le pago todo');
    return { orgId, account };
  }

  it('sends a rewording that keeps the facts, and never shows the model the identity check', async () => {
    fake.respond((req) => ({ body: chatCompletion({ text: friendlier(messageOf(req)) }) }));
    const { orgId, account } = await converse('rephrased', '+525511110001');

    const sent = await sentReplies(h, account.id);
    expect(sent.map((m) => m.template_id)).toEqual([
      'tpl_dialogue_identity_check',
      'tpl_dialogue_disclosure',
      'tpl_dialogue_conversation',
    ]);
    expect(sent[1]!.text).toMatch(/^Gracias, ya confirmé su identidad\. /);
    expect(sent[2]!.text).toMatch(/^Listo, queda anotado: \$[\d,]+\.\d\d el viernes, 27 de noviembre\./);
    expect(sent[2]!.text).toMatch(/Responda BAJA para no recibir más mensajes\.$/);
    expect(await rephraseData(account.id)).toEqual([
      null,
      { outcome: 'rephrased' },
      { outcome: 'rephrased' },
    ]);

    // Two requests (the disclosure and the promise); the identity check never left.
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests.map(messageOf).join(' ')).not.toMatch(/fecha de nacimiento|BAJA/);
    // The conversation keeps the engine's words; the promise is written once, at the balance.
    const [conv] = await h.platform.dialogue.conversations.forAccount(orgId, account.id, 10);
    expect(conv!.turns.filter((t) => t.actor === 'bot').map((t) => t.text)[2]).toMatch(
      /^Perfecto, queda anotado/,
    );
    const promises = await h.db.query<{ amount_minor: number }>(
      `SELECT amount_minor::int AS amount_minor FROM promises WHERE account_id = $1`,
      [account.id],
    );
    expect(promises.rows).toEqual([{ amount_minor: account.balanceMinor }]);
  }, 120_000);

  it('sends the engine’s text when the rewording changes an amount', async () => {
    fake.respond((req) => ({ body: chatCompletion({ text: otherAmount(messageOf(req)) }) }));
    const { account } = await converse('refused', '+525511110002');

    const sent = await sentReplies(h, account.id);
    expect(sent[1]!.text).toMatch(/^Gracias, su identidad está confirmada\. /);
    expect(sent[2]!.text).toMatch(/^Perfecto, queda anotado: /);
    // What the model proposed was asked for and refused: it never reached the channel.
    const proposed = otherAmount(messageOf(fake.requests[1]!)).replace(' [[1]]', '');
    expect(sent[2]!.text.startsWith(proposed)).toBe(false);
    expect(await rephraseData(account.id)).toEqual([
      null,
      { outcome: 'template', reason: 'facts_changed', kinds: ['amount'] },
      { outcome: 'template', reason: 'facts_changed', kinds: ['amount'] },
    ]);
  }, 120_000);
});
