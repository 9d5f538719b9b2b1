import {
  canTransition,
  validateImportRow,
  type AccountStatus,
  type ValidImportRow,
} from '@saldo/core/record';
import type { FieldIssue } from '@saldo/core';
import type { Clock } from '../../../shared/clock/clock.js';
import type { ImportCounts, ImportSession, ImportStore, SourceRow } from '../ports.js';

export type { SourceRow };

export type ImportMode = 'all_or_nothing' | 'valid_rows';
export type RowIssue = FieldIssue & { row: number };

export interface ImportRequest {
  orgId: string;
  portfolioId: string;
  sourceName: string;
  format: 'csv' | 'json';
  mode: ImportMode;
  createdBy: string | null;
  defaultCurrency?: string;
  defaultCountry?: string;
}

export interface ImportHooks {
  /** Called for every rejected row (valid_rows mode writes them to a rejects file). */
  onReject?(row: SourceRow, issues: FieldIssue[]): void | Promise<void>;
  onProgress?(rowsRead: number): void;
  /** Called once the import record exists (the API answers 202 with this id). */
  onStarted?(importId: string): void;
}

export interface ImportResult extends ImportCounts {
  importId: string;
  status: 'succeeded' | 'failed';
  totalRows: number;
  rejected: number;
  /** The first MAX_REPORTED_ERRORS problems; `errorCount` counts all of them. */
  errors: RowIssue[];
  errorCount: number;
}

const BATCH = 5_000;
export const MAX_REPORTED_ERRORS = 10_000;

class AbortImport extends Error {}

/** Rejected rows and their problems, as the import goes. */
interface RejectTally {
  errors: RowIssue[];
  errorCount: number;
  rejected: number;
  report(row: SourceRow, issues: FieldIssue[]): Promise<void>;
}

function createRejectTally(hooks: ImportHooks): RejectTally {
  const t: RejectTally = {
    errors: [],
    errorCount: 0,
    rejected: 0,
    async report(row, issues) {
      t.rejected++;
      t.errorCount += issues.length;
      for (const i of issues)
        if (t.errors.length < MAX_REPORTED_ERRORS) t.errors.push({ ...i, row: row.rowNo });
      await hooks.onReject?.(row, issues);
    },
  };
  return t;
}

/**
 * Imports a portfolio: validate every row, stage valid rows (COPY) and merge them into the
 * common record in ONE transaction. all_or_nothing: any bad row → nothing is written and every
 * problem is reported with row and column. valid_rows: bad rows are rejected (hooks.onReject)
 * and the rest is imported. Memory stays bounded whatever the file size: rows stream through
 * in batches, and duplicates inside the file are found in SQL on the staging table.
 */
export async function importPortfolio(
  deps: { imports: ImportStore; clock: Clock },
  req: ImportRequest,
  rows: AsyncIterable<SourceRow>,
  hooks: ImportHooks = {},
): Promise<ImportResult> {
  const startedAt = deps.clock.now();
  const importId = await deps.imports.create({ ...req, startedAt });
  hooks.onStarted?.(importId);
  const tally = createRejectTally(hooks);
  const read = { totalRows: 0 };
  let counts: ImportCounts = { inserted: 0, updated: 0, unchanged: 0 };
  let failure: string | null = null;
  try {
    counts = await deps.imports.run(
      { orgId: req.orgId, portfolioId: req.portfolioId, importId, now: startedAt },
      async (s) => {
        const staged = await stageRows(s, rows, req, startedAt, hooks, tally, read);
        await rejectDuplicates(s, req, tally);
        await rejectIllegalMoves(s, req, tally, staged);
        return s.merge();
      },
    );
  } catch (e) {
    if (!(e instanceof AbortImport)) {
      failure = e instanceof Error ? e.message : String(e);
    }
  }
  const { totalRows } = read;
  const { rejected, errors, errorCount } = tally;
  const failed = failure !== null || (req.mode === 'all_or_nothing' && rejected > 0);
  if (failed) counts = { inserted: 0, updated: 0, unchanged: 0 };
  const status = failed ? 'failed' : 'succeeded';
  const error =
    failure ??
    (failed
      ? `${rejected} of ${totalRows} rows are invalid (${errorCount} problems); nothing was imported`
      : null);
  await deps.imports.recordErrors(importId, errors);
  await deps.imports.finish(importId, {
    status,
    totalRows,
    ...counts,
    rejected,
    error,
    finishedAt: deps.clock.now(),
  });
  return { importId, status, totalRows, ...counts, rejected, errors, errorCount };
}

