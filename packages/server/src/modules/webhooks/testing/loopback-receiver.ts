// A webhook receiver on 127.0.0.1 for tests: it records every request and answers each path from a
// script (a status, or `hang` for no answer), then 200 when the script runs out.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  rawBody: string;
}

export type ReceiverStep = number | 'hang';

/**
 * What an integrator writes (docs/webhooks.md shows the same function): recompute the HMAC of
 * "<t>.<raw body>" with the endpoint's secret, compare it in constant time with each v1, and
 * refuse a timestamp older than the tolerance.
 */
export function integratorVerifies(
  header: string | undefined,
  rawBody: string,
  secret: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  if (!header) return false;
  let t = NaN;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [key, value] = part.split('=', 2);
    if (key === 't') t = Number(value);
    if (key === 'v1' && value) signatures.push(value);
  }
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${rawBody}`).digest();
  return signatures.some((s) => {
    const given = Buffer.from(s, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

export async function startLoopbackReceiver() {
  const received: ReceivedWebhook[] = [];
  const scripts = new Map<string, ReceiverStep[]>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      received.push({ path, headers: req.headers, rawBody: Buffer.concat(chunks).toString('utf8') });
      const step = scripts.get(path)?.shift() ?? 200;
      if (step === 'hang') return; // no answer: the sender's timeout decides
      res.writeHead(step, { 'content-type': 'text/plain' }).end(step < 300 ? 'ok' : 'nope');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    /** The answers for the next requests to `path`, in order. */
    script: (path: string, steps: ReceiverStep[]) => void scripts.set(path, [...steps]),
    received: (path?: string) => received.filter((r) => path === undefined || r.path === path),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
export type LoopbackReceiver = Awaited<ReturnType<typeof startLoopbackReceiver>>;
