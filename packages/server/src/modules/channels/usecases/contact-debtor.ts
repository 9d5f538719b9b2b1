import { SaldoError } from '@saldo/core';
import {
  defaultTemplates,
  findTemplate,
  renderMessage,
  type MessageTemplate,
  type RenderedMessage,
  type TemplateContext,
  type VoiceScript,
} from '@saldo/core/channels';
import {
  createComplianceEngine,
  parseContactCheck,
  type CompiledPack,
  type ComplianceEngine,
  type Decision,
} from '@saldo/core/compliance';
import type { OutboundMessage, SendResult } from '../ports/channel-provider.js';
import type { Clock } from '../../../shared/clock/clock.js';
import type {
  ChannelRouter,
  ComplianceRefusalStore,
  ContactTarget,
  ContactTargetStore,
  OutboundHistoryItem,
  OutboundMessageRecord,
  OutboundMessageStore,
  PaymentLinks,
} from '../ports/contact-records.js';
import type { ContactOutcome, ContactRequest, Messaging } from '../ports/messaging.js';
import type { Actor, TimelineStore } from '../../record/index.js';
import type { VoiceScriptStore } from '../ports/voice-script-store.js';
import type { TemplateCatalog } from '../ports/template-catalog.js';
import {
  chooseTemplate,
  complianceInput,
  debtorLocale,
  HISTORY_DAYS,
  pickRecipient,
} from './contact-debtor-input.js';
import { localDate } from '../debtor-local-facts.js';

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
  log?: (msg: string, data: Record<string, unknown>) => void;
}

export type ContactObserver = (req: ContactRequest, outcome: ContactOutcome) => void | Promise<void>;

/** How long what `prepare` read may stand in for a fresh read (a dispatch chunk takes well under this). */
const PREPARED_TTL_MS = 5_000;

/** Variables a caller may supply; everything else comes from the record. */
const CALLER_VARIABLES = ['agentName', 'callbackNumber', 'dueDate', 'paymentLink'] as const;

