import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { SaldoError } from '@saldo/core';

/** The keys a key file holds: the current one first, then retired ones (newest first). */
export interface FileKeys {
  current: string;
  retired: string[];
}

const HEADER = [
  '# Saldo secret key. Keep this file private (chmod 600) and back it up apart from the database:',
  '# without it, the provider secrets sealed in the database cannot be opened.',
  '# The first key seals new data. Keys on later lines are retired by `saldo secrets rotate` and',
  '# kept to open and verify data made before the rotation.',
];

/**
 * Reads a key file, or null when it does not exist. Refuses a file group or others can read or
 * write (on systems with POSIX permissions) and a file without a key.
 */
export function readKeyFile(path: string): FileKeys | null {
  let mode: number;
  try {
    mode = statSync(path).mode;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  if (process.platform !== 'win32' && (mode & 0o077) !== 0)
    throw new SaldoError(
      'unavailable',
      `the secret key file ${path} can be read by other users (mode ${(mode & 0o777).toString(8)}): chmod 600 ${path}`,
    );
  const keys = readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  const [current, ...retired] = keys;
  if (!current || keys.some((k) => k.length < 16))
    throw new SaldoError(
      'unavailable',
      `the secret key file ${path} holds no key of at least 16 characters on its first line`,
    );
  return { current, retired };
}

function render(keys: FileKeys): string {
  return `${[...HEADER, keys.current, ...keys.retired].join('\n')}\n`;
}

function writeFd(fd: number, text: string): void {
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Creates the key file (mode 0600, its directory 0700 if new) only if none exists; false when one
 * does (another process on this machine made it first: read that one).
 */
export function createKeyFile(path: string, keys: FileKeys): boolean {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  writeFd(fd, render(keys));
  return true;
}

/**
 * Replaces the key file atomically (a complete new file renamed over the old one), so a crash
 * leaves either the old keys or the new ones, never half a file.
 */
export function replaceKeyFile(path: string, keys: FileKeys): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.${process.pid}.tmp`;
  rmSync(tmp, { force: true });
  writeFd(openSync(tmp, 'wx', 0o600), render(keys));
  renameSync(tmp, path);
}
