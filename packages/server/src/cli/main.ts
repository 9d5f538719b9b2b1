import { Command, CommanderError } from 'commander';
import { processIo, type CliIo } from './io.js';
import { isSaldoError } from '@saldo/core';

type CommandModule = { register(program: Command, io: CliIo): void };

/**
 * Every `saldo` sub-command lives in its own module under ./commands and exports
 * `register(program, io)`. Only the module of the command being run is loaded (start-up stays
 * fast and the NLU model is not built for `saldo import`); `--help` loads them all.
 */
const commandModules: Record<string, () => Promise<CommandModule>> = {
  start: () => import('./commands/start.js'),
  migrate: () => import('./commands/migrate.js'),
  import: () => import('./commands/import.js'),
  demo: () => import('./commands/demo.js'),
  apikey: () => import('./commands/admin.js'),
  user: () => import('./commands/admin.js'),
  bench: () => import('./commands/bench.js'),
  compliance: () => import('./commands/compliance.js'),
  nlu: () => import('./commands/nlu.js'),
  dialogue: () => import('./commands/dialogue.js'),
  simulate: () => import('./commands/simulate.js'),
  strategy: () => import('./commands/strategy.js'),
  secrets: () => import('./commands/secrets.js'),
  audit: () => import('./commands/audit.js'),
  privacy: () => import('./commands/privacy.js'),
};

export async function buildProgram(io: CliIo, argv: string[] = []): Promise<Command> {
  const program = new Command('saldo')
    .description('Saldo — omnichannel, compliance-first debt collection')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });
  const name = argv.find((a) => !a.startsWith('-'));
  const wanted =
    name && commandModules[name] ? [commandModules[name]] : [...new Set(Object.values(commandModules))];
  const loaded = new Set<CommandModule>();
  for (const load of wanted) {
    const mod = await load();
    if (!loaded.has(mod)) mod.register(program, io);
    loaded.add(mod);
  }
  return program;
}

/** Runs the CLI and resolves to the process exit code. */
export async function runCli(
  argv: string[],
  io: CliIo & { exitCode(): number } = processIo(),
): Promise<number> {
  try {
    const program = await buildProgram(io, argv);
    await program.parseAsync(argv, { from: 'user' });
    return io.exitCode();
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode;
    if (isSaldoError(e)) {
      io.stderr.write(`error: ${e.message}\n`);
      for (const issue of e.issues.slice(0, 50)) {
        io.stderr.write(
          `  ${issue.row !== undefined ? `row ${issue.row}: ` : ''}${issue.path}: ${issue.message}\n`,
        );
      }
      return 1;
    }
    throw e;
  }
}
