/**
 * Rule kind `content_required`: a written message must carry required content (opt-out
 * instructions, the debt-collector disclosure / mini-Miranda). Missing or false → refused; the
 * fix is to change the message, so there is no end (`nextAllowedAt` null). `exemptIf` names
 * declarations that take a message out of the rule (a message conveying no debt information is
 * not a communication, so the mini-Miranda does not bind it).
 */
import { z } from 'zod';
import { ruleBaseShape, PASS, NO_END, type Messages, type RuleCheck } from '../rule-base.js';
import { contentItems, type ContentItem } from '../vocab.js';

/**
 * The `content_required` rule.
 *
 * @example
 * const r: ContentRequiredRule = { kind: 'content_required', id: 'US-REGF-EOPTOUT', citation: '12 CFR 1006.6(e)', confidence: 'V2', severity: 'hard',
 *   channels: ['email', 'sms', 'whatsapp'], items: ['optOutInstructions'] };
 */
export const ContentRequiredRule = z.object({
  ...ruleBaseShape,
  kind: z.literal('content_required'),
  items: z.array(z.enum(contentItems)).min(1),
  /** The rule does not apply to a message that declares any of these (`content[item] === true`). */
  exemptIf: z.array(z.enum(contentItems)).min(1).optional(),
});
export type ContentRequiredRule = z.infer<typeof ContentRequiredRule>;

/**
 * Compiles a content requirement.
 *
 * @example
 * compileContentRequired(rule)(ctx, zone, t); // PASS when ctx.content.optOutInstructions === true
 */
export function compileContentRequired(rule: ContentRequiredRule): RuleCheck {
  const items = rule.items;
  const exemptIf = rule.exemptIf ?? [];
  return (ctx) => {
    for (const it of exemptIf) if (ctx.content[it] === true) return PASS;
    for (const it of items) if (ctx.content[it] !== true) return NO_END;
    return PASS;
  };
}

const itemText: Record<ContentItem, { en: string; es: string }> = {
  optOutInstructions: { en: 'opt-out instructions', es: 'instrucciones para darse de baja' },
  miniMiranda: { en: 'the debt-collector disclosure', es: 'la declaración de que es un cobrador de deudas' },
  noDebtInformation: {
    en: 'no information regarding a debt',
    es: 'ninguna información sobre una deuda',
  },
  acknowledgementOnly: {
    en: 'only an acknowledgement of what the person said',
    es: 'solo un acuse de lo que dijo la persona',
  },
  optOutConfirmation: {
    en: 'the confirmation of an opt-out',
    es: 'la confirmación de una baja',
  },
};

/**
 * Generated message.
 *
 * @example
 * describeContentRequired(rule).en; // 'The message must include: opt-out instructions'
 */
export function describeContentRequired(rule: ContentRequiredRule): Messages {
  const exempt = rule.exemptIf ?? [];
  return {
    en:
      `The message must include: ${rule.items.map((i) => itemText[i].en).join(', ')}` +
      (exempt.length ? ` (unless it carries ${exempt.map((i) => itemText[i].en).join(', ')})` : ''),
    es:
      `El mensaje debe incluir: ${rule.items.map((i) => itemText[i].es).join(', ')}` +
      (exempt.length ? ` (salvo si no contiene ${exempt.map((i) => itemText[i].es).join(', ')})` : ''),
  };
}