export function createContactDebtor(deps: ContactDebtorDeps): Messaging {
  const compliance = deps.compliance ?? { engine: createComplianceEngine(), orgLayer: async () => null };
  const templates = deps.templates ?? defaultTemplates;
  const log = deps.log ?? (() => {});

  function callerVariables(req: ContactRequest): Partial<Record<(typeof CALLER_VARIABLES)[number], string>> {
    const v: Record<string, string> = {
      ...(deps.callbackNumber ? { callbackNumber: deps.callbackNumber } : {}),
      ...(req.variables ?? {}),
    };
    return Object.fromEntries(CALLER_VARIABLES.filter((k) => v[k] !== undefined).map((k) => [k, v[k]!]));
  }

  async function evaluate(
    req: ContactRequest,
    target: ContactTarget,
    template: MessageTemplate,
    now: Date,
    prepared?: Prepared,
  ): Promise<Decision> {
    const since = new Date(now.getTime() - HISTORY_DAYS * 86_400_000);
    const history =
      preparedHistory(prepared, target.debtor.id, since, now) ??
      (await deps.outbound.historyForDebtor(req.orgId, target.debtor.id, since, now));
    const parsed = parseContactCheck(complianceInput(req, target, now, history, template));
    // Record data the engine cannot read (a bad time zone) must block, never wave a contact through.
    if (!parsed.ok)
      throw new SaldoError(
        'validation',
        `account ${req.accountId} cannot be checked: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
        parsed.issues,
      );
    return compliance.engine.check(
      parsed.value,
      prepared ? prepared.orgLayer : await compliance.orgLayer(req.orgId),
    );
  }

  async function refuse(
    req: ContactRequest,
    target: ContactTarget,
    template: MessageTemplate,
    d: Decision,
    now: Date,
  ): Promise<ContactOutcome> {
    const reasons = d.reasons.map((r) => ({ rule: r.rule, citation: r.citation, message: r.message }));
    const refusalId = await deps.refusals.record({
      orgId: req.orgId,
      accountId: req.accountId,
      debtorId: target.debtor.id,
      channel: req.channel,
      templateId: template.id,
      idempotencyKey: req.idempotencyKey,
      requestedBy: `${req.requestedBy.kind}:${req.requestedBy.id}`,
      reasons: d.reasons.map((r) => ({
        rule: r.rule,
        citation: r.citation,
        message: r.message,
        pack: r.pack,
        severity: r.severity,
      })),
      nextAllowedAt: d.nextAllowedAt,
      at: now,
    });
    await deps.timeline.append({
      orgId: req.orgId,
      debtorId: target.debtor.id,
      accountId: req.accountId,
      occurredAt: now.toISOString(),
      kind: 'note',
      actor: 'system',
      actorId: null,
      channel: req.channel,
      direction: null,
      summary: `${req.channel} contact refused by compliance: ${reasons.map((r) => r.rule).join(', ')}${d.nextAllowedAt ? `; next allowed ${d.nextAllowedAt}` : ''}`,
      data: {
        refusalId,
        idempotencyKey: req.idempotencyKey,
        templateId: template.id,
        reasons,
        nextAllowedAt: d.nextAllowedAt,
        requestedBy: req.requestedBy,
      },
    });
    return { kind: 'refused', reasons, nextAllowedAt: d.nextAllowedAt, at: now.toISOString() };
  }

  function render(
    req: ContactRequest,
    target: ContactTarget,
    template: MessageTemplate,
    now: Date,
  ): RenderedMessage {
    const caller = callerVariables(req);
    const ctx: TemplateContext = {
      channel: template.channel,
      debtor: {
        firstName: target.debtor.firstName || target.debtor.lastName,
        lastName: target.debtor.lastName,
        locale: debtorLocale(target),
        timeZone: target.debtor.timezone,
      },
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

  /** A scripted call: the script is stored before dialling, so any process can answer the callbacks. */
  async function storeVoiceScript(
    req: ContactRequest,
    target: ContactTarget,
    messageId: string,
    rendered: RenderedMessage,
  ): Promise<string | undefined> {
    if (!rendered.voice) return undefined;
    const locale = debtorLocale(target);
    const vmTemplate = findTemplate(templates, { purpose: 'voicemail', channel: 'voicemail', locale });
    const caller = callerVariables(req);
    // The voicemail is a limited-content message (name, agency, callback number only); when a
    // value it needs is missing, a machine gets a hang-up rather than an improvised message.
    const vm = vmTemplate
      ? renderMessage(vmTemplate, {
          channel: 'voicemail',
          debtor: {
            firstName: target.debtor.firstName || target.debtor.lastName,
            lastName: target.debtor.lastName,
            locale,
            timeZone: target.debtor.timezone,
          },
          collectorName: target.collectorName,
          ...(caller.callbackNumber ? { callbackNumber: caller.callbackNumber } : {}),
          ...(caller.agentName ? { agentName: caller.agentName } : {}),
        })
      : null;
    const script: VoiceScript = {
      locale,
      message: rendered.text,
      prompts: rendered.voice,
      ...(vm?.ok ? { voicemail: vm.message.text } : {}),
      ...(deps.agentNumber ? { agentNumber: deps.agentNumber } : {}),
    };
    const id = `vs_${messageId}`;
    await deps.voiceScripts.put({ id, orgId: req.orgId, country: target.debtor.country, script });
    return id;
  }

  async function deliver(
    req: ContactRequest,
    target: ContactTarget,
    template: MessageTemplate,
    to: string,
    now: Date,
  ): Promise<ContactOutcome> {
    const rendered = render(req, target, template, now);
    const provider = await deps.router.forChannel(req.orgId, req.channel);
    const requestedBy = `${req.requestedBy.kind}:${req.requestedBy.id}`;
    const row = await deps.outbound.insertOnce({
      orgId: req.orgId,
      debtorId: target.debtor.id,
      accountId: req.accountId,
      channel: req.channel,
      templateId: template.id,
      recipient: to,
      provider: provider.id,
      idempotencyKey: req.idempotencyKey,
      requestedBy,
      at: now,
    });
    if (row.kind === 'duplicate') return { kind: 'duplicate', messageId: row.id };
    sendSeq.set(target.debtor.id, ++seq); // histories of this debtor prepared until now lack this message
    const messageId = row.id;
    const voiceScriptId = await storeVoiceScript(req, target, messageId, rendered);
    const msg: OutboundMessage = {
      messageId,
      orgId: req.orgId,
      channel: req.channel,
      to,
      text: rendered.text,
      ...(rendered.subject !== undefined ? { subject: rendered.subject } : {}),
      ...(rendered.html !== undefined ? { html: rendered.html } : {}),
      ...(rendered.whatsapp ? { whatsapp: rendered.whatsapp } : {}),
      ...(req.channel === 'whatsapp'
        ? { lastInboundAt: target.lastWhatsAppInboundAt ? new Date(target.lastWhatsAppInboundAt) : null }
        : {}),
      ...(voiceScriptId ? { voiceScriptId } : {}),
    };
    let result: SendResult;
    try {
      result = await provider.send(msg);
    } catch (e) {
      result = {
        ok: false,
        reason: 'provider_error',
        detail: e instanceof Error ? e.message : String(e),
        retryable: true,
      };
    }
    const at = deps.clock.now();
    if (!result.ok) {
      await deps.outbound.markFailed(
        req.orgId,
        messageId,
        `${result.reason}: ${result.detail}`,
        result.retryable,
        at,
      );
      log('contact failed at the provider', {
        messageId,
        provider: provider.id,
        reason: result.reason,
        retryable: result.retryable,
      });
      return { kind: 'failed', reason: result.reason, retryable: result.retryable, at: at.toISOString() };
    }
    await deps.outbound.markSent(req.orgId, messageId, result.providerMessageId, result.status, at);
    const voice = req.channel === 'call' || req.channel === 'voicebot';
    await deps.timeline.append({
      orgId: req.orgId,
      debtorId: target.debtor.id,
      accountId: req.accountId,
      occurredAt: at.toISOString(),
      kind: voice ? 'call' : 'message',
      actor: actorOf(req),
      actorId: req.requestedBy.id,
      channel: req.channel,
      direction: 'outbound',
      summary: (voice
        ? `call placed to ${to}`
        : rendered.subject
          ? `${rendered.subject}: ${rendered.text}`
          : rendered.text
      ).slice(0, 280),
      data: {
        messageId,
        providerMessageId: result.providerMessageId,
        provider: provider.id,
        templateId: template.id,
        idempotencyKey: req.idempotencyKey,
        to,
        requestedBy: req.requestedBy,
      },
    });
    return {
      kind: 'sent',
      messageId,
      providerMessageId: result.providerMessageId,
      channel: req.channel,
      at: at.toISOString(),
    };
  }

  /**
   * What `prepare` read for a batch, per request key. Each entry is used once, by its own request,
   * and only while fresh; a debtor's history serves that debtor's first contact only (a later
   * contact must see the first one's message), so later ones read it again.
   */
  interface Prepared {
    at: number;
    seq: number;
    prior: OutboundMessageRecord | null;
    target: ContactTarget | undefined;
    histories: Map<string, OutboundHistoryItem[]>;
    since: number;
    orgLayer: CompiledPack | null;
  }
  const prepared = new Map<string, Prepared>();
  // Sends from this process per debtor (a counter): a history prepared before one of them (another
  // account of the debtor, delivered by a parallel runner) is read again.
  let seq = 0;
  const sendSeq = new Map<string, number>();
  const preparedKey = (orgId: string, key: string) => `${orgId}\u0000${key}`;

  function takePrepared(req: ContactRequest, now: Date): Prepared | undefined {
    const k = preparedKey(req.orgId, req.idempotencyKey);
    const p = prepared.get(k);
    prepared.delete(k);
    return p && now.getTime() - p.at >= 0 && now.getTime() - p.at <= PREPARED_TTL_MS ? p : undefined;
  }

  function preparedHistory(
    p: Prepared | undefined,
    debtorId: string,
    since: Date,
    now: Date,
  ): OutboundHistoryItem[] | undefined {
    const h = p?.histories.get(debtorId);
    if (!p || !h || since.getTime() < p.since || (sendSeq.get(debtorId) ?? 0) > p.seq) return undefined;
    p.histories.delete(debtorId);
    return h.filter((x) => Date.parse(x.at) >= since.getTime() && Date.parse(x.at) <= now.getTime());
  }

  async function prepare(reqs: readonly ContactRequest[]): Promise<void> {
    const now = deps.clock.now();
    for (const [k, p] of prepared) if (now.getTime() - p.at > PREPARED_TTL_MS) prepared.delete(k);
    if (prepared.size === 0) sendSeq.clear(); // nothing prepared earlier to protect
    const at = seq;
    const byOrg = new Map<string, ContactRequest[]>();
    for (const r of reqs) byOrg.set(r.orgId, [...(byOrg.get(r.orgId) ?? []), r]);
    if (!deps.targets.loadMany || !deps.outbound.findByKeys || !deps.outbound.historyForDebtors) return;
    for (const [orgId, rs] of byOrg) {
      const since = new Date(now.getTime() - HISTORY_DAYS * 86_400_000);
      const [priors, targets, orgLayer] = await Promise.all([
        deps.outbound.findByKeys(
          orgId,
          rs.map((r) => r.idempotencyKey),
        ),
        deps.targets.loadMany(
          orgId,
          rs.map((r) => r.accountId),
        ),
        compliance.orgLayer(orgId),
      ]);
      const debtorIds = [...new Set([...targets.values()].map((t) => t.debtor.id))];
      const history = await deps.outbound.historyForDebtors(orgId, debtorIds, since, now);
      // A debtor's history goes to the first request of that debtor only (see Prepared).
      const claimed = new Set<string>();
      for (const r of rs) {
        const target = targets.get(r.accountId);
        const histories = new Map<string, OutboundHistoryItem[]>();
        const h = target ? history.get(target.debtor.id) : undefined;
        if (target && h && !claimed.has(target.debtor.id)) {
          claimed.add(target.debtor.id);
          histories.set(target.debtor.id, h);
        }
        prepared.set(preparedKey(orgId, r.idempotencyKey), {
          at: now.getTime(),
          seq: at,
          prior: priors.get(r.idempotencyKey) ?? null,
          target,
          histories,
          since: since.getTime(),
          orgLayer,
        });
      }
    }
  }

  async function contact(req: ContactRequest): Promise<ContactOutcome> {
    const outcome = await contactOnce(req);
    await deps.onContact?.(req, outcome);
    return outcome;
  }

  async function contactOnce(req: ContactRequest): Promise<ContactOutcome> {
    const now = deps.clock.now();
    const p = takePrepared(req, now);
    // A key already used is answered before anything else: the first attempt's own history must
    // not turn its replay into a refusal. (insertOnce below is the race-safe guard.)
    const prior = p ? p.prior : await deps.outbound.findByKey(req.orgId, req.idempotencyKey);
    if (prior && !(prior.status === 'failed' && prior.retryable && prior.providerMessageId === null))
      return { kind: 'duplicate', messageId: prior.id };
    const target = p?.target ?? (await deps.targets.load(req.orgId, req.accountId));
    if (!target) throw new SaldoError('not_found', `account ${req.accountId} not found`);
    const template = deps.catalog
      ? await deps.catalog.resolve({
          orgId: req.orgId,
          templateId: req.templateId,
          channel: req.channel,
          locale: debtorLocale(target),
          country: target.debtor.country,
        })
      : chooseTemplate(templates, req.templateId, req.channel, debtorLocale(target));
    const decision = await evaluate(req, target, template, now, p);
    if (!decision.allowed) return refuse(req, target, template, decision, now);
    const to = pickRecipient(target, req.channel);
    if (!to)
      return {
        kind: 'failed',
        reason: `no_${req.channel}_address`,
        retryable: false,
        at: now.toISOString(),
      };
    return deliver(req, target, template, to, now);
  }

  return { prepare, contact };
}

function actorOf(req: ContactRequest): Actor {
  return req.requestedBy.kind === 'agent' ? 'agent' : req.requestedBy.kind === 'strategy' ? 'bot' : 'system';
}
