import { SaldoError } from '@saldo/core';
import type { HostResolver } from '../ports.js';
import { addressRefusal, parseWebhookUrl, type WebhookUrlPolicy } from '../url-rules.js';

const refuse = (reason: string) =>
  new SaldoError('validation', `url ${reason}`, [{ path: 'url', message: reason }]);

/**
 * A receiver URL as a subscription stores it, or a 400 saying why not: the URL's own rules, then
 * every address its host resolves to now (delivery checks them again on each connection).
 */
export async function checkWebhookUrl(
  raw: string,
  policy: WebhookUrlPolicy,
  resolveHost: HostResolver,
): Promise<string> {
  const parsed = parseWebhookUrl(raw, policy);
  if (!parsed.ok) throw refuse(parsed.reason);
  let addresses: string[];
  try {
    addresses = await resolveHost(parsed.host);
  } catch {
    throw refuse(`host ${parsed.host} does not resolve`);
  }
  if (addresses.length === 0) throw refuse(`host ${parsed.host} does not resolve`);
  for (const address of addresses) {
    const why = addressRefusal(address, parsed.url.protocol, policy);
    if (why) throw refuse(why);
  }
  return parsed.url.toString();
}
