import { SaldoError, type FieldIssue } from '@saldo/core';
import {
  MessageTemplate,
  validateTemplate,
  type SmsSegmentInfo,
  type TemplateIssue,
  type VoiceScriptFields,
  type WhatsAppBody,
} from '@saldo/core/channels';
import type { OrgTemplate } from '../ports/template-catalog.js';
import type { CountryViolation, PositionedIssue, TemplateChecks } from './template-types.js';

/**
 * The checks an organisation's template goes through: syntax on every save (each error with its
 * line and column), and the content each target country requires (each missing element with its
 * rule and citation), which blocks publication.
 */

const COUNTRY = /^[A-Z]{2}$/;

/** The org row as a core MessageTemplate (the shape every renderer and check takes). */
export function toMessageTemplate(
  t: Pick<
    OrgTemplate,
    'id' | 'purpose' | 'channel' | 'locale' | 'subject' | 'body' | 'html' | 'whatsapp' | 'voice'
  >,
): MessageTemplate {
  return {
    id: t.id,
    purpose: t.purpose,
    channel: t.channel,
    locale: t.locale,
    body: t.body,
    ...(t.subject !== null ? { subject: t.subject } : {}),
    ...(t.html !== null ? { html: t.html } : {}),
    ...(t.whatsapp !== null ? { whatsapp: t.whatsapp } : {}),
    ...(t.voice !== null ? { voice: t.voice } : {}),
  };
}

export function validationError(message: string, issues: FieldIssue[]): SaldoError {
  return new SaldoError('validation', message, issues);
}

/** Line and column (1-based) of a character offset. */
function position(source: string, at: number): { line: number; column: number } {
  const before = source.slice(0, Math.max(0, at));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

function fieldSource(t: MessageTemplate, path: string): string {
  if (path === 'body') return t.body;
  if (path === 'subject') return t.subject ?? '';
  if (path === 'html') return t.html ?? '';
  if (path.startsWith('voice.') && t.voice) return t.voice[path.slice(6) as keyof VoiceScriptFields] ?? '';
  return '';
}

export function positioned(t: MessageTemplate, issues: readonly TemplateIssue[]): PositionedIssue[] {
  return issues.map((i) => {
    const p = position(fieldSource(t, i.path), i.at);
    return {
      path: i.path,
      at: i.at,
      line: p.line,
      column: p.column,
      message: `line ${p.line}, column ${p.column}: ${i.message}`,
    };
  });
}

/** Shape (zod) and syntax checks: everything that makes a draft unsavable. */
function syntaxIssues(t: MessageTemplate): PositionedIssue[] {
  const shape = MessageTemplate.safeParse(t);
  if (!shape.success)
    return shape.error.issues.map((i) => ({
      path: i.path.join('.') || 'template',
      at: 0,
      line: 1,
      column: 1,
      message: i.message,
    }));
  // Any country: only the syntax/channel issues are used here; content is checked per country.
  return positioned(t, validateTemplate(t, { country: 'US' }).issues);
}

/** Refuses a template that cannot be saved: its syntax, or target countries that are not ISO codes. */
export function assertSavable(t: MessageTemplate, countries: readonly string[]): void {
  const issues: FieldIssue[] = syntaxIssues(t);
  if (countries.length === 0)
    issues.push({ path: 'countries', message: 'name at least one debtor country (ISO 3166-1 alpha-2)' });
  for (const c of countries)
    if (!COUNTRY.test(c))
      issues.push({ path: 'countries', message: `"${c}" is not an ISO 3166-1 alpha-2 country code` });
  if (issues.length > 0)
    throw validationError(
      `the template has ${issues.length} error(s): ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      issues,
    );
}

/** The content each target country requires and the template lacks, plus the SMS and WhatsApp views. */
export function checksFor(t: MessageTemplate, countries: readonly string[]): TemplateChecks {
  const contentViolations: CountryViolation[] = [];
  let sms: SmsSegmentInfo | undefined;
  let whatsapp: WhatsAppBody | undefined;
  for (const country of countries) {
    const v = validateTemplate(t, { country });
    sms ??= v.sms;
    whatsapp ??= v.whatsapp;
    for (const c of v.contentViolations) {
      contentViolations.push({
        path: `countries.${country}`,
        country,
        rule: c.ruleId,
        requirement: c.requirement,
        basis: c.basis,
        citation: c.citation,
        message: `${country}: ${c.message} (${c.ruleId}, ${c.basis === 'law' ? 'required by' : 'Saldo policy;'} ${c.citation})`,
      });
    }
  }
  return { contentViolations, ...(sms ? { sms } : {}), ...(whatsapp ? { whatsapp } : {}) };
}
