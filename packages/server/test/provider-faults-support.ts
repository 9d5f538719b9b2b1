// Scripted fakes of Twilio's Messages API, Meta's Graph API and an SMTP server on 127.0.0.1, for
// the provider-faults drill (src/modules/strategy/provider-faults-drill.test.ts). The REAL adapters
// talk to them. Each recipient has a script: what the provider does on its 1st, 2nd, … request
// (past the end: accept). Every request and every acceptance is recorded with the injected clock,
// so the drill reads back-off from the record, never from wall-clock timings.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { Clock } from '../src/shared/clock/clock.js';

/**
 * What the provider does with one request. `hang_*`: never answers (the client's deadline ends it),
 * before or after it accepted and recorded the message; `reset_*`: drops the connection.
 */
export type Fault =
  | 'accept'
  | 'http_500'
  | 'http_503_retry_after'
  | 'http_429'
  | 'hang_before_accepting'
  | 'hang_after_accepting'
  | 'reset_before_accepting'
  | 'reset_after_accepting'
  | 'smtp_451';

/** The Retry-After the fakes answer with (seconds): longer than the dispatcher's first back-off. */
export const RETRY_AFTER_S = 600;

export interface ProviderRecord {
  /** Every send request: to whom, when (injected clock), what the script made of it. */
  calls: Array<{ to: string; at: string; fault: Fault }>;
  /** Every message the provider accepted (its copy), in order. */
  accepted: Array<{ id: string; to: string; from: string; body: string; at: string; messageId?: string }>;
  /** Reconciliation lookups (Twilio's list). */
  lookups: Array<{ to: string; at: string }>;
}

function newRecord(): ProviderRecord {
  return { calls: [], accepted: [], lookups: [] };
}

/** The fault for this request of `to`: its script's n-th entry, then `accept`. */
function nextFault(scripts: ReadonlyMap<string, Fault[]>, rec: ProviderRecord, to: string): Fault {
  const n = rec.calls.filter((c) => c.to === to).length;
  return scripts.get(to)?.[n] ?? 'accept';
}

interface HttpFake {
  url: string;
  record: ProviderRecord;
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

async function listenHttp(handler: Handler, record: ProviderRecord): Promise<HttpFake> {
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handler(req, Buffer.concat(chunks).toString('utf8'), res));
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    record,
    close: () =>
      new Promise((r) => {
        for (const s of sockets) s.destroy(); // hung requests included
        server.close(() => r());
      }),
  };
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

/**
 * Answers a scripted fault; `accept` records the message and returns what answers it. Hangs never
 * answer; resets destroy the socket (after accepting or before).
 */
function play(
  fault: Fault,
  res: ServerResponse,
  accept: () => { status: number; body: unknown },
  error: (status: number) => unknown,
): void {
  switch (fault) {
    case 'accept': {
      const a = accept();
      return json(res, a.status, a.body);
    }
    case 'http_500':
      return json(res, 500, error(500));
    case 'http_503_retry_after':
      return json(res, 503, error(503), { 'retry-after': String(RETRY_AFTER_S) });
    case 'http_429':
      return json(res, 429, error(429));
    case 'hang_before_accepting':
      return;
    case 'hang_after_accepting':
      accept();
      return;
    case 'reset_before_accepting':
      res.socket?.destroy();
      return;
    case 'reset_after_accepting':
      accept();
      res.socket?.destroy();
      return;
    case 'smtp_451':
      throw new Error('smtp_451 is an SMTP fault');
  }
}

