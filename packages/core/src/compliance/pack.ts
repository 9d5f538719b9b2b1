/**
 * Packs: versioned, dated bundles of rules for one legal layer (law), a Saldo company-policy
 * layer, or an organisation's own layer. Validated and compiled eagerly.
 */
import { z } from 'zod';
import { SaldoError } from '../errors/index.js';
import { packKinds } from './vocab.js';
import { Rule, compileRule, type CompiledRule, type RuleInput } from './rule.js';

/**
 * Where a pack applies: a country (ISO 3166-1 alpha-2, or `*` for the global baseline used when
 * no law pack covers the country) and optionally regions (ISO 3166-2 like `US-MA`, or a city
 * code like `US-NYC`).
 *
 * @example
 * const j: Jurisdiction = { country: 'US', regions: ['US-MA'] };
 */
export const Jurisdiction = z.object({
  country: z.string().regex(/^([A-Z]{2}|\*)$/),
  regions: z
    .array(z.string().regex(/^[A-Z]{2}-[A-Z0-9-]{1,8}$/))
    .min(1)
    .optional(),
});
export type Jurisdiction = z.infer<typeof Jurisdiction>;

/**
 * A pack: `{ code, version, effectiveFrom, rules }` plus its kind, jurisdiction and a summary.
 *
 * @example
 * Pack.parse({ code: 'XX', version: '2026.05.0', kind: 'law', effectiveFrom: '2026-01-01T00:00:00Z', jurisdiction: { country: 'XX' }, title: 'x', rules: [] });
 */
export const Pack = z
  .object({
    code: z.string().regex(/^[A-Z][A-Z0-9-]*(:[A-Za-z0-9_-]+)?$/),
    version: z.string().min(1),
    kind: z.enum(packKinds),
    title: z.string().min(1),
    /** First instant the pack is in force (ISO UTC). */
    effectiveFrom: z.iso.datetime({ offset: true }),
    jurisdiction: Jurisdiction,
    /** Readings taken, sources still to verify, what is not modelled. */
    notes: z.array(z.string()).default([]),
    rules: z.array(Rule),
  })
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.rules.forEach((r, i) => {
      if (seen.has(r.id))
        ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `duplicate rule id ${r.id}` });
      seen.add(r.id);
    });
  });
export type Pack = z.infer<typeof Pack>;
/** The authoring shape of a pack (defaults not applied). */
export type PackInput = Omit<z.input<typeof Pack>, 'rules'> & { rules: RuleInput[] };

/**
 * A validated pack with compiled rules.
 *
 * @example
 * const c = compilePack(usPack); c.label; // 'US@2026.05.0'
 */
export interface CompiledPack {
  readonly pack: Pack;
  readonly label: string;
  readonly effectiveFromMs: number;
  readonly rules: readonly CompiledRule[];
  /** The longest history span any rule of the pack reads (ms). */
  readonly lookbackMs: number;
}

/**
 * Validates and compiles a pack; throws `SaldoError('validation')` listing every problem.
 *
 * @example
 * compilePack({ code: 'XX' }); // throws SaldoError('validation', 'invalid compliance pack XX', issues)
 */
export function compilePack(input: unknown): CompiledPack {
  const parsed = Pack.safeParse(input);
  if (!parsed.success) {
    const code =
      typeof input === 'object' && input && 'code' in input ? String((input as { code: unknown }).code) : '?';
    throw new SaldoError(
      'validation',
      `invalid compliance pack ${code}`,
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  const pack = parsed.data;
  const rules = pack.rules.map(compileRule);
  return {
    pack,
    label: `${pack.code}@${pack.version}`,
    effectiveFromMs: Date.parse(pack.effectiveFrom),
    rules,
    lookbackMs: Math.max(0, ...rules.map((r) => r.lookbackMs)),
  };
}
