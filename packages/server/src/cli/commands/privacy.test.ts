import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../main.js';
import { buildCore, loadConfig } from '../platform.js';
import { ManualClock } from '../../shared/clock/manual-clock.js';
import { makeRow } from '../../../test/fixtures.js';
import { memoryIo } from '../testing/memory-io.js';

const work = mkdtempSync(join(tmpdir(), 'saldo-privacy-cli-'));
const env = {
  SALDO_DATA_DIR: join(work, 'pglite'),
  SALDO_SECRET_KEY: 'privacy-cli-secret-0123456789',
  USER: 'dpo-marta',
};

const core = () => buildCore({ config: loadConfig(env), clock: new ManualClock('2026-11-24T15:00:00Z') });

describe('saldo privacy export | erase', () => {
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('exports, refuses while collected, erases once closed — each on the audit trail as the operator', async () => {
    let p = await core();
    await p.imports.importRows(
      p.defaultOrgId,
      [makeRow({ first_name: 'Eustaquia', email: 'eus@example.com' })],
      {
        portfolio: { code: 'pf1', currency: 'MXN', country: 'MX' },
        mode: 'all_or_nothing',
        sourceName: 'test',
      },
    );
    const [account] = (await p.record.listAccounts(p.defaultOrgId, { limit: 1 })).items;
    const slug = 'default';
    await p.close();

    const exported = memoryIo(env);
    expect(
      await runCli(['privacy', 'export', account!.debtorId, '--org', slug], exported),
      exported.err(),
    ).toBe(0);
    expect(JSON.parse(exported.out())).toMatchObject({ erased: false, debtor: { first_name: 'Eustaquia' } });

    const refused = memoryIo(env);
    expect(
      await runCli(['privacy', 'erase', account!.debtorId, '--org', slug, '--reason', 'ARCO 12'], refused),
    ).not.toBe(0);
    expect(refused.err()).toContain(account!.id);

    p = await core();
    await p.record.recordPayment(p.defaultOrgId, {
      accountId: account!.id,
      amountMinor: account!.balanceMinor,
      currency: 'MXN',
      source: 'test',
      actor: 'agent',
    });
    await p.close();
    const erased = memoryIo(env);
    expect(
      await runCli(['privacy', 'erase', account!.debtorId, '--org', slug, '--reason', 'ARCO 12'], erased),
      erased.err(),
    ).toBe(0);
    expect(erased.out()).toMatch(
      /^erased dbt_\w+ at .*: key shredded, 2 contact points deleted, 2 addresses suppressed/,
    );

    p = await core();
    try {
      const entries = await p.audit.list(p.defaultOrgId, { limit: 20 });
      expect(entries.map((e) => [e.action, e.outcome, e.actor.id])).toEqual([
        ['saldo privacy export', 'requested', 'dpo-marta'],
        ['saldo privacy export', 'completed', 'dpo-marta'],
        ['saldo privacy erase', 'requested', 'dpo-marta'],
        ['saldo privacy erase', 'failed', 'dpo-marta'],
        ['saldo privacy erase', 'requested', 'dpo-marta'],
        ['saldo privacy erase', 'completed', 'dpo-marta'],
      ]);
      expect(
        JSON.stringify(await p.privacy.exportPersonalData(p.defaultOrgId, account!.debtorId)),
      ).not.toContain('Eustaquia');
    } finally {
      await p.close();
    }
  });
});
