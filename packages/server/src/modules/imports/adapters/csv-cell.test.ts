import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generatePortfolio } from '@saldo/core/demo';
import { importColumns, type RawImportRow } from '@saldo/core/record';
import { csvCell, neutralizeFormula, restoreFormula } from './csv-cell.js';
import { openCsvImportSource } from './csv-import-source.js';

const work = mkdtempSync(join(tmpdir(), 'saldo-csv-cell-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function readBack(lines: string[]): Promise<RawImportRow[]> {
  const path = join(work, `f${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(path, [importColumns.join(','), ...lines].join('\n') + '\n');
  const rows: RawImportRow[] = [];
  for await (const r of (await openCsvImportSource(path)).rows) rows.push(r.raw);
  return rows;
}

describe('csv cells', () => {
  it.each([
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ['+SUM(A1)', "'+SUM(A1)"],
    ['-2+3+cmd|x', "'-2+3+cmd|x"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['+525512345678', '+525512345678'],
    ['+57 300 123 4567', '+57 300 123 4567'],
    ['-3', '-3'],
    ['-12.50', '-12.50'],
    ['Ana', 'Ana'],
    ["O'Brien", "O'Brien"],
  ])('neutralizes %j as %j, and reads it back', (value, written) => {
    expect(neutralizeFormula(value)).toBe(written);
    expect(restoreFormula(written)).toBe(value);
  });

  it('quotes delimiters, quotes and line breaks after neutralizing', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell(undefined)).toBe('');
  });

  it('a demo book and hostile cells survive the round trip through the import reader', async () => {
    const rows = [...generatePortfolio({ debtors: 40, seed: 5, asOf: '2026-11-24' })];
    rows.push({ ...rows[0]!, external_ref: 'EVIL-1', first_name: '=HYPERLINK("http://x")', last_name: '@x' });
    const back = await readBack(rows.map((r) => importColumns.map((c) => csvCell(r[c])).join(',')));
    const defined = (r: RawImportRow) =>
      Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined && v !== ''));
    expect(back).toEqual(rows.map(defined));
  });
});
