import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../shared/clock/manual-clock.js';
import { createMemoryAuditStore } from '../testing/memory-audit-store.js';
import type { AuditEvent } from '../ports.js';
import { createAuditTrail } from './audit-trail.js';
import { canonicalJson } from './audit-hash.js';

const event = (n: number, orgId = 'org_a'): AuditEvent => ({
  orgId,
  actor: { kind: 'session', id: 'usr_1', role: 'admin' },
  action: 'PUT /v1/compliance/policy',
  target: '/v1/compliance/policy',
  outcome: 'requested',
  detail: { body: { weeklyCaps: { sms: n } }, requestId: `req-${n}` },
});

async function trailWith(n: number) {
  const store = createMemoryAuditStore();
  const clock = new ManualClock('2026-11-24T15:00:00Z');
  const trail = createAuditTrail({ store, clock });
  for (let i = 1; i <= n; i++) {
    await trail.record(event(i));
    clock.advance(1000);
  }
  return { store, trail };
}

describe('the audit chain', () => {
  it('numbers entries from 1 without gaps, links each to the previous hash, and verifies intact', async () => {
    const { store, trail } = await trailWith(5);
    expect(store.entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    for (let i = 1; i < 5; i++) expect(store.entries[i]!.prevHash).toBe(store.entries[i - 1]!.hash);
    expect(new Set(store.entries.map((e) => e.hash)).size).toBe(5);
    const r = await trail.verify('org_a');
    expect(r).toMatchObject({ entries: 5, lastSeq: 5, lastHash: store.entries[4]!.hash, breaks: [] });
  });

  it('keeps one chain per organisation', async () => {
    const { trail } = await trailWith(2);
    const other = await trail.record(event(1, 'org_b'));
    expect(other.seq).toBe(1);
    expect((await trail.verifyAll()).map((r) => [r.orgId, r.entries, r.breaks.length])).toEqual([
      ['org_a', 2, 0],
      ['org_b', 1, 0],
    ]);
  });

  it('detects an edited field, whichever it is', async () => {
    for (const edit of [
      (e: { outcome: string }) => (e.outcome = 'completed 200'),
      (e: { detail: string }) => (e.detail = canonicalJson({ body: { weeklyCaps: { sms: 99 } } })),
      (e: { at: string }) => (e.at = '2026-11-24T15:00:00.001Z'),
      (e: { actor: { id: string } }) => (e.actor = { ...e.actor, id: 'usr_2' }),
    ]) {
      const { store, trail } = await trailWith(4);
      edit(store.entries[1] as never);
      expect((await trail.verify('org_a')).breaks).toEqual([{ seq: 2, problem: 'edited' }]);
    }
  });

  it('detects a deleted entry in the middle and at the end', async () => {
    const middle = await trailWith(4);
    middle.store.entries.splice(1, 1);
    expect((await middle.trail.verify('org_a')).breaks).toEqual([
      { seq: 3, problem: 'missing', expectedSeq: 2 },
    ]);

    const end = await trailWith(4);
    end.store.entries.pop();
    expect((await end.trail.verify('org_a')).breaks).toEqual([{ seq: 3, problem: 'truncated', headSeq: 4 }]);
  });

  it('detects an entry replaced by a re-hashed forgery (its successor no longer links to it)', async () => {
    const { store, trail } = await trailWith(4);
    const forged = await createAuditTrail({
      store: createMemoryAuditStore(),
      clock: new ManualClock('2026-11-24T15:00:00Z'),
    }).record(event(2));
    // A forger who recomputes the entry's own hash still breaks the link from the next entry.
    store.entries[1] = { ...forged, seq: 2, prevHash: store.entries[0]!.hash };
    const { entryHash } = await import('./audit-hash.js');
    store.entries[1] = { ...store.entries[1]!, hash: entryHash(store.entries[1]!) };
    expect((await trail.verify('org_a')).breaks).toEqual([{ seq: 3, problem: 'relinked' }]);
  });

  it('verifies long chains page by page', async () => {
    const { trail } = await trailWith(2500);
    const r = await trail.verify('org_a');
    expect(r.entries).toBe(2500);
    expect(r.breaks).toEqual([]);
  });
});
