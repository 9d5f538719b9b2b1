import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../main.js';
import { memoryIo } from '../testing/memory-io.js';

const bin = fileURLToPath(new URL('../../../bin/saldo.mjs', import.meta.url));

function calls(n: number, from: string, debtId = 'A') {
  return Array.from({ length: n }, (_, i) => ({
    at: new Date(Date.parse(from) + i * 86_400_000).toISOString().slice(0, 19) + 'Z',
    channel: 'call',
    direction: 'outbound',
    outcome: 'no_answer',
    debtId,
  }));
}

const refused = {
  id: 'refused',
  at: '2026-03-03T13:59:00Z',
  channel: 'call',
  debtId: 'A',
  recipient: 'debtor',
  debtor: { country: 'US', timezone: 'America/New_York' },
  history: calls(7, '2026-02-24T15:00:00Z'),
};
const allowed = { ...refused, id: 'allowed', history: [] };
const input =
  [
    JSON.stringify(refused),
    '',
    '{not json',
    JSON.stringify({ ...allowed, debtor: { country: 'US', timezone: 'Mars/Olympus' } }),
    JSON.stringify(allowed),
  ].join('\n') + '\n';

function expectOutput(out: string): void {
  const lines = out.trim().split('\n');
  expect(lines).toHaveLength(4); // the blank line yields nothing
  const [a, b, c, d] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(Object.keys(a!).slice(0, 4)).toEqual(['id', 'allowed', 'reasons', 'nextAllowedAt']);
  expect(a).toMatchObject({ id: 'refused', allowed: false, nextAllowedAt: '2026-03-03T15:00:00Z' });
  expect((a!.reasons as { rule: string; citation: string }[])[0]).toMatchObject({
    rule: 'US-REGF-7IN7',
    citation: '12 CFR 1006.14(b)(2)',
  });
  expect(b).toEqual({ id: null, error: expect.stringContaining('invalid JSON') });
  expect(c).toEqual({ id: null, error: 'debtor.timezone: unknown IANA time zone' });
  expect(d).toMatchObject({ id: 'allowed', allowed: true, reasons: [], nextAllowedAt: null });
}

describe('saldo compliance check', () => {
  it('in-process: one output line per non-blank input line, in order; exit code 1 on errors', async () => {
    const io = memoryIo({}, input);
    const code = await runCli(['compliance', 'check'], io);
    expectOutput(io.out());
    expect(code).toBe(1);
  });

  it('in-process: exit code 0 when every line is valid', async () => {
    const io = memoryIo({}, `${JSON.stringify(allowed)}\r\n${JSON.stringify(refused)}\r\n`);
    expect(await runCli(['compliance', 'check'], io)).toBe(0);
    expect(io.out().trim().split('\n')).toHaveLength(2);
  });

  it('in-process: --policy stacks an organisation layer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'saldo-policy-'));
    const file = join(dir, 'policy.json');
    writeFileSync(
      file,
      JSON.stringify({
        quietHours: [
          { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '18:00', end: '10:00' },
        ],
      }),
    );
    const io = memoryIo({}, `${JSON.stringify(allowed)}\n`); // 08:59 New York
    expect(await runCli(['compliance', 'check', '--policy', file], io)).toBe(0);
    expect(JSON.parse(io.out())).toMatchObject({
      allowed: false,
      nextAllowedAt: '2026-03-03T15:00:00Z',
      reasons: [{ rule: 'ORG-QUIET-HOURS' }],
    });
  });

  it('in-process: an invalid policy file is an error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'saldo-policy-'));
    const file = join(dir, 'policy.json');
    writeFileSync(file, JSON.stringify({ weeklyCaps: { pigeon: 1 } }));
    const io = memoryIo({}, '');
    expect(await runCli(['compliance', 'check', '--policy', file], io)).toBe(1);
    expect(io.err()).toContain('invalid policy file');
  });

  it('end to end: spawned `node bin/saldo.mjs compliance check`', async () => {
    const child = spawn(process.execPath, [bin, 'compliance', 'check'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.stdin.end(input);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(err).toBe('');
    expectOutput(out);
    expect(code).toBe(1);
  });
});
