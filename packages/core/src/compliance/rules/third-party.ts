/**
 * Rule kind `third_party`: who may be contacted about the debt. References, relatives and
 * employers are third parties almost everywhere; guarantors and co-debtors are obligated and may
 * usually be contacted. The engine does not model location-information-only contacts
 * (15 U.S.C. 1692b), so packs refuse third parties outright (conservative).
 */
import { z } from 'zod';
import { ruleBaseShape, PASS, NO_END, type Messages, type RuleCheck } from '../rule-base.js';
import { recipients } from '../vocab.js';

/**
 * The `third_party` rule: `allowed` recipients; every other recipient is refused.
 *
 * @example
 * const r: ThirdPartyRule = { kind: 'third_party', id: 'CO-3P', citation: 'Ley 2300 de 2023', confidence: 'V2', severity: 'hard', allowed: ['debtor', 'co_debtor', 'guarantor'] };
 */
export const ThirdPartyRule = z.object({
  ...ruleBaseShape,
  kind: z.literal('third_party'),
  allowed: z.array(z.enum(recipients)).min(1),
});
export type ThirdPartyRule = z.infer<typeof ThirdPartyRule>;

/**
 * Compiles a third-party restriction.
 *
 * @example
 * compileThirdParty(rule)(ctx, zone, t); // NO_END for a 'reference' recipient
 */
export function compileThirdParty(rule: ThirdPartyRule): RuleCheck {
  const allowed = new Set(rule.allowed);
  return (ctx) => (allowed.has(ctx.recipient) ? PASS : NO_END);
}

/**
 * Generated message.
 *
 * @example
 * describeThirdParty(rule).en;
 * // 'This recipient may not be contacted about the debt (allowed: debtor, co_debtor, guarantor)'
 */
export function describeThirdParty(rule: ThirdPartyRule): Messages {
  return {
    en: `This recipient may not be contacted about the debt (allowed: ${rule.allowed.join(', ')})`,
    es: `No se puede contactar a este destinatario sobre la deuda (permitidos: ${rule.allowed.join(', ')})`,
  };
}
