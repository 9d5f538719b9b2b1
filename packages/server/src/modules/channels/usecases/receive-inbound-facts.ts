import { assertUnreachable } from '@saldo/core';
import {
  isVoiceStep,
  matchOptOutKeyword,
  menuChoice,
  normaliseContactPoint,
  type Channel,
} from '@saldo/core/channels';
import type { OrgInboundEvent } from '../ports/channel-provider.js';
import type { ChannelTimelineEntry, ContactPointMatch } from '../ports/channel-records.js';
import type { ReceiveInboundDeps } from './receive-inbound.js';

type Message = Extract<OrgInboundEvent, { type: 'message' }>;
type Status = Extract<OrgInboundEvent, { type: 'status' }>;
type Call = Extract<OrgInboundEvent, { type: 'call' }>;

/** What the fact writers use: the inbound use case's dependencies, with the log defaulted. */
type FactsDeps = ReceiveInboundDeps & { log: NonNullable<ReceiveInboundDeps['log']> };

/**
 * What one inbound event establishes, written in the caller's transaction: the debtor it comes
 * from, the timeline entries, an opt-out honoured at once, the delivery status of the outbound
 * message, and the domain events that tell the rest of Saldo (the worker reads replies later).
 */
export function createInboundFacts(deps: ReceiveInboundDeps) {
  const d: FactsDeps = { ...deps, log: deps.log ?? (() => {}) };

  /** Matches the debtor and writes the event's facts. */
  async function write(inboundId: string, e: OrgInboundEvent): Promise<void> {
    const matches = await matchDebtors(d, e);
    switch (e.type) {
      case 'message':
        return messageFacts(d, inboundId, e, matches);
      case 'status':
        return statusFacts(d, inboundId, e, matches);
      case 'call':
        return callFacts(d, inboundId, e, matches);
      default:
        return assertUnreachable(e, 'inbound event');
    }
  }

  return { write };
}

/** The debtors an event is about: by sender address, or by the outbound message it refers to. */
async function matchDebtors(deps: FactsDeps, e: OrgInboundEvent): Promise<ContactPointMatch[]> {
  switch (e.type) {
    case 'message':
      return deps.contacts.findByAddress(e.orgId, e.channel, e.from);
    case 'status': {
      const m = await deps.contacts.findByOutboundId(e.orgId, e.outboundId);
      return m ? [m] : [];
    }
    case 'call': {
      const m = await deps.contacts.findByOutboundId(e.orgId, e.callId);
      return m ? [m] : deps.contacts.findByAddress(e.orgId, 'call', e.to);
    }
    default:
      return assertUnreachable(e, 'inbound event');
  }
}

async function messageFacts(
  deps: FactsDeps,
  inboundId: string,
  e: Message,
  matches: ContactPointMatch[],
): Promise<void> {
  const keyword = matchOptOutKeyword(e.text);
  if (matches.length === 0) await unknownSender(deps, inboundId, e, keyword);
  for (const m of matches) {
    if (keyword) await optOut(deps, inboundId, e, m, e.channel, e.from, `keyword:${keyword}`);
    await deps.timeline.append(messageEntry(inboundId, e, m, keyword));
  }
  const senders = matches.length === 0 ? [null] : matches.map((m) => m.debtorId);
  for (const debtorId of senders)
    await deps.events.publish({
      type: 'channel.message_received',
      inboundId,
      orgId: e.orgId,
      debtorId,
      unknownSender: debtorId === null,
      event: e,
    });
}

async function statusFacts(
  deps: FactsDeps,
  inboundId: string,
  e: Status,
  matches: ContactPointMatch[],
): Promise<void> {
  for (const m of matches) await deps.timeline.append(statusEntry(inboundId, e, m));
  await deps.deliveries?.applyStatus(e.orgId, e.provider, e.outboundId, e.status, deps.clock.now());
  await deps.events.publish({
    type: 'channel.status_changed',
    inboundId,
    orgId: e.orgId,
    debtorId: matches[0]?.debtorId ?? null,
    event: e,
  });
}

async function callFacts(
  deps: FactsDeps,
  inboundId: string,
  e: Call,
  matches: ContactPointMatch[],
): Promise<void> {
  // "No me llamen" / 9 in the menu of a scripted call is an opt-out of calls, honoured now.
  const stop =
    isVoiceStep(e.step) &&
    e.step === 'menu' &&
    menuChoice({
      ...(e.speech ? { speech: e.speech } : {}),
      ...(e.digits ? { digits: e.digits } : {}),
    }) === 'stop';
  // A call answer moves the outbound call forward (the contact history compliance counts).
  if (e.answeredBy && e.answeredBy !== 'unknown')
    await deps.deliveries?.applyStatus(
      e.orgId,
      e.provider,
      e.callId,
      e.answeredBy === 'machine' ? 'answered_machine' : 'answered_human',
      deps.clock.now(),
    );
  for (const m of matches) {
    if (stop) await optOut(deps, inboundId, e, m, 'call', e.to, 'voice_menu');
    await deps.timeline.append(callEntry(inboundId, e, m));
  }
  await deps.events.publish({
    type: 'channel.call_progress',
    inboundId,
    orgId: e.orgId,
    debtorId: matches[0]?.debtorId ?? null,
    event: e,
  });
}

