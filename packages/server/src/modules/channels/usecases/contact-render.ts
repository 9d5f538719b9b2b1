import { SaldoError } from '@saldo/core';
import {
  findTemplate,
  renderMessage,
  type MessageTemplate,
  type RenderedMessage,
  type TemplateContext,
  type VoiceScript,
} from '@saldo/core/channels';
import type { ContactTarget, PaymentLinks } from '../ports/contact-records.js';
import type { ContactRequest } from '../ports/messaging.js';
import type { VoiceScriptStore } from '../ports/voice-script-store.js';
import { localDate } from '../debtor-local-facts.js';
import { debtorLocale } from './contact-debtor-input.js';

/** Variables a caller may supply; everything else comes from the record. */
const CALLER_VARIABLES = ['agentName', 'callbackNumber', 'dueDate', 'paymentLink'] as const;
type CallerVariables = Partial<Record<(typeof CALLER_VARIABLES)[number], string>>;

export interface ContactRendererDeps {
  paymentLinks: PaymentLinks;
  voiceScripts: VoiceScriptStore;
  /** Where the voicemail template of a scripted call is found. */
  templates: readonly MessageTemplate[];
  agentNumber?: string;
  callbackNumber?: string;
}

/** Rendering of a contact: the message from the template and the record, and a call's voice script. */
export function createContactRenderer(deps: ContactRendererDeps) {
  return { render: render.bind(null, deps), storeVoiceScript: storeVoiceScript.bind(null, deps) };
}
export type ContactRenderer = ReturnType<typeof createContactRenderer>;

function debtorOf(target: ContactTarget): TemplateContext['debtor'] {
  return {
    firstName: target.debtor.firstName || target.debtor.lastName,
    lastName: target.debtor.lastName,
    locale: debtorLocale(target),
    timeZone: target.debtor.timezone,
  };
}

function callerVariables(deps: ContactRendererDeps, req: ContactRequest): CallerVariables {
  const v: Record<string, string> = {
    ...(deps.callbackNumber ? { callbackNumber: deps.callbackNumber } : {}),
    ...(req.variables ?? {}),
  };
  return Object.fromEntries(CALLER_VARIABLES.filter((k) => v[k] !== undefined).map((k) => [k, v[k]!]));
}

function render(
  deps: ContactRendererDeps,
  req: ContactRequest,
  target: ContactTarget,
  template: MessageTemplate,
  now: Date,
): RenderedMessage {
  const caller = callerVariables(deps, req);
  const ctx: TemplateContext = {
    channel: template.channel,
    debtor: debtorOf(target),
    amount: { minor: target.balanceMinor, currency: target.currency },
    // Without a promise or instalment, the balance is stated as of today (debtor's calendar).
    dueDate: caller.dueDate ?? target.nextDueDate ?? localDate(now, target.debtor.timezone),
    paymentLink: caller.paymentLink ?? deps.paymentLinks.linkFor(req.orgId, req.accountId, now),
    creditorName: target.creditorName,
    collectorName: target.collectorName,
    ...(caller.agentName ? { agentName: caller.agentName } : {}),
    ...(caller.callbackNumber ? { callbackNumber: caller.callbackNumber } : {}),
  };
  const r = renderMessage(template, ctx);
  if (!r.ok)
    throw new SaldoError(
      'validation',
      `template ${template.id} cannot be rendered: ${[...r.issues.map((i) => i.message), ...r.missing.map((m) => `missing {{${m}}}`)].join('; ')}`,
    );
  return r.message;
}

/** The voicemail left on a machine, or undefined. */
function voicemailText(
  deps: ContactRendererDeps,
  req: ContactRequest,
  target: ContactTarget,
): string | undefined {
  const vmTemplate = findTemplate(deps.templates, {
    purpose: 'voicemail',
    channel: 'voicemail',
    locale: debtorLocale(target),
  });
  const caller = callerVariables(deps, req);
  // The voicemail is a limited-content message (name, agency, callback number only); when a
  // value it needs is missing, a machine gets a hang-up rather than an improvised message.
  const vm = vmTemplate
    ? renderMessage(vmTemplate, {
        channel: 'voicemail',
        debtor: debtorOf(target),
        collectorName: target.collectorName,
        ...(caller.callbackNumber ? { callbackNumber: caller.callbackNumber } : {}),
        ...(caller.agentName ? { agentName: caller.agentName } : {}),
      })
    : null;
  return vm?.ok ? vm.message.text : undefined;
}

/** A scripted call: the script is stored before dialling, so any process can answer the callbacks. */
async function storeVoiceScript(
  deps: ContactRendererDeps,
  req: ContactRequest,
  target: ContactTarget,
  messageId: string,
  rendered: RenderedMessage,
): Promise<string | undefined> {
  if (!rendered.voice) return undefined;
  const voicemail = voicemailText(deps, req, target);
  const script: VoiceScript = {
    locale: debtorLocale(target),
    message: rendered.text,
    prompts: rendered.voice,
    ...(voicemail !== undefined ? { voicemail } : {}),
    ...(deps.agentNumber ? { agentNumber: deps.agentNumber } : {}),
  };
  const id = `vs_${messageId}`;
  await deps.voiceScripts.put({ id, orgId: req.orgId, country: target.debtor.country, script });
  return id;
}
