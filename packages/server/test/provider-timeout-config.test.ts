import { describe, expect, it } from 'vitest';
import { SEND_LEASE_MS } from '../src/modules/channels/index.js';
import { loadConfig } from '../src/platform/config.js';

const env = { SALDO_SECRET_KEY: 'test-secret-0123456789abcdef' };

describe('SALDO_PROVIDER_TIMEOUT_MS', () => {
  it('defaults to 15 s and accepts whole milliseconds below the send lease', () => {
    expect(loadConfig(env).channels.providerTimeoutMs).toBe(15_000);
    expect(loadConfig({ ...env, SALDO_PROVIDER_TIMEOUT_MS: '2500' }).channels.providerTimeoutMs).toBe(2500);
  });

  it('refuses a deadline as long as the send lease, or nonsense, naming the variable', () => {
    for (const v of [String(SEND_LEASE_MS), '90000', '50', '1.5', 'soon'])
      expect(() => loadConfig({ ...env, SALDO_PROVIDER_TIMEOUT_MS: v })).toThrow(/SALDO_PROVIDER_TIMEOUT_MS/);
  });
});
