import type { Command } from 'commander';
import { checkStrategy, defaultTemplateRefs, migrationModes, type MigrationMode } from '@saldo/core/strategy';
import type { CliIo } from '../io.js';
import { buildPlatform, loadConfig } from '../platform.js';
import { readStrategyFile } from './simulate.js';

export function register(program: Command, io: CliIo) {
  const cmd = program
    .command('strategy')
    .description('Strategies: validate and publish YAML/JSON definitions');

  cmd
    .command('validate <file>')
    .description('Check a strategy file; prints every violation (exit 1 if any)')
    .action((file: string) => {
      const r = checkStrategy(readStrategyFile(file), { templates: defaultTemplateRefs });
      if (r.ok) {
        io.stdout.write(`ok: ${r.definition.id} (${r.definition.segments.length} segments)\n`);
        return;
      }
      for (const v of r.violations) io.stdout.write(`${v.code} ${v.path}: ${v.message}\n`);
      io.stderr.write(`${r.violations.length} violation(s)\n`);
      io.setExitCode(1);
    });

  cmd
    .command('publish <file>')
    .description('Publish a strategy file as the next version of its id')
    .option('--mode <mode>', `running journeys: ${migrationModes.join(' | ')}`, 'finish_on_old')
    .option('--org <orgId>', 'organisation (default: the default organisation)')
    .action(async (file: string, o: { mode: string; org?: string }) => {
      if (!(migrationModes as readonly string[]).includes(o.mode))
        throw new Error(`--mode must be one of ${migrationModes.join(', ')}`);
      const input = readStrategyFile(file);
      const config = loadConfig(io.env);
      const p = await buildPlatform({ config });
      try {
        // Publishing sends nothing: the platform's jobs (dispatcher included) are not started here.
        const engine = p.engine;
        const id = (input as { id?: unknown }).id;
        const r = await engine.strategies.publish(o.org ?? p.defaultOrgId, typeof id === 'string' ? id : '', {
          mode: o.mode as MigrationMode,
          input,
        });
        io.stdout.write(
          `published ${r.id} v${r.version} (${r.mode}): moved ${r.migration.moved}, kept on old ${r.migration.kept_on_old}\n`,
        );
      } finally {
        await p.close();
      }
    });
}
