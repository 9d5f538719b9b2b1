import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../main.js';
import type { CliIo } from '../io.js';

function makeIo(stdinText: string) {
  const stdin = new PassThrough();
  stdin.end(stdinText);
  let out = '';
  let err = '';
  let code = 0;
  const stdout = new PassThrough();
  stdout.on('data', (d) => (out += String(d)));
  const stderr = new PassThrough();
  stderr.on('data', (d) => (err += String(d)));
  const io: CliIo & { exitCode(): number } = {
    stdin,
    stdout,
    stderr,
    env: {},
    setExitCode: (c) => (code = Math.max(code, c)),
    exitCode: () => code,
  };
  return { io, out: () => out, err: () => err };
}

async function run(argv: string[], stdin = '', env: Record<string, string> = {}) {
  const h = makeIo(stdin);
  Object.assign(h.io.env, env);
  const program = await buildProgram(h.io, argv); // loads only the `nlu` command module
  await program.parseAsync(argv, { from: 'user' });
  return { lines: h.out().trim().split('\n').filter(Boolean), code: h.io.exitCode(), stderr: h.err() };
}

describe('saldo nlu parse', () => {
  it('answers one JSON line per input line, in order, and flags malformed lines', async () => {
    const input = [
      JSON.stringify({
        text: 'te pago 500 pesos el viernes',
        timezone: 'America/Mexico_City',
        now: '2026-11-24T10:00:00',
      }),
      'not json',
      JSON.stringify({ text: 'STOP' }),
      JSON.stringify({ text: 'x', lang: 'fr' }),
      JSON.stringify({
        text: 'I paid last Friday',
        now: '2026-11-24T10:00:00',
        timezone: 'America/New_York',
      }),
    ].join('\n');
    const { lines, code } = await run(['nlu', 'parse'], input);
    expect(lines).toHaveLength(5);
    const [first, bad, stop, badLang, paid] = lines.map((l) => JSON.parse(l));
    expect(first).toMatchObject({
      intent: 'promise_to_pay',
      lang: 'es',
      entities: { amount: { value: 500, currency: 'MXN' }, date: '2026-11-27' },
    });
    expect(Object.keys(first).slice(0, 4)).toEqual(['intent', 'confidence', 'lang', 'entities']);
    expect(bad.error).toMatch(/JSON/);
    expect(stop).toMatchObject({ intent: 'stop_contact', confidence: 1 });
    expect(badLang.error).toMatch(/lang/);
    expect(paid).toMatchObject({ intent: 'already_paid', lang: 'en', entities: { date: '2026-11-20' } });
    expect(code).toBe(1);
  });
});

describe('saldo nlu eval', () => {
  it('prints the metrics on the test split', async () => {
    const { lines } = await run(['nlu', 'eval', '--json']);
    const report = JSON.parse(lines[0] ?? '{}');
    expect(report.n).toBeGreaterThan(0);
    expect(report.accuracy).toBeGreaterThan(0.5);
    expect(report.entities.date.support).toBeGreaterThan(0);
    expect(report.utterancesPerSecond).toBeGreaterThan(0);
  });
});

describe('saldo nlu eval --cv', () => {
  it('cross-validates on the train split only', async () => {
    const { lines } = await run(['nlu', 'eval', '--cv', '2', '--json']);
    const report = JSON.parse(lines[0] ?? '{}');
    expect(report.k).toBe(2);
    expect(report.foldAccuracy).toHaveLength(2);
    expect(report.accuracy).toBeGreaterThan(0.8);
    expect(report.misses).toBeUndefined();
  }, 30_000);
});

describe('saldo nlu eval --holdout', () => {
  it('holds out each regional variant of the train split in turn', async () => {
    const { lines } = await run(['nlu', 'eval', '--holdout', 'variant', '--json']);
    const report = JSON.parse(lines[0] ?? '{}');
    expect(report.groups.map((g: { group: string }) => g.group)).toEqual(['AR', 'CO', 'ES', 'MX', 'US']);
    expect(report.accuracy).toBeGreaterThan(0.7);
    expect(report.misses).toBeUndefined();
  }, 60_000);
});

describe('saldo nlu warm', () => {
  it('trains the corpus model into the cache once, then finds it there', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'saldo-warm-'));
    const first = await run(['nlu', 'warm'], '', { SALDO_NLU_CACHE_DIR: dir });
    expect(first.stderr).toMatch(/trained and cached/);
    const second = await run(['nlu', 'warm'], '', { SALDO_NLU_CACHE_DIR: dir });
    expect(second.stderr).toMatch(/already cached/);
    expect(second.code).toBe(0);
  }, 30_000);

  it('never fails, even when the cache cannot be written', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'saldo-warm-'));
    await writeFile(join(dir, 'file'), 'x');
    const r = await run(['nlu', 'warm'], '', { SALDO_NLU_CACHE_DIR: join(dir, 'file', 'cache') });
    expect(r.stderr).toMatch(/not writable/);
    expect(r.code).toBe(0);
  }, 30_000);
});
