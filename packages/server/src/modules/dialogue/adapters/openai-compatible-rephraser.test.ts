// The rewording of replies against a fake OpenAI-compatible server on 127.0.0.1: the adapter's
// request, and the use case around it — a good rewording is sent, a changed amount, a timeout, an
// HTTP error, a lost marker send the engine's text. Nothing leaves for an identity check.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { newConversation } from '@saldo/core/dialogue';
import {
  chatCompletion,
  startFakeOpenAiServer,
  type FakeOpenAiServer,
  type FakeReply,
  type RecordedRequest,
} from '../../nlu/testing/fake-openai-server.js';
import type { DialogueFacts, StoredConversation, StoredTurn } from '../ports.js';
import { createRephraseReplies } from '../usecases/rephrase-replies.js';
import { createOpenAiCompatibleRephraser, rephraseSystemPrompt } from './openai-compatible-rephraser.js';

let fake: FakeOpenAiServer;
beforeAll(async () => {
  fake = await startFakeOpenAiServer();
});
afterAll(() => fake.close());

const logs: Array<{ msg: string; data: Record<string, unknown> }> = [];
beforeEach(() => {
  fake.requests.length = 0;
  logs.length = 0;
});

const facts: DialogueFacts = {
  orgId: 'org_1',
  accountId: 'acct_1',
  debtorId: 'dbt_1',
  portfolioId: 'pf_1',
  status: 'active',
  balanceMinor: 485000,
  currency: 'MXN',
  delinquentSince: '2026-11-12',
  creditorName: 'Banco Ejemplo',
  collectorName: 'Grupo Norte',
  language: 'es',
  country: 'MX',
  timeZone: 'America/Mexico_City',
  dobHash: 'hmac-of-the-date-of-birth',
  nationalIdHash: null,
};

const conversation: StoredConversation = {
  id: 'conv_1',
  orgId: 'org_1',
  debtorId: 'dbt_1',
  accountId: 'acct_1',
  state: newConversation('es'),
  status: 'open',
  lastChannel: 'whatsapp',
  handoffQueue: null,
  lastSeq: 3,
  createdAt: '2026-11-24T15:00:00.000Z',
  updatedAt: '2026-11-24T15:00:00.000Z',
  lastTurnAt: '2026-11-24T15:00:00.000Z',
};

const PROMISE =
  'Perfecto, queda anotado: $4,850.00 el viernes, 27 de noviembre. ¡Gracias! Responda BAJA para no recibir más mensajes.';
const LINK =
  'Aquí tiene el enlace para pagar de forma segura: https://pagos.example.com/p/Tk91Zq Responda BAJA para no recibir más mensajes.';

function botTurn(seq: number, text: string, kind: StoredTurn['replyKind'] = 'conversation'): StoredTurn {
  return {
    seq,
    actor: 'bot',
    channel: 'whatsapp',
    text,
    reading: null,
    actions: [],
    replyKind: kind,
    replyContent: { miniMiranda: false, optOutInstructions: true },
    answersSeq: 2,
    replyIndex: seq - 3,
    at: '2026-11-24T15:00:00.000Z',
  };
}

/** What the fake model is asked to reword (the masked reply), from a recorded request. */
const messageOf = (req: RecordedRequest) =>
  (
    JSON.parse((req.body as { messages: Array<{ content: string }> }).messages[1]!.content) as {
      message: string;
    }
  ).message;

/** The fake model answers with `reword(message)` as `{"text": …}`. */
const rewording =
  (reword: (message: string) => string, extra: Partial<FakeReply> = {}) =>
  (req: RecordedRequest): FakeReply => ({ body: chatCompletion({ text: reword(messageOf(req)) }), ...extra });

function rephrase(timeoutMs = 1500) {
  const rephraser = createOpenAiCompatibleRephraser({
    baseUrl: fake.baseUrl,
    model: 'llama-test',
    apiKey: 'sk-rephrase',
    timeoutMs,
  });
  return createRephraseReplies({
    rephraser,
    facts: {
      account: async (orgId, accountId) => (orgId === 'org_1' && accountId === 'acct_1' ? facts : null),
    },
    log: (msg, data) => logs.push({ msg, data }),
  });
}

