import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ManualClock } from '../../../shared/clock/manual-clock.js';
import { createSqlOutboundMessageStore } from '../adapters/sql/outbound-message-store.js';
import type { Platform } from '../../../platform/composition-root.js';
import type { ChannelProvider } from '../ports/channel-provider.js';
import type { Db } from '../../../shared/db/db.js';
import type { ContactRequest } from '../ports/messaging.js';
import { describeStorage } from '../../../../test/storage.js';
import { importRows, makeRow, newTenant, T0, testPlatform } from '../../../../test/fixtures.js';
import { sqlContactDebtor } from '../testing/sql-contact-debtor.js';

/**
 * The database goes away (a restart) after the provider accepted a contact and before its record:
 * the record is tried again while the send lease holds, so the acceptance is not lost (a lost one
 * is resumed — sent again — once the lease passes). Before this, the first failure was final.
 */
describeStorage('recording an accepted send while the database restarts', (mode) => {
  let db: Db & { drop(): Promise<void> };
  let p: Platform;
  let clock: ManualClock;
  beforeAll(async () => {
    db = await mode.open();
    ({ platform: p, clock } = await testPlatform(db));
  });
  afterAll(() => db.drop());

  const lost = () => Object.assign(new Error('Connection terminated unexpectedly'), {});
  const sends: string[] = [];
  const provider: ChannelProvider = {
    id: 'fake',
    channels: ['sms'],
    onEvent: () => () => {},
    close: async () => {},
    send: async (m) => {
      sends.push(m.messageId);
      return { ok: true, providerMessageId: `fk_${m.messageId}`, status: 'sent' };
    },
  };

  /** Messaging whose transactions fail as `fail(n)` says for the n-th (1-based). */
  function messaging(fail: (n: number, commit: () => Promise<unknown>) => Promise<void>) {
    let n = 0;
    return sqlContactDebtor(db, clock, provider, {
      pause: async () => {},
      tx: async (fn) => {
        let out: unknown;
        await fail(++n, async () => (out = await db.transaction(() => fn())));
        return out as never;
      },
    });
  }

  let k = 0;
  async function contactRequest(): Promise<ContactRequest> {
    clock.set(T0);
    const t = await newTenant(p);
    await importRows(p, t.orgId, [makeRow()]);
    const a = (await db.query<{ id: string }>('SELECT id FROM accounts WHERE org_id = $1', [t.orgId]))
      .rows[0]!;
    return {
      orgId: t.orgId,
      accountId: a.id,
      channel: 'sms',
      templateId: 'tpl_default_reminder_sms_es-MX',
      idempotencyKey: `contact:${a.id}:node:${++k}`,
      requestedBy: { kind: 'strategy', id: 'str_1' },
    };
  }

  async function recorded(req: ContactRequest) {
    const row = await createSqlOutboundMessageStore(db).findByKey(req.orgId, req.idempotencyKey);
    const events = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM timeline_events WHERE org_id = $1 AND direction = 'outbound'`,
      [req.orgId],
    );
    return { status: row?.status, providerMessageId: row?.providerMessageId, events: events.rows[0]!.n };
  }

  it('unreachable twice, then back: recorded once, sent once', async () => {
    const req = await contactRequest();
    sends.length = 0;
    const r = await messaging(async (n, commit) => {
      if (n <= 2) throw lost();
      await commit();
    }).contact(req);
    expect(r).toMatchObject({ kind: 'sent' });
    expect(sends).toHaveLength(1);
    expect(await recorded(req)).toEqual({ status: 'sent', providerMessageId: `fk_${sends[0]}`, events: 1 });
  });

  it('the commit went through but its answer was lost: the retry writes nothing twice', async () => {
    const req = await contactRequest();
    sends.length = 0;
    const r = await messaging(async (n, commit) => {
      await commit();
      if (n === 1) throw lost();
    }).contact(req);
    expect(r).toMatchObject({ kind: 'sent' });
    expect(await recorded(req)).toMatchObject({ status: 'sent', events: 1 });
  });

  it('not retried past the send lease (a replay may resume it), nor for an error of the statement', async () => {
    const req = await contactRequest();
    await expect(
      messaging(async () => {
        clock.advance(61_000);
        throw lost();
      }).contact(req),
    ).rejects.toThrow(/Connection terminated/);
    const other = await contactRequest();
    let tries = 0;
    await expect(
      messaging(async () => {
        tries++;
        throw new Error('duplicate key value violates unique constraint');
      }).contact(other),
    ).rejects.toThrow(/duplicate key/);
    expect(tries).toBe(1);
  });
});
