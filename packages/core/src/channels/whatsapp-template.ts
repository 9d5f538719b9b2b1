import { z } from 'zod';
import {
  parseTemplate,
  type TemplateNode,
  type TemplateValues,
  type TemplateVariable,
  type TemplateIssue,
} from './template-language.js';
import { debtCollectorDisclosure, optOutInstructions } from './template-values.js';
import { languageOf } from './types.js';

/**
 * The WhatsApp (Meta Cloud API) template fields Saldo keeps next to a template's body. A message
 * template must be approved by Meta before it can open a conversation outside the 24-hour window;
 * its body uses positional parameters `{{1}}`, `{{2}}`… which Saldo derives from its named variables.
 */
export const whatsAppCategories = ['UTILITY', 'MARKETING', 'AUTHENTICATION'] as const;
export const whatsAppApprovalStatuses = [
  'not_submitted',
  'pending',
  'approved',
  'rejected',
  'paused',
] as const;

export const WhatsAppButton = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('QUICK_REPLY'), text: z.string().min(1).max(25) }),
  /** `url` may end in `{{paymentLink}}`: Meta allows one dynamic suffix per URL button. */
  z.strictObject({
    type: z.literal('URL'),
    text: z.string().min(1).max(25),
    url: z.string().min(1).max(2000),
  }),
  z.strictObject({
    type: z.literal('PHONE_NUMBER'),
    text: z.string().min(1).max(25),
    phoneNumber: z.string().regex(/^\+[1-9]\d{6,14}$/),
  }),
]);
export type WhatsAppButton = z.infer<typeof WhatsAppButton>;

export const WhatsAppTemplateFields = z.strictObject({
  /** Lower-case letters, digits and underscores (Meta naming rule). */
  name: z.string().regex(/^[a-z0-9_]{1,512}$/, 'lower-case letters, digits and underscores only'),
  /** Meta language code: es_MX, es_ES, en_US, es, en. */
  language: z.string().regex(/^[a-z]{2}(_[A-Z]{2})?$/),
  category: z.enum(whatsAppCategories),
  header: z.string().max(60).optional(),
  footer: z.string().max(60).optional(),
  buttons: z.array(WhatsAppButton).max(10).default([]),
  status: z.enum(whatsAppApprovalStatuses).default('not_submitted'),
  /**
   * The same template as a Twilio Content template (Content SID `HX…`): Twilio sends WhatsApp
   * templates by `contentSid` + positional `contentVariables`, not by Meta name and language.
   * Without it, a debtor outside the 24-hour window cannot be reached on WhatsApp through Twilio.
   */
  twilioContentSid: z
    .string()
    .regex(/^HX[0-9a-fA-F]{32}$/, 'a Twilio Content SID: HX followed by 32 hex digits')
    .optional(),
});
export type WhatsAppTemplateFields = z.infer<typeof WhatsAppTemplateFields>;

/** The body as Meta stores it: positional placeholders, and the Saldo variable behind each. */
export interface WhatsAppBody {
  text: string;
  parameters: TemplateVariable[];
}

const BODY_MAX = 1024;

/**
 * Converts a Saldo body to Meta's positional form. Fixed phrases (opt-out, disclosure) are inlined
 * in the template's language: they are part of what Meta approves, not parameters.
 */
export function toWhatsAppBody(
  body: string,
  language: string,
): { ok: true; body: WhatsAppBody } | { ok: false; issues: TemplateIssue[] } {
  const parsed = parseTemplate(body, 'body');
  if (!parsed.ok) return parsed;
  const lang = languageOf(language.replace('_', '-'));
  const params: TemplateVariable[] = [];
  const issues: TemplateIssue[] = [];
  const parts: string[] = [];
  const walk = (nodes: readonly TemplateNode[]): void => {
    for (const n of nodes) {
      if (n.kind === 'text') parts.push(n.text);
      else if (n.kind === 'if')
        issues.push({
          path: 'body',
          at: n.at,
          message: 'WhatsApp templates cannot contain {{#if}}: Meta approves a fixed text',
        });
      else if (n.name === 'optOutInstructions') parts.push(optOutInstructions('whatsapp', lang));
      else if (n.name === 'debtCollectorDisclosure') parts.push(debtCollectorDisclosure(lang));
      else {
        let i = params.indexOf(n.name);
        if (i < 0) i = params.push(n.name) - 1;
        parts.push(`{{${i + 1}}}`);
      }
    }
  };
  walk(parsed.nodes);
  const text = parts.join('');
  if (text.length > BODY_MAX)
    issues.push({
      path: 'body',
      at: 0,
      message: `WhatsApp template bodies are at most ${BODY_MAX} characters`,
    });
  if (/^\s*\{\{\d+\}\}|\{\{\d+\}\}\s*[.!?]?\s*$/.test(text))
    issues.push({
      path: 'body',
      at: 0,
      message: 'Meta rejects templates that start or end with a parameter',
    });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, body: { text, parameters: params } };
}

/** Parameter values, in order, for sending an approved template. */
export function whatsAppParameterValues(
  body: WhatsAppBody,
  values: TemplateValues,
): { ok: true; values: string[] } | { ok: false; missing: TemplateVariable[] } {
  const missing = body.parameters.filter((p) => !values[p]);
  if (missing.length > 0) return { ok: false, missing };
  return { ok: true, values: body.parameters.map((p) => values[p] ?? '') };
}

/** Meta's language code for a BCP 47 locale: `es-MX` → `es_MX`. */
export function whatsAppLanguageCode(locale: string): string {
  return locale.replace('-', '_');
}
