import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { defaultOfferPolicy } from '@saldo/core/offers';
import { buildProgram } from '../main.js';
import type { CliIo } from '../io.js';

async function run(argv: string[], stdinText: string) {
  const stdin = new PassThrough();
  stdin.end(stdinText);
  let out = '';
  let code = 0;
  const stdout = new PassThrough();
  stdout.on('data', (d) => (out += String(d)));
  const io: CliIo = {
    stdin,
    stdout,
    stderr: new PassThrough(),
    env: {},
    setExitCode: (c) => (code = Math.max(code, c)),
  };
  const program = await buildProgram(io, argv);
  await program.parseAsync(argv, { from: 'user' });
  return {
    lines: out
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l)),
    code,
  };
}

const example = {
  id: 'c1',
  lang: 'es',
  country: 'MX',
  channel: 'whatsapp',
  account: { balanceMinor: 485000, currency: 'MXN', dpd: 12 },
  identity: { dob: '1988-04-12' },
  turns: ['Hola, ¿qué necesitan?', '1988-04-12', 'ok, el viernes le pago todo'],
};

const now = ['dialogue', 'replay', '--now', '2026-11-24T16:00:00Z'];

describe('saldo dialogue replay', () => {
  it('replays the issue example with the real NLU: verified at turn 2, a promise of everything on Friday', async () => {
    const { lines, code } = await run(now, `${JSON.stringify(example)}\n`);
    expect(code).toBe(0);
    expect(lines).toHaveLength(1);
    const [r] = lines;
    expect(Object.keys(r)).toEqual(['id', 'replies', 'verifiedAtTurn', 'actions', 'state']);
    expect(r.id).toBe('c1');
    expect(r.replies).toHaveLength(3);
    for (const turn of r.replies) expect(turn.every((m: unknown) => typeof m === 'string')).toBe(true);
    expect(r.verifiedAtTurn).toBe(2);
    expect(r.actions).toEqual([
      { type: 'promise', date: '2026-11-27', amountMinor: 485000, currency: 'MXN' },
    ]);
    expect(r.state).toBe('open');
    expect(r.replies[0][0]).not.toMatch(/4,850|Banco/);
  });

  it('verifies a national id that ends in a letter (a Chilean RUT), and refuses a wrong one', async () => {
    const rut = {
      ...example,
      id: 'rut',
      country: 'CL',
      account: { balanceMinor: 48500000, currency: 'CLP', dpd: 12 },
      identity: { nationalIdLast4: '678k' },
      turns: ['hola', 'mi rut es 12.345.678-K'],
    };
    const wrong = { ...rut, id: 'wrong', turns: ['hola', 'termina en 678-J'] };
    const { lines, code } = await run(now, `${JSON.stringify(rut)}\n${JSON.stringify(wrong)}\n`);
    expect(code).toBe(0);
    expect(lines.map((l) => [l.id, l.verifiedAtTurn, l.state])).toEqual([
      ['rut', 2, 'open'],
      ['wrong', null, 'verifying'],
    ]);
  });

  it('writes one line per input line in order; a malformed line gives id null and exit 1, the run goes on', async () => {
    const second = {
      ...example,
      id: 'c2',
      lang: 'en',
      country: 'US',
      account: { balanceMinor: 125000, currency: 'USD', dpd: 40 },
      turns: ['STOP'],
    };
    const input = [
      JSON.stringify(example),
      'not json',
      JSON.stringify({ ...example, id: 'bad', surprise: true }),
      JSON.stringify({ ...example, account: { ...example.account, balanceMinor: '485000' } }),
      JSON.stringify({ ...example, identity: {} }),
      JSON.stringify(second),
    ].join('\n');
    const { lines, code } = await run(now, input);
    expect(code).toBe(1);
    expect(lines.map((l) => l.id)).toEqual(['c1', null, null, null, null, 'c2']);
    expect(lines[1].error).toMatch(/JSON/);
    expect(lines[2].error).toMatch(/surprise: unknown field/);
    expect(lines[3].error).toMatch(/account\.balanceMinor/);
    expect(lines[4].error).toMatch(/dob and\/or nationalIdLast4/);
    expect(lines[5]).toMatchObject({
      verifiedAtTurn: null,
      actions: [{ type: 'opt_out', channel: 'whatsapp' }],
      state: 'closed',
    });
  });

  it('reads the offer policy given with --policy, and refuses an invalid one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'saldo-dialogue-'));
    const tight = join(dir, 'policy.json');
    await writeFile(
      tight,
      JSON.stringify({ ...defaultOfferPolicy, promises: { maxDaysAhead: 2, minPartialBps: 400 } }),
    );
    const { lines } = await run([...now, '--policy', tight], `${JSON.stringify(example)}\n`);
    // Friday is three days away: the promise is countered with the latest allowed day, not written.
    expect(lines[0].actions).toEqual([]);
    expect(lines[0].state).toBe('confirming');
    const bad = join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify({ ...defaultOfferPolicy, extra: 1 }));
    await expect(run([...now, '--policy', bad], `${JSON.stringify(example)}\n`)).rejects.toThrow(
      /invalid offer policy/,
    );
  });
});

describe('saldo dialogue eval', () => {
  it('runs the dev split through replay and reports accuracy per path', async () => {
    const { lines } = await run(['dialogue', 'eval', '--json'], '');
    const report = lines[0].dev;
    expect(report.n).toBeGreaterThanOrEqual(100);
    expect(Object.keys(report.byPath)).toEqual(
      expect.arrayContaining(['promise', 'plan', 'opt_out', 'dispute']),
    );
    expect(report.accuracy).toBeGreaterThan(0.8);
    expect(lines[0].heldout).toBeUndefined();
  });
});
