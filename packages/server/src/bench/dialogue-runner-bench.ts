// A conversation turn end to end, as a debtor's message travels in production: a signed Twilio
// inbound SMS to the HTTP app (stored before the ack), the worker's domain-event job (the NLU, the
// engine, the turn's transaction with its record actions), and the bot's reply through
// Messaging.contact (the compliance check, the outbound row, the sandbox provider, the timeline).
// One turn at a time, so each figure is one reply's own latency in Saldo, database included.
import { performance } from 'node:perf_hooks';
import type { RawImportRow } from '@saldo/core/record';
import { signTwilioRequest } from '../modules/channels/index.js';
import { ManualClock } from '../shared/clock/manual-clock.js';
import { buildPlatform } from '../platform/composition-root.js';
import { loadConfig } from '../platform/config.js';
import { buildHttp } from '../platform/start-saldo.js';
import { freshDb } from './bench-db.js';

const PUBLIC_URL = 'https://saldo-bench.example.com';
const TWILIO = { sid: 'AC0000000000000000000000000000d1a0', token: 'saldo-bench-dialogue-token' };
/** Tuesday 2026-11-24, 09:00 in Mexico City: every contact is inside the allowed hours. */
const AT = '2026-11-24T15:00:00Z';
const TURNS = ['Hola, ¿qué necesitan?', '12/04/1988', 'ok, el viernes le pago todo'];

export interface DialogueRunnerResult {
  name: string;
  storage: 'pglite' | 'postgres';
  conversations: number;
  turns: number;
  repliesSent: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

const phoneOf = (i: number) => `+52551000${String(i).padStart(4, '0')}`;

function debtorRow(i: number): RawImportRow {
  const n = String(i).padStart(4, '0');
  return {
    external_ref: `BENCH-A-${n}`,
    debtor_ref: `BENCH-D-${n}`,
    first_name: 'Ana',
    last_name: `Bench ${n}`,
    language: 'es',
    country: 'MX',
    region: 'MX-CMX',
    timezone: 'America/Mexico_City',
    phone: phoneOf(i),
    email: '',
    consent_sms: 'true',
    product: 'credit_card',
    currency: 'MXN',
    principal: '4850.00',
    interest: '0.00',
    fees: '0.00',
    delinquent_since: '2026-10-10',
    date_of_birth: '1988-04-12',
  };
}

const quantile = (sorted: readonly number[], q: number) =>
  Number((sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0).toFixed(1));

export async function runDialogueRunnerBench(
  log: (line: string) => void,
  opts: { storage: 'pglite' | 'postgres'; conversations: number },
): Promise<DialogueRunnerResult> {
  const { db, drop } = await freshDb(opts.storage);
  const platform = await buildPlatform({
    db,
    clock: new ManualClock(AT),
    sandboxOnly: true,
    config: loadConfig({
      SALDO_SECRET_KEY: 'dialogue-bench-secret-0123456789abcdef',
      TWILIO_ACCOUNT_SID: TWILIO.sid,
      TWILIO_AUTH_TOKEN: TWILIO.token,
      SALDO_PUBLIC_URL: PUBLIC_URL,
      SALDO_DIALOGUE: 'on',
    }),
  });
  const app = await buildHttp(platform);
  try {
    const rows = Array.from({ length: opts.conversations }, (_, i) => debtorRow(i));
    await platform.imports.importRows(platform.defaultOrgId, rows, {
      portfolio: { code: 'bench-dialogue', currency: 'MXN', country: 'MX' },
      mode: 'all_or_nothing',
      sourceName: 'dialogue-bench',
    });
    const url = '/v1/webhooks/twilio/messages';
    const eventWritten = async (messageSid: string) =>
      (
        await db.query(
          `SELECT 1 FROM domain_events WHERE type = 'channel.message_received' AND payload->'event'->>'providerMessageId' = $1`,
          [messageSid],
        )
      ).rows.length > 0;
    let sid = 0;
    async function turn(from: string, body: string): Promise<number> {
      const form = {
        AccountSid: TWILIO.sid,
        MessageSid: `SMbench${++sid}`,
        From: from,
        To: '+15005550006',
        Body: body,
        NumMedia: '0',
      };
      const t0 = performance.now();
      const res = await app.inject({
        method: 'POST',
        url,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-twilio-signature': signTwilioRequest(TWILIO.token, PUBLIC_URL + url, form),
        },
        payload: new URLSearchParams(form).toString(),
      });
      if (res.statusCode !== 200) throw new Error(`webhook answered ${res.statusCode}: ${res.body}`);
      // The API process writes the message's domain event right after the ack; the worker's job
      // takes it from there.
      while (!(await eventWritten(form.MessageSid))) await new Promise((r) => setImmediate(r));
      await platform.events.drain();
      return performance.now() - t0;
    }
    // A warm-up conversation (the model's first parse, the prepared statements), not counted.
    for (const text of TURNS) await turn(phoneOf(0), text);
    const times: number[] = [];
    for (let i = 1; i < rows.length; i++) for (const text of TURNS) times.push(await turn(phoneOf(i), text));
    const { rows: sent } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM outbound_messages WHERE provider_message_id IS NOT NULL AND template_id LIKE 'tpl_dialogue_%'`,
    );
    times.sort((a, b) => a - b);
    const result: DialogueRunnerResult = {
      name: 'dialogue.runner',
      storage: opts.storage,
      conversations: rows.length - 1,
      turns: times.length,
      repliesSent: (sent[0]?.n ?? 0) - TURNS.length,
      p50Ms: quantile(times, 0.5),
      p99Ms: quantile(times, 0.99),
      maxMs: Number((times.at(-1) ?? 0).toFixed(1)),
    };
    log(
      `dialogue runner (${opts.storage}): ${result.turns} turns, ${result.repliesSent} replies sent, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, max ${result.maxMs} ms`,
    );
    return result;
  } finally {
    await app.close();
    await platform.channels.close();
    await drop();
  }
}
