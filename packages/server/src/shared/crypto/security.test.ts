import { describe, expect, it } from 'vitest';
import { createPaymentLinks } from '../../modules/channels/adapters/payment-links.js';
import { createSecretBox } from './secret-box.js';
import { identityHasher, identityMatches } from './deployment-secret.js';

describe('secret box (AES-256-GCM)', () => {
  const box = createSecretBox('root-secret-for-the-test-suite');
  it('round-trips, with a fresh IV each time', () => {
    const a = box.seal('tw-auth-token', 'org_1|twilio');
    expect(a).toMatch(/^v1:/);
    expect(a).not.toBe(box.seal('tw-auth-token', 'org_1|twilio'));
    expect(box.open(a, 'org_1|twilio')).toBe('tw-auth-token');
  });
  it('refuses another row, a tampered ciphertext and another key', () => {
    const a = box.seal('tw-auth-token', 'org_1|twilio');
    expect(() => box.open(a, 'org_2|twilio')).toThrow();
    const bytes = Buffer.from(a.slice(3), 'base64');
    bytes[bytes.length - 1]! ^= 1;
    expect(() => box.open(`v1:${bytes.toString('base64')}`, 'org_1|twilio')).toThrow();
    expect(() => createSecretBox('another-root-secret-entirely').open(a, 'org_1|twilio')).toThrow();
  });
  it('after a rotation, opens what the retired key sealed and seals with the new key only', () => {
    const old = box.seal('tw-auth-token', 'org_1|twilio');
    const rotated = createSecretBox('the-new-root-secret-0123', undefined, [
      'root-secret-for-the-test-suite',
    ]);
    expect(rotated.open(old, 'org_1|twilio')).toBe('tw-auth-token');
    expect(() => box.open(rotated.seal('x', 'org_1|twilio'), 'org_1|twilio')).toThrow();
    expect(() => rotated.open(old, 'org_2|twilio')).toThrow();
  });
});

describe('identity hashes across a key rotation', () => {
  it('verify with the current key or a retired one; never with another', () => {
    const stored = identityHasher('old-root-secret-0123456789')('dob', '1980-05-01');
    const keys = { current: 'new-root-secret-0123456789', retired: ['old-root-secret-0123456789'] };
    expect(identityMatches(keys, 'dob', '1980-05-01', stored)).toBe(true);
    expect(identityMatches(keys, 'dob', '1980-05-02', stored)).toBe(false);
    expect(identityMatches(keys, 'national_id', '1980-05-01', stored)).toBe(false);
    expect(identityMatches({ current: keys.current, retired: [] }, 'dob', '1980-05-01', stored)).toBe(false);
  });
});

describe('payment links', () => {
  const links = createPaymentLinks({ publicUrl: 'https://saldo.example.com/', secret: 'k' });
  const now = new Date('2026-11-24T15:00:00Z');
  it('are short, signed and expire', () => {
    const url = links.linkFor('org_1', 'acct_0123456789abcdef0123456789abcdef', now);
    const token = url.replace('https://saldo.example.com/pay/', '');
    expect(token).toHaveLength(44);
    expect(links.verify(token, now)).toEqual({ accountId: 'acct_0123456789abcdef0123456789abcdef' });
    expect(links.verify(token, new Date('2027-01-01T00:00:00Z'))).toBeNull();
    expect(links.verify(`${token.slice(0, 10)}A${token.slice(11)}`, now)).toBeNull();
    expect(createPaymentLinks({ publicUrl: 'x', secret: 'other' }).verify(token, now)).toBeNull();
    const odd = links.linkFor('org_1', 'legacy-42', now).split('/pay/')[1]!;
    expect(links.verify(odd, now)).toEqual({ accountId: 'legacy-42' });
  });
});
