import { z } from 'zod';
import { checkRequiredContent, type ContentViolation } from './required-content.js';
import { smsSegments, type SmsSegmentInfo } from './sms-segments.js';
import {
  checkHtmlSafety,
  parseTemplate,
  renderParsed,
  type TemplateIssue,
  type TemplateNode,
  type TemplateVariable,
} from './template-language.js';
import { templateValues, type TemplateContext } from './template-values.js';
import {
  toWhatsAppBody,
  whatsAppParameterValues,
  WhatsAppTemplateFields,
  type WhatsAppBody,
} from './whatsapp-template.js';
import { channels } from './channel.js';
import { templatePurposes } from './types.js';

/** Extra prompts of a scripted call (reminder_call): each is a template like the body. */
export const VoiceScriptFields = z.strictObject({
  /**
   * Said first, before anything about the debt: confirms the right person answered, because the
   * debt must not be disclosed to third parties (US-REGF-3P, MX-3P, ES-3P-AEPD).
   */
  identity: z.string().min(1).max(500),
  /** Said when the person says they are not the debtor; ends the call. */
  wrongPerson: z.string().min(1).max(500),
  /** Asked in the `<Gather>`: what the debtor can say or press. */
  menu: z.string().min(1).max(1000),
  transferring: z.string().min(1).max(500),
  linkSent: z.string().min(1).max(500),
  noInput: z.string().min(1).max(500),
  goodbye: z.string().min(1).max(500),
});
export type VoiceScriptFields = z.infer<typeof VoiceScriptFields>;

/**
 * A message template: one channel, one locale (`es`, `en`, or a variant such as `es-MX`), one purpose.
 * `body` is the text part (email text, SMS, WhatsApp body, the spoken message of a call).
 */
export const MessageTemplate = z.strictObject({
  id: z.string().regex(/^tpl_[A-Za-z0-9_-]+$/),
  purpose: z.enum(templatePurposes),
  channel: z.enum(channels),
  locale: z.string().regex(/^(es|en)(-[A-Z]{2})?$/),
  subject: z.string().max(200).optional(),
  body: z.string().min(1).max(20_000),
  /** Email HTML; when absent it is generated from `body` (escaped paragraphs, links as anchors). */
  html: z.string().max(100_000).optional(),
  whatsapp: WhatsAppTemplateFields.optional(),
  voice: VoiceScriptFields.optional(),
});
export type MessageTemplate = z.infer<typeof MessageTemplate>;

export interface TemplateValidation {
  ok: boolean;
  /** Syntax errors, unknown variables, unsafe HTML, missing channel fields. */
  issues: TemplateIssue[];
  /** Content the debtor's country requires and the template lacks (blocking when `basis: 'law'`). */
  contentViolations: ContentViolation[];
  /** SMS only: the segment count of the body rendered with sample values. */
  sms?: SmsSegmentInfo;
  /** WhatsApp only: the body in Meta's positional form. */
  whatsapp?: WhatsAppBody;
}

type ParsedField = { path: string; source: string; nodes: TemplateNode[] };

function templateFields(t: MessageTemplate): { path: string; source: string }[] {
  const fields = [{ path: 'body', source: t.body }];
  if (t.subject !== undefined) fields.push({ path: 'subject', source: t.subject });
  if (t.html !== undefined) fields.push({ path: 'html', source: t.html });
  if (t.voice) for (const [k, v] of Object.entries(t.voice)) fields.push({ path: `voice.${k}`, source: v });
  return fields;
}

/**
 * Validates a template when it is saved or published: syntax, variables, channel requirements and
 * the content the debtor's country requires (required-content.ts). Both law and policy violations
 * make `ok` false; callers may let an admin override policy ones.
 *
 * @example
 * validateTemplate(defaultTemplates[0], { country: 'MX' }).ok // true
 */
export function validateTemplate(t: MessageTemplate, opts: { country: string }): TemplateValidation {
  const issues: TemplateIssue[] = [];
  const parsed: ParsedField[] = [];
  for (const f of templateFields(t)) {
    const r = parseTemplate(f.source, f.path);
    if (r.ok) parsed.push({ ...f, nodes: r.nodes });
    else issues.push(...r.issues);
  }
  if (t.html !== undefined) issues.push(...checkHtmlSafety(t.html));
  if (t.channel === 'email' && !t.subject)
    issues.push({ path: 'subject', at: 0, message: 'an email template needs a subject' });
  if (t.channel !== 'email' && (t.subject !== undefined || t.html !== undefined))
    issues.push({ path: 'subject', at: 0, message: 'only email templates have a subject or HTML' });
  if (t.purpose === 'reminder_call' && !t.voice)
    issues.push({
      path: 'voice',
      at: 0,
      message: 'a scripted call needs its menu, transfer and goodbye prompts',
    });
  const result: TemplateValidation = { ok: false, issues, contentViolations: [] };
  if (t.channel === 'whatsapp' && t.whatsapp) {
    const wa = toWhatsAppBody(t.body, t.whatsapp.language);
    if (wa.ok) result.whatsapp = wa.body;
    else issues.push(...wa.issues);
  }
  if (issues.length === 0) {
    result.contentViolations = checkRequiredContent({
      country: opts.country,
      channel: t.channel,
      fields: parsed,
    });
    if (t.channel === 'sms') {
      const sample = renderMessage(t, sampleContext(t.locale, 'sms'));
      if (sample.ok) result.sms = smsSegments(sample.message.text);
    }
  }
  result.ok = issues.length === 0 && result.contentViolations.length === 0;
  return result;
}

