// The load generator of the inbound-webhook benchmark: correctly signed Twilio inbound SMS webhooks
// at a fixed rate (open loop: a slow answer does not slow the sender), over keep-alive connections,
// with each acknowledgement's latency. Used by webhook-bench.ts and its CI-sized test.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { signTwilioRequest } from '../modules/channels/index.js';

export const TWILIO_MESSAGES_PATH = '/v1/webhooks/twilio/messages';

export interface WebhookLoadOptions {
  /** Where the server listens (http://127.0.0.1:PORT). */
  baseUrl: string;
  /** SALDO_PUBLIC_URL of that server: Twilio signs the public URL, not the one connected to. */
  publicUrl: string;
  accountSid: string;
  authToken: string;
  /** The tenant's Twilio number (the message's To). */
  to: string;
  rate: number;
  seconds: number;
  /** Prefix of the unique MessageSids of this run. */
  sidPrefix: string;
  /** Keep-alive connections the client may open (default 64). */
  connections?: number;
}

export interface WebhookLoadResult {
  sids: string[];
  acked: number;
  /** Non-2xx answers and transport errors, by status ("error" for a failed connection). */
  errors: Record<string, number>;
  /** Acknowledgement latencies in ms, sorted ascending (send → full answer). */
  latenciesMs: number[];
  /** The largest delay between a request's scheduled time and its send (the client keeping up). */
  maxSendLagMs: number;
  wallSeconds: number;
}

interface Prepared {
  sid: string;
  body: string;
  signature: string;
}

/** Every request of the run, signed before the clock starts (the client's CPU stays off the measurement). */
function prepare(o: WebhookLoadOptions): Prepared[] {
  const total = Math.round(o.rate * o.seconds);
  const fullUrl = o.publicUrl.replace(/\/+$/, '') + TWILIO_MESSAGES_PATH;
  return Array.from({ length: total }, (_, i) => {
    const sid = `${o.sidPrefix}${String(i).padStart(8, '0')}`;
    const params = {
      AccountSid: o.accountSid,
      MessageSid: sid,
      From: `+5255${String(10_000_000 + (i % 50_000)).slice(-8)}`,
      To: o.to,
      Body: `Pago el viernes ${i}`,
      NumMedia: '0',
    };
    return {
      sid,
      body: new URLSearchParams(params).toString(),
      signature: signTwilioRequest(o.authToken, fullUrl, params),
    };
  });
}

function post(agent: http.Agent, url: URL, p: Prepared): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(p.body),
          'x-twilio-signature': p.signature,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(p.body);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sends `rate × seconds` signed webhooks, request i at start + i / rate, and waits for every answer. */
export async function sendSignedWebhooks(o: WebhookLoadOptions): Promise<WebhookLoadResult> {
  const requests = prepare(o);
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.connections ?? 64 });
  const url = new URL(TWILIO_MESSAGES_PATH, o.baseUrl);
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  const inFlight: Promise<void>[] = [];
  let acked = 0;
  let maxSendLagMs = 0;
  const start = performance.now();
  let next = 0;
  try {
    while (next < requests.length) {
      const due = Math.min(requests.length, Math.floor(((performance.now() - start) * o.rate) / 1000) + 1);
      for (; next < due; next++) {
        const sentAt = performance.now();
        maxSendLagMs = Math.max(maxSendLagMs, sentAt - start - (next * 1000) / o.rate);
        inFlight.push(
          post(agent, url, requests[next]!).then(
            (status) => {
              latencies.push(performance.now() - sentAt);
              if (status >= 200 && status < 300) acked++;
              else errors[status] = (errors[status] ?? 0) + 1;
            },
            () => void (errors.error = (errors.error ?? 0) + 1),
          ),
        );
      }
      await sleep(1);
    }
    await Promise.all(inFlight);
  } finally {
    agent.destroy();
  }
  return {
    sids: requests.map((r) => r.sid),
    acked,
    errors,
    latenciesMs: latencies.sort((a, b) => a - b),
    maxSendLagMs,
    wallSeconds: (performance.now() - start) / 1000,
  };
}

/** The q-quantile (0–1) of ascending values, nearest rank. */
export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
