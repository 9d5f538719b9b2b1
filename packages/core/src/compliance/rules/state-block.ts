/**
 * Rule kind `state_block`: a debtor state (dispute pending, cease requested, attorney,
 * bankruptcy, deceased, moratorium / breathing space) blocks collection contact. The input
 * carries no end date for a state, so a block has no end (`nextAllowedAt` null).
 */
import { z } from 'zod';
import { ruleBaseShape, PASS, NO_END, type Messages, type RuleCheck } from '../rule-base.js';
import { contentItems, debtorFlags, recipients, type DebtorFlag } from '../vocab.js';

/**
 * The `state_block` rule. `exceptRecipients`: recipients still allowed (e.g. the debtor's
 * attorney when the debtor is represented). `exemptIf`: content declarations that let a message
 * through (a reply that only acknowledges the dispute or the request to stop).
 *
 * @example
 * const r: StateBlockRule = { kind: 'state_block', id: 'US-REGF-ATTY', citation: '12 CFR 1006.6(b)(2)', confidence: 'V1', severity: 'hard', flag: 'attorney', exceptRecipients: ['attorney'] };
 */
export const StateBlockRule = z.object({
  ...ruleBaseShape,
  kind: z.literal('state_block'),
  flag: z.enum(debtorFlags),
  exceptRecipients: z.array(z.enum(recipients)).optional(),
  exemptIf: z.array(z.enum(contentItems)).optional(),
});
export type StateBlockRule = z.infer<typeof StateBlockRule>;

/**
 * Compiles a state block.
 *
 * @example
 * compileStateBlock(rule)(ctx, zone, t); // NO_END when the flag is set
 */
export function compileStateBlock(rule: StateBlockRule): RuleCheck {
  const except = new Set(rule.exceptRecipients ?? []);
  const exemptIf = rule.exemptIf ?? [];
  return (ctx) => {
    if (!ctx.flags.has(rule.flag) || except.has(ctx.recipient)) return PASS;
    return exemptIf.some((it) => ctx.content[it] === true) ? PASS : NO_END;
  };
}

const flagText: Record<DebtorFlag, { en: string; es: string }> = {
  dispute_pending: {
    en: 'the debt is disputed and verification is pending',
    es: 'la deuda está en disputa y la verificación está pendiente',
  },
  cease_requested: {
    en: 'the person asked to stop communications',
    es: 'la persona pidió cesar las comunicaciones',
  },
  attorney: {
    en: 'the person is represented by an attorney',
    es: 'la persona está representada por un abogado',
  },
  bankruptcy: {
    en: 'the person is in bankruptcy / insolvency proceedings',
    es: 'la persona está en concurso o quiebra',
  },
  deceased: { en: 'the person is deceased', es: 'la persona falleció' },
  moratorium: {
    en: 'a moratorium / breathing space is active',
    es: 'hay una moratoria / período de respiro activo',
  },
};

/**
 * Generated message.
 *
 * @example
 * describeStateBlock(rule).en; // 'Collection contact is blocked: the person is represented by an attorney'
 */
export function describeStateBlock(rule: StateBlockRule): Messages {
  const t = flagText[rule.flag];
  return { en: `Collection contact is blocked: ${t.en}`, es: `Contacto de cobranza bloqueado: ${t.es}` };
}
