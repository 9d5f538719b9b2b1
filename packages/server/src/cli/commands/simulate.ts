import { createWriteStream, readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import type { CliIo } from '../io.js';
import { runSimulation, type ContactLine } from '../../simulation/run-simulation.js';

/** A strategy file: YAML or JSON (JSON is YAML, but a .json file gets JSON's error messages). */
export function readStrategyFile(path: string): unknown {
  const text = readFileSync(path, 'utf8');
  return path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
}

const int = (name: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer`);
  return n;
};

export function register(program: Command, io: CliIo) {
  program
    .command('simulate')
    .description(
      'Run the real strategy engine under simulated time (PGlite in memory, sandbox channels) and print a report',
    )
    .option('--days <n>', 'simulated days', int('--days'), 30)
    .option('--seed <n>', 'random seed: same seed, same output', int('--seed'), 1)
    .option('--strategy <file>', 'strategy YAML/JSON (default: the shipped default strategy)')
    .option('--portfolio <file.csv>', 'portfolio CSV in the import format')
    .option(
      '--demo <n>',
      'generate a demo portfolio of n debtors (default 2000 when no --portfolio)',
      int('--demo'),
    )
    .option('--contacts-out <file.jsonl>', 'write every contact made, one JSON line each')
    .option('--start <instant>', 'first simulated instant (UTC)', '2026-03-02T15:00:00Z')
    .option('--json', 'print the report as JSON (the only format for now)')
    .action(
      async (o: {
        days: number;
        seed: number;
        strategy?: string;
        portfolio?: string;
        demo?: number;
        contactsOut?: string;
        start: string;
        json?: boolean;
      }) => {
        if (o.portfolio && o.demo !== undefined) throw new Error('give --portfolio or --demo, not both');
        const out = o.contactsOut ? createWriteStream(o.contactsOut) : null;
        const lines: ContactLine[] = [];
        const report = await runSimulation({
          days: o.days,
          seed: o.seed,
          start: o.start,
          portfolio: o.portfolio ? { csv: o.portfolio } : { demo: o.demo ?? 2000 },
          ...(o.strategy ? { strategy: readStrategyFile(o.strategy) } : {}),
          ...(out ? { onContact: (l: ContactLine) => lines.push(l) } : {}),
          onProgress: (day) => {
            if (!o.json) io.stderr.write(`day ${day}/${o.days}\n`);
          },
        });
        if (out) {
          for (const l of lines) out.write(`${JSON.stringify(l)}\n`);
          await new Promise<void>((r) => out.end(() => r()));
        }
        io.stdout.write(`${JSON.stringify(report)}\n`);
      },
    );
}
