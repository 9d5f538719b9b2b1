import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../src/platform/composition-root.js';
import type { Db } from '../src/shared/db/db.js';
import type { ManualClock } from '../src/shared/clock/manual-clock.js';
import { buildHttp } from '../src/platform/start-saldo.js';
import { bearer, importRows, makeRow, newTenant, testPlatform, T0 } from './fixtures.js';
import { describeStorage } from './storage.js';

// T0 is 2026-11-24 09:00 in Mexico City. makeRow's account owes 10,600.00 MXN (1,060,000 minor).
// What happens to agreements after the gate wrote them: plans paid, completed or broken;
// settlements paid up, expired or lapsed; pauses holding collection contact.
describeStorage('the life of an agreement', (mode) => {
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

  async function oneAccount(over = {}) {
    clock.set(T0);
    const t = await newTenant(p);
    await importRows(p, t.orgId, [makeRow(over)]);
    const acc = (await p.record.listAccounts(t.orgId, { limit: 1 })).items[0]!;
    return { t, acc };
  }
  const statusOf = async (orgId: string, id: string) => (await p.record.getAccount(orgId, id)).status;
  const eventsOf = async (accountId: string) =>
    (
      await db.query<{ type: string }>(
        `SELECT type FROM domain_events WHERE payload->>'accountId' = $1 ORDER BY seq`,
        [accountId],
      )
    ).rows.map((r) => r.type);
  const pay = (orgId: string, accountId: string, amountMinor: number, paidAt: string) =>
    p.record.recordPayment(orgId, {
      accountId,
      amountMinor,
      currency: 'MXN',
      paidAt,
      source: 'test',
      actor: 'system',
    });
  const runJob = async (name: string) => {
    const job = p.jobs.find((j) => j.name === name);
    if (!job) throw new Error(`no job ${name}`);
    return job.run();
  };
  async function agree(key: string, accountId: string, proposal: unknown) {
    const res = await app.inject({
      method: 'POST',
      url: `/v1/accounts/${accountId}/agreements`,
      headers: bearer(key),
      payload: { proposal },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { written: Record<string, string> };
  }

  describe('payment plans', () => {
    it('a plan replaces pending promises and puts the account in_plan; payments pay instalments in order', async () => {
      const { t, acc } = await oneAccount();
      await p.record.createPromise(t.orgId, {
        accountId: acc.id,
        amountMinor: 1_060_000,
        dueDate: '2026-12-10',
        actor: 'agent',
      });
      expect(await statusOf(t.orgId, acc.id)).toBe('promised');
      const plan = await agree(t.key, acc.id, {
        kind: 'plan',
        frequency: 'monthly',
        installmentMinor: 100_000,
      });
      const planId = plan.written.planId!;
      expect(await statusOf(t.orgId, acc.id)).toBe('in_plan');
      const promises = await db.query<{ status: string }>(
        `SELECT status FROM promises WHERE account_id = $1`,
        [acc.id],
      );
      expect(promises.rows).toEqual([{ status: 'cancelled' }]);

      clock.set('2026-12-05T18:00:00Z');
      await pay(t.orgId, acc.id, 150_000, '2026-12-05T18:00:00Z');
      const inst = await db.query<{ seq: number; paid: number; status: string }>(
        `SELECT seq, paid_minor::int AS paid, status FROM plan_installments WHERE plan_id = $1 AND seq <= 3 ORDER BY seq`,
        [planId],
      );
      expect(inst.rows).toEqual([
        { seq: 1, paid: 100_000, status: 'paid' },
        { seq: 2, paid: 50_000, status: 'pending' },
        { seq: 3, paid: 0, status: 'pending' },
      ]);
      expect(await statusOf(t.orgId, acc.id)).toBe('in_plan');
      expect(await eventsOf(acc.id)).toEqual([
        'promise.made',
        'account.status_changed',
        'plan.created',
        'account.status_changed',
        'payment.recorded',
      ]);
    });

    it('an instalment unpaid past its due date plus the grace days breaks the plan: in_plan → active', async () => {
      const { t, acc } = await oneAccount();
      const plan = await agree(t.key, acc.id, {
        kind: 'plan',
        frequency: 'monthly',
        installmentMinor: 100_000,
      });
      const planId = plan.written.planId!;
      // Instalment 1 is due 2026-12-09; the grace runs to the 12th (Mexico City).
      clock.set('2026-12-13T05:00:00Z'); // still the 12th in Mexico City
      await runJob('expire-agreements');
      expect(await statusOf(t.orgId, acc.id)).toBe('in_plan');
      clock.set('2026-12-13T18:00:00Z');
      await runJob('expire-agreements');
      expect(await statusOf(t.orgId, acc.id)).toBe('active');
      const rows = await db.query<{ status: string; missed: number }>(
        `SELECT p.status, (SELECT count(*)::int FROM plan_installments i WHERE i.plan_id = p.id AND i.status = 'missed') AS missed
           FROM payment_plans p WHERE p.id = $1`,
        [planId],
      );
      expect(rows.rows).toEqual([{ status: 'broken', missed: 1 }]);
      const events = await eventsOf(acc.id);
      expect(events.slice(-2)).toEqual(['plan.broken', 'account.status_changed']);
      await runJob('expire-agreements');
      expect(await eventsOf(acc.id)).toEqual(events);
    });

    it('a payment that pays the last instalment completes the plan and the account is paid', async () => {
      const { t, acc } = await oneAccount();
      const plan = await agree(t.key, acc.id, {
        kind: 'plan',
        frequency: 'monthly',
        installmentMinor: 530_000,
      });
      clock.set('2026-12-01T18:00:00Z');
      await pay(t.orgId, acc.id, 530_000, '2026-12-01T18:00:00Z');
      await pay(t.orgId, acc.id, 530_000, '2026-12-01T18:00:00Z');
      const r = await db.query<{ status: string }>(`SELECT status FROM payment_plans WHERE id = $1`, [
        plan.written.planId,
      ]);
      expect(r.rows).toEqual([{ status: 'completed' }]);
      expect(await statusOf(t.orgId, acc.id)).toBe('paid');
      expect(await eventsOf(acc.id)).toContain('plan.completed');
    });
  });

  describe('settlements', () => {
    // 146 DPD: a settlement of at least 70 % (742,000) is open at once, payable by 2026-12-08.
    async function acceptedSettlement(amountMinor: number) {
      const { t, acc } = await oneAccount({ delinquent_since: '2026-07-01' });
      const offer = await agree(t.key, acc.id, { kind: 'settlement', amountMinor });
      const id = offer.written.settlementOfferId!;
      return { t, acc, id };
    }

    it('payments towards an accepted settlement add up; paid in full, the account is settled and the rest forgiven', async () => {
      const { t, acc, id } = await acceptedSettlement(800_000);
      await p.record.acceptSettlementOffer(t.orgId, id, { actor: 'debtor', channel: 'whatsapp' });
      clock.set('2026-12-01T18:00:00Z');
      await pay(t.orgId, acc.id, 500_000, '2026-12-01T18:00:00Z');
      expect(await statusOf(t.orgId, acc.id)).toBe('active');
      await pay(t.orgId, acc.id, 300_000, '2026-12-02T18:00:00Z');
      const account = await p.record.getAccount(t.orgId, acc.id);
      expect([account.status, account.balanceMinor]).toEqual(['settled', 0]);
      const s = await db.query<{ status: string; paid: number }>(
        `SELECT status, paid_minor::int AS paid FROM settlement_offers WHERE id = $1`,
        [id],
      );
      expect(s.rows).toEqual([{ status: 'settled', paid: 800_000 }]);
      const settled = await db.query<{ payload: Record<string, unknown> }>(
        `SELECT payload FROM domain_events WHERE type = 'settlement.settled' AND payload->>'accountId' = $1`,
        [acc.id],
      );
      expect(settled.rows[0]!.payload).toMatchObject({ paidMinor: 800_000, waivedMinor: 260_000 });
      expect(await eventsOf(acc.id)).toEqual([
        'settlement.offered',
        'settlement.accepted',
        'payment.recorded',
        'payment.recorded',
        'settlement.settled',
        'account.status_changed',
      ]);
    });

    it('an open offer nobody accepted expires after its date; an accepted one not paid lapses after the grace days', async () => {
      const open = await acceptedSettlement(800_000);
      const accepted = await acceptedSettlement(800_000);
      await p.record.acceptSettlementOffer(accepted.t.orgId, accepted.id, { actor: 'debtor' });
      clock.set('2026-12-08T18:00:00Z'); // the last day of both
      await runJob('expire-agreements');
      clock.set('2026-12-09T18:00:00Z');
      await runJob('expire-agreements');
      const statusOfOffer = async (id: string) =>
        (await db.query<{ status: string }>(`SELECT status FROM settlement_offers WHERE id = $1`, [id]))
          .rows[0]!.status;
      expect([await statusOfOffer(open.id), await statusOfOffer(accepted.id)]).toEqual([
        'expired',
        'accepted',
      ]);
      clock.set('2026-12-12T18:00:00Z');
      await runJob('expire-agreements');
      expect(await statusOfOffer(accepted.id)).toBe('lapsed');
      expect(await eventsOf(open.acc.id)).toContain('settlement.expired');
      expect(await eventsOf(accepted.acc.id)).toContain('settlement.lapsed');
      // A payment after the lapse only lowers the balance.
      await pay(accepted.t.orgId, accepted.acc.id, 800_000, '2026-12-12T18:00:00Z');
      const account = await p.record.getAccount(accepted.t.orgId, accepted.acc.id);
      expect([account.status, account.balanceMinor]).toEqual(['active', 260_000]);
    });
  });

  describe('pauses of collection', () => {
    const contact = (orgId: string, accountId: string, kind: 'strategy' | 'dialogue', key: string) =>
      p.channels.messaging.contact({
        orgId,
        accountId,
        channel: 'sms',
        templateId: 'tpl_default_reminder_sms_es-MX',
        idempotencyKey: key,
        requestedBy: { kind, id: 'test' },
      });

    it('holds collection contact until the pause ends; the debtor’s own conversation is still answered', async () => {
      const { t, acc } = await oneAccount();
      const r = await agree(t.key, acc.id, { kind: 'pause', days: 10 });
      expect(r.written).toEqual({ kind: 'pause', until: '2026-12-04' });
      expect(await eventsOf(acc.id)).toEqual(['collection.paused']);
      const refused = await contact(t.orgId, acc.id, 'strategy', `pause:${acc.id}:1`);
      expect(refused).toMatchObject({
        kind: 'refused',
        reasons: [{ rule: 'SALDO-PAUSE' }],
        // 2026-12-04 00:00 in Mexico City
        nextAllowedAt: '2026-12-04T06:00:00.000Z',
      });
      expect(await contact(t.orgId, acc.id, 'dialogue', `pause:${acc.id}:2`)).toMatchObject({ kind: 'sent' });
      clock.set('2026-12-04T16:00:00Z');
      expect(await contact(t.orgId, acc.id, 'strategy', `pause:${acc.id}:3`)).toMatchObject({ kind: 'sent' });
    });

    it('refuses a pause longer than the policy allows, with the longest as the counter; writes nothing', async () => {
      const { t, acc } = await oneAccount();
      const res = await app.inject({
        method: 'POST',
        url: `/v1/accounts/${acc.id}/agreements`,
        headers: bearer(t.key),
        payload: { proposal: { kind: 'pause', days: 45 } },
      });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json()).toMatchObject({ counter: { kind: 'pause', until: '2026-12-24' } });
      const row = await db.query<{ until: string | null }>(
        `SELECT collection_paused_until::text AS until FROM accounts WHERE id = $1`,
        [acc.id],
      );
      expect(row.rows).toEqual([{ until: null }]);
    });
  });
});
