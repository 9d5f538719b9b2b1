import { parseSaldoMailAddress, referencedMessageIds, type SaldoMailRecipient } from '@saldo/core/channels';
import type { OrgInboundEvent } from '../ports/channel-provider.js';
import type { Clock } from '../../../shared/clock/clock.js';
import type {
  InboundMailParser,
  InboundMailReceiver,
  MailReceipt,
  OutboundMessageLocator,
  RecipientVerdict,
} from '../ports/inbound-mail.js';
import type { ReceiveInbound } from './receive-inbound.js';

/**
 * Mail to Saldo's inbound domain(s): replies to `reply+msg_…@`, delivery reports to the VERP
 * envelope sender `bounce+msg_…@`, feedback-loop complaints to `fbl@` (also `abuse@`,
 * `postmaster@`). The message id in the address names the organisation; a report mailbox is routed
 * by the Saldo message the report quotes. What is accepted goes through the same pipeline as a
 * webhook: stored durably and de-duplicated (by Message-ID, or `<message>:bounced`…) before the
 * sender hears 250, then matched to the debtor, written to the timeline and emitted as an event.
 */
export interface ReceiveInboundMailDeps {
  /** Accepted recipient domains (SALDO_INBOUND_EMAIL_DOMAIN); the first is the one Saldo sends with. */
  domains: readonly string[];
  locator: OutboundMessageLocator;
  parse: InboundMailParser;
  inbound: Pick<ReceiveInbound, 'store' | 'process'>;
  clock: Clock;
  log?: (level: 'info' | 'warn' | 'error', msg: string, data: Record<string, unknown>) => void;
}

/** Where one accepted recipient sends the mail: an organisation, and the Saldo message it names. */
interface Route {
  orgId: string;
  messageId: string;
  providerMessageId: string | null;
}

export function createReceiveInboundMail(deps: ReceiveInboundMailDeps): InboundMailReceiver {
  const log = deps.log ?? (() => {});

  /** A Saldo email message, or null (unknown id, or an id of another channel's message). */
  async function routeOf(messageId: string): Promise<Route | null> {
    const m = await deps.locator.locate(messageId);
    return m && m.channel === 'email'
      ? { orgId: m.orgId, messageId, providerMessageId: m.providerMessageId }
      : null;
  }

  async function recipient(address: string): Promise<RecipientVerdict> {
    const r = parseSaldoMailAddress(address, deps.domains);
    if (!r) return { ok: false, reason: 'not a Saldo address at an accepted domain' };
    if (r.kind === 'report') return { ok: true }; // routed by its content at DATA
    return (await routeOf(r.messageId))
      ? { ok: true }
      : { ok: false, reason: `no email message ${r.messageId}` };
  }

  /** One route per organisation: a message addressed to two of its addresses is stored once. */
  async function routesFor(raw: string, recipients: readonly string[]): Promise<Route[]> {
    const parsed = recipients
      .map((a) => parseSaldoMailAddress(a, deps.domains))
      .filter((r): r is SaldoMailRecipient => r !== null);
    const routes: Route[] = [];
    for (const r of parsed) {
      if (r.kind === 'report') continue;
      const route = await routeOf(r.messageId);
      if (route) routes.push(route);
    }
    if (parsed.some((r) => r.kind === 'report'))
      for (const id of referencedMessageIds(raw)) {
        const route = await routeOf(id);
        if (route) {
          routes.push(route);
          break; // a report is about one message
        }
      }
    const byOrg = new Map<string, Route>();
    for (const r of routes) if (!byOrg.has(r.orgId)) byOrg.set(r.orgId, r);
    return [...byOrg.values()];
  }

  return {
    recipient,
    async receive({ raw, recipients }): Promise<MailReceipt> {
      const routes = await routesFor(raw, recipients);
      if (routes.length === 0)
        return { kind: 'rejected', reason: 'the message names no Saldo email message' };
      const receivedAt = deps.clock.now();
      const events: OrgInboundEvent[] = routes.flatMap((r) =>
        deps.parse(raw, {
          orgId: r.orgId,
          receivedAt,
          saldoMessageId: r.messageId,
          ...(r.providerMessageId ? { originalMessageId: r.providerMessageId } : {}),
        }),
      );
      // Delays (4.x.x) and reports that name no message produce nothing: accepted, nothing to keep.
      if (events.length === 0)
        log('info', 'inbound mail accepted with nothing to record', { recipients: recipients.length });
      const { ids, duplicates } = await deps.inbound.store(events); // throws → the listener answers 451
      return {
        kind: 'stored',
        stored: ids.length,
        duplicates,
        async process() {
          for (const id of ids) await deps.inbound.process(id);
        },
      };
    },
  };
}
