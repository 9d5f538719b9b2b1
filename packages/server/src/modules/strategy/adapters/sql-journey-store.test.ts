// JourneyStore.applyMany against its contract: the same outcomes and the same rows as calling
// `apply` for each item in turn, in one transaction.
import type { JourneyCommand, JourneyState } from '@saldo/core/strategy';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Platform } from '../../../platform/composition-root.js';
import type { Db } from '../../../shared/db/db.js';
import type { ApplyItem, ApplyOutcome, JourneyStore, JourneyWrite, LoadedJourney } from '../ports.js';
import { describeStorage } from '../../../../test/storage.js';
import { importRows, makeRow, newTenant, T0, testPlatform } from '../../../../test/fixtures.js';
import { createSqlJourneyStore } from './sql-journey-store.js';

const NOW = new Date(T0);
const HOUR = 3_600_000;

/**
 * What one event does to a journey, as a decide callback would. Each write depends on the state it
 * is given (attempt counters, wake time), so applying on a stale state gives a different result.
 */
type Step =
  | { kind: 'send'; node: string; channel: 'email' | 'sms' }
  | { kind: 'noop' }
  | { kind: 'escalate'; queue: string }
  | { kind: 'stop' };

/** Rows applyMany may write for a tenant, account ids anonymised. */
interface Snapshot {
  journeys: Array<{
    account_id: string;
    status: string;
    state: JourneyState | null;
    next_run_at: string | null;
  }>;
  outbox: Array<{
    account_id: string;
    kind: string;
    idempotency_key: string;
    command: JourneyCommand;
    status: string;
    next_attempt_at: string;
  }>;
  inbox: Array<{ event_key: string; account_id: string; type: string }>;
}

/** One event of a scenario: `acct` is an index into the tenant's accounts (or a missing account). */
interface Ev {
  acct: number | 'missing';
  key: string | null;
  step: Step;
  otherOrg?: boolean;
}

function initial(j: LoadedJourney): JourneyState {
  return {
    accountId: j.accountId,
    strategyId: j.strategyId,
    strategyVersion: j.version,
    segmentId: 'all',
    nodeId: 'start',
    status: 'active',
    wakeAt: null,
    nodeEnteredAt: NOW.toISOString(),
    attempts: {},
    arms: {},
    optedOut: [],
    history: [],
  };
}

function write(j: LoadedJourney, step: Step): JourneyWrite | null {
  const s = structuredClone(j.state ?? initial(j));
  const at = NOW.toISOString();
  switch (step.kind) {
    case 'noop':
      return null;
    case 'send': {
      const attempt = (s.attempts[step.node] ?? 0) + 1;
      s.attempts[step.node] = attempt;
      const total = Object.values(s.attempts).reduce((a, b) => a + b, 0);
      const state: JourneyState = {
        ...s,
        nodeId: step.node,
        status: 'waiting',
        wakeAt: new Date(NOW.getTime() + total * HOUR).toISOString(),
        history: [...s.history, { nodeId: step.node, at }],
      };
      const cmd: JourneyCommand = {
        type: 'send',
        accountId: j.accountId,
        nodeId: step.node,
        channel: step.channel,
        templateId: 'reminder_email_v1',
        attempt,
        idempotencyKey: `contact:${j.accountId}:${step.node}:${attempt}`,
      };
      return { state, commands: [cmd] };
    }
    case 'escalate':
      return {
        state: { ...s, nodeId: 'escalated', lastEvent: `escalated:${s.history.length}` },
        commands: [
          {
            type: 'escalate',
            accountId: j.accountId,
            nodeId: 'escalated',
            queue: step.queue,
            reason: 'test',
          },
        ],
      };
    case 'stop':
      return {
        state: { ...s, status: 'exited', wakeAt: null, exitReason: 'stopped' },
        commands: [{ type: 'exit', accountId: j.accountId, nodeId: null, reason: 'stopped' }],
        cancelPending: true,
      };
  }
}

