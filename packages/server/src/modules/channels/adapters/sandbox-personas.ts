import type { SandboxPersona } from '@saldo/core/channels';

/**
 * What the sandbox's simulated debtors know about themselves (their date of birth and the last digits
 * of their national id), handed over by the demo loader as it imports them. Kept in memory only: the
 * record holds these as HMACs, never in clear, and the sandbox answers as the person, not as Saldo.
 * A debtor the book does not know (the process restarted after the demo was loaded) cannot answer
 * the identity check: the bot asks again and hands over after three tries.
 */
export class SandboxPersonaBook {
  readonly #byDebtor = new Map<string, SandboxPersona>();

  remember(orgId: string, debtorRef: string, persona: SandboxPersona): void {
    this.#byDebtor.set(`${orgId}\u0000${debtorRef}`, persona);
  }

  get(orgId: string, debtorRef: string): SandboxPersona | null {
    return this.#byDebtor.get(`${orgId}\u0000${debtorRef}`) ?? null;
  }
}
