import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { accountStatuses, promiseStatuses } from '@saldo/core/record';

// The schema's CHECK constraints are a copy of core's status lists (migrations are history and
// cannot import core): this keeps the two from drifting apart.
const schema = readFileSync(
  fileURLToPath(new URL('../../../migrations/0001_common_record.sql', import.meta.url)),
  'utf8',
);

function checkList(table: string): string[] {
  const body = schema.slice(schema.indexOf(`CREATE TABLE ${table} `));
  const m = /status\s+text NOT NULL CHECK \(status IN \(([^)]*)\)\)/.exec(body);
  return (m?.[1] ?? '').split(',').map((s) => s.trim().replace(/'/g, ''));
}

describe('the record schema and core agree on status vocabularies', () => {
  it('accounts.status', () => expect(checkList('accounts')).toEqual([...accountStatuses]));
  it('promises.status', () => expect(checkList('promises')).toEqual([...promiseStatuses]));
});
