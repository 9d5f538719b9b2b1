import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { SaldoError } from '@saldo/core';
import {
  importColumns,
  requiredImportColumns,
  type ImportColumn,
  type RawImportRow,
} from '@saldo/core/record';
import type { SourceRow } from '../ports.js';
import { restoreFormula } from './csv-cell.js';

export type CsvEncoding = 'utf8' | 'latin1' | 'auto';

export interface CsvSourceInfo {
  encoding: 'utf8' | 'latin1';
  delimiter: ',' | ';' | '\t';
  columns: ImportColumn[];
  ignoredColumns: string[];
}

const SNIFF_BYTES = 1 << 20;

/** Whether `buf` is valid UTF-8, ignoring a multi-byte sequence cut at the end of the sample. */
function isUtf8(buf: Buffer, truncated: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(
      truncated ? buf.subarray(0, lastCharBoundary(buf)) : buf,
    );
    return true;
  } catch {
    return false;
  }
}
function lastCharBoundary(buf: Buffer): number {
  let i = buf.length;
  while (i > 0 && i > buf.length - 4 && (buf[i - 1]! & 0xc0) === 0x80) i--;
  return i > 0 && buf[i - 1]! >= 0xc0 ? i - 1 : buf.length;
}

function sniffDelimiter(headerLine: string): ',' | ';' | '\t' {
  const count = (c: string) => headerLine.split(c).length - 1;
  const scores = [
    [',', count(',')],
    [';', count(';')],
    ['\t', count('\t')],
  ] as const;
  return [...scores].sort((a, b) => b[1] - a[1])[0]![0];
}

function normaliseHeader(h: string): string {
  return h
    .trim()
    .toLowerCase()
    .replace(/^\ufeff/, '')
    .replace(/[\s-]+/g, '_');
}

async function readSample(path: string): Promise<{ sample: Buffer; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of createReadStream(path, { start: 0, end: SNIFF_BYTES - 1 })) {
    chunks.push(c as Buffer);
    size += (c as Buffer).length;
  }
  return { sample: Buffer.concat(chunks), truncated: size >= SNIFF_BYTES };
}

/**
 * A read error (ENOENT, EACCES…) names the file by its path; an upload's path is the server's spool
 * file, which callers must not see. The message keeps everything but the path.
 */
function withoutPath(e: unknown, path: string, name: string): unknown {
  if (name === path || !(e instanceof Error) || !e.message.includes(path)) return e;
  return new Error(e.message.split(path).join(name));
}

/**
 * Streams a portfolio CSV as rows: UTF-8 or Latin-1 (sniffed from the first MiB, or forced),
 * comma, semicolon or tab (sniffed from the header). The header is checked before any row is
 * read: a missing required column fails the whole file with the list of what is missing.
 */
export async function openCsvImportSource(
  path: string,
  opts: { encoding?: CsvEncoding; onBytes?: (bytesRead: number) => void; name?: string } = {},
): Promise<{ info: CsvSourceInfo; rows: AsyncIterable<SourceRow> }> {
  const name = opts.name ?? path;
  const { sample, truncated } = await readSample(path).catch((e: unknown) => {
    throw withoutPath(e, path, name);
  });
  const hasBom = sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf;
  const encoding =
    opts.encoding && opts.encoding !== 'auto'
      ? opts.encoding
      : hasBom || isUtf8(sample, truncated)
        ? 'utf8'
        : 'latin1';
  const text = encoding === 'utf8' ? sample.toString('utf8') : iconv.decode(sample, 'latin1');
  const headerLine = text.split(/\r?\n/, 1)[0] ?? '';
  if (!headerLine.trim())
    throw new SaldoError('validation', `${name}: the file is empty (a header row is required)`);
  const delimiter = sniffDelimiter(headerLine);
  const headers = headerLine.split(delimiter).map((h) => normaliseHeader(h.replace(/^"|"$/g, '')));
  const known = new Set<string>(importColumns);
  const missing = requiredImportColumns.filter((c) => !headers.includes(c));
  if (missing.length) {
    throw new SaldoError(
      'validation',
      `${name}: missing required column(s): ${missing.join(', ')}`,
      missing.map((c) => ({ path: c, message: 'required column is missing from the header' })),
    );
  }
  const dup = headers.find((h, i) => headers.indexOf(h) !== i);
  if (dup)
    throw new SaldoError('validation', `${name}: column "${dup}" appears twice in the header`, [
      { path: dup, message: 'duplicate column' },
    ]);
  const info: CsvSourceInfo = {
    encoding,
    delimiter,
    columns: headers.filter((h): h is ImportColumn => known.has(h)),
    ignoredColumns: headers.filter((h) => !known.has(h)),
  };

  async function* rows(): AsyncIterable<SourceRow> {
    try {
      yield* readRows();
    } catch (e) {
      throw withoutPath(e, path, name);
    }
  }

  async function* readRows(): AsyncIterable<SourceRow> {
    let bytes = 0;
    const file = createReadStream(path, { highWaterMark: 1 << 16 });
    file.on('data', (c) => {
      bytes += (c as Buffer).length;
      opts.onBytes?.(bytes);
    });
    const decoded = encoding === 'utf8' ? file.setEncoding('utf8') : file.pipe(iconv.decodeStream('latin1'));
    const parser = decoded.pipe(
      parse({
        delimiter,
        bom: true,
        columns: () => headers,
        relax_column_count: true,
        skip_empty_lines: true,
        trim: false,
      }),
    );
    let rowNo = 0;
    for await (const rec of parser as AsyncIterable<Record<string, string>>) {
      rowNo++;
      const raw: RawImportRow = {};
      for (const c of info.columns) {
        const v = rec[c];
        if (v !== undefined && v !== '') raw[c] = restoreFormula(v);
      }
      if (encoding === 'utf8' && Object.values(raw).some((v) => v!.includes('\ufffd'))) {
        throw new SaldoError(
          'validation',
          `row ${rowNo}: invalid UTF-8 bytes; re-run with --encoding latin1`,
          [{ row: rowNo, path: '*', message: 'invalid UTF-8' }],
        );
      }
      // PostgreSQL text cannot hold NUL, and a NUL byte in a text CSV almost always means a UTF-16 or
      // binary file: refuse the file like invalid UTF-8, naming the row and column.
      const nul = info.columns.find((c) => raw[c]?.includes('\u0000'));
      if (nul)
        throw new SaldoError(
          'validation',
          `row ${rowNo}, ${nul}: a NUL character (U+0000); save the file as UTF-8 or Latin-1 text`,
          [{ row: rowNo, path: nul, message: 'a NUL character (U+0000)' }],
        );
      yield { rowNo, raw };
    }
  }
  return { info, rows: rows() };
}