/**
 * Whether a template carries everything the debtor's country requires (required-content.ts, law
 * and policy alike). A template that does not parse carries nothing. Memoised per template object
 * and country: templates are immutable values, and the send path asks once per contact.
 *
 * @example
 * meetsRequiredContent(esMxReminderSms, 'US') // false: no debt-collector disclosure
 */
export function meetsRequiredContent(t: MessageTemplate, country: string): boolean {
  const cc = country.toUpperCase();
  let byCountry = contentVerdicts.get(t);
  if (!byCountry) contentVerdicts.set(t, (byCountry = new Map()));
  let verdict = byCountry.get(cc);
  if (verdict === undefined) {
    verdict = requiredContentMet(t, cc);
    byCountry.set(cc, verdict);
  }
  return verdict;
}
const contentVerdicts = new WeakMap<MessageTemplate, Map<string, boolean>>();

function requiredContentMet(t: MessageTemplate, country: string): boolean {
  const fields: { source: string; nodes: TemplateNode[] }[] = [];
  for (const f of templateFields(t)) {
    const r = parseTemplate(f.source, f.path);
    if (!r.ok) return false;
    fields.push({ source: f.source, nodes: r.nodes });
  }
  return checkRequiredContent({ country, channel: t.channel, fields }).length === 0;
}

/** A rendered message, ready for a provider. */
export interface RenderedMessage {
  subject?: string;
  text: string;
  html?: string;
  /** `parameters` are in positional order ({{1}}, {{2}}…), for Meta components and Twilio contentVariables alike. */
  whatsapp?: {
    name: string;
    language: string;
    parameters: string[];
    approved: boolean;
    twilioContentSid?: string;
  };
  voice?: VoiceScriptFields;
}

export type RenderOutcome =
  | { ok: true; message: RenderedMessage }
  | { ok: false; issues: TemplateIssue[]; missing: TemplateVariable[] };

/** Renders every field of a template for one debtor. Missing values are reported, never guessed. */
export function renderMessage(t: MessageTemplate, ctx: TemplateContext): RenderOutcome {
  const values = templateValues({ ...ctx, channel: t.channel });
  const issues: TemplateIssue[] = [];
  const missing = new Set<TemplateVariable>();
  const render = (source: string, path: string, mode: 'text' | 'html'): string => {
    const p = parseTemplate(source, path);
    if (!p.ok) {
      issues.push(...p.issues);
      return '';
    }
    const r = renderParsed(p.nodes, values, mode);
    if (!r.ok) r.missing.forEach((m) => missing.add(m));
    return r.ok ? r.text : '';
  };
  const message: RenderedMessage = { text: render(t.body, 'body', 'text') };
  if (t.subject !== undefined) message.subject = render(t.subject, 'subject', 'text');
  if (t.channel === 'email')
    message.html =
      t.html !== undefined ? render(t.html, 'html', 'html') : textToHtml(render(t.body, 'body', 'html'));
  if (t.voice) {
    const v = t.voice;
    const voice = {} as VoiceScriptFields;
    for (const k of Object.keys(v) as (keyof VoiceScriptFields)[])
      voice[k] = render(v[k], `voice.${k}`, 'text');
    message.voice = voice;
  }
  if (t.channel === 'whatsapp' && t.whatsapp) {
    const wa = toWhatsAppBody(t.body, t.whatsapp.language);
    if (!wa.ok) issues.push(...wa.issues);
    else {
      const params = whatsAppParameterValues(wa.body, values);
      if (!params.ok) params.missing.forEach((m) => missing.add(m));
      else
        message.whatsapp = {
          name: t.whatsapp.name,
          language: t.whatsapp.language,
          parameters: params.values,
          approved: t.whatsapp.status === 'approved',
          ...(t.whatsapp.twilioContentSid ? { twilioContentSid: t.whatsapp.twilioContentSid } : {}),
        };
    }
  }
  if (issues.length > 0 || missing.size > 0) return { ok: false, issues, missing: [...missing] };
  return { ok: true, message };
}

/** Paragraphs from blank-line-separated text that was rendered in HTML mode (already escaped). */
function textToHtml(escapedText: string): string {
  const paragraphs = escapedText.split(/\n{2,}/).map((p) => `<p>${p.replace(/\n/g, '<br>')}</p>`);
  return `<!doctype html><html><body style="font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#222">${paragraphs.join('\n')}</body></html>`;
}

/** Sample values for previews and segment counts (long-ish, so counts are not optimistic). */
export function sampleContext(locale: string, channel: MessageTemplate['channel']): TemplateContext {
  const es = locale.startsWith('es');
  const country = locale.split('-')[1] ?? (es ? 'MX' : 'US');
  const currency = country === 'ES' ? 'EUR' : country === 'US' ? 'USD' : 'MXN';
  return {
    channel,
    debtor: {
      firstName: es ? 'Guadalupe' : 'Jennifer',
      lastName: es ? 'Hernández' : 'Johnson',
      locale: locale.includes('-') ? locale : es ? 'es-MX' : 'en-US',
      timeZone:
        country === 'ES' ? 'Europe/Madrid' : country === 'US' ? 'America/Chicago' : 'America/Mexico_City',
    },
    amount: { minor: 1_234_567, currency },
    dueDate: '2026-12-15',
    paymentLink: 'https://pay.saldo.example/p/Ab3dE5gH',
    agentName: es ? 'Mariana López' : 'Michael Brown',
    callbackNumber: '+1 555 010 0199',
    creditorName: es ? 'Financiera del Valle' : 'Valley Credit Union',
    collectorName: es ? 'Saldo Cobranza' : 'Saldo Services',
    optOutLink: 'https://saldo.example/u/Ab3dE5gH',
  };
}
