import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { defaultOfferPolicy } from '@saldo/core/offers';
import type { Platform } from '../src/platform/composition-root.js';
import type { Db } from '../src/shared/db/db.js';
import { buildHttp } from '../src/platform/start-saldo.js';
import { OfferRefused } from '../src/modules/record/index.js';
import type { ManualClock } from '../src/shared/clock/manual-clock.js';
import { importRows, makeRow, newTenant, testPlatform } from './fixtures.js';
import { describeStorage } from './storage.js';

// T0 is 2026-11-24 09:00 in Mexico City: the latest promise date under the default policy is
// 2026-12-24. makeRow's account owes 10,600.00 MXN (1,060,000 minor units) at 45 DPD.
describeStorage('the offer policy and its gate', (mode) => {
  let db: Db & { drop(): Promise<void> };
  let p: Platform;
  let app: FastifyInstance;
  let clock: ManualClock;
  beforeAll(async () => {
    db = await mode.open();
    ({ platform: p, clock } = await testPlatform(db));
    app = await buildHttp(p);
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });
  const auth = (key: string) => ({ authorization: `Bearer ${key}` });

  async function oneAccount(over = {}, code = 'pf1') {
    const t = await newTenant(p);
    await importRows(p, t.orgId, [makeRow(over)], 'all_or_nothing', code);
    const acc = (await p.record.listAccounts(t.orgId, { limit: 1 })).items[0]!;
    return { t, acc };
  }
  const count = async (sql: string, id: string) =>
    Number((await db.query<{ n: number }>(sql, [id])).rows[0]!.n);
  const promisesOf = (accountId: string) =>
    count('SELECT count(*)::int AS n FROM promises WHERE account_id = $1', accountId);

  describe('the gate', () => {
    it('refuses a manual promise 200 days out with 422, the refusal and the counter; writes nothing', async () => {
      const { t, acc } = await oneAccount();
      const res = await app.inject({
        method: 'POST',
        url: `/v1/accounts/${acc.id}/promises`,
        headers: auth(t.key),
        payload: { amountMinor: 1_060_000, dueDate: '2027-06-12' },
      });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json()).toMatchObject({
        type: 'https://saldo.dev/problems/offer-refused',
        refusals: [
          { code: 'date_too_far', limit: '2026-12-24', messageEs: expect.stringContaining('2026-12-24') },
        ],
        counter: { kind: 'promise', parts: [{ date: '2026-12-24', amountMinor: 1_060_000 }] },
      });
      expect(await promisesOf(acc.id)).toBe(0);
      expect((await p.record.getAccount(t.orgId, acc.id)).status).toBe('active');
    });

    it('records a promise the policy allows, as before', async () => {
      const { t, acc } = await oneAccount();
      const res = await app.inject({
        method: 'POST',
        url: `/v1/accounts/${acc.id}/promises`,
        headers: auth(t.key),
        payload: { amountMinor: 60_000, dueDate: '2026-12-24' },
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(await promisesOf(acc.id)).toBe(1);
      expect((await p.record.getAccount(t.orgId, acc.id)).status).toBe('promised');
    });

    it("refuses a token promise from any caller (a reply's promise book included) with OfferRefused", async () => {
      const { t, acc } = await oneAccount();
      const made = p.record.createPromise(t.orgId, {
        accountId: acc.id,
        amountMinor: 1000,
        dueDate: '2026-11-27',
        actor: 'debtor',
      });
      await expect(made).rejects.toBeInstanceOf(OfferRefused);
      await expect(made).rejects.toMatchObject({
        kind: 'conflict',
        refusals: [{ code: 'amount_too_small', limit: 42400 }],
      });
      expect(await promisesOf(acc.id)).toBe(0);
    });

    it('writes a plan with its instalment schedule and a timeline entry; the total is the balance', async () => {
      const { t, acc } = await oneAccount();
      const r = await p.record.commitAgreement(t.orgId, {
        accountId: acc.id,
        proposal: { kind: 'plan', frequency: 'monthly', installmentMinor: 100_000 },
        channel: 'whatsapp',
        actor: 'debtor',
      });
      expect(r).toMatchObject({ accepted: true, written: { kind: 'plan' } });
      if (!r.accepted || r.written.kind !== 'plan') throw new Error('expected a plan');
      const rows = await db.query<{ seq: number; due_date: string; amount_minor: number }>(
        `SELECT seq, due_date::text AS due_date, amount_minor::int AS amount_minor FROM plan_installments WHERE plan_id = $1 ORDER BY seq`,
        [r.written.planId],
      );
      expect(rows.rows).toHaveLength(11);
      expect(rows.rows[0]).toEqual({ seq: 1, due_date: '2026-12-09', amount_minor: 100_000 });
      expect(rows.rows[10]).toEqual({ seq: 11, due_date: '2027-10-09', amount_minor: 60_000 });
      expect(rows.rows.reduce((s, i) => s + i.amount_minor, 0)).toBe(1_060_000);
      const plan = await db.query<{ frequency: string; total_minor: number; channel: string; actor: string }>(
        'SELECT frequency, total_minor::int AS total_minor, channel, actor FROM payment_plans WHERE id = $1',
        [r.written.planId],
      );
      expect(plan.rows[0]).toEqual({
        frequency: 'monthly',
        total_minor: 1_060_000,
        channel: 'whatsapp',
        actor: 'debtor',
      });
      const timeline = await p.record.accountTimeline(t.orgId, acc.id, { limit: 20 });
      expect(timeline.map((e) => e.kind)).toContain('plan');
    });

    it('refuses a plan over the policy with the counter and writes nothing', async () => {
      const { t, acc } = await oneAccount();
      const res = await app.inject({
        method: 'POST',
        url: `/v1/accounts/${acc.id}/agreements`,
        headers: auth(t.key),
        payload: { proposal: { kind: 'plan', frequency: 'monthly', installmentMinor: 60_000 } }, // 18 instalments
      });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().refusals.map((r: { code: string }) => r.code)).toEqual(['too_many_installments']);
      expect(res.json().counter.installments).toHaveLength(12);
      expect(await count('SELECT count(*)::int AS n FROM payment_plans WHERE account_id = $1', acc.id)).toBe(
        0,
      );
    });

    it('writes a settlement offer at 146 DPD: open above the approval share, pending below it', async () => {
      const { t, acc } = await oneAccount({ delinquent_since: '2026-07-01' });
      const offer = (amountMinor: number) =>
        app.inject({
          method: 'POST',
          url: `/v1/accounts/${acc.id}/agreements`,
          headers: auth(t.key),
          payload: { proposal: { kind: 'settlement', amountMinor } },
        });
      const below = await offer(700_000);
      expect(below.statusCode).toBe(422);
      expect(below.json()).toMatchObject({
        refusals: [{ code: 'settlement_below_floor', limit: 742_000 }],
        counter: { kind: 'settlement', amountMinor: 742_000, expires: '2026-12-08', needsApproval: false },
      });
      const ok = await offer(742_000);
      expect(ok.statusCode, ok.body).toBe(201);
      expect(ok.json().written).toMatchObject({ kind: 'settlement', status: 'open' });
      const stored = await db.query<{ expires_on: string; status: string; balance_minor: number }>(
        `SELECT expires_on::text AS expires_on, status, balance_minor::int AS balance_minor FROM settlement_offers WHERE account_id = $1`,
        [acc.id],
      );
      expect(stored.rows).toEqual([{ expires_on: '2026-12-08', status: 'open', balance_minor: 1_060_000 }]);
      // At 207 DPD the floor is 60 %; under 65 % a person approves the offer before it binds.
      const deep = await oneAccount({ delinquent_since: '2026-05-01' });
      const pending = await p.record.commitAgreement(deep.t.orgId, {
        accountId: deep.acc.id,
        proposal: { kind: 'settlement', amountMinor: 650_000 },
        actor: 'agent',
      });
      expect(pending).toMatchObject({
        accepted: true,
        agreement: { needsApproval: true },
        written: { kind: 'settlement', status: 'pending_approval' },
      });
    });

    it('a settlement offer below the approval share opens once a person approves it; then the debtor accepts it', async () => {
      const { t, acc } = await oneAccount({ delinquent_since: '2026-05-01' });
      const made = await p.record.commitAgreement(t.orgId, {
        accountId: acc.id,
        proposal: { kind: 'settlement', amountMinor: 650_000 },
        actor: 'bot',
      });
      if (!made.accepted || made.written.kind !== 'settlement')
        throw new Error('expected a settlement offer');
      const id = made.written.settlementOfferId;
      const post = (action: string, key = t.key, payload?: object) =>
        app.inject({
          method: 'POST',
          url: `/v1/settlement-offers/${id}/${action}`,
          headers: auth(key),
          payload,
        });
      const early = await post('accept', t.key, {});
      expect(early.statusCode).toBe(409);
      expect(early.json().detail).toMatch(/pending_approval, not open/);
      const agent = await p.auth.createApiKey(t.orgId, 'agent', 'agent');
      expect((await post('approve', agent.key)).statusCode).toBe(403);
      expect((await post('approve')).json()).toMatchObject({ status: 'open', amountMinor: 650_000 });
      expect((await post('approve')).statusCode).toBe(409);
      const accepted = await post('accept', agent.key, { channel: 'whatsapp' });
      expect(accepted.statusCode, accepted.body).toBe(200);
      expect(accepted.json()).toMatchObject({ status: 'accepted', expires: '2026-12-08' });
      const summaries = (await p.record.accountTimeline(t.orgId, acc.id, { limit: 20 }))
        .filter((e) => e.kind === 'settlement')
        .map((e) => e.summary);
      expect(summaries.sort()).toEqual([
        'Settlement agreed',
        'Settlement offer (awaiting approval)',
        'Settlement offer approved',
      ]);
    });

    it('refuses to accept a settlement offer once the balance changed', async () => {
      const { t, acc } = await oneAccount({ delinquent_since: '2026-07-01' });
      const made = await p.record.commitAgreement(t.orgId, {
        accountId: acc.id,
        proposal: { kind: 'settlement', amountMinor: 800_000 },
        actor: 'agent',
      });
      if (!made.accepted || made.written.kind !== 'settlement')
        throw new Error('expected a settlement offer');
      await p.record.recordPayment(t.orgId, {
        accountId: acc.id,
        amountMinor: 10_000,
        currency: 'MXN',
        source: 'test',
        actor: 'system',
      });
      const accept = p.record.acceptSettlementOffer(t.orgId, made.written.settlementOfferId, {
        actor: 'debtor',
      });
      await expect(accept).rejects.toMatchObject({
        kind: 'conflict',
        message: expect.stringMatching(/balance changed/),
      });
    });

    it('refuses to accept a settlement offer after its last day in the debtor calendar', async () => {
      const { t, acc } = await oneAccount({ delinquent_since: '2026-07-01' });
      const made = await p.record.commitAgreement(t.orgId, {
        accountId: acc.id,
        proposal: { kind: 'settlement', amountMinor: 800_000 },
        actor: 'agent',
      });
      if (!made.accepted || made.written.kind !== 'settlement')
        throw new Error('expected a settlement offer');
      try {
        const id = made.written.settlementOfferId;
        clock.set('2026-12-09T06:30:00Z'); // 00:30 on the 9th in Mexico City: expired
        await expect(p.record.acceptSettlementOffer(t.orgId, id, { actor: 'debtor' })).rejects.toMatchObject({
          kind: 'conflict',
          message: 'the offer expired on 2026-12-08',
        });
        clock.set('2026-12-09T05:30:00Z'); // 23:30 on the 8th there: still open
        expect(await p.record.acceptSettlementOffer(t.orgId, id, { actor: 'debtor' })).toMatchObject({
          status: 'accepted',
        });
      } finally {
        clock.set('2026-11-24T15:00:00Z');
      }
    });

    it('refuses a malformed agreement body with 400 naming the field', async () => {
      const { t, acc } = await oneAccount();
      const res = await app.inject({
        method: 'POST',
        url: `/v1/accounts/${acc.id}/agreements`,
        headers: auth(t.key),
        payload: { proposal: { kind: 'settlement', amountMinor: 5000, note: 'x' } },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toContainEqual({ path: 'proposal.note', message: 'unknown field' });
    });
  });

  describe('the policy API', () => {
    it('serves the default until a policy is saved; a bad save is 400 naming the fields and changes nothing', async () => {
      const { t } = await oneAccount();
      const get = async () => (await app.inject({ url: '/v1/offers/policy', headers: auth(t.key) })).json();
      expect(await get()).toEqual({
        source: 'default',
        version: null,
        createdBy: null,
        createdAt: null,
        policy: defaultOfferPolicy,
      });
      const bad = await app.inject({
        method: 'PUT',
        url: '/v1/offers/policy',
        headers: auth(t.key),
        payload: {
          ...defaultOfferPolicy,
          promises: { maxDaysAhead: 30, minPartialBps: 400, maxDays: 1 },
          settlements: { ...defaultOfferPolicy.settlements, bands: [{ fromDpd: 30, floorBps: 7000 }] },
        },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors).toEqual(
        expect.arrayContaining([
          { path: 'promises.maxDays', message: 'unknown field' },
          { path: 'settlements.bands.0.fromDpd', message: 'the first band starts at 0 DPD' },
        ]),
      );
      expect((await get()).source).toBe('default');
    });

    it('saves versions (who, when), the latest in force; a portfolio policy overrides for its accounts', async () => {
      const { t, acc } = await oneAccount();
      const put = (url: string, maxDaysAhead: number, key = t.key) =>
        app.inject({
          method: 'PUT',
          url,
          headers: auth(key),
          payload: { ...defaultOfferPolicy, promises: { maxDaysAhead, minPartialBps: 400 } },
        });
      expect((await put('/v1/offers/policy', 20)).json()).toMatchObject({ version: 1, portfolioId: null });
      expect((await put('/v1/offers/policy', 25)).json()).toMatchObject({ version: 2 });
      const versions = (await app.inject({ url: '/v1/offers/policy/versions', headers: auth(t.key) })).json();
      expect(versions.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
      expect(versions.items[0]).toMatchObject({
        createdBy: expect.stringMatching(/^api_key:/),
        createdAt: '2026-11-24T15:00:00.000Z',
      });
      const check = (date: string) =>
        app.inject({
          method: 'POST',
          url: `/v1/accounts/${acc.id}/offers/check`,
          headers: auth(t.key),
          payload: { kind: 'promise', parts: [{ date, amountMinor: 100_000 }] },
        });
      expect((await check('2026-12-24')).json()).toMatchObject({
        accepted: false,
        refusals: [{ limit: '2026-12-19' }],
      });
      const pf = `/v1/portfolios/${acc.portfolioId}/offer-policy`;
      expect((await app.inject({ url: pf, headers: auth(t.key) })).json()).toMatchObject({
        source: 'organization',
        version: 2,
      });
      const strategist = await p.auth.createApiKey(t.orgId, 'strategist', 'strategist');
      expect((await put(pf, 60, strategist.key)).json()).toMatchObject({
        version: 1,
        portfolioId: acc.portfolioId,
      });
      expect((await app.inject({ url: pf, headers: auth(t.key) })).json()).toMatchObject({
        source: 'portfolio',
        version: 1,
      });
      expect((await check('2027-01-20')).json()).toMatchObject({ accepted: true });
      expect((await app.inject({ url: '/v1/offers/policy', headers: auth(t.key) })).json().version).toBe(2);
      expect(
        (await app.inject({ url: '/v1/portfolios/pf_missing/offer-policy', headers: auth(t.key) }))
          .statusCode,
      ).toBe(404);
    });

    it('offers what the policy allows on an account', async () => {
      const { t, acc } = await oneAccount();
      const offers = (
        await app.inject({ url: `/v1/accounts/${acc.id}/offers`, headers: auth(t.key) })
      ).json();
      expect(offers).toMatchObject({
        promise: { latestDate: '2026-12-24', minAmountMinor: 42_400, fullAmountMinor: 1_060_000 },
        settlement: null,
        hardship: { maxPauseUntil: '2026-12-24', referral: { es: expect.stringContaining('CONDUSEF') } },
      });
      expect(offers.plans[0].installments).toHaveLength(12);
      expect(
        (await app.inject({ url: '/v1/accounts/acct_missing/offers', headers: auth(t.key) })).statusCode,
      ).toBe(404);
    });

    it('keeps every version: the table refuses UPDATE and DELETE', async () => {
      const { t } = await oneAccount();
      await p.offers.policies.save(t.orgId, null, defaultOfferPolicy, 'test');
      await expect(
        db.query('UPDATE offer_policies SET version = 9 WHERE org_id = $1', [t.orgId]),
      ).rejects.toThrow(/append-only/);
      await expect(db.query('DELETE FROM offer_policies WHERE org_id = $1', [t.orgId])).rejects.toThrow(
        /append-only/,
      );
    });
  });
});
