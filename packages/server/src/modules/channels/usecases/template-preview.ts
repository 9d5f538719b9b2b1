import { SaldoError, type FieldIssue } from '@saldo/core';
import {
  renderMessage,
  sampleContext,
  smsSegments,
  type MessageTemplate,
  type RenderedMessage,
  type TemplateContext,
} from '@saldo/core/channels';
import type { TemplateStore } from '../ports/template-catalog.js';
import { mustGetOrgTemplate } from './org-templates.js';
import { checksFor, positioned, toMessageTemplate, validationError } from './template-checks.js';
import type { PreviewSample, TemplatePreview, Templates } from './template-types.js';

/**
 * Previews: an org template or a built-in one rendered with sample values (the caller may override
 * them), with the SMS segment count and the WhatsApp body as Meta stores it.
 */
export function createTemplatePreview(deps: {
  store: TemplateStore;
  builtIns: readonly MessageTemplate[];
}): Templates['preview'] {
  return async (orgId, id, sample = {}) => {
    const t = id.startsWith('tpl_org_')
      ? toMessageTemplate(await mustGetOrgTemplate(deps.store, orgId, id))
      : deps.builtIns.find((b) => b.id === id);
    if (!t) throw new SaldoError('not_found', `template ${id} not found`);
    const ctx = previewContext(sampleContext(t.locale, t.channel), sample);
    const r = renderMessage(t, ctx);
    if (!r.ok) {
      const issues: FieldIssue[] = [
        ...positioned(t, r.issues),
        ...r.missing.map((m) => ({ path: 'sample', message: `no value for {{${m}}}` })),
      ];
      throw validationError(
        `template ${id} cannot be rendered: ${issues.map((i) => i.message).join('; ')}`,
        issues,
      );
    }
    return toPreview(t, r.message, ctx);
  };
}

/** The template's sample values with the caller's overrides. */
function previewContext(base: TemplateContext, sample: PreviewSample): TemplateContext {
  return {
    ...base,
    debtor: {
      ...base.debtor,
      ...(sample.firstName ? { firstName: sample.firstName } : {}),
      ...(sample.lastName ? { lastName: sample.lastName } : {}),
    },
    ...(sample.amountMinor !== undefined || sample.currency
      ? {
          amount: {
            minor: sample.amountMinor ?? base.amount?.minor ?? 0,
            currency: sample.currency ?? base.amount?.currency ?? 'USD',
          },
        }
      : {}),
    ...(sample.dueDate ? { dueDate: sample.dueDate } : {}),
    ...(sample.creditorName ? { creditorName: sample.creditorName } : {}),
    ...(sample.collectorName ? { collectorName: sample.collectorName } : {}),
    ...(sample.agentName ? { agentName: sample.agentName } : {}),
    ...(sample.callbackNumber ? { callbackNumber: sample.callbackNumber } : {}),
    ...(sample.paymentLink ? { paymentLink: sample.paymentLink } : {}),
  };
}

function toPreview(t: MessageTemplate, m: RenderedMessage, ctx: TemplateContext): TemplatePreview {
  const wa = t.channel === 'whatsapp' ? checksFor(t, ['*']).whatsapp : undefined;
  return {
    templateId: t.id,
    channel: t.channel,
    locale: t.locale,
    text: m.text,
    ...(m.subject !== undefined ? { subject: m.subject } : {}),
    ...(m.html !== undefined ? { html: m.html } : {}),
    ...(m.whatsapp
      ? {
          whatsapp: {
            name: m.whatsapp.name,
            language: m.whatsapp.language,
            parameters: m.whatsapp.parameters,
            body: wa?.text ?? '',
          },
        }
      : {}),
    ...(m.voice ? { voice: m.voice } : {}),
    ...(t.channel === 'sms' ? { sms: smsSegments(m.text) } : {}),
    sample: ctx,
  };
}
