import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { lockDataDir, processStartTime } from './data-dir-lock.js';

// A lock left by a crashed Saldo names a PID; after a while (a reboot, a busy machine) another
// program gets that PID. The lock must not then block start-up forever with no hint.
const linux = process.platform === 'linux';
const work = mkdtempSync(join(tmpdir(), 'saldo-lock-'));
const children: ChildProcess[] = [];
/** A live process that is not Saldo: its PID stands for a reused one. */
const otherProcess = async (): Promise<number> => {
  const c = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  children.push(c);
  await new Promise((r) => c.once('spawn', r));
  return c.pid!;
};
let n = 0;
const dir = () => {
  const d = join(work, `d${n++}`);
  mkdirSync(d, { recursive: true });
  return d;
};
const bootId = () => (linux ? readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() : null);

describe('data directory lock', () => {
  afterEach(() => children.splice(0).forEach((c) => c.kill('SIGKILL')));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('records pid, process start time, boot id and host, and releases', () => {
    const d = dir();
    const release = lockDataDir(d);
    const lock = JSON.parse(readFileSync(join(d, 'saldo.lock'), 'utf8'));
    expect(lock).toMatchObject({ pid: process.pid, hostname: hostname() });
    if (linux) {
      expect(lock.startTime).toBe(processStartTime(process.pid));
      expect(lock.bootId).toBe(bootId());
    }
    release();
    expect(existsSync(join(d, 'saldo.lock'))).toBe(false);
  });

  it.runIf(linux)(
    'takes over an old-style lock (a bare pid) whose pid now belongs to a process started after it',
    async () => {
      const d = dir();
      const pid = await otherProcess();
      const file = join(d, 'saldo.lock');
      writeFileSync(file, String(pid));
      const hourAgo = new Date(Date.now() - 3600_000);
      utimesSync(file, hourAgo, hourAgo); // written by a Saldo that crashed an hour ago
      const release = lockDataDir(d);
      expect(JSON.parse(readFileSync(file, 'utf8')).pid).toBe(process.pid);
      release();
    },
  );

  it.runIf(linux)(
    'takes over a lock whose pid was reused (other start time) or which was written before a reboot',
    async () => {
      const pid = await otherProcess();
      for (const lock of [
        { pid, startTime: '1', bootId: bootId(), hostname: hostname() },
        { pid, startTime: processStartTime(pid), bootId: 'another-boot', hostname: hostname() },
      ]) {
        const d = dir();
        writeFileSync(join(d, 'saldo.lock'), JSON.stringify(lock));
        lockDataDir(d)();
      }
    },
  );

  it('refuses a live lock, naming the process and the exact file to delete only if no Saldo runs', async () => {
    const pid = await otherProcess();
    const d = dir();
    const file = join(d, 'saldo.lock');
    writeFileSync(
      file,
      JSON.stringify({ pid, startTime: processStartTime(pid), bootId: bootId(), hostname: hostname() }),
    );
    expect(() => lockDataDir(d)).toThrow(
      new RegExp(
        `in use by another Saldo process \\(pid ${pid} on ${hostname()}.*If no Saldo process uses ${d.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(check with ps\\), delete ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} and start again`,
      ),
    );
    // A lock taken on another machine (a shared disk) cannot be checked from here: refused, with the same way out.
    writeFileSync(file, JSON.stringify({ pid: 1, startTime: '1', bootId: 'x', hostname: 'other-host' }));
    expect(() => lockDataDir(d)).toThrow(/pid 1 on other-host.*delete .*saldo\.lock/);
  });
});
