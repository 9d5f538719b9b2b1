// docs/compliance.md must list every rule of every built-in pack with its citation.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { builtinPacks } from './packs/index.js';

const doc = readFileSync(fileURLToPath(new URL('../../../../docs/compliance.md', import.meta.url)), 'utf8');

describe('docs/compliance.md', () => {
  it.each(builtinPacks.map((p) => [p.code, p] as const))(
    'lists pack %s and each of its rules with citation and confidence',
    (_code, pack) => {
      expect(doc).toContain(`### ${pack.code} — `);
      for (const r of pack.rules) {
        const row = doc.split('\n').find((l) => l.startsWith(`| \`${r.id}\` |`));
        expect(row, r.id).toBeDefined();
        expect(row).toContain(r.citation);
        expect(row).toContain(r.confidence === '?' ? '[?]' : r.confidence);
      }
    },
  );

  it('says packs are not legal advice', () => {
    expect(doc).toContain('Not legal advice');
  });
});
