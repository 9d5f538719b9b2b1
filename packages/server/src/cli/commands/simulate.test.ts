import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createComplianceEngine, parseContactCheck } from '@saldo/core/compliance';
import { describe, expect, it } from 'vitest';
import { runCli } from '../main.js';

function captureIo() {
  let out = '';
  let err = '';
  let code = 0;
  const w = (f: (s: string) => void) =>
    new Writable({
      write(c, _e, cb) {
        f(String(c));
        cb();
      },
    });
  return {
    io: {
      stdin: process.stdin,
      stdout: w((s) => (out += s)),
      stderr: w((s) => (err += s)),
      env: {},
      setExitCode: (c: number) => (code = Math.max(code, c)),
      exitCode: () => code,
    },
    out: () => out,
    err: () => err,
  };
}

interface Line {
  at: string;
  accountId: string;
  debtorId: string;
  channel: string;
  country: string;
  region: string | null;
  timezone: string;
  outcome: string;
}

describe('saldo simulate', () => {
  it(
    'prints the report; same seed, same output; every contact passes the time and frequency rules at its instant',
    { timeout: 240_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'saldo-sim-'));
      const run = async (n: number) => {
        const c = captureIo();
        const file = join(dir, `c${n}.jsonl`);
        expect(
          await runCli(
            ['simulate', '--days', '2', '--seed', '7', '--demo', '40', '--contacts-out', file, '--json'],
            c.io,
          ),
        ).toBe(0);
        return {
          report: JSON.parse(c.out()) as Record<string, unknown>,
          raw: c.out(),
          lines: readFileSync(file, 'utf8'),
        };
      };
      const a = await run(1);
      const b = await run(2);
      expect(b.raw).toBe(a.raw);
      expect(b.lines).toBe(a.lines);
      expect(Object.keys(a.report)).toEqual([
        'days',
        'accounts',
        'contacts',
        'refusals',
        'replies',
        'promises',
        'payments',
        'recovered',
        'arms',
      ]);
      expect(Object.keys(a.report.contacts as object)).toEqual([
        'email',
        'sms',
        'whatsapp',
        'call',
        'voicebot',
      ]);
      expect(a.report.days).toBe(2);
      const lines = a.lines
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Line);
      expect(lines.length).toBeGreaterThan(0);
      expect(Object.keys(lines[0]!)).toEqual([
        'at',
        'accountId',
        'debtorId',
        'channel',
        'country',
        'region',
        'timezone',
        'outcome',
      ]);

      // Independent re-check with the pure engine: history rebuilt from earlier lines of the debtor.
      // Consents, opt-outs and content are checked by Messaging.contact itself (not in the lines):
      // here they are granted, so what is verified is time windows, holidays, caps and spacing.
      const engine = createComplianceEngine();
      const sent = lines.filter((l) => l.outcome === 'sent');
      for (const [i, l] of sent.entries()) {
        const history = sent
          .slice(0, i)
          .filter((h) => h.debtorId === l.debtorId && h.at < l.at)
          .map((h) => ({
            at: h.at,
            channel: h.channel,
            direction: 'outbound',
            outcome: h.channel === 'voicebot' ? 'connected' : 'delivered',
            debtId: h.accountId,
          }));
        const parsed = parseContactCheck({
          id: String(i),
          at: l.at,
          channel: l.channel,
          debtId: l.accountId,
          debtor: {
            country: l.country,
            ...(l.region ? { region: l.region } : {}),
            timezone: l.timezone,
            consents: { email: true, sms: true, whatsapp: true, call: true, voicebot: true, voicemail: true },
          },
          history,
          content: { optOutInstructions: true, miniMiranda: true },
        });
        expect(parsed.ok ? [] : parsed.issues).toEqual([]);
        if (!parsed.ok) continue;
        const d = engine.check(parsed.value);
        const timingOrCaps = d.reasons.filter(
          (r) => !/CONSENT|SAFEHARBOR|CHANNELS$|MIRANDA|AI-VOICE|CONTENT/.test(r.rule),
        );
        expect(timingOrCaps, `${l.at} ${l.channel} ${l.country}`).toEqual([]);
      }
    },
  );
});
