import { Command, CommanderError } from 'commander';
import { processIo, type CliIo } from './io.js';
import { isSaldoError } from '@saldo/core';

/**
 * Every `saldo` sub-command lives in its own module under ./commands and exports
 * `register(program, io)`. Add a module here to expose it.
 */
const commandModules = [
  () => import('./commands/start.js'),
  () => import('./commands/migrate.js'),
  () => import('./commands/import.js'),
  () => import('./commands/demo.js'),
  () => import('./commands/admin.js'),
  () => import('./commands/bench.js'),
  () => import('./commands/compliance.js'),
  () => import('./commands/nlu.js'),
  () => import('./commands/simulate.js'),
  () => import('./commands/strategy.js'),
];

export async function buildProgram(io: CliIo): Promise<Command> {
  const program = new Command('saldo')
    .description('Saldo — omnichannel, compliance-first debt collection')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });
  for (const load of commandModules) {
    const mod = await load().catch((e: unknown) => {
      // A command module that is not there yet must not break the others.
      if (e instanceof Error && /Cannot find module|ERR_MODULE_NOT_FOUND/.test(String((e as NodeJS.ErrnoException).code ?? e.message))) return null;
      throw e;
    });
    mod?.register(program, io);
  }
  return program;
}

/** Runs the CLI and resolves to the process exit code. */
export async function runCli(argv: string[], io: CliIo & { exitCode(): number } = processIo()): Promise<number> {
  const program = await buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return io.exitCode();
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode;
    if (isSaldoError(e)) {
      io.stderr.write(`error: ${e.message}\n`);
      for (const issue of e.issues.slice(0, 50)) {
        io.stderr.write(`  ${issue.row !== undefined ? `row ${issue.row}: ` : ''}${issue.path}: ${issue.message}\n`);
      }
      return 1;
    }
    throw e;
  }
}
