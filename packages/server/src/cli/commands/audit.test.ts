import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../main.js';
import type { CliIo } from '../io.js';
import { buildCore, loadConfig } from '../platform.js';
import { ManualClock } from '../../shared/clock/manual-clock.js';
import { openPgliteDb } from '../../shared/db/pglite-db.js';

const work = mkdtempSync(join(tmpdir(), 'saldo-audit-cli-'));
const env = { SALDO_DATA_DIR: join(work, 'pglite'), SALDO_SECRET_KEY: 'audit-cli-secret-0123456789' };

function memoryIo(): CliIo & { exitCode(): number; out(): string } {
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  let code = 0;
  return {
    stdin: Readable.from([]),
    stdout,
    stderr: new PassThrough(),
    env,
    setExitCode: (c) => (code = Math.max(code, c)),
    exitCode: () => code,
    out: () => out,
  };
}

describe('saldo audit verify', () => {
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("records an operator's change made from the command line, under the operating-system user", async () => {
    const io = { ...memoryIo(), env: { ...env, USER: 'ops-ana' } };
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

    const ok = memoryIo();
    expect(await runCli(['audit', 'verify'], ok)).toBe(0);
    expect(ok.out()).toMatch(new RegExp(`^${p.defaultOrgId}: 5 entries, intact; head 5 [0-9a-f]{64}\\n$`));

    const db = await openPgliteDb(env.SALDO_DATA_DIR);
    await db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    await db.query(`UPDATE audit_log SET detail = '{"rows":30}' WHERE seq = 4`);
    await db.close();

    const broken = memoryIo();
    expect(await runCli(['audit', 'verify', '--json'], broken)).toBe(1);
    expect(JSON.parse(broken.out())).toMatchObject({
      entries: 5,
      intact: false,
      breaks: [{ seq: 4, problem: 'edited' }],
    });
  });
});