/** Twilio's Messages resource: create (scripted per `To`) and list (the reconciliation lookup). */
export async function startScriptedTwilio(
  clock: Clock,
  scripts: ReadonlyMap<string, Fault[]>,
): Promise<HttpFake> {
  const rec = newRecord();
  let n = 0;
  const twilioMessage = (m: ProviderRecord['accepted'][number]) => ({
    sid: m.id,
    to: m.to,
    from: m.from,
    body: m.body,
    status: 'queued',
    date_created: new Date(m.at).toUTCString(),
    date_updated: new Date(m.at).toUTCString(),
    date_sent: null,
  });
  return listenHttp((req, body, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (!url.pathname.endsWith('/Messages.json'))
      return json(res, 404, { code: 20404, message: 'not found', status: 404 });
    if (req.method === 'GET') {
      const to = url.searchParams.get('To') ?? '';
      const from = url.searchParams.get('From') ?? '';
      rec.lookups.push({ to, at: clock.now().toISOString() });
      const messages = rec.accepted
        .filter((m) => m.to === to && m.from === from)
        .reverse()
        .map(twilioMessage);
      return json(res, 200, { messages, next_page_uri: null, page: 0, page_size: 50, start: 0, end: 0 });
    }
    const form = new URLSearchParams(body);
    const to = form.get('To') ?? '';
    const fault = nextFault(scripts, rec, to);
    rec.calls.push({ to, at: clock.now().toISOString(), fault });
    play(
      fault,
      res,
      () => {
        const m = {
          id: `SM${(++n).toString().padStart(32, '0')}`,
          to,
          from: form.get('From') ?? '',
          body: form.get('Body') ?? '',
          at: clock.now().toISOString(),
        };
        rec.accepted.push(m);
        return { status: 201, body: twilioMessage(m) };
      },
      (status) => ({ code: status === 429 ? 20429 : 20500, message: `fake ${status}`, status }),
    );
  }, rec);
}

/** Meta's Graph API `/{phone-number-id}/messages`, scripted per recipient (`to`, digits only). */
export async function startScriptedMeta(
  clock: Clock,
  scripts: ReadonlyMap<string, Fault[]>,
): Promise<HttpFake> {
  const rec = newRecord();
  let n = 0;
  return listenHttp((req, body, res) => {
    if (!/\/messages$/.test(req.url ?? ''))
      return json(res, 404, { error: { code: 100, message: 'unknown path' } });
    const msg = JSON.parse(body || '{}') as { to?: string; text?: { body?: string } };
    const to = msg.to ?? '';
    const fault = nextFault(scripts, rec, to);
    rec.calls.push({ to, at: clock.now().toISOString(), fault });
    play(
      fault,
      res,
      () => {
        const id = `wamid.FAKE${++n}`;
        rec.accepted.push({
          id,
          to,
          from: 'meta',
          body: msg.text?.body ?? '',
          at: clock.now().toISOString(),
        });
        return { status: 200, body: { messaging_product: 'whatsapp', messages: [{ id }] } };
      },
      (status) => ({
        error: { code: status === 429 ? 130429 : 131000, message: `fake ${status}` },
      }),
    );
  }, rec);
}

interface SmtpFake {
  url: string;
  record: ProviderRecord;
  close(): Promise<void>;
}

/**
 * A real SMTP server (smtp-server), scripted per recipient: `smtp_451` refuses the recipient for
 * now (an answer: not accepted); `hang_before_accepting` never answers RCPT TO;
 * `hang_after_accepting` takes the whole message (recorded) and never answers the end of DATA.
 */
export async function startScriptedSmtp(
  clock: Clock,
  scripts: ReadonlyMap<string, Fault[]>,
): Promise<SmtpFake> {
  const rec = newRecord();
  const faults = new Map<string, Fault>(); // session id → this session's fault
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, session, cb) {
      const to = address.address;
      const fault = nextFault(scripts, rec, to);
      rec.calls.push({ to, at: clock.now().toISOString(), fault });
      faults.set(session.id, fault);
      if (fault === 'smtp_451')
        return cb(Object.assign(new Error('4.3.0 try again later'), { responseCode: 451 }));
      if (fault === 'hang_before_accepting') return; // never answers
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        rec.accepted.push({
          id: `smtp-${rec.accepted.length + 1}`,
          to: session.envelope.rcptTo.map((r) => r.address).join(','),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          body: raw,
          at: clock.now().toISOString(),
          messageId: /^Message-ID:\s*<([^>]+)>/im.exec(raw)?.[1] ?? '',
        });
        if (faults.get(session.id) === 'hang_after_accepting') return; // took it, never says so
        cb();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    record: rec,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
