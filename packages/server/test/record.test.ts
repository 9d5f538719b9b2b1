import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../src/platform/composition-root.js';
import type { Db } from '../src/shared/db/db.js';
import type { ManualClock } from '../src/shared/clock/manual-clock.js';
import { migrate } from '../src/shared/db/migrate.js';
import { createSqlTimelineStore } from '../src/modules/record/adapters/sql-timeline-store.js';
import { describeStorage } from './storage.js';
import { importRows, makeRow, newTenant, testPlatform } from './fixtures.js';
import { testVault } from '../src/shared/crypto/test-vault.js';

describeStorage('common record', (mode) => {
  let db: Db & { drop(): Promise<void> };
  let p: Platform;
  let clock: ManualClock;
  beforeAll(async () => {
    db = await mode.open();
    ({ platform: p, clock } = await testPlatform(db));
  });
  afterAll(() => db.drop());

  async function oneAccount(over = {}) {
    const t = await newTenant(p);
    await importRows(p, t.orgId, [makeRow(over)]);
    const acc = (await p.record.listAccounts(t.orgId, { limit: 1 })).items[0]!;
    return { t, acc };
  }

  it('migrations are idempotent', async () => {
    expect(await migrate(db, clock.now())).toEqual({ applied: [], alreadyApplied: expect.any(Number) });
  });

  it('derives days past due and bucket from the clock, not from stored values', async () => {
    const { t, acc } = await oneAccount({ delinquent_since: '2026-10-10' });
    expect(acc).toMatchObject({ daysPastDue: 45, bucket: '31-60' });
    clock.advance(20 * 86_400_000);
    expect(await p.record.getAccount(t.orgId, acc.id)).toMatchObject({ daysPastDue: 65, bucket: '61-90' });
    clock.set('2026-11-24T15:00:00Z');
  });

  it('the timeline is append-only', async () => {
    const { t, acc } = await oneAccount();
    const tl = createSqlTimelineStore(db, testVault());
    await tl.append({
      orgId: t.orgId,
      debtorId: acc.debtorId,
      accountId: acc.id,
      occurredAt: '2026-11-20T10:00:00Z',
      kind: 'note',
      actor: 'agent',
      actorId: null,
      channel: null,
      direction: null,
      summary: 'called',
      data: {},
    });
    await expect(
      db.query('UPDATE timeline_events SET summary = $1 WHERE account_id = $2', ['rewritten', acc.id]),
    ).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM timeline_events WHERE account_id = $1', [acc.id])).rejects.toThrow(
      /append-only/,
    );
  });

  it('reads an account and a debtor back as one chronological history across channels', async () => {
    const t = await newTenant(p);
    await importRows(p, t.orgId, [makeRow(), makeRow({ external_ref: 'ACC-2' })]);
    const [a1, a2] = (await p.record.listAccounts(t.orgId, { limit: 5 })).items;
    const tl = createSqlTimelineStore(db, testVault());
    const ev = (
      accountId: string,
      at: string,
      channel: 'sms' | 'email' | 'whatsapp' | 'call',
      summary: string,
      direction: 'inbound' | 'outbound' = 'outbound',
    ) =>
      tl.append({
        orgId: t.orgId,
        debtorId: a1!.debtorId,
        accountId,
        occurredAt: at,
        kind: channel === 'call' ? 'call' : 'message',
        actor: direction === 'inbound' ? 'debtor' : 'system',
        actorId: null,
        channel,
        direction,
        summary,
        data: {},
      });
    // Recorded out of order on purpose: the history sorts by when things happened.
    await ev(a1!.id, '2026-11-22T10:00:00Z', 'whatsapp', 'reply', 'inbound');
    await ev(a1!.id, '2026-11-20T09:00:00Z', 'email', 'first email');
    await ev(a2!.id, '2026-11-21T12:00:00Z', 'call', 'call about account 2');
    await ev(a1!.id, '2026-11-22T10:00:00Z', 'sms', 'same instant, recorded later');
    const acc1 = await p.record.accountTimeline(t.orgId, a1!.id, { limit: 10 });
    expect(acc1.map((e) => e.summary)).toEqual(['first email', 'reply', 'same instant, recorded later']);
    const deb = await p.record.debtorTimeline(t.orgId, a1!.debtorId, { limit: 10 });
    expect(deb.map((e) => e.summary)).toEqual([
      'first email',
      'call about account 2',
      'reply',
      'same instant, recorded later',
    ]);
    const newest = await p.record.debtorTimeline(t.orgId, a1!.debtorId, { limit: 2, order: 'desc' });
    expect(newest.map((e) => e.summary)).toEqual(['same instant, recorded later', 'reply']);
    const page2 = await p.record.debtorTimeline(t.orgId, a1!.debtorId, { limit: 2, after: deb[1]!.seq });
    expect(page2.map((e) => e.summary)).toEqual(['reply', 'same instant, recorded later']);
  });

  describe('payments', () => {
    it('a payment lowers the balance, keeps the matching promise and restores the status', async () => {
      const { t, acc } = await oneAccount();
      const ptp = await p.record.createPromise(t.orgId, {
        accountId: acc.id,
        amountMinor: 200000,
        dueDate: '2026-11-27',
        actor: 'debtor',
      });
      expect((await p.record.getAccount(t.orgId, acc.id)).status).toBe('promised');
      const r = await p.record.recordPayment(t.orgId, {
        accountId: acc.id,
        amountMinor: 200000,
        currency: 'MXN',
        paidAt: '2026-11-24T14:00:00Z',
        externalId: 'psp-1',
        source: 'test',
        actor: 'system',
      });
      expect(r).toMatchObject({
        balanceMinor: acc.balanceMinor - 200000,
        status: 'active',
        promisesKept: [ptp.id],
        duplicate: false,
      });
      const kinds = (await p.record.accountTimeline(t.orgId, acc.id, { limit: 20 })).map(
        (e) => `${e.kind}:${e.summary}`,
      );
      expect(kinds).toEqual(
        expect.arrayContaining([
          'promise:Promise to pay',
          'payment:Payment received',
          'promise:Promise kept',
          'status_change:Status promised → active',
        ]),
      );
    });

    it('is idempotent by external id: a retried feed is not a second payment', async () => {
      const { t, acc } = await oneAccount();
      const first = await p.record.recordPayment(t.orgId, {
        accountId: acc.id,
        amountMinor: 5000,
        currency: 'MXN',
        externalId: 'psp-x',
        source: 'test',
        actor: 'system',
      });
      const again = await p.record.recordPayment(t.orgId, {
        accountId: acc.id,
        amountMinor: 5000,
        currency: 'MXN',
        externalId: 'psp-x',
        source: 'test',
        actor: 'system',
      });
      expect(again).toMatchObject({
        paymentId: first.paymentId,
        duplicate: true,
        balanceMinor: acc.balanceMinor - 5000,
      });
      expect((await p.record.getAccount(t.orgId, acc.id)).balanceMinor).toBe(acc.balanceMinor - 5000);
    });

    it('paying the whole balance marks the account paid; a wrong currency or more than the balance writes nothing', async () => {
      const { t, acc } = await oneAccount();
      await expect(
        p.record.recordPayment(t.orgId, {
          accountId: acc.id,
          amountMinor: 100,
          currency: 'USD',
          source: 'test',
          actor: 'system',
        }),
      ).rejects.toThrow(/does not match the account currency MXN/);
      expect((await p.record.getAccount(t.orgId, acc.id)).balanceMinor).toBe(acc.balanceMinor);
      // An overpayment is refused, not recorded (docs/security.md, money bounds).
      await expect(
        p.record.recordPayment(t.orgId, {
          accountId: acc.id,
          amountMinor: acc.balanceMinor + 100,
          currency: 'MXN',
          source: 'test',
          actor: 'system',
        }),
      ).rejects.toThrow(/exceeds the outstanding balance/);
      expect((await p.record.getAccount(t.orgId, acc.id)).balanceMinor).toBe(acc.balanceMinor);
      const r = await p.record.recordPayment(t.orgId, {
        accountId: acc.id,
        amountMinor: acc.balanceMinor,
        currency: 'MXN',
        source: 'test',
        actor: 'system',
      });
      expect(r).toMatchObject({ balanceMinor: 0, status: 'paid', overpaymentMinor: 0 });
    });

    it('another tenant cannot pay into or read the account', async () => {
      const { acc } = await oneAccount();
      const other = await newTenant(p);
      await expect(
        p.record.recordPayment(other.orgId, {
          accountId: acc.id,
          amountMinor: 100,
          currency: 'MXN',
          source: 'x',
          actor: 'system',
        }),
      ).rejects.toThrow(/not found/);
      await expect(p.record.getAccount(other.orgId, acc.id)).rejects.toThrow(/not found/);
    });

    it('concurrent payments on one account both count (row lock)', async () => {
      const { t, acc } = await oneAccount();
      await Promise.all(
        [1, 2, 3, 4].map((i) =>
          p.record.recordPayment(t.orgId, {
            accountId: acc.id,
            amountMinor: 1000,
            currency: 'MXN',
            externalId: `c-${i}`,
            source: 'x',
            actor: 'system',
          }),
        ),
      );
      expect((await p.record.getAccount(t.orgId, acc.id)).balanceMinor).toBe(acc.balanceMinor - 4000);
    });
  });

  it('overdue promises are broken by the worker sweep, once', async () => {
    const { t, acc } = await oneAccount();
    await p.record.createPromise(t.orgId, {
      accountId: acc.id,
      amountMinor: 50000, // at least the offer policy's smallest partial (4 % of 10,600.00)
      dueDate: '2026-11-25',
      actor: 'debtor',
    });
    const sweep = p.jobs.find((j) => j.name === 'expire-overdue-promises')!;
    await sweep.run();
    expect((await p.record.getAccount(t.orgId, acc.id)).status).toBe('promised'); // not yet due
    clock.set('2026-11-29T12:00:00Z'); // due 25th + 3 days grace = still keepable on the 28th
    await sweep.run();
    expect((await p.record.getAccount(t.orgId, acc.id)).status).toBe('active');
    const events = (await p.record.accountTimeline(t.orgId, acc.id, { limit: 20 })).map((e) => e.summary);
    expect(events.filter((s) => s === 'Promise broken')).toHaveLength(1);
    await sweep.run();
    expect(
      (await p.record.accountTimeline(t.orgId, acc.id, { limit: 20 })).filter(
        (e) => e.summary === 'Promise broken',
      ),
    ).toHaveLength(1);
    clock.set('2026-11-24T15:00:00Z');
  });

  it('filters accounts by bucket, status, balance and country, with keyset pagination', async () => {
    const t = await newTenant(p);
    await importRows(p, t.orgId, [
      makeRow({
        external_ref: 'A',
        delinquent_since: '2026-11-14',
        principal: '100.00',
        interest: '',
        fees: '',
      }), // 10 dpd
      makeRow({
        external_ref: 'B',
        delinquent_since: '2026-09-25',
        principal: '5000.00',
        interest: '',
        fees: '',
      }), // 60 dpd
      makeRow({
        external_ref: 'C',
        delinquent_since: '2026-09-24',
        principal: '900.00',
        interest: '',
        fees: '',
      }), // 61 dpd
      makeRow({ external_ref: 'D', delinquent_since: '', principal: '50.00', interest: '', fees: '' }),
      makeRow({
        external_ref: 'E',
        debtor_ref: 'ES-1',
        country: 'ES',
        region: '',
        timezone: '',
        phone: '+34612345678',
        currency: 'EUR',
        delinquent_since: '2025-01-01',
      }),
    ]);
    const refs = async (f: Parameters<Platform['record']['listAccounts']>[1]) =>
      (await p.record.listAccounts(t.orgId, f)).items.map((a) => a.externalRef).sort();
    expect(await refs({ limit: 50, bucket: '1-30' })).toEqual(['A']);
    expect(await refs({ limit: 50, bucket: '31-60' })).toEqual(['B']);
    expect(await refs({ limit: 50, bucket: '61-90' })).toEqual(['C']);
    expect(await refs({ limit: 50, bucket: 'current' })).toEqual(['D']);
    expect(await refs({ limit: 50, bucket: '90+' })).toEqual(['E']);
    expect(await refs({ limit: 50, country: 'ES' })).toEqual(['E']);
    expect(await refs({ limit: 50, minBalanceMinor: 90000, maxBalanceMinor: 500000, country: 'MX' })).toEqual(
      ['B', 'C'],
    );
    expect(await refs({ limit: 50, status: ['paid'] })).toEqual([]);
    const page1 = await p.record.listAccounts(t.orgId, { limit: 2 });
    const page2 = await p.record.listAccounts(t.orgId, { limit: 2, after: page1.nextCursor! });
    const page3 = await p.record.listAccounts(t.orgId, { limit: 2, after: page2.nextCursor! });
    expect([...page1.items, ...page2.items, ...page3.items].map((a) => a.externalRef).sort()).toEqual([
      'A',
      'B',
      'C',
      'D',
      'E',
    ]);
    expect(page3.nextCursor).toBeNull();
  });
});
