import { linkSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { SaldoError } from '@saldo/core';

/** Who holds the lock. Old locks hold a bare pid (the other fields null). */
interface LockOwner {
  pid: number;
  /** /proc/<pid>/stat start time (clock ticks since boot): tells the holder from a process that got its pid later. */
  startTime: string | null;
  bootId: string | null;
  hostname: string | null;
  createdAt: string | null;
}

const readOr = (path: string): string | null => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
};

/** A process's start time in clock ticks since boot (field 22 of /proc/<pid>/stat), or null (not Linux, no such process). */
export function processStartTime(pid: number): string | null {
  const stat = readOr(`/proc/${pid}/stat`);
  if (!stat) return null;
  // Field 2 (the command) is in parentheses and may hold spaces: count fields after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[22 - 3] ?? null;
}

const currentBootId = () => readOr('/proc/sys/kernel/random/boot_id')?.trim() || null;

/** When a process started (epoch ms), from its ticks since boot; Linux's USER_HZ is 100. */
function processStartedAtMs(pid: number): number | null {
  const ticks = processStartTime(pid);
  const btime = /^btime (\d+)$/m.exec(readOr('/proc/stat') ?? '')?.[1];
  return ticks && btime ? Number(btime) * 1000 + Number(ticks) * 10 : null;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parseLock(text: string): LockOwner | null {
  if (/^\s*\d+\s*$/.test(text))
    return { pid: Number(text), startTime: null, bootId: null, hostname: null, createdAt: null };
  try {
    const o = JSON.parse(text) as Partial<LockOwner>;
    if (!Number.isInteger(o.pid)) return null;
    return {
      pid: o.pid!,
      startTime: o.startTime ?? null,
      bootId: o.bootId ?? null,
      hostname: o.hostname ?? null,
      createdAt: o.createdAt ?? null,
    };
  } catch {
    return null;
  }
}

/**
 * Why a lock no longer protects anything, or null when its holder may still run. A pid alone is
 * not enough: after a crash and a while, another program may have that pid.
 */
function staleBecause(owner: LockOwner | null, lockWrittenAtMs: number): string | null {
  if (!owner) return 'unreadable';
  if (owner.hostname && owner.hostname !== hostname()) return null; // another machine's process: unknowable
  const boot = currentBootId();
  if (owner.bootId && boot && owner.bootId !== boot) return 'written before the machine restarted';
  if (owner.pid === process.pid) return 'this process';
  if (!alive(owner.pid)) return 'its process has ended';
  const start = processStartTime(owner.pid);
  if (owner.startTime && start && owner.startTime !== start) return 'its pid now belongs to another process';
  // An old lock with a bare pid: a process started after the lock was written cannot be its holder
  // (2 s of slack: the boot time is in whole seconds).
  const startedAt = owner.startTime ? null : processStartedAtMs(owner.pid);
  if (startedAt !== null && startedAt > lockWrittenAtMs + 2_000)
    return 'its pid now belongs to another process';
  return null;
}

/** Creates the lock with its content in one step (a reader never sees an empty lock). */
function tryCreate(path: string): boolean {
  const owner: LockOwner = {
    pid: process.pid,
    startTime: processStartTime(process.pid),
    bootId: currentBootId(),
    hostname: hostname(),
    createdAt: new Date().toISOString(), // wall time for the operator reading the file, not domain time
  };
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(owner));
  try {
    linkSync(tmp, path); // fails with EEXIST when another process holds the lock
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    rmSync(tmp, { force: true });
  }
}

function inUse(dataDir: string, path: string, owner: LockOwner): SaldoError {
  const who = `pid ${owner.pid}${owner.hostname ? ` on ${owner.hostname}` : ''}${owner.createdAt ? `, since ${owner.createdAt}` : ''}`;
  return new SaldoError(
    'unavailable',
    `the embedded database in ${dataDir} is in use by another Saldo process (${who}). Stop it first, use the HTTP API, or run Saldo on PostgreSQL (DATABASE_URL) to share one database between processes. If no Saldo process uses ${dataDir} (check with ps), delete ${path} and start again.`,
  );
}

/**
 * PGlite is one process's database: two processes opening one data directory would corrupt it.
 * The first takes `saldo.lock` (pid, process start time, boot id, host); others get an error that
 * says how to recover. A lock whose holder is gone — its process ended, the machine restarted, or
 * its pid now belongs to another process — is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  const dir = resolve(dataDir);
  const path = join(dir, 'saldo.lock');
  for (let i = 0; i < 2; i++) {
    if (tryCreate(path)) {
      const release = () => rmSync(path, { force: true });
      process.once('exit', release);
      return release;
    }
    const text = readOr(path);
    if (text === null) continue; // released meanwhile
    const owner = parseLock(text);
    const writtenAt = (() => {
      try {
        return statSync(path).mtimeMs;
      } catch {
        return 0;
      }
    })();
    if (owner && !staleBecause(owner, writtenAt)) throw inUse(dir, path, owner);
    rmSync(path, { force: true }); // stale
  }
  throw new SaldoError(
    'unavailable',
    `could not lock ${dir}: ${path} keeps coming back. If no Saldo process uses ${dir} (check with ps), delete ${path} and start again.`,
  );
}
