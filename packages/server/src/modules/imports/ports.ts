import type { FieldIssue } from '@saldo/core';
import type { DemoCountry } from '@saldo/core/demo';
import type { RawImportRow, ValidImportRow } from '@saldo/core/record';

/** One row from a source (CSV file, JSON body); rowNo is 1-based, header excluded. */
export interface SourceRow {
  rowNo: number;
  raw: RawImportRow;
}

export interface ImportCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** Rows whose status change the merge refused (illegal transition for the current status). */
export interface StatusConflict {
  rowNo: number;
  externalRef: string;
  from: string;
  to: string;
}

/** One import run inside one database transaction: stage rows, then merge them set-wise. */
export interface ImportSession {
  stage(rows: ReadonlyArray<{ rowNo: number; row: ValidImportRow }>): Promise<void>;
  /** Status changes in the staged rows that the account state machine refuses. */
  findStatusConflicts(): Promise<StatusConflict[]>;
  /**
   * Rows whose external_ref already appears in an earlier staged row (in-file duplicates),
   * found in SQL so the importer's memory does not grow with the file; each with a normalised
   * copy of the staged row for a rejects file (identity fields are hashed, so left out).
   */
  findDuplicates(): Promise<{ rowNo: number; externalRef: string; firstRow: number; raw: RawImportRow }[]>;
  /** Drops staged rows (valid_rows mode, after conflicts were found). */
  unstage(rowNos: number[]): Promise<void>;
  merge(): Promise<ImportCounts>;
}

export interface ImportRecord {
  id: string;
  orgId: string;
  portfolioId: string;
  sourceName: string;
  format: 'csv' | 'json';
  mode: 'all_or_nothing' | 'valid_rows';
  status: 'running' | 'succeeded' | 'failed';
  totalRows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
}

export interface ImportStore {
  create(
    rec: Pick<ImportRecord, 'orgId' | 'portfolioId' | 'sourceName' | 'format' | 'mode'> & {
      createdBy: string | null;
      startedAt: Date;
    },
  ): Promise<string>;
  /** Runs fn in one transaction: everything staged and merged commits together or not at all. */
  run<T>(
    ctx: { orgId: string; portfolioId: string; importId: string; now: Date },
    fn: (s: ImportSession) => Promise<T>,
  ): Promise<T>;
  finish(
    importId: string,
    outcome: Pick<
      ImportRecord,
      'status' | 'totalRows' | 'inserted' | 'updated' | 'unchanged' | 'rejected' | 'error'
    > & { finishedAt: Date },
  ): Promise<void>;
  recordErrors(importId: string, errors: ReadonlyArray<FieldIssue & { row: number }>): Promise<void>;
  get(orgId: string, importId: string): Promise<ImportRecord | null>;
  listErrors(
    orgId: string,
    importId: string,
    page: { limit: number; offset: number },
  ): Promise<{ row: number; field: string; message: string }[]>;
}

/** The generator's inputs of one demo portfolio (`generatePortfolio` makes the same book again from them). */
export interface DemoLoad {
  orgId: string;
  portfolioCode: string;
  country: DemoCountry;
  seed: number;
  debtors: number;
  asOf: string;
  loadedAt: Date;
}

/** The identity HMACs the record keeps for a debtor (null: not given at import). */
export interface StoredIdentity {
  dobHash: string | null;
  nationalIdHash: string | null;
}

/** Where demo loads are kept (migration 0061), and the identity HMACs to check a regenerated book against. */
export interface DemoLoadStore {
  record(load: DemoLoad): Promise<void>;
  /** The organisation's demo loads, in the order they were recorded. */
  list(orgId: string): Promise<DemoLoad[]>;
  /** The stored identity HMACs of the debtors with these references. */
  identities(orgId: string, debtorRefs: readonly string[]): Promise<Map<string, StoredIdentity>>;
}