describe('the OpenAI-compatible rewording of replies', () => {
  it('sends only the masked reply text and uses a rewording that keeps the facts', async () => {
    fake.respond(rewording((m) => m.replace('Perfecto, queda anotado', 'Muy bien, lo dejo anotado')));
    const out = await rephrase()(conversation, 'whatsapp', [botTurn(4, PROMISE)]);
    expect(out.get(4)).toEqual({
      text: 'Muy bien, lo dejo anotado: $4,850.00 el viernes, 27 de noviembre. ¡Gracias! Responda BAJA para no recibir más mensajes.',
      rephrase: { outcome: 'rephrased' },
    });

    expect(fake.requests).toHaveLength(1);
    const req = fake.requests[0]!;
    expect(req.path).toBe('/v1/chat/completions');
    expect(req.headers.authorization).toBe('Bearer sk-rephrase');
    const body = req.body as {
      model: string;
      response_format: unknown;
      messages: Array<{ role: string; content: string }>;
    };
    expect(body.model).toBe('llama-test');
    expect(body.response_format).toEqual({ type: 'json_object' });
    expect(body.messages[0]).toEqual({ role: 'system', content: rephraseSystemPrompt('es', 'whatsapp') });
    // The reply as data, its opt-out line masked; no ids, no names beyond the reply, no zone, no hash.
    expect(JSON.parse(body.messages[1]!.content)).toEqual({
      message: 'Perfecto, queda anotado: $4,850.00 el viernes, 27 de noviembre. ¡Gracias! [[1]]',
    });
    const sent = JSON.stringify(req.body);
    for (const secret of [
      'acct_1',
      'dbt_1',
      'conv_1',
      'org_1',
      'America/Mexico_City',
      'hmac-of-the-date-of-birth',
    ])
      expect(sent).not.toContain(secret);
  });

  it('never sends a payment link to the model: the link is masked and put back', async () => {
    fake.respond(
      rewording((m) =>
        m.replace('Aquí tiene el enlace para pagar de forma segura', 'Puede pagar seguro aquí'),
      ),
    );
    const out = await rephrase()(conversation, 'whatsapp', [botTurn(4, LINK)]);
    expect(JSON.stringify(fake.requests[0]!.body)).not.toContain('Tk91Zq');
    expect(out.get(4)).toEqual({
      text: 'Puede pagar seguro aquí: https://pagos.example.com/p/Tk91Zq Responda BAJA para no recibir más mensajes.',
      rephrase: { outcome: 'rephrased' },
    });
  });

  it('sends the template when the rewording changes an amount, and logs why without the text', async () => {
    fake.respond(rewording((m) => m.replace('$4,850.00', '$4,580.00')));
    const out = await rephrase()(conversation, 'whatsapp', [botTurn(4, PROMISE)]);
    expect(out.get(4)).toEqual({
      text: PROMISE,
      rephrase: { outcome: 'template', reason: 'facts_changed', kinds: ['amount'] },
    });
    expect(logs).toEqual([
      {
        msg: 'dialogue reply sent as written: its rewording was not used',
        data: { conversationId: 'conv_1', seq: 4, reason: 'facts_changed', kinds: ['amount'] },
      },
    ]);
  });

  it('sends the template when a marker (a required sentence) is dropped', async () => {
    fake.respond(rewording((m) => m.replace(' [[1]]', '')));
    const out = await rephrase()(conversation, 'whatsapp', [botTurn(4, PROMISE)]);
    expect(out.get(4)?.rephrase).toEqual({ outcome: 'template', reason: 'markers_changed' });
    expect(out.get(4)?.text).toBe(PROMISE);
  });

  it('sends the template when the endpoint does not answer in time, without retrying', async () => {
    fake.respond(rewording((m) => m, { delayMs: 1500 }));
    const out = await rephrase(200)(conversation, 'whatsapp', [botTurn(4, PROMISE)]);
    expect(out.get(4)).toEqual({ text: PROMISE, rephrase: { outcome: 'template', reason: 'timeout' } });
    expect(fake.requests).toHaveLength(1);
  });

  it.each([
    ['HTTP 500', { status: 500, body: { error: { message: 'model crashed' } } }, 'http'],
    ['a body that is not a chat completion', { body: { result: 'ok' } }, 'malformed'],
    [
      'content that is not the JSON asked for',
      { body: chatCompletion('Claro, aquí va: Muy bien…') },
      'malformed',
    ],
  ] as const)('sends the template on %s, asked once', async (_what, reply, reason) => {
    fake.respond(() => reply);
    const out = await rephrase()(conversation, 'whatsapp', [botTurn(4, PROMISE)]);
    expect(out.get(4)).toEqual({ text: PROMISE, rephrase: { outcome: 'template', reason } });
    expect(fake.requests).toHaveLength(1);
    expect(JSON.stringify(logs)).not.toContain('anotado');
  });

  it('rewords every reply of a turn but an identity check, which is never shown to the model', async () => {
    fake.respond(rewording((m) => m.replace('Perfecto', 'Listo').replace('Aquí tiene', 'Le dejo')));
    const check = botTurn(
      4,
      'Hola, le escribe Grupo Norte. Para proteger su información, antes de continuar necesito confirmar su identidad: ¿me indica su fecha de nacimiento (día, mes y año)? Responda BAJA para no recibir más mensajes.',
      'identity_check',
    );
    const out = await rephrase()(conversation, 'whatsapp', [check, botTurn(5, PROMISE), botTurn(6, LINK)]);
    expect([...out.keys()]).toEqual([5, 6]);
    expect(out.get(5)?.text).toMatch(/^Listo, queda anotado/);
    expect(out.get(6)?.text).toMatch(/^Le dejo el enlace/);
    expect(fake.requests).toHaveLength(2);
    expect(JSON.stringify(fake.requests.map((r) => r.body))).not.toContain('fecha de nacimiento');
  });
});
