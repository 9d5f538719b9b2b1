import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../main.js';
import { buildCore, loadConfig } from '../platform.js';
import { ManualClock } from '../../shared/clock/manual-clock.js';
import { openPgliteDb } from '../../shared/db/pglite-db.js';
import { entryHash } from '../../modules/audit/index.js';
import { memoryIo } from '../testing/memory-io.js';

const work = mkdtempSync(join(tmpdir(), 'saldo-audit-cli-'));
const anchorFile = join(work, 'anchors.jsonl');
const env = {
  SALDO_DATA_DIR: join(work, 'pglite'),
  SALDO_SECRET_KEY: 'audit-cli-secret-0123456789',
  SALDO_AUDIT_ANCHORS: anchorFile,
};

describe('saldo audit verify', () => {
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("records an operator's change made from the command line, under the operating-system user", async () => {
    const io = memoryIo({ ...env, USER: 'ops-ana' });
    expect(await runCli(['apikey', 'create', '--name', 'crm', '--role', 'agent'], io)).toBe(0);
    const p = await buildCore({ config: loadConfig(env), clock: new ManualClock('2026-11-24T15:00:00Z') });
    try {
      const entries = await p.audit.list(p.defaultOrgId, { limit: 10 });
      expect(entries.map((e) => [e.action, e.outcome, e.actor.kind, e.actor.id])).toEqual([
        ['saldo apikey create', 'requested', 'cli', 'ops-ana'],
        ['saldo apikey create', 'completed', 'cli', 'ops-ana'],
      ]);
      expect(JSON.parse(entries[0]!.detail)).toEqual({ name: 'crm', role: 'agent' });
    } finally {
      await p.close();
    }
  });

  it('reports each chain intact with its head, then exits 1 once an entry was edited behind its back', async () => {
    const p = await buildCore({ config: loadConfig(env), clock: new ManualClock('2026-11-24T15:00:00Z') });
    for (const n of [3, 4, 5])
      await p.audit.record({
        orgId: p.defaultOrgId,
        actor: { kind: 'cli', id: 'operator' },
        action: 'saldo import',
        target: `portfolio pf${n}`,
        outcome: 'completed',
        detail: { rows: n },
      });
    await p.close();

    const ok = memoryIo(env);
    expect(await runCli(['audit', 'verify'], ok)).toBe(0);
    expect(ok.out()).toMatch(
      new RegExp(`^${p.defaultOrgId}: 5 entries, intact; head 5 [0-9a-f]{64}\\nanchors: ${anchorFile}\\n$`),
    );

    const db = await openPgliteDb(env.SALDO_DATA_DIR);
    await db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    await db.query(`UPDATE audit_log SET detail = '{"rows":30}' WHERE seq = 4`);
    await db.close();

    const broken = memoryIo(env);
    expect(await runCli(['audit', 'verify', '--json'], broken)).toBe(1);
    expect(JSON.parse(broken.out())).toMatchObject({
      entries: 5,
      intact: false,
      breaks: [{ seq: 4, problem: 'edited' }],
    });
  });

  it('anchors the heads outside the database, then catches a tail rewritten with every hash recomputed', async () => {
    const db = await openPgliteDb(env.SALDO_DATA_DIR);
    // Start from a chain that holds (the previous test's edit undone), nothing anchored yet.
    await db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    await db.query(`UPDATE audit_log SET detail = '{"rows":4}' WHERE seq = 4`);
    await db.close();
    rmSync(anchorFile, { force: true });

    const anchored = memoryIo(env);
    expect(await runCli(['audit', 'anchor'], anchored)).toBe(0);
    expect(anchored.out()).toMatch(/: anchored 5 [0-9a-f]{64}\n/);
    const [line] = readFileSync(anchorFile, 'utf8').trim().split('\n');
    expect(JSON.parse(line!)).toMatchObject({ seq: 5 });
    expect(statSync(anchorFile).mode & 0o777).toBe(0o600);

    // Rewrite entries 3–5 with recomputed hashes and move the head: the database alone cannot tell.
    const p = await buildCore({ config: loadConfig(env) });
    const entries = await p.audit.list(p.defaultOrgId, { limit: 100 });
    await p.close();
    const tampered = await openPgliteDb(env.SALDO_DATA_DIR);
    let prevHash = entries[1]!.hash;
    for (const e of entries.slice(2)) {
      const forged = { ...e, detail: '{"rows":0}', prevHash };
      prevHash = entryHash(forged);
      await tampered.query(
        `UPDATE audit_log SET detail = $3, prev_hash = $4, hash = $5 WHERE org_id = $1 AND seq = $2`,
        [e.orgId, e.seq, forged.detail, forged.prevHash, prevHash],
      );
    }
    await tampered.query(`UPDATE audit_heads SET hash = $2 WHERE org_id = $1`, [entries[0]!.orgId, prevHash]);
    await tampered.close();
    const unanchored = memoryIo({ ...env, SALDO_AUDIT_ANCHORS: join(work, 'no-anchors.jsonl') });
    expect(await runCli(['audit', 'verify'], unanchored)).toBe(0);

    const broken = memoryIo(env);
    expect(await runCli(['audit', 'verify', '--json'], broken)).toBe(1);
    const report = broken
      .out()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { intact: boolean; breaks: unknown[] })
      .find((r) => !r.intact);
    expect(report!.breaks).toEqual([{ seq: 5, problem: 'diverged', anchoredAt: expect.any(String) }]);
  });
});
