import { createInterface } from 'node:readline';
import { readFile } from 'node:fs/promises';
import { once } from 'node:events';
import type { Command } from 'commander';
import { SaldoError } from '@saldo/core';
import { OrgPolicy } from '@saldo/core/compliance';
import { createComplianceChecker } from '../../modules/compliance/index.js';
import type { CliIo } from '../io.js';

/**
 * `saldo compliance check [--policy <file.json>]`: JSON Lines in on stdin (one contact per line),
 * one JSON line out per input line, in order. A malformed line yields `{"id":null,"error":…}`
 * and processing goes on; the exit code is then 1. Blank lines are skipped (no output line).
 */
export function register(program: Command, io: CliIo): void {
  const compliance = program
    .command('compliance')
    .description("Compliance engine: check contacts against the law of the debtor's country");
  compliance
    .command('check')
    .description('Read contacts as JSON Lines on stdin, write one decision per line on stdout')
    .option('--policy <file>', 'an organisation policy (JSON) stacked on the law packs')
    .action(async (o: { policy?: string }) => {
      const policy = o.policy ? await readPolicy(o.policy) : null;
      const checker = createComplianceChecker({ orgPolicyStore: { get: async () => policy } });
      const org = await checker.orgLayer(policy ? 'cli' : null);
      const rl = createInterface({ input: io.stdin, crlfDelay: Infinity });
      let failed = false;
      for await (const line of rl) {
        const result = checker.checkLine(line, org);
        if (result === null) continue;
        if ('error' in result) failed = true;
        if (!io.stdout.write(`${JSON.stringify(result)}\n`)) await once(io.stdout, 'drain');
      }
      if (failed) io.setExitCode(1);
    });
}

async function readPolicy(path: string): Promise<OrgPolicy> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new SaldoError(
      'validation',
      `cannot read the policy file ${path}: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  const parsed = OrgPolicy.safeParse(raw);
  if (!parsed.success) {
    throw new SaldoError(
      'validation',
      `invalid policy file ${path}`,
      parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(root)', message: i.message })),
    );
  }
  return parsed.data;
}
