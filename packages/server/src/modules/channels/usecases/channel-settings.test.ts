import { describe, expect, it } from 'vitest';
import type { OrgChannelSettings } from '../ports/channel-settings.js';
import { createChannelSettingsAdmin, type ChannelSettingsRepo } from './channel-settings.js';

const ENV_SID = 'AC00000000000000000000000000000e0e';

/** An in-memory settings store: enough to see what the use case refuses before it writes. */
function memoryRepo(): ChannelSettingsRepo & { rows: Map<string, OrgChannelSettings> } {
  const rows = new Map<string, OrgChannelSettings>();
  return {
    rows,
    forOrg: async (orgId) => rows.get(orgId) ?? null,
    put: async (s) => void rows.set(s.orgId, { ...rows.get(s.orgId), ...s }),
    remove: async (orgId, provider) => {
      const s = rows.get(orgId);
      if (s) delete s[provider];
    },
    identityOwner: async (provider, identity) => {
      for (const s of rows.values()) {
        const value = provider === 'twilio' ? s.twilio?.accountSid : s.meta?.phoneNumberId;
        if (value === identity) return s.orgId;
      }
      return null;
    },
  };
}

describe('channel settings: provider identities', () => {
  const admin = (store = memoryRepo()) => ({
    store,
    admin: createChannelSettingsAdmin({
      store,
      defaultOrgId: 'org_default',
      envSettings: {
        orgId: 'org_default',
        twilio: { accountSid: ENV_SID, authToken: 'env-token-0123456789', fromSms: '+15005550006' },
        meta: { token: 'env-meta-token-012345', phoneNumberId: '424242', appSecret: 'x', verifyToken: 'y' },
      },
    }),
  });

  it("refuses the default organisation's environment identities (409) and stores nothing", async () => {
    const { admin: a, store } = admin();
    await expect(
      a.put('org_b', 'twilio', {
        accountSid: ENV_SID,
        authToken: 'thief-token-0123456789',
        fromSms: '+15005550007',
      }),
    ).rejects.toMatchObject({ kind: 'conflict', message: expect.stringMatching(/already connected/) });
    await expect(
      a.put('org_b', 'meta', {
        token: 'thief-meta-token-0123',
        phoneNumberId: '424242',
        appSecret: 'thief-app-secret-0123',
        verifyToken: 'thief-verify',
      }),
    ).rejects.toMatchObject({ kind: 'conflict' });
    expect(store.rows.size).toBe(0);
  });

  it('compares Account SIDs in the case Twilio sends them', async () => {
    const { admin: a, store } = admin();
    await a.put('org_a', 'twilio', {
      accountSid: 'AC0000000000000000000000000000ABCD',
      authToken: 'owner-token-0123456789',
      fromSms: '+15005550006',
    });
    expect(store.rows.get('org_a')?.twilio?.accountSid).toBe('AC0000000000000000000000000000abcd');
    await expect(
      a.put('org_b', 'twilio', {
        accountSid: 'AC0000000000000000000000000000abcd',
        authToken: 'thief-token-0123456789',
        fromSms: '+15005550007',
      }),
    ).rejects.toMatchObject({ kind: 'conflict' });
  });
});
