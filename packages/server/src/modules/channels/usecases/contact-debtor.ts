import { SaldoError } from '@saldo/core';
import { defaultTemplates, type MessageTemplate } from '@saldo/core/channels';
import { createComplianceEngine, type CompiledPack, type ComplianceEngine } from '@saldo/core/compliance';
import type { Clock } from '../../../shared/clock/clock.js';
import type {
  ChannelRouter,
  ComplianceRefusalStore,
  ContactTarget,
  ContactTargetStore,
  OutboundMessageStore,
  PaymentLinks,
} from '../ports/contact-records.js';
import type { ContactOutcome, ContactRequest, Messaging } from '../ports/messaging.js';
import { dialogueReplyTemplate } from './contact-dialogue-reply.js';
import type { SendPathCheckpoint } from '../ports/send-path-checkpoint.js';
import type { TimelineStore } from '../../record/index.js';
import type { VoiceScriptStore } from '../ports/voice-script-store.js';
import type { TemplateCatalog } from '../ports/template-catalog.js';
import { chooseTemplate, debtorLocale, recipientFor } from './contact-debtor-input.js';
import { createComplianceGate } from './contact-compliance-gate.js';
import { erasedOptOut, type AddressSuppressions } from './contact-suppression.js';
import { createContactDelivery } from './contact-delivery.js';
import { createPreparedContacts } from './contact-prepared.js';
import { createContactRenderer } from './contact-render.js';
import { replayOutcome } from './contact-replay.js';

/**
 * The one send path (the `Messaging` port). For each request: load the account and debtor,
 * choose the address and the template variant, ask the compliance engine about THIS contact at
 * `clock.now()`, and only if allowed: insert the outbound row under the idempotency key (a reused
 * key is a duplicate, never a second contact), hand the message to the provider, record the
 * provider id and write the timeline. A refusal is recorded (audit trail + timeline note).
 */
export interface ContactDebtorDeps {
  targets: ContactTargetStore;
  outbound: OutboundMessageStore;
  refusals: ComplianceRefusalStore;
  timeline: Pick<TimelineStore, 'append'>;
  router: ChannelRouter;
  voiceScripts: VoiceScriptStore;
  paymentLinks: PaymentLinks;
  clock: Clock;
  /** The compliance engine and the organisation's own policy layer (ComplianceChecker fits). */
  compliance?: { engine: ComplianceEngine; orgLayer(orgId: string): Promise<CompiledPack | null> };
  templates?: readonly MessageTemplate[];
  /** Organisations' published templates first, then the built-in defaults; without it, `templates` only. */
  catalog?: TemplateCatalog;
  /** Agent queue a scripted call transfers to (TWILIO_AGENT_NUMBER). */
  agentNumber?: string;
  /** Number debtors call back ({{callbackNumber}}), unless the request gives one. */
  callbackNumber?: string;
  /** Told every outcome, after it is recorded (the simulation counts contacts with it). */
  onContact?: ContactObserver;
  /** Addresses of erased debtors and the opt-outs they keep (the privacy module). */
  suppressions?: AddressSuppressions;
  log?: (msg: string, data: Record<string, unknown>) => void;
  /** A transaction over the outbound and timeline stores (the provider id and its event commit together). */
  tx?: <T>(fn: () => Promise<T>) => Promise<T>;
  /** How long a send intent keeps a replay of its key away; shorter than the dispatcher's lease. */
  sendLeaseMs?: number;
  /** Test hook for the crash drill (see `ports/send-path-checkpoint.ts`). */
  checkpoint?: SendPathCheckpoint;
  /** Waits before recording an accepted send again while the database is unreachable (tests: no wait). */
  pause?: (ms: number) => Promise<void>;
}

/**
 * Default send lease. A provider call (bounded by SALDO_PROVIDER_TIMEOUT_MS, which must be
 * shorter) plus its record takes seconds; the dispatcher replays a key only after its own lease
 * (120 s by default), by which time this one has passed.
 */
export const SEND_LEASE_MS = 60_000;

export type ContactObserver = (req: ContactRequest, outcome: ContactOutcome) => void | Promise<void>;

export function createContactDebtor(deps: ContactDebtorDeps): Messaging {
  const compliance = deps.compliance ?? { engine: createComplianceEngine(), orgLayer: async () => null };
  const templates = deps.templates ?? defaultTemplates;
  const prepared = createPreparedContacts({ ...deps, orgLayer: (orgId) => compliance.orgLayer(orgId) });
  const gate = createComplianceGate({ ...deps, compliance, prepared });
  const delivery = createContactDelivery({
    ...deps,
    renderer: createContactRenderer({ ...deps, templates }),
    onRecorded: (debtorId) => prepared.noteSend(debtorId),
    log: deps.log ?? (() => {}),
    tx: deps.tx ?? ((fn) => fn()),
    sendLeaseMs: deps.sendLeaseMs ?? SEND_LEASE_MS,
  });

  function resolveTemplate(
    req: ContactRequest,
    target: ContactTarget,
  ): MessageTemplate | Promise<MessageTemplate> {
    if (req.reply) return dialogueReplyTemplate(req, req.reply, debtorLocale(target));
    if (!deps.catalog) return chooseTemplate(templates, req.templateId, req.channel, debtorLocale(target));
    return deps.catalog.resolve({
      orgId: req.orgId,
      templateId: req.templateId,
      channel: req.channel,
      locale: debtorLocale(target),
      country: target.debtor.country,
    });
  }

  async function contactOnce(req: ContactRequest): Promise<ContactOutcome> {
    const now = deps.clock.now();
    const p = prepared.take(req, now);
    // A key already used is answered before anything else: the first attempt's own history must
    // not turn its replay into a refusal. (insertOnce below is the race-safe guard.)
    const prior = p ? p.prior : await deps.outbound.findByKey(req.orgId, req.idempotencyKey);
    const replay = replayOutcome(prior, now);
    if (replay) return replay;
    const target = p?.target ?? (await deps.targets.load(req.orgId, req.accountId));
    if (!target) throw new SaldoError('not_found', `account ${req.accountId} not found`);
    const template = await resolveTemplate(req, target);
    const decision = await gate.evaluate(req, target, template, now, p);
    if (!decision.allowed) return gate.refuse(req, target, template, decision, now);
    const to = recipientFor(target, req);
    if (!to)
      return { kind: 'failed', reason: `no_${req.channel}_address`, retryable: false, at: now.toISOString() };
    const suppressed = await erasedOptOut(deps.suppressions, req.orgId, req.channel, to);
    if (suppressed) return gate.refuse(req, target, template, suppressed, now);
    return delivery.deliver(req, target, template, to, now, prior);
  }

  async function contact(req: ContactRequest): Promise<ContactOutcome> {
    const outcome = await contactOnce(req);
    await deps.onContact?.(req, outcome);
    return outcome;
  }

  async function checkWithoutSending(req: ContactRequest) {
    const now = deps.clock.now();
    const target = await deps.targets.load(req.orgId, req.accountId);
    if (!target) throw new SaldoError('not_found', `account ${req.accountId} not found`);
    const template = await resolveTemplate(req, target);
    const decision = await gate.evaluate(req, target, template, now);
    if (decision.allowed) return { kind: 'allowed' as const };
    const refused = await gate.refuse(req, target, template, decision, now);
    if (refused.kind !== 'refused') throw new Error('a compliance refusal is recorded as refused');
    return refused;
  }

  return { prepare: (reqs) => prepared.prepare(reqs), contact, checkWithoutSending };
}