/**
 * Validates and stages every row in batches; returns the staged rows whose status may conflict
 * (valid_rows mode), for the rejects file.
 */
async function stageRows(
  s: ImportSession,
  rows: AsyncIterable<SourceRow>,
  req: ImportRequest,
  startedAt: Date,
  hooks: ImportHooks,
  tally: RejectTally,
  read: { totalRows: number },
): Promise<Map<number, SourceRow>> {
  // Every valid row is staged, even once an all-or-nothing import has failed: duplicates of a
  // reference inside the file are then found in SQL (no per-row memory here), and the report
  // lists every problem. The transaction is rolled back in that case anyway.
  const asOf = startedAt.toISOString().slice(0, 10);
  const staged = new Map<number, SourceRow>(); // only rows whose status may conflict (valid_rows)
  let batch: { rowNo: number; row: ValidImportRow }[] = [];
  let pending: Promise<void> = Promise.resolve();
  for await (const src of rows) {
    read.totalRows++;
    if (read.totalRows % 10_000 === 0) hooks.onProgress?.(read.totalRows);
    const v = validateImportRow(src.raw, {
      asOf,
      defaultCurrency: req.defaultCurrency,
      defaultCountry: req.defaultCountry,
    });
    if (!v.ok) {
      await tally.report(src, v.issues);
      continue;
    }
    if (v.row.status !== 'active' && req.mode === 'valid_rows') staged.set(src.rowNo, src);
    batch.push({ rowNo: src.rowNo, row: v.row });
    if (batch.length >= BATCH) {
      // Overlap: validate the next batch while the database loads this one.
      await pending;
      pending = s.stage(batch);
      batch = [];
    }
  }
  await pending;
  hooks.onProgress?.(read.totalRows);
  if (batch.length) await s.stage(batch);
  return staged;
}

/** Rejects second copies of a reference inside the file (all_or_nothing: aborts if anything was rejected). */
async function rejectDuplicates(s: ImportSession, req: ImportRequest, tally: RejectTally): Promise<void> {
  const duplicates = await s.findDuplicates();
  for (const d of duplicates) {
    await tally.report({ rowNo: d.rowNo, raw: d.raw }, [
      {
        path: 'external_ref',
        message: `duplicate reference "${d.externalRef}" (first seen in row ${d.firstRow})`,
      },
    ]);
  }
  if (req.mode === 'all_or_nothing' && tally.rejected > 0) throw new AbortImport();
  await s.unstage(duplicates.map((d) => d.rowNo));
}

/** Rejects status changes the account state machine refuses (all_or_nothing: aborts). */
async function rejectIllegalMoves(
  s: ImportSession,
  req: ImportRequest,
  tally: RejectTally,
  staged: Map<number, SourceRow>,
): Promise<void> {
  const conflicts = await s.findStatusConflicts();
  const illegal = conflicts.filter((c) => !canTransition(c.from as AccountStatus, c.to as AccountStatus));
  for (const c of illegal) {
    await tally.report(staged.get(c.rowNo) ?? { rowNo: c.rowNo, raw: { external_ref: c.externalRef } }, [
      { path: 'status', message: `account ${c.externalRef} is ${c.from}; it cannot move to ${c.to}` },
    ]);
  }
  if (illegal.length && req.mode === 'all_or_nothing') throw new AbortImport();
  await s.unstage(illegal.map((c) => c.rowNo));
}
