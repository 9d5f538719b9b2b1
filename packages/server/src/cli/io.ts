/** What a CLI command may touch: injected so commands are testable without a real process. */
export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  /** The process exit code once the command ends (the highest value set wins). */
  setExitCode(code: number): void;
}

export function processIo(): CliIo & { exitCode(): number } {
  let code = 0;
  return {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    setExitCode: (c) => {
      code = Math.max(code, c);
    },
    exitCode: () => code,
  };
}