/**
 * A sender no debtor has. When the address belonged to an erased debtor it is recognised as theirs
 * (never a stranger's first message), and an opt-out keyword is kept with its suppression, so the
 * send path refuses the channel to that address even if a creditor file brings it back.
 */
async function unknownSender(deps: FactsDeps, inboundId: string, e: Message, keyword: string | null) {
  const address = normaliseContactPoint(e.channel, e.from);
  const erased = (await deps.suppressions?.isSuppressed(e.orgId, address)) ?? false;
  if (erased && keyword) await deps.suppressions!.recordOptOut(e.orgId, address, e.channel);
  deps.log(
    erased
      ? 'inbound from the address of an erased debtor kept and flagged'
      : 'inbound from an unknown sender kept and flagged',
    {
      inboundId,
      channel: e.channel,
      provider: e.provider,
      ...(erased ? { erasedSender: true, optOut: keyword !== null } : {}),
    },
  );
}

/** Records the opt-out at once and tells the rest of Saldo. */
async function optOut(
  deps: FactsDeps,
  inboundId: string,
  e: OrgInboundEvent,
  m: ContactPointMatch,
  channel: Channel,
  address: string,
  source: string,
): Promise<void> {
  await deps.optOuts.optOut({
    orgId: e.orgId,
    debtorId: m.debtorId,
    channel,
    address,
    source,
    at: deps.clock.now(),
  });
  await deps.events.publish({
    type: 'channel.opted_out',
    inboundId,
    orgId: e.orgId,
    debtorId: m.debtorId,
    channel,
    keyword: source,
  });
}

function messageEntry(
  inboundId: string,
  e: Message,
  m: ContactPointMatch,
  keyword: string | null,
): ChannelTimelineEntry {
  return {
    orgId: e.orgId,
    debtorId: m.debtorId,
    accountId: m.accountId,
    occurredAt: e.occurredAt,
    kind: 'message',
    channel: e.channel,
    direction: 'inbound',
    // The words and the sender are personal (sealed); the fact of the message is not (ADR 0010).
    summary: `${e.channel} message received${keyword ? ` (opt-out keyword ${keyword})` : ''}`,
    data: {
      inboundId,
      provider: e.provider,
      providerMessageId: e.providerMessageId,
      ...(keyword ? { optOutKeyword: keyword } : {}),
    },
    personal: { summary: e.text.slice(0, 280), data: { from: e.from, mediaUrls: e.mediaUrls } },
  };
}

function callEntry(inboundId: string, e: Call, m: ContactPointMatch): ChannelTimelineEntry {
  return {
    orgId: e.orgId,
    debtorId: m.debtorId,
    accountId: m.accountId,
    occurredAt: e.occurredAt,
    kind: 'call',
    channel: e.channel,
    direction: 'outbound',
    summary: e.answeredBy === 'machine' ? 'call answered by a machine' : `call ${e.step}`,
    data: {
      inboundId,
      callId: e.callId,
      step: e.step,
      ...(e.answeredBy ? { answeredBy: e.answeredBy } : {}),
    },
    ...(e.speech || e.digits
      ? {
          personal: {
            summary: callSummary(e),
            data: { ...(e.speech ? { speech: e.speech } : {}), ...(e.digits ? { digits: e.digits } : {}) },
          },
        }
      : {}),
  };
}

/** The timeline entry of a delivery status (also written in bulk by the status run). */
export function statusEntry(inboundId: string, e: Status, m: ContactPointMatch): ChannelTimelineEntry {
  return {
    orgId: e.orgId,
    debtorId: m.debtorId,
    accountId: m.accountId,
    occurredAt: e.occurredAt,
    kind: 'status_change',
    channel: e.channel,
    direction: 'outbound',
    summary: `${e.channel} ${e.status.replace('_', ' ')}${e.errorCode ? ` (${e.errorCode})` : ''}`,
    data: {
      inboundId,
      provider: e.provider,
      outboundId: e.outboundId,
      status: e.status,
    },
    // A clicked link or a bounce's text can name the person or their address.
    ...(e.url || e.detail
      ? {
          personal: { data: { ...(e.url ? { url: e.url } : {}), ...(e.detail ? { detail: e.detail } : {}) } },
        }
      : {}),
  };
}

function callSummary(e: Call): string {
  if (e.answeredBy === 'machine') return 'call answered by a machine';
  if (e.speech) return `call (${e.step}): "${e.speech.slice(0, 200)}"`;
  if (e.digits) return `call (${e.step}): pressed ${e.digits}`;
  return `call ${e.step}`;
}
