import { describe, expect, it } from 'vitest';
import { isSaldoError } from '@saldo/core';
import { createComplianceChecker } from './check-compliance.js';
import { createMemoryOrgPolicyStore } from '../testing/memory-org-policy-store.js';

const contact = {
  id: 'c1',
  at: '2026-03-03T14:30:00Z',
  channel: 'call',
  debtId: 'A',
  debtor: { country: 'US', timezone: 'America/New_York' },
};

describe('createComplianceChecker', () => {
  it('stacks the organisation policy from the store (and nothing without an org)', async () => {
    const store = createMemoryOrgPolicyStore({
      org_1: { contactHours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '10:00', end: '17:00' }] },
    });
    const checker = createComplianceChecker({ orgPolicyStore: store });
    const withOrg = await checker.checkOne(contact, 'org_1'); // 09:30 New York
    expect(withOrg.ok && withOrg.decision.reasons.map((r) => r.rule)).toEqual(['ORG-CONTACT-HOURS']);
    expect(withOrg.ok && withOrg.decision.nextAllowedAt).toBe('2026-03-03T15:00:00Z');
    expect(
      (await checker.checkOne(contact, null)).ok && (await checker.checkOne(contact, 'org_2')),
    ).toMatchObject({ ok: true, decision: { allowed: true } });
  });

  it('recompiles when the stored policy changes', async () => {
    const store = createMemoryOrgPolicyStore({ org_1: { dailyCaps: { call: 5 } } });
    const checker = createComplianceChecker({ orgPolicyStore: store });
    const first = await checker.orgLayer('org_1');
    expect(await checker.orgLayer('org_1')).toBe(first);
    store.put('org_1', { dailyCaps: { call: 0 } });
    const r = await checker.checkOne(contact, 'org_1');
    expect(r.ok && r.decision.reasons.map((x) => x.rule)).toEqual(['ORG-DAILY-CAP-CALL']);
  });

  it('fails closed on an invalid stored policy', async () => {
    const checker = createComplianceChecker({
      orgPolicyStore: { get: async () => ({ weeklyCaps: { call: -1 } }) as never },
    });
    const e = await checker.checkOne(contact, 'org_1').catch((x: unknown) => x);
    expect(isSaldoError(e) && e.kind).toBe('unavailable');
  });

  it('checkMany answers per item, malformed ones as {id: null, error}', async () => {
    const checker = createComplianceChecker({ orgPolicyStore: createMemoryOrgPolicyStore() });
    const out = await checker.checkMany([contact, { id: 'bad' }, 'nope']);
    expect(out[0]).toMatchObject({ id: 'c1', allowed: true });
    expect(out[1]).toMatchObject({ id: null, error: expect.stringContaining('at:') });
    expect(out[2]).toEqual({ id: null, error: 'expected a JSON object' });
  });
});
