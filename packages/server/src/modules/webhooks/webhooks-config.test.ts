import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../platform/config.js';

describe('the webhooks configuration slice', () => {
  const key = { SALDO_SECRET_KEY: 'test-secret-0123456789abcdef' };

  it('refuses loopback and private receivers unless the deployment allows them', () => {
    expect(loadConfig(key).webhooks).toEqual({ allowHttpLoopback: false, allowPrivate: false });
    expect(
      loadConfig({ ...key, SALDO_WEBHOOKS_ALLOW_HTTP_LOOPBACK: '1', SALDO_WEBHOOKS_ALLOW_PRIVATE: 'true' })
        .webhooks,
    ).toEqual({ allowHttpLoopback: true, allowPrivate: true });
    expect(loadConfig({ ...key, SALDO_WEBHOOKS_ALLOW_PRIVATE: '0' }).webhooks.allowPrivate).toBe(false);
  });

  it('refuses a value that is neither on nor off, naming the variable', () => {
    expect(() => loadConfig({ ...key, SALDO_WEBHOOKS_ALLOW_PRIVATE: 'yes please' })).toThrow(
      /SALDO_WEBHOOKS_ALLOW_PRIVATE must be 1 or 0/,
    );
  });
});
