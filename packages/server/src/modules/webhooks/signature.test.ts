import { describe, expect, it } from 'vitest';
import { MAX_DELIVERY_ATTEMPTS, retryDelayMs } from './retry-schedule.js';
import { newSigningSecret, signatureHeader, verifySignature } from './signature.js';

describe('the Saldo-Signature header', () => {
  const at = new Date('2026-11-24T15:00:00Z');
  const t = at.getTime() / 1000;
  const body = '{"id":"evt_1","type":"payment.recorded"}';

  it('is t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">, which the receiver recomputes', () => {
    const secret = newSigningSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const header = signatureHeader([secret], body, at);
    expect(header).toMatch(new RegExp(`^t=${t},v1=[0-9a-f]{64}$`));
    expect(verifySignature(header, body, secret, t + 10)).toBe(true);
  });

  it('fails for another body, another secret, an altered timestamp, or one outside the tolerance', () => {
    const secret = newSigningSecret();
    const header = signatureHeader([secret], body, at);
    expect(verifySignature(header, `${body} `, secret, t)).toBe(false);
    expect(verifySignature(header, body, newSigningSecret(), t)).toBe(false);
    expect(verifySignature(header.replace(`t=${t}`, `t=${t + 1}`), body, secret, t)).toBe(false);
    expect(verifySignature(header, body, secret, t + 301)).toBe(false);
    expect(verifySignature('v1=abc', body, secret, t)).toBe(false);
  });

  it('carries one v1 per secret: either secret verifies during a rotation', () => {
    const [next, old] = [newSigningSecret(), newSigningSecret()];
    const header = signatureHeader([next, old], body, at);
    expect(header.split(',').filter((p) => p.startsWith('v1='))).toHaveLength(2);
    expect(verifySignature(header, body, next, t)).toBe(true);
    expect(verifySignature(header, body, old, t)).toBe(true);
  });
});

describe('the retry schedule', () => {
  it('waits 30 s after the first failure, doubling to a 6-hour cap; the last attempt comes ~2.6 days after the first', () => {
    const waits = Array.from({ length: MAX_DELIVERY_ATTEMPTS - 1 }, (_, i) => retryDelayMs(i + 1));
    expect(waits.slice(0, 4)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(waits[9]).toBe(256 * 60_000);
    expect(waits.slice(10)).toEqual(Array(9).fill(6 * 3_600_000));
    const total = waits.reduce((a, b) => a + b, 0);
    expect(total / 3_600_000).toBeCloseTo(62.5, 1);
  });
});
