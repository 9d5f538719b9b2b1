import type { SandboxPersona } from '@saldo/core/channels';

/**
 * Where the book learns an organisation's simulated debtors when it first needs them: the demo
 * debtors generated again from the recorded demo loads (the imports module's `demoPersonas`).
 */
export type SandboxPersonaSource = (orgId: string) => Promise<Iterable<readonly [string, SandboxPersona]>>;

/**
 * What the sandbox's simulated debtors know about themselves (their date of birth and the last
 * characters of their national id). The demo loader tells the book as it imports them; a process
 * that did not load the demo (a restart, a worker of its own) asks the `source` once per
 * organisation, on the first look-up. Kept in memory only: the record holds these as HMACs, never in
 * clear, and the sandbox answers as the person, not as Saldo. A debtor the book does not know cannot
 * answer the identity check: the bot asks again and hands over after three tries.
 */
export class SandboxPersonaBook {
  readonly #byDebtor = new Map<string, SandboxPersona>();
  readonly #restored = new Map<string, Promise<void>>();

  constructor(
    private readonly source?: SandboxPersonaSource,
    private readonly log: (msg: string, data: Record<string, unknown>) => void = () => {},
  ) {}

  remember(orgId: string, debtorRef: string, persona: SandboxPersona): void {
    this.#byDebtor.set(key(orgId, debtorRef), persona);
  }

  async get(orgId: string, debtorRef: string): Promise<SandboxPersona | null> {
    await this.#restore(orgId);
    return this.#byDebtor.get(key(orgId, debtorRef)) ?? null;
  }

  #restore(orgId: string): Promise<void> {
    if (!this.source) return Promise.resolve();
    const known = this.#restored.get(orgId);
    if (known) return known;
    const restoring = this.source(orgId).then(
      (personas) => {
        // What this process was told by a load (remember) is at least as new as the stored loads.
        for (const [ref, persona] of personas)
          if (!this.#byDebtor.has(key(orgId, ref))) this.#byDebtor.set(key(orgId, ref), persona);
      },
      (err: unknown) => {
        // The sandbox answers without a persona this time; the next look-up tries again.
        this.#restored.delete(orgId);
        this.log('sandbox personas not restored', { orgId, error: String(err) });
      },
    );
    this.#restored.set(orgId, restoring);
    return restoring;
  }
}

const key = (orgId: string, debtorRef: string) => `${orgId}\u0000${debtorRef}`;
