import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TwilioRequestClient, type TwilioHttpClient } from '../adapters/twilio-request-client.js';

/**
 * Tiny fakes of the Twilio REST API and the Meta Graph API on 127.0.0.1, for tests only. They
 * record every request so tests check what the provider would actually have received.
 */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface FakeApi {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

async function listen(
  handler: (req: RecordedRequest) => { status: number; json: unknown },
): Promise<FakeApi> {
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rec = {
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(rec);
      const out = handler(rec);
      res.writeHead(out.status, { 'content-type': 'application/json' }).end(JSON.stringify(out.json));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

function isJsonObject(s: string): boolean {
  try {
    const v: unknown = JSON.parse(s);
    return typeof v === 'object' && v !== null && !Array.isArray(v);
  } catch {
    return false;
  }
}

export async function startFakeTwilioApi(): Promise<FakeApi> {
  let n = 0;
  return listen((req) => {
    const form = new URLSearchParams(req.body);
    if (/\/Messages\.json$/.test(req.path)) {
      if (form.get('To')?.includes('+15005550001'))
        return {
          status: 400,
          json: { code: 21211, message: "The 'To' number is not a valid phone number.", status: 400 },
        };
      // As Twilio: a message has a Body or a Content template; ContentVariables is a JSON object string.
      if (!form.get('Body') && !form.get('ContentSid'))
        return {
          status: 400,
          json: { code: 21619, message: 'A text message body or media urls must be specified.', status: 400 },
        };
      const vars = form.get('ContentVariables');
      if (vars !== null && (!form.get('ContentSid') || !isJsonObject(vars)))
        return {
          status: 400,
          json: { code: 21656, message: 'The ContentVariables Parameter is invalid.', status: 400 },
        };
      return {
        status: 201,
        json: {
          sid: `SM${(++n).toString().padStart(32, '0')}`,
          status: 'queued',
          to: form.get('To'),
          from: form.get('From'),
          body: form.get('Body'),
        },
      };
    }
    if (/\/Calls\.json$/.test(req.path))
      return {
        status: 201,
        json: { sid: `CA${(++n).toString().padStart(32, '0')}`, status: 'queued', to: form.get('To') },
      };
    return { status: 404, json: { code: 20404, message: 'not found', status: 404 } };
  });
}

export async function startFakeMetaApi(): Promise<FakeApi> {
  let n = 0;
  return listen((req) => {
    if (!/\/messages$/.test(req.path))
      return { status: 404, json: { error: { code: 100, message: 'unknown path' } } };
    const body = JSON.parse(req.body || '{}') as { to?: string };
    if (body.to === '15005550001')
      return { status: 400, json: { error: { code: 131026, message: 'Message undeliverable' } } };
    return {
      status: 200,
      json: {
        messaging_product: 'whatsapp',
        contacts: [{ input: body.to, wa_id: body.to }],
        messages: [{ id: `wamid.FAKE${++n}` }],
      },
    };
  });
}

/** Saldo's Twilio request client (the SDK's own, with a deadline), with https://api.twilio.com rewritten to the local fake. */
export function localTwilioHttpClient(baseUrl: string, timeoutMs = 5_000): TwilioHttpClient {
  return new TwilioRequestClient({ timeoutMs, rewriteBase: baseUrl });
}
