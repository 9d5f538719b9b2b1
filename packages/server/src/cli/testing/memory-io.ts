import { PassThrough, Readable } from 'node:stream';
import type { CliIo } from '../io.js';

/** A command's I/O in memory, for tests: what it printed, its exit code, the environment it saw. */
export type MemoryIo = CliIo & { exitCode(): number; out(): string; err(): string };

/** Runs a command as a shell would with `env` and `stdin`, keeping what it writes. */
export function memoryIo(env: Record<string, string | undefined>, stdin = ''): MemoryIo {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  let code = 0;
  return {
    stdin: Readable.from(stdin === '' ? [] : [stdin]),
    stdout,
    stderr,
    env,
    setExitCode: (c) => (code = Math.max(code, c)),
    exitCode: () => code,
    out: () => out,
    err: () => err,
  };
}
