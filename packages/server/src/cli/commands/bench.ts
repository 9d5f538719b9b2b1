import { loadConfig } from '../../platform/config.js';
import type { Command } from 'commander';
import type { CliIo } from '../io.js';

/** `npm run bench`: measured figures, printed; docs/benchmarks.md records them. */
export function register(program: Command, io: CliIo) {
  program
    .command('bench')
    .description(
      'Benchmarks: import vs raw COPY (PGlite, PostgreSQL), compliance checks/s, NLU utterances/s, dialogue turns/s, strategy decisions and dispatches/s, signed inbound webhooks at a fixed rate (ack latency, none lost)',
    )
    .option(
      '--only <list>',
      'comma-separated: import,compliance,nlu,dialogue,strategy,webhooks',
      'import,compliance,nlu,dialogue,strategy,webhooks',
    )
    .option('--sizes <list>', 'import sizes (accounts)', '100000,1000000')
    .option('--storage <list>', 'pglite,postgres', 'pglite,postgres')
    .option('--rate <n>', 'webhooks: requests per second', (v) => Number(v), 500)
    .option('--seconds <n>', 'webhooks: how long', (v) => Number(v), 60)
    .option('--conversations <n>', 'dialogue: conversations run end to end', (v) => Number(v), 200)
    .option('--child <kind>', 'internal: run one measurement and print JSON')
    .option('--file <path>', 'internal')
    .action(
      async (o: {
        only: string;
        sizes: string;
        storage: string;
        rate: number;
        seconds: number;
        conversations: number;
        child?: 'import' | 'copy';
        file?: string;
      }) => {
        const bench = await import('../../bench/import-bench.js');
        if (o.child) {
          const storage = o.storage as 'pglite' | 'postgres';
          const r =
            o.child === 'import'
              ? await bench.measureImport(storage, o.file!)
              : await bench.measureRawCopy(storage, o.file!);
          io.stdout.write(`${JSON.stringify(r)}\n`);
          return;
        }
        const only = new Set(o.only.split(','));
        const log = (l: string) => io.stdout.write(`${l}\n`);
        const all: unknown[] = [];
        if (only.has('compliance')) {
          const m = await import('../../bench/compliance-bench.js');
          all.push(await m.runComplianceBench(log));
        }
        if (only.has('nlu')) {
          const m = await import('../../bench/nlu-bench.js');
          all.push(await m.runNluBench(log, { cacheDir: loadConfig(io.env).nlu.cacheDir }));
        }
        if (only.has('dialogue')) {
          const m = await import('../../bench/dialogue-bench.js');
          all.push(await m.runDialogueBench(log, { cacheDir: loadConfig(io.env).nlu.cacheDir }));
          const runner = await import('../../bench/dialogue-runner-bench.js');
          for (const storage of o.storage.split(',') as ('pglite' | 'postgres')[])
            all.push(await runner.runDialogueRunnerBench(log, { storage, conversations: o.conversations }));
        }
        if (only.has('strategy')) {
          const m = await import('../../bench/strategy-bench.js');
          all.push(await m.runStrategyBench(log));
        }
        if (only.has('webhooks')) {
          const m = await import('../../bench/webhook-bench.js');
          all.push(await m.runWebhookBench(log, { rate: o.rate, seconds: o.seconds }));
        }
        if (only.has('import')) {
          all.push(
            ...(await bench.runImportBench(log, {
              sizes: o.sizes.split(',').map(Number),
              storages: o.storage.split(',') as ('pglite' | 'postgres')[],
            })),
          );
        }
        log(JSON.stringify(all, null, 2));
      },
    );
}
