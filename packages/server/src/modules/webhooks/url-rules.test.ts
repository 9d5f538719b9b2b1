import { describe, expect, it } from 'vitest';
import { addressRefusal, classifyAddress, parseWebhookUrl } from './url-rules.js';

const strict = { allowHttpLoopback: false, allowPrivate: false };
const loopbackOk = { allowHttpLoopback: true, allowPrivate: false };
const open = { allowHttpLoopback: false, allowPrivate: true };

describe('webhook URL rules', () => {
  it('classifies loopback, private, link-local, metadata and public addresses, IPv4-mapped ones too', () => {
    expect(classifyAddress('127.0.0.1')).toBe('loopback');
    expect(classifyAddress('127.8.9.10')).toBe('loopback');
    expect(classifyAddress('::1')).toBe('loopback');
    for (const ip of ['10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0'])
      expect(classifyAddress(ip), ip).toBe('private');
    for (const ip of [
      'fd00::1',
      'fe80::1',
      '::',
      '::ffff:169.254.169.254',
      '::ffff:a9fe:a9fe',
      '::ffff:10.0.0.1',
    ])
      expect(classifyAddress(ip), ip).toBe('private');
    expect(classifyAddress('::ffff:127.0.0.1')).toBe('loopback');
    for (const ip of ['93.184.216.34', '8.8.8.8', '2606:4700::1111'])
      expect(classifyAddress(ip), ip).toBe('public');
  });

  it('refuses private and metadata addresses unless allowed; loopback only with the loopback setting', () => {
    expect(addressRefusal('169.254.169.254', 'https:', strict)).toMatch(/link-local/);
    expect(addressRefusal('169.254.169.254', 'https:', loopbackOk)).toMatch(/SALDO_WEBHOOKS_ALLOW_PRIVATE/);
    expect(addressRefusal('169.254.169.254', 'https:', open)).toBeNull();
    expect(addressRefusal('10.0.0.5', 'https:', strict)).toMatch(/private/);
    expect(addressRefusal('127.0.0.1', 'https:', strict)).toMatch(/loopback/);
    expect(addressRefusal('127.0.0.1', 'http:', loopbackOk)).toBeNull();
    expect(addressRefusal('93.184.216.34', 'https:', strict)).toBeNull();
  });

  it('http:// goes to loopback only, and only when allowed', () => {
    expect(addressRefusal('93.184.216.34', 'http:', loopbackOk)).toMatch(/only to loopback/);
    expect(addressRefusal('10.0.0.5', 'http:', { allowHttpLoopback: true, allowPrivate: true })).toMatch(
      /only to loopback/,
    );
    expect(parseWebhookUrl('http://127.0.0.1:9/x', strict)).toMatchObject({ ok: false, reason: /https/ });
    expect(parseWebhookUrl('http://127.0.0.1:9/x', loopbackOk)).toMatchObject({
      ok: true,
      host: '127.0.0.1',
    });
  });

  it('refuses other schemes, credentials in the URL, relative and overlong URLs; unwraps IPv6 hosts', () => {
    expect(parseWebhookUrl('ftp://example.com/', strict)).toMatchObject({ ok: false });
    expect(parseWebhookUrl('file:///etc/passwd', strict)).toMatchObject({ ok: false });
    expect(parseWebhookUrl('https://user:pw@example.com/', strict)).toMatchObject({
      ok: false,
      reason: /password/,
    });
    expect(parseWebhookUrl('/hooks', strict)).toMatchObject({ ok: false });
    expect(parseWebhookUrl(`https://example.com/${'a'.repeat(2100)}`, strict)).toMatchObject({ ok: false });
    expect(parseWebhookUrl('https://[::ffff:169.254.169.254]/', strict)).toMatchObject({
      ok: true,
      host: '::ffff:a9fe:a9fe',
    });
  });
});
