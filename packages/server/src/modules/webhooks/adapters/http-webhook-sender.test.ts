import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackReceiver, type LoopbackReceiver } from '../testing/loopback-receiver.js';
import { createHttpWebhookSender } from './http-webhook-sender.js';

describe('the webhook HTTP sender', () => {
  let receiver: LoopbackReceiver;
  beforeAll(async () => {
    receiver = await startLoopbackReceiver();
  });
  afterAll(() => receiver.close());
  const request = (url: string) => ({
    url,
    body: '{"id":"evt_1"}',
    headers: { 'Saldo-Event-Id': 'evt_1' },
    timeoutMs: 500,
  });

  it('POSTs the body with its headers and answers the status, without following redirects', async () => {
    const sender = createHttpWebhookSender({ allowHttpLoopback: true, allowPrivate: false });
    receiver.script('/ok', [202]);
    expect(await sender.post(request(receiver.url('/ok')))).toEqual({ status: 202 });
    const [got] = receiver.received('/ok');
    expect(got!.rawBody).toBe('{"id":"evt_1"}');
    expect(got!.headers).toMatchObject({ 'saldo-event-id': 'evt_1', 'content-type': 'application/json' });
    receiver.script('/moved', [302]);
    expect(await sender.post(request(receiver.url('/moved')))).toEqual({ status: 302 });
  });

  it('checks the address again when it connects: a receiver the rules refuse gets nothing', async () => {
    const strict = createHttpWebhookSender({ allowHttpLoopback: false, allowPrivate: false });
    await expect(strict.post(request(receiver.url('/literal')))).rejects.toThrow(/https/);
    const port = new URL(receiver.url('/')).port;
    // A name: the connection's own lookup refuses the loopback address it resolves to.
    const loose = createHttpWebhookSender({ allowHttpLoopback: false, allowPrivate: false });
    await expect(loose.post(request(`https://localhost:${port}/named`))).rejects.toThrow(/loopback/);
    await expect(loose.post(request('https://169.254.169.254/latest/meta-data/'))).rejects.toThrow(
      /link-local/,
    );
    expect(receiver.received('/literal')).toEqual([]);
    expect(receiver.received('/named')).toEqual([]);
  });

  it('gives up on a receiver that does not answer in time', async () => {
    const sender = createHttpWebhookSender({ allowHttpLoopback: true, allowPrivate: false });
    receiver.script('/slow', ['hang']);
    await expect(sender.post(request(receiver.url('/slow')))).rejects.toThrow(/no answer within 500 ms/);
  });
});
