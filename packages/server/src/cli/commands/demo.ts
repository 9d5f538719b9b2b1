import { createWriteStream } from 'node:fs';
import type { Command } from 'commander';
import { generatePortfolio } from '@saldo/core/demo';
import { importColumns } from '@saldo/core/record';
import type { CliIo } from '../io.js';
import { buildCore, loadConfig } from '../platform.js';
import { csvCell, loadDemoPortfolio } from '../../modules/imports/index.js';

export function register(program: Command, io: CliIo) {
  program
    .command('demo')
    .description(
      'Generate a realistic synthetic portfolio (MX, ES, CO, US) and load it, or write it as CSV with --out',
    )
    .option('-n, --debtors <n>', 'number of debtors', (v) => Number(v), 2000)
    .option('--seed <n>', 'random seed (same seed, same book)', (v) => Number(v), 1)
    .option('--out <file.csv>', 'write a CSV in the import format instead of loading it')
    .option('--as-of <YYYY-MM-DD>', 'reference date for delinquency (default: today)')
    .action(async (o: { debtors: number; seed: number; out?: string; asOf?: string }) => {
      if (!Number.isInteger(o.debtors) || o.debtors < 1)
        throw new Error('--debtors must be a positive integer');
      if (o.out) {
        const asOf = o.asOf ?? new Date().toISOString().slice(0, 10); // CLI edge: wall clock is the reference
        const out = createWriteStream(o.out);
        out.write(`${importColumns.join(',')}\n`);
        let n = 0;
        for (const row of generatePortfolio({ debtors: o.debtors, seed: o.seed, asOf })) {
          if (!out.write(`${importColumns.map((c) => csvCell(row[c])).join(',')}\n`))
            await new Promise<void>((r) => out.once('drain', () => r()));
          n++;
        }
        await new Promise<void>((r) => out.end(() => r()));
        io.stdout.write(`wrote ${n} accounts of ${o.debtors} debtors to ${o.out}\n`);
        return;
      }
      const config = loadConfig(io.env);
      const p = await buildCore({ config });
      try {
        const r = await loadDemoPortfolio(p, p.defaultOrgId, { debtors: o.debtors, seed: o.seed });
        io.stdout.write(
          `demo portfolio loaded: ${r.accounts} accounts of ${r.debtors} debtors (${r.portfolios.map((x) => `${x.code} ${x.accounts}`).join(', ')})\n`,
        );
      } finally {
        await p.close();
      }
    });
}
