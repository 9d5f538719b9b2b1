#!/usr/bin/env node
// Builds the console (vite build → packages/console/dist) when the build is missing or older than
// what it is built from: run by the root `npm start` before the server, so that a fresh clone shows
// the console, and a restart with nothing changed costs a few file stats (ADR 0014).
// As a command it never stops the start: a failed build is reported and the API starts without the
// console (which then answers 503 saying how to build it). Imported (tests), it throws.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const consoleDir = fileURLToPath(new URL('.', import.meta.url));
const coreDir = join(consoleDir, '..', 'core');
export const distIndex = join(consoleDir, 'dist', 'index.html');

/** Files and folders the bundle is made of: the console's own, and @saldo/core, which it imports. */
const inputs = [
  join(consoleDir, 'index.html'),
  join(consoleDir, 'vite.config.ts'),
  join(consoleDir, 'package.json'),
  join(consoleDir, 'src'),
  join(consoleDir, 'public'),
  join(coreDir, 'package.json'),
  join(coreDir, 'src'),
];

/** The newest modification time under `path` (tests excluded: they are not in the bundle). */
function newest(path) {
  const s = statSync(path, { throwIfNoEntry: false });
  if (!s) return 0;
  if (!s.isDirectory()) return /\.test\.tsx?$/.test(path) ? 0 : s.mtimeMs;
  let max = 0;
  for (const e of readdirSync(path)) max = Math.max(max, newest(join(path, e)));
  return max;
}

/** Why a build is needed, or null when dist/ is newer than every input. */
export function staleReason() {
  const built = statSync(distIndex, { throwIfNoEntry: false });
  if (!built) return 'no build yet';
  const changed = Math.max(...inputs.map(newest));
  return changed > built.mtimeMs ? 'sources changed since the last build' : null;
}

/** Builds when stale (or always with `force`); returns whether it built. Throws when the build fails. */
export async function ensureConsoleBuilt({ force = false, log = () => {} } = {}) {
  const reason = force ? 'asked to' : staleReason();
  if (!reason) return false;
  log(`Saldo: building the console (${reason})…`);
  const { build } = await import('vite');
  await build({ root: consoleDir, configFile: join(consoleDir, 'vite.config.ts'), logLevel: 'warn' });
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    await ensureConsoleBuilt({ log: (line) => console.error(line) });
  } catch (err) {
    console.error(`Saldo: the console could not be built; the API starts without it.\n${err?.stack ?? err}`);
  }
}
