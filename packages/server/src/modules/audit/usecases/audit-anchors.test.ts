// Anchors: the chain's head recorded outside the database, so that a rewrite of the whole tail
// (hashes recomputed, head moved: everything the database alone can check still holds) is caught.
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../shared/clock/manual-clock.js';
import { createMemoryAnchorLog } from '../testing/memory-anchor-log.js';
import { createMemoryAuditStore } from '../testing/memory-audit-store.js';
import { GENESIS_HASH, type AuditEntry, type AuditEvent } from '../ports.js';
import { createAuditTrail } from './audit-trail.js';
import { canonicalJson, entryHash } from './audit-hash.js';

const event = (n: number): AuditEvent => ({
  orgId: 'org_a',
  actor: { kind: 'session', id: 'usr_1', role: 'admin' },
  action: 'PUT /v1/compliance/policy',
  target: '/v1/compliance/policy',
  outcome: 'requested',
  detail: { body: { weeklyCaps: { sms: n } } },
});

async function anchoredTrail(n: number) {
  const store = createMemoryAuditStore();
  const anchors = createMemoryAnchorLog();
  const clock = new ManualClock('2026-11-24T15:00:00Z');
  const trail = createAuditTrail({ store, clock, anchors });
  const add = async (count: number) => {
    for (let i = 0; i < count; i++) {
      await trail.record(event(store.entries.length + 1));
      clock.advance(1000);
    }
  };
  await add(n);
  return { store, anchors, trail, add };
}

/**
 * What someone with the database owner's rights can do: rewrite the entries from `fromSeq` on,
 * re-chained with recomputed hashes, keeping `keep` of them (0: the chain is cut back), head moved.
 */
function rewriteFrom(store: ReturnType<typeof createMemoryAuditStore>, fromSeq: number, keep = Infinity) {
  const kept = store.entries.filter((e) => e.seq < fromSeq + keep);
  let prev = kept.find((e) => e.seq === fromSeq - 1)?.hash ?? GENESIS_HASH;
  const rewritten: AuditEntry[] = kept.map((e) => {
    if (e.seq < fromSeq) return e;
    const forged = { ...e, detail: canonicalJson({ body: { weeklyCaps: { sms: 1000 } } }), prevHash: prev };
    const hash = entryHash(forged);
    prev = hash;
    return { ...forged, hash };
  });
  store.entries.splice(0, store.entries.length, ...rewritten);
  const last = rewritten.at(-1)!;
  store.heads.set('org_a', { seq: last.seq, hash: last.hash });
}

describe('audit anchors', () => {
  it('anchors each head once, and again only when the chain has grown', async () => {
    const { store, anchors, trail, add } = await anchoredTrail(3);
    expect((await trail.anchor()).map((r) => r.anchored?.seq ?? null)).toEqual([3]);
    expect(anchors.anchors).toEqual([
      { orgId: 'org_a', seq: 3, hash: store.entries[2]!.hash, at: '2026-11-24T15:00:03.000Z' },
    ]);
    expect((await trail.anchor()).map((r) => r.anchored)).toEqual([null]);
    await add(2);
    expect((await trail.anchor()).map((r) => r.anchored?.seq ?? null)).toEqual([5]);
    expect((await trail.verify('org_a')).breaks).toEqual([]);
  });

  it('catches a rewrite of the tail that the database alone cannot tell from the real chain', async () => {
    const { store, trail } = await anchoredTrail(5);
    await trail.anchor();
    rewriteFrom(store, 3);
    // Without the anchors every link holds: that is what anchoring is for.
    const unanchored = createAuditTrail({ store, clock: new ManualClock('2026-11-25T00:00:00Z') });
    expect((await unanchored.verify('org_a')).breaks).toEqual([]);
    expect((await trail.verify('org_a')).breaks).toEqual([
      { seq: 5, problem: 'diverged', anchoredAt: '2026-11-24T15:00:05.000Z' },
    ]);
  });

  it('catches a chain cut back below an anchor, its head moved to match', async () => {
    const { store, trail } = await anchoredTrail(5);
    await trail.anchor();
    rewriteFrom(store, 4, 0); // entries 4 and 5 gone, the head set to entry 3
    expect((await trail.verify('org_a')).breaks).toEqual([
      { seq: 5, problem: 'diverged', anchoredAt: '2026-11-24T15:00:05.000Z' },
    ]);
  });

  it('does not anchor a chain that no longer holds since its last anchor, and says why', async () => {
    const { store, anchors, trail, add } = await anchoredTrail(3);
    await trail.anchor();
    await add(2);
    store.entries[4]!.outcome = 'completed 200';
    const [r] = await trail.anchor();
    expect(r).toMatchObject({ anchored: null, breaks: [{ seq: 5, problem: 'edited' }] });
    expect(anchors.anchors.map((a) => a.seq)).toEqual([3]);
  });

  it('anchoring checks only what came since the last anchor; a full verification checks everything', async () => {
    const { store, trail, add } = await anchoredTrail(3);
    await trail.anchor();
    await add(1);
    store.entries[0]!.outcome = 'completed 200';
    expect((await trail.anchor()).map((r) => r.anchored?.seq ?? null)).toEqual([4]);
    expect((await trail.verify('org_a')).breaks).toEqual([{ seq: 1, problem: 'edited' }]);
  });
});
