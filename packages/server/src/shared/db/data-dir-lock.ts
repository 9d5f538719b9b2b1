import { openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { SaldoError } from '@saldo/core';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite is one process's database: two processes opening one data directory would corrupt it.
 * The first takes `saldo.lock` (its pid); others get a clear error. A lock left by a dead process
 * is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, 'saldo.lock');
  for (let i = 0; i < 2; i++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      const release = () => rmSync(path, { force: true });
      process.once('exit', release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(path, 'utf8'));
      if (pid && pid !== process.pid && alive(pid)) {
        throw new SaldoError(
          'unavailable',
          `the embedded database in ${dataDir} is in use by another Saldo process (pid ${pid}). Stop it first, use the HTTP API, or run Saldo on PostgreSQL (DATABASE_URL) to share one database between processes.`,
        );
      }
      rmSync(path, { force: true }); // stale lock
    }
  }
  throw new SaldoError('unavailable', `could not lock ${dataDir}`);
}
