import { SaldoError } from '@saldo/core';
import type { MessageTemplate } from '@saldo/core/channels';
import {
  parseContactCheck,
  type CompiledPack,
  type ComplianceEngine,
  type Decision,
} from '@saldo/core/compliance';
import type { TimelineStore } from '../../record/index.js';
import type {
  ComplianceRefusalStore,
  ContactTarget,
  OutboundMessageStore,
} from '../ports/contact-records.js';
import type { ContactOutcome, ContactRequest } from '../ports/messaging.js';
import { complianceInput, HISTORY_DAYS } from './contact-debtor-input.js';
import type { PreparedContact, PreparedContacts } from './contact-prepared.js';
import { withCollectionPause } from './contact-pause.js';
import { requestedByOf } from './contact-requester.js';

export interface ComplianceGateDeps {
  outbound: Pick<OutboundMessageStore, 'historyForDebtor'>;
  refusals: ComplianceRefusalStore;
  timeline: Pick<TimelineStore, 'append'>;
  compliance: { engine: ComplianceEngine; orgLayer(orgId: string): Promise<CompiledPack | null> };
  prepared: Pick<PreparedContacts, 'history'>;
}

/**
 * The compliance gate of the send path: asks the engine about THIS contact at `now` (with the
 * debtor's contact history), adds the account's pause of collection (contact-pause.ts), and records
 * a refusal (audit row + timeline note) when it says no.
 */
export function createComplianceGate(deps: ComplianceGateDeps) {
  return { evaluate: evaluate.bind(null, deps), refuse: refuse.bind(null, deps) };
}
export type ComplianceGate = ReturnType<typeof createComplianceGate>;

async function evaluate(
  deps: ComplianceGateDeps,
  req: ContactRequest,
  target: ContactTarget,
  template: MessageTemplate,
  now: Date,
  prepared?: PreparedContact,
): Promise<Decision> {
  const since = new Date(now.getTime() - HISTORY_DAYS * 86_400_000);
  const history = (
    deps.prepared.history(prepared, target.debtor.id, since, now) ??
    (await deps.outbound.historyForDebtor(req.orgId, target.debtor.id, since, now))
  ).filter((h) => h.idempotencyKey !== req.idempotencyKey); // a resumed send is not its own precedent
  const parsed = parseContactCheck(complianceInput(req, target, now, history, template));
  // Record data the engine cannot read (a bad time zone) must block, never wave a contact through.
  if (!parsed.ok)
    throw new SaldoError(
      'validation',
      `account ${req.accountId} cannot be checked: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      parsed.issues,
    );
  const decision = deps.compliance.engine.check(
    parsed.value,
    prepared ? prepared.orgLayer : await deps.compliance.orgLayer(req.orgId),
  );
  return withCollectionPause(decision, req, target, now);
}

async function refuse(
  deps: ComplianceGateDeps,
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
    requestedBy: requestedByOf(req),
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
