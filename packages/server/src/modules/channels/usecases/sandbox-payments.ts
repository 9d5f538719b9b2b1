import type { RecordService } from '../../record/index.js';
import type { ContactTargetStore, OutboundMessageStore } from '../ports/contact-records.js';

export interface SimulatedPayment {
  orgId: string;
  messageId: string;
  amountMinor: number;
  at: Date;
}

export interface SandboxPaymentDeps {
  outbound: Pick<OutboundMessageStore, 'get'>;
  targets: Pick<ContactTargetStore, 'load'>;
  record: Pick<RecordService, 'recordPayment'>;
  log: (level: 'warn', msg: string, data: Record<string, unknown>) => void;
}

/**
 * A payment a simulated debtor makes after a sandbox message: recorded on the message's account
 * through the record module, never above the balance (the sandbox has no money of its own).
 */
export function createSandboxPaymentRecorder(d: SandboxPaymentDeps) {
  return async (p: SimulatedPayment): Promise<void> => {
    const msg = await d.outbound.get(p.orgId, p.messageId);
    const target = msg?.accountId ? await d.targets.load(p.orgId, msg.accountId) : null;
    if (!msg?.accountId || !target || target.balanceMinor <= 0) return;
    try {
      await d.record.recordPayment(p.orgId, {
        accountId: msg.accountId,
        amountMinor: Math.min(p.amountMinor, target.balanceMinor),
        currency: target.currency,
        paidAt: p.at.toISOString(),
        method: 'sandbox',
        externalId: `sandbox:${p.messageId}`,
        source: 'sandbox',
        actor: 'debtor',
      });
    } catch (err) {
      d.log('warn', 'simulated payment not recorded', { messageId: p.messageId, error: String(err) });
    }
  };
}
