import { SaldoError } from '@saldo/core';
import {
  channels,
  checkRequiredContent,
  findTemplate,
  parseTemplate,
  templateChannelsFor,
  type MessageTemplate,
  type TemplateNode,
  voiceChannels,
} from '@saldo/core/channels';
import type {
  ContactCheckInput,
  DebtorFlag,
  Channel as ComplianceChannel,
  Outcome,
} from '@saldo/core/compliance';
import type { ContactTarget, OutboundHistoryItem } from '../ports/contact-records.js';
import type { ContactChannel, ContactRequest } from '../ports/messaging.js';
import { dialogueReplyContent } from './contact-dialogue-reply.js';

/**
 * Pure pieces of the send path (contact-debtor.ts): which address, which template variant, and the
 * compliance input built from the record. Kept apart so each rule of the mapping is easy to audit.
 */

/** The compliance engine counts contacts over at most 35 days (Reg F 7-in-7, monthly caps). */
export const HISTORY_DAYS = 35;

/**
 * The address for a channel, verified ones first, never one a wrong party answered on: WhatsApp →
 * a WhatsApp contact point, else a mobile phone; SMS → a mobile phone (a number of unknown line
 * type only when there is no mobile); email → an address that has not bounced; voice → any phone,
 * mobile first.
 */
function pickRecipient(t: ContactTarget, channel: ContactChannel): string | null {
  const usable = t.contactPoints.filter((c) => !c.wrongParty);
  const phones = usable.filter((c) => c.kind === 'phone');
  const mobile = phones.find((c) => c.lineType === 'mobile');
  const unknownType = phones.find((c) => c.lineType === null || c.lineType === 'unknown');
  switch (channel) {
    case 'whatsapp':
      return (usable.find((c) => c.kind === 'whatsapp') ?? mobile)?.value ?? null;
    case 'sms':
      return (mobile ?? unknownType)?.value ?? null;
    case 'email':
      return usable.find((c) => c.kind === 'email' && !c.bounced)?.value ?? null;
    case 'call':
    case 'voicebot':
    case 'voicemail':
      return (mobile ?? phones[0])?.value ?? null;
  }
}

/** The kinds of contact point a channel's message can be addressed to. */
const pointKinds: Record<ContactChannel, readonly string[]> = {
  email: ['email'],
  sms: ['phone'],
  whatsapp: ['whatsapp', 'phone'],
  call: ['phone'],
  voicebot: ['phone'],
  voicemail: ['phone'],
};

/**
 * Where a contact goes. A conversation's reply goes back to the address the person wrote from when
 * it is one of the debtor's contact points for the channel (a debtor who writes from a second
 * number is answered there). A point a wrong party answered on takes only the apology that answers
 * that person (a reply that only acknowledges): nothing else ever reaches it. Everything else goes
 * to `pickRecipient`'s choice.
 */
export function recipientFor(t: ContactTarget, req: ContactRequest): string | null {
  const replyTo = req.reply?.to;
  if (replyTo === undefined) return pickRecipient(t, req.channel);
  const point = t.contactPoints.find((c) => c.value === replyTo && pointKinds[req.channel].includes(c.kind));
  if (!point) return pickRecipient(t, req.channel);
  if (point.wrongParty) return req.reply?.content.acknowledgementOnly === true ? point.value : null;
  return point.value;
}

export function debtorLocale(t: ContactTarget): string {
  return `${t.debtor.language}-${t.debtor.country}`;
}

/**
 * The template to render: the same purpose and channel in the debtor's language and variant
 * (es-CO → es-MX…), else the requested one. A scripted call template serves call and voicebot.
 * `locale` is the debtor's (`debtorLocale`: language-COUNTRY); its region is the country whose
 * required content the template must carry when a template that does is available (findTemplate).
 */
export function chooseTemplate(
  templates: readonly MessageTemplate[],
  templateId: string,
  channel: ContactChannel,
  locale: string,
): MessageTemplate {
  const asked = templates.find((t) => t.id === templateId);
  if (!asked)
    throw new SaldoError('validation', `unknown template ${templateId}`, [
      { path: 'templateId', message: 'no such template' },
    ]);
  const country = locale.split('-')[1];
  const served = templateChannelsFor(channel);
  for (const c of served) {
    const local = findTemplate(templates, {
      purpose: asked.purpose,
      channel: c,
      locale,
      ...(country ? { country } : {}),
    });
    if (local) return local;
  }
  if (served.includes(asked.channel)) return asked;
  throw new SaldoError('validation', `template ${templateId} is for ${asked.channel}, not ${channel}`, [
    { path: 'templateId', message: `not a ${channel} template` },
  ]);
}

