import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { buildCore, loadConfig } from '../platform.js';

export function register(program: Command, io: CliIo) {
  program
    .command('migrate')
    .description('Apply database migrations (PGlite data dir, or DATABASE_URL)')
    .option('--data-dir <dir>', 'PGlite data directory')
    .action(async (o: { dataDir?: string }) => {
      const config = loadConfig(io.env, { dataDir: o.dataDir });
      const p = await buildCore({ config });
      io.stdout.write(
        p.migrations.applied.length
          ? `applied: ${p.migrations.applied.join(', ')}\n`
          : `up to date (${p.migrations.alreadyApplied} migrations)\n`,
      );
      await p.close();
    });
}
