/**
 * The privacy module's domain event: a debtor's personal data was erased (on request or at the end
 * of the retention period). Written with the erasure; subscribable by outbound webhooks, so an
 * integrator erases its own copy too. No personal data: ids, basis and time.
 */
export interface DebtorErasedEvent {
  type: 'debtor.erased';
  orgId: string;
  debtorId: string;
  accountIds: string[];
  basis: 'request' | 'retention';
  erasedAt: string;
}