/**
 * What the rendered message carries, for the engine's content rules: the same check templates pass
 * on save (required-content.ts), asked for the strictest set (US electronic: opt-out + disclosure).
 */
export function contentFlags(t: MessageTemplate): { optOutInstructions: boolean; miniMiranda: boolean } {
  const sources = [t.body, t.subject, t.html, ...(t.voice ? Object.values(t.voice) : [])].filter(
    (s): s is string => s !== undefined,
  );
  const fields: { source: string; nodes: TemplateNode[] }[] = [];
  for (const source of sources) {
    const p = parseTemplate(source, 'body');
    if (p.ok) fields.push({ source, nodes: p.nodes });
  }
  const missing = new Set(
    checkRequiredContent({ country: 'US', channel: 'email', fields }).map((v) => v.requirement),
  );
  return {
    optOutInstructions: !missing.has('opt_out_instructions'),
    miniMiranda: !missing.has('debt_collector_disclosure'),
  };
}

/** Account states that bar collection contact, as the engine's debtor flags. */
const STATUS_FLAGS: Record<string, DebtorFlag> = {
  disputed: 'dispute_pending',
  cease: 'cease_requested',
  bankrupt: 'bankruptcy',
  deceased: 'deceased',
};
/** States that concern the person, not one debt: they bar contact about every account. */
const DEBTOR_LEVEL = new Set(['cease', 'bankrupt', 'deceased']);

export function debtorFlags(t: ContactTarget): DebtorFlag[] {
  const flags = new Set<DebtorFlag>();
  const own = STATUS_FLAGS[t.accountStatus];
  if (own) flags.add(own);
  if (t.openDispute) flags.add('dispute_pending');
  for (const s of t.otherAccountStatuses) if (DEBTOR_LEVEL.has(s)) flags.add(STATUS_FLAGS[s]!);
  return [...flags];
}

const COMPLIANCE_CHANNELS = new Set<string>(channels);
const VOICE = new Set<string>(voiceChannels);

/** granted → true, denied → false, unknown → omitted; an opt-out of calls covers voicebot and voicemail. */
export function consentsAndOptOuts(t: ContactTarget): {
  consents: Partial<Record<ComplianceChannel, boolean>>;
  optOuts: ComplianceChannel[];
} {
  const consents: Partial<Record<ComplianceChannel, boolean>> = {};
  const optOuts = new Set<ComplianceChannel>();
  for (const c of t.consents) {
    if (!COMPLIANCE_CHANNELS.has(c.channel)) continue;
    const ch = c.channel as ComplianceChannel;
    if (c.state === 'granted') consents[ch] = true;
    else if (c.state === 'denied') consents[ch] = false;
    if (c.optedOutAt) {
      optOuts.add(ch);
      if (ch === 'call') voiceChannels.forEach((v) => optOuts.add(v));
    }
  }
  return { consents, optOuts: [...optOuts] };
}

/**
 * Outbound history as the engine counts it. A message the provider never accepted did not reach
 * anyone and is left out; a call still in progress counts as `connected`; a written message not
 * yet confirmed counts as `delivered` (conservative: it probably arrives).
 */
export function complianceHistory(
  items: readonly OutboundHistoryItem[],
): NonNullable<ContactCheckInput['history']> {
  return items
    .filter((h) => h.handedToProvider && COMPLIANCE_CHANNELS.has(h.channel))
    .map((h) => ({
      at: h.at,
      channel: h.channel as ComplianceChannel,
      direction: 'outbound' as const,
      outcome: historyOutcome(h),
      ...(h.accountId ? { debtId: h.accountId } : {}),
    }));
}

function historyOutcome(h: OutboundHistoryItem): Outcome {
  if (VOICE.has(h.channel)) return h.outcome ?? (h.channel === 'voicemail' ? 'voicemail' : 'connected');
  return ['failed', 'undelivered', 'bounced'].includes(h.status) ? 'failed' : 'delivered';
}

export function complianceInput(
  req: ContactRequest,
  t: ContactTarget,
  at: Date,
  history: readonly OutboundHistoryItem[],
  template: MessageTemplate,
): ContactCheckInput {
  const { consents, optOuts } = consentsAndOptOuts(t);
  return {
    id: req.idempotencyKey,
    at: at.toISOString(),
    channel: req.channel,
    debtId: req.accountId,
    recipient: 'debtor',
    debtor: {
      country: t.debtor.country,
      ...(t.debtor.region ? { region: t.debtor.region } : {}),
      timezone: t.debtor.timezone,
      consents,
      optOuts,
      flags: debtorFlags(t),
    },
    history: complianceHistory(history),
    // A conversation's reply says itself what it carries (the engine composed it); a template is read.
    content: req.reply ? dialogueReplyContent(req.reply) : contentFlags(template),
  };
}