describeStorage('journey store: applyMany', (mode) => {
  let db: Db & { drop(): Promise<void> };
  let p: Platform;
  let journeys: JourneyStore;
  beforeAll(async () => {
    db = await mode.open();
    ({ platform: p } = await testPlatform(db));
    journeys = createSqlJourneyStore(db);
  });
  afterAll(() => db.drop());

  /** A tenant with `n` enrolled accounts (journeys pending, state null). */
  async function tenant(n = 3) {
    const t = await newTenant(p);
    await importRows(
      p,
      t.orgId,
      Array.from({ length: n }, (_, i) =>
        makeRow({ external_ref: `ACC-${i}`, debtor_ref: `DEB-${i}`, email: `d${i}@example.com` }),
      ),
    );
    expect(await journeys.enrol(t.orgId, { id: 'stg_test', version: 1 }, {}, NOW)).toBe(n);
    const accounts = (
      await db.query<{ id: string }>('SELECT id FROM accounts WHERE org_id = $1 ORDER BY external_ref', [
        t.orgId,
      ])
    ).rows.map((r) => r.id);
    return { orgId: t.orgId, accounts };
  }
  type Tenant = Awaited<ReturnType<typeof tenant>>;

  /** Account ids → their index, so two tenants' rows compare equal. */
  const anonymise = (t: Tenant, v: unknown) =>
    JSON.parse(
      t.accounts
        .reduce((s, id, i) => s.split(id).join(`ACCT${i}`), JSON.stringify(v))
        .split(t.orgId)
        .join('ORG'),
    );

  /** Everything applyMany may write for a tenant: journeys, outbox, inbox. */
  async function snapshot(t: Tenant): Promise<Snapshot> {
    const j = await db.query(
      `SELECT account_id, status, state, next_run_at FROM journeys WHERE org_id = $1`,
      [t.orgId],
    );
    const o = await db.query(
      `SELECT account_id, kind, idempotency_key, command, status, next_attempt_at FROM outbox WHERE org_id = $1`,
      [t.orgId],
    );
    const i = await db.query(`SELECT event_key, account_id, type FROM journey_inbox WHERE org_id = $1`, [
      t.orgId,
    ]);
    const value = (k: string, v: unknown) =>
      v instanceof Date
        ? v.toISOString()
        : (k === 'state' || k === 'command') && typeof v === 'string'
          ? JSON.parse(v)
          : v;
    const norm = (rows: Array<Record<string, unknown>>) =>
      rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, value(k, v)])));
    // Sorted after anonymising: account ids are random, so SQL order differs between tenants.
    const sorted = <R>(rows: R[], k: keyof R) =>
      [...rows].sort((x, y) => String(x[k]).localeCompare(String(y[k])));
    const s = anonymise(t, { journeys: norm(j.rows), outbox: norm(o.rows), inbox: norm(i.rows) }) as Snapshot;
    return {
      journeys: sorted(s.journeys, 'account_id'),
      outbox: sorted(s.outbox, 'idempotency_key'),
      inbox: sorted(s.inbox, 'event_key'),
    };
  }

  /** The scenario's items for a tenant; `seen` logs the journey each decide was given. */
  function items(t: Tenant, other: Tenant, evs: Ev[], seen: unknown[]): ApplyItem[] {
    return evs.map((e, n) => ({
      orgId: e.otherOrg ? other.orgId : t.orgId,
      accountId: e.acct === 'missing' ? 'acct_missing' : t.accounts[e.acct]!,
      eventKey: e.key === null ? null : `${e.key}`,
      eventType: e.step.kind,
      decide: async (j: LoadedJourney) => {
        seen.push(anonymise(t, { n, status: j.status, state: j.state }));
        return write(j, e.step);
      },
    }));
  }

  async function oneByOne(its: ApplyItem[]): Promise<ApplyOutcome[]> {
    const out: ApplyOutcome[] = [];
    for (const it of its)
      out.push(await journeys.apply(it.orgId, it.accountId, NOW, it.eventKey, it.eventType, it.decide));
    return out;
  }

  const send = (node: string, channel: 'email' | 'sms' = 'email'): Step => ({ kind: 'send', node, channel });

  it('gives the outcomes, journey states, outbox and inbox that apply one by one gives', async () => {
    const [a, b] = [await tenant(), await tenant()];
    // The same history on both tenants: a key already in the inbox and a contact already queued.
    const before: Ev[] = [
      { acct: 0, key: 'k0', step: send('email') },
      { acct: 1, key: 'k00', step: send('email') },
    ];
    await oneByOne(items(a, b, before, []));
    await oneByOne(items(b, a, before, []));
    const scenario: Ev[] = [
      { acct: 0, key: 'k1', step: send('sms', 'sms') }, // on the state `before` left
      { acct: 1, key: 'k2', step: send('sms', 'sms') },
      { acct: 0, key: 'k3', step: send('email') }, // second event of acct 0: on the state k1 left
      { acct: 0, key: 'k1', step: send('email') }, // same key twice in one call → duplicate
      { acct: 0, key: 'k0', step: send('email') }, // key already in the inbox → duplicate
      { acct: 2, key: 'k4', step: { kind: 'noop' } }, // unchanged (key still recorded)
      { acct: 2, key: 'k5', step: send('email'), otherOrg: true }, // another organisation → not_found
      { acct: 'missing', key: 'k6', step: send('email') }, // no such journey → not_found
      { acct: 0, key: null, step: send('sms', 'sms') }, // no key: always applied
      { acct: 2, key: 'k7', step: { kind: 'escalate', queue: 'q1' } },
      { acct: 2, key: 'k8', step: send('email') }, // after an unchanged and an escalation
      { acct: 1, key: 'k9', step: { kind: 'stop' } }, // cancels acct 1's pending contacts (from `before` and k2)
    ];
    const seenA: unknown[] = [];
    const seenB: unknown[] = [];
    const many = await journeys.applyMany(NOW, items(a, b, scenario, seenA));
    const single = await oneByOne(items(b, a, scenario, seenB));
    expect(many).toEqual([
      'applied',
      'applied',
      'applied',
      'duplicate',
      'duplicate',
      'unchanged',
      'not_found',
      'not_found',
      'applied',
      'applied',
      'applied',
      'applied',
    ]);
    expect(many).toEqual(single);
    // Each decide saw the state the previous event of its account left.
    expect(seenA).toEqual(seenB);
    const [sa, sb] = [await snapshot(a), await snapshot(b)];
    expect(sa).toEqual(sb);
    // And what that is, so the comparison is not of two equally wrong results.
    expect(sa.journeys.map((j) => j.state?.attempts)).toEqual(
      expect.arrayContaining([{ email: 2, sms: 2 }, { email: 1, sms: 1 }, { email: 1 }]),
    );
    expect(sa.inbox.map((x) => x.event_key)).toEqual(['k0', 'k00', 'k1', 'k2', 'k3', 'k4', 'k7', 'k8', 'k9']);
    const byKey = Object.fromEntries(sa.outbox.map((o) => [o.idempotency_key, o.status]));
    expect(byKey).toMatchObject({
      'contact:ACCT1:email:1': 'cancelled',
      'contact:ACCT1:sms:1': 'cancelled',
      'contact:ACCT0:sms:2': 'pending',
      'contact:ACCT2:email:1': 'pending',
    });
    // Nothing was written for the other organisation's account or under its id.
    expect((await db.query('SELECT 1 FROM journey_inbox WHERE event_key = $1', ['k5'])).rows).toHaveLength(0);
  });

  it('a cancel stops only the contacts queued before it, as one by one', async () => {
    const [a, b] = [await tenant(1), await tenant(1)];
    const scenario: Ev[] = [
      { acct: 0, key: 'c1', step: send('email') },
      { acct: 0, key: 'c2', step: { kind: 'stop' } },
      // A later event that queues a contact again (e.g. a re-start): one by one it stays pending.
      { acct: 0, key: 'c3', step: send('sms', 'sms') },
    ];
    expect(await journeys.applyMany(NOW, items(a, b, scenario, []))).toEqual(
      await oneByOne(items(b, a, scenario, [])),
    );
    const [sa, sb] = [await snapshot(a), await snapshot(b)];
    expect(sb.outbox.map((o) => [o.idempotency_key, o.status])).toEqual([
      ['contact:ACCT0:email:1', 'cancelled'],
      ['contact:ACCT0:sms:1', 'pending'],
      [expect.stringMatching(/^exit:/), 'recorded'],
    ]);
    expect(sa).toEqual(sb);
  });

  it('writes nothing when a decide throws: no inbox key, no state, no outbox row', async () => {
    const t = await tenant(2);
    const b = await tenant(1);
    const before = await snapshot(t);
    const its = items(
      t,
      b,
      [
        { acct: 0, key: 'x1', step: send('email') },
        { acct: 1, key: 'x2', step: send('email') },
        { acct: 0, key: 'x3', step: { kind: 'stop' } },
      ],
      [],
    );
    its.push({
      ...its[0]!,
      eventKey: 'x4',
      decide: async () => {
        throw new Error('definition unavailable');
      },
    });
    await expect(journeys.applyMany(NOW, its)).rejects.toThrow('definition unavailable');
    expect(await snapshot(t)).toEqual(before);
    expect(before.inbox).toEqual([]);
    // The same keys are fresh afterwards: the failed call recorded none of them.
    expect(await journeys.applyMany(NOW, its.slice(0, 3))).toEqual(['applied', 'applied', 'applied']);
  });

  it('an empty call is a no-op; journeys of several organisations in one call', async () => {
    expect(await journeys.applyMany(NOW, [])).toEqual([]);
    const [a, b] = [await tenant(1), await tenant(1)];
    const its = [
      ...items(a, b, [{ acct: 0, key: 'm1', step: send('email') }], []),
      ...items(b, a, [{ acct: 0, key: 'm1', step: send('email') }], []),
    ];
    // The same event key in two organisations is two events.
    expect(await journeys.applyMany(NOW, its)).toEqual(['applied', 'applied']);
    expect(await journeys.applyMany(NOW, its)).toEqual(['duplicate', 'duplicate']);
    expect((await snapshot(a)).outbox).toEqual((await snapshot(b)).outbox);
  });
});
