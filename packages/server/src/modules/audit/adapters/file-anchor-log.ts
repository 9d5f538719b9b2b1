import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { AuditAnchor, AuditAnchorLog } from '../ports.js';

const HEX64 = /^[0-9a-f]{64}$/;

function parseAnchor(line: string, file: string, n: number): AuditAnchor {
  const bad = () => new Error(`${file} line ${n} is not an audit anchor: ${line.slice(0, 120)}`);
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    throw bad();
  }
  const a = v as Partial<AuditAnchor>;
  const ok =
    typeof a === 'object' &&
    a !== null &&
    Object.keys(a).length === 4 &&
    typeof a.orgId === 'string' &&
    Number.isSafeInteger(a.seq) &&
    (a.seq ?? 0) >= 1 &&
    typeof a.hash === 'string' &&
    HEX64.test(a.hash) &&
    typeof a.at === 'string';
  if (!ok) throw bad();
  return { orgId: a.orgId!, seq: a.seq!, hash: a.hash!, at: a.at! };
}

/**
 * Anchors as JSON lines in a file of their own (0600), appended and synced to disk: a file the
 * operator can copy, ship or keep on storage the database's owner cannot write. A line that is not
 * an anchor is an error, never skipped: the file is evidence.
 */
export function createFileAnchorLog(file: string): AuditAnchorLog {
  return {
    location: file,
    async read() {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw err;
      }
      return text
        .split('\n')
        .map((line, i) => [line, i + 1] as const)
        .filter(([line]) => line.trim() !== '')
        .map(([line, n]) => parseAnchor(line, file, n));
    },
    async append(anchors) {
      if (anchors.length === 0) return;
      await mkdir(dirname(file), { recursive: true });
      const handle = await open(file, 'a', 0o600);
      try {
        await handle.appendFile(anchors.map((a) => `${JSON.stringify(a)}\n`).join(''));
        await handle.sync();
      } finally {
        await handle.close();
      }
    },
  };
}
