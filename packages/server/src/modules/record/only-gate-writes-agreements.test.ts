import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The offer gate (ADR 0009) holds only if nothing else writes these tables: every INSERT into
// them lives in the writers the agreement store calls, after checkProposal accepted.
const SRC = fileURLToPath(new URL('../../', import.meta.url));
const WRITERS = [
  'modules/record/adapters/write-plan-and-settlement.ts',
  'modules/record/adapters/write-promise.ts',
];

async function sources(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await sources(path)));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

describe('the offer gate', () => {
  it('is the only way into promises, payment_plans, plan_installments, settlement_offers and pauses', async () => {
    const writers: string[] = [];
    const pausers: string[] = [];
    const callers: string[] = [];
    for (const file of await sources(SRC)) {
      const text = await readFile(file, 'utf8');
      if (/INSERT\s+INTO\s+(promises|payment_plans|plan_installments|settlement_offers)\b/i.test(text))
        writers.push(relative(SRC, file));
      if (/collection_paused_until\s*=/i.test(text)) pausers.push(relative(SRC, file));
      // A type-only import (the agreement's context) calls nothing.
      if (/^import (?!type )[^;]*from '\.\/write-(promise|plan-and-settlement|pause)\.js'/m.test(text))
        callers.push(relative(SRC, file));
    }
    expect(writers.sort()).toEqual(WRITERS);
    expect(pausers).toEqual(['modules/record/adapters/write-pause.ts']);
    // …and only the agreement store, which runs checkProposal first, calls those writers.
    expect(callers).toEqual(['modules/record/adapters/sql-agreement-store.ts']);
  });
});
