import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildHttp } from '../../../platform/start-saldo.js';
import type { Platform } from '../../../platform/composition-root.js';
import type { Db } from '../../../shared/db/db.js';
import { describeStorage } from '../../../../test/storage.js';
import { importRows, makeRow, newTenant, testPlatform } from '../../../../test/fixtures.js';

// Payments move money on the record: every amount is a JSON integer of minor units, every date
// within sane bounds, and a payment never silently means something other than what was sent.
describeStorage('POST /v1/payments: money bounds', (mode) => {
  let db: Db & { drop(): Promise<void> };
  let platform: Platform;
  let app: FastifyInstance;
  beforeAll(async () => {
    db = await mode.open();
    ({ platform } = await testPlatform(db));
    app = await buildHttp(platform);
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  /** A tenant with one MXN account of 1 060 000 minor units (10 000 + 500 + 100 MXN). */
  async function account() {
    const t = await newTenant(platform);
    await importRows(platform, t.orgId, [makeRow()]);
    const acc = (await platform.record.listAccounts(t.orgId, { limit: 1 })).items[0]!;
    const pay = (body: Record<string, unknown>) =>
      app.inject({
        method: 'POST',
        url: '/v1/payments',
        headers: { authorization: `Bearer ${t.key}` },
        payload: { accountId: acc.id, currency: 'MXN', ...body },
      });
    const balance = async () => (await platform.record.getAccount(t.orgId, acc.id)).balanceMinor;
    return { t, acc, pay, balance };
  }

  it('refuses an amount that is not a JSON integer ("100", true, [5], 1.5, 2^53) instead of coercing it', async () => {
    const { pay, balance } = await account();
    const before = await balance();
    for (const amountMinor of ['100', true, [5], 1.5, 9007199254740992, null]) {
      const r = await pay({ amountMinor });
      expect(r.statusCode, JSON.stringify(amountMinor)).toBe(400);
      expect(r.json().detail, JSON.stringify(amountMinor)).toMatch(
        /amountMinor must be a JSON integer of minor units/,
      );
      expect(r.json().errors).toEqual([{ path: 'amountMinor', message: expect.any(String) }]);
    }
    expect(await balance()).toBe(before);
    expect((await pay({ amountMinor: 100 })).statusCode).toBe(201);
    expect(await balance()).toBe(before - 100);
  });

  it('refuses a payment above the outstanding balance with 422 and records nothing; the exact balance clears it', async () => {
    const { pay, balance } = await account();
    const before = await balance();
    const huge = await pay({ amountMinor: 9_000_000_000_000_000 });
    expect(huge.statusCode).toBe(422);
    expect(huge.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(huge.json()).toMatchObject({
      status: 422,
      type: 'https://saldo.dev/problems/payment-above-balance',
      detail: expect.stringMatching(/exceeds the outstanding balance of 1060000 MXN minor units/),
      errors: [{ path: 'amountMinor', message: expect.stringMatching(/at most 1060000/) }],
    });
    expect((await pay({ amountMinor: before + 1 })).statusCode).toBe(422);
    expect(await balance()).toBe(before);
    const all = await pay({ amountMinor: before });
    expect(all.statusCode).toBe(201);
    expect(all.json()).toMatchObject({ balanceMinor: 0, status: 'paid', overpaymentMinor: 0 });
    expect((await pay({ amountMinor: 1 })).statusCode).toBe(422); // nothing left to pay
    const payments = await db.query('SELECT 1 FROM payments WHERE account_id = $1', [all.json().accountId]);
    expect(payments.rows).toHaveLength(1);
  });

  it('a repeated externalId is idempotent only for the same payment; a different amount, date or account is 409', async () => {
    const { pay, balance, t } = await account();
    const before = await balance();
    const first = { amountMinor: 5000, externalId: 'bank-1', paidAt: '2026-11-24T10:00:00Z' };
    const r1 = await pay(first);
    expect(r1.statusCode).toBe(201);
    const again = await pay(first);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ paymentId: r1.json().paymentId, duplicate: true });
    const noDate = await pay({ amountMinor: 5000, externalId: 'bank-1' }); // a retry that leaves paidAt out
    expect(noDate.statusCode).toBe(200);
    for (const changed of [
      { ...first, amountMinor: 7000 },
      { ...first, paidAt: '2026-11-23T10:00:00Z' },
    ]) {
      const r = await pay(changed);
      expect(r.statusCode, JSON.stringify(changed)).toBe(409);
      expect(r.json().detail).toMatch(/externalId "bank-1" was already recorded with amountMinor 5000/);
    }
    await importRows(platform, t.orgId, [makeRow({ external_ref: 'ACC-2' })], 'all_or_nothing', 'pf2');
    const other = (await platform.record.listAccounts(t.orgId, { limit: 5 })).items.find(
      (a) => a.externalRef === 'ACC-2',
    )!;
    expect((await pay({ ...first, accountId: other.id })).statusCode).toBe(409);
    expect(await balance()).toBe(before - 5000);
    // A feed delivering one new payment twice at once: one payment, the copy a duplicate (no 500).
    const twice = await Promise.all([1, 2].map(() => pay({ amountMinor: 300, externalId: 'bank-2' })));
    expect(twice.map((r) => r.statusCode).sort()).toEqual([200, 201]);
    expect(await balance()).toBe(before - 5300);
  });

  it('paidAt must lie between 1990-01-01 and one day after the current time', async () => {
    const { pay, balance } = await account();
    const before = await balance();
    // The test clock is 2026-11-24T15:00:00Z.
    for (const [paidAt, why] of [
      ['0001-01-01T00:00:00Z', /paidAt 0001-01-01T00:00:00.000Z is before 1990-01-01/],
      ['1989-12-31T23:59:59Z', /is before 1990-01-01/],
      ['2026-11-25T15:00:01Z', /more than one day after the current time \(2026-11-24T15:00:00.000Z\)/],
      ['9999-12-31T00:00:00Z', /more than one day after/],
    ] as const) {
      const r = await pay({ amountMinor: 100, paidAt });
      expect(r.statusCode, paidAt).toBe(400);
      expect(r.json().detail, paidAt).toMatch(why);
      expect(r.json().errors, paidAt).toEqual([{ path: 'paidAt', message: expect.any(String) }]);
    }
    expect(await balance()).toBe(before);
    expect((await pay({ amountMinor: 100, paidAt: '1990-01-01T00:00:00Z' })).statusCode).toBe(201);
    // A payment dated in the payer's own time zone may be hours ahead of UTC.
    expect((await pay({ amountMinor: 100, paidAt: '2026-11-25T15:00:00Z' })).statusCode).toBe(201);
  });
});
