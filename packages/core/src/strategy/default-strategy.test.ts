import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { defaultStrategy, defaultTemplateIds, defaultTemplateRefs } from './default-strategy.js';
import { StrategyDefinition } from './definition.js';
import { checkStrategy, getConstraintViolations } from './validate.js';

describe('default strategy', () => {
  it('parses with the schema and has no violations, templates included', () => {
    expect(StrategyDefinition.parse(defaultStrategy)).toEqual(defaultStrategy);
    expect(getConstraintViolations(defaultStrategy, { templates: defaultTemplateRefs })).toEqual([]);
  });

  it('uses exactly the listed templates (so the template set can be checked against this list)', () => {
    const used = new Set<string>();
    for (const seg of defaultStrategy.segments) {
      for (const n of Object.values(seg.journey.nodes)) {
        if (n.kind === 'send' || n.kind === 'call') used.add(n.template);
        if (n.kind === 'call' && n.voicemailTemplate) used.add(n.voicemailTemplate);
      }
    }
    expect([...used].sort()).toEqual([...defaultTemplateIds].sort());
  });

  it('starts every segment with the same 5 % holdout arm listed first (a permanent holdout)', () => {
    for (const seg of defaultStrategy.segments) {
      const split = seg.journey.nodes[seg.journey.entry];
      expect(seg.journey.entry).toBe('holdout_split');
      expect(split?.kind).toBe('split');
      if (split?.kind !== 'split') continue;
      expect(split.arms[0]).toMatchObject({ name: 'holdout', percent: 5 });
      expect(split.arms.map((a) => a.name)).toContain('champion');
      // The holdout path never contacts the debtor.
      const holdoutPath = [split.arms[0]?.next, 'holdout_exit'].map(
        (id) => seg.journey.nodes[id ?? '']?.kind,
      );
      expect(holdoutPath).toEqual(['wait', 'exit']);
    }
  });

  it('the YAML example parses to the same definition and validates', () => {
    const file = fileURLToPath(new URL('./examples/default-strategy.yaml', import.meta.url));
    const r = checkStrategy(parse(readFileSync(file, 'utf8')), { templates: defaultTemplateRefs });
    expect(r).toEqual({ ok: true, definition: defaultStrategy });
  });
});
