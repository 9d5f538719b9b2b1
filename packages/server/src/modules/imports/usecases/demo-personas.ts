import { generatePortfolioDebtors } from '@saldo/core/demo';
import { nationalIdLast4Of, type RawImportRow } from '@saldo/core/record';
import type { IdentityMatcher } from '../../../shared/crypto/deployment-secret.js';
import type { DemoLoad, DemoLoadStore, StoredIdentity } from '../ports.js';

/** What a demo debtor knows about themselves: what the bot's identity check asks for. */
export interface DemoPersona {
  dob?: string;
  nationalIdLast4?: string;
}

/** How many regenerated debtors are checked against the record per query. */
const BATCH = 500;

/** The persona of a generated import row, or null when it holds neither a date of birth nor an id. */
export function demoPersonaOf(row: RawImportRow): DemoPersona | null {
  const dob = row.date_of_birth || undefined;
  const last4 = row.national_id_last4 ? nationalIdLast4Of(row.national_id_last4) : undefined;
  if (dob === undefined && last4 === undefined) return null;
  return { ...(dob ? { dob } : {}), ...(last4 ? { nationalIdLast4: last4 } : {}) };
}

/** Every value the persona holds matches the HMAC the record keeps for it. */
function agrees(p: DemoPersona, stored: StoredIdentity | undefined, matches: IdentityMatcher): boolean {
  if (!stored) return false;
  if (p.dob !== undefined && !(stored.dobHash !== null && matches('dob', p.dob, stored.dobHash)))
    return false;
  const id = p.nationalIdLast4;
  return (
    id === undefined || (stored.nationalIdHash !== null && matches('national_id', id, stored.nationalIdHash))
  );
}

/** The load's book generated again, one persona per debtor, in batches. */
function* regenerated(load: DemoLoad): Generator<[string, DemoPersona][]> {
  let batch: [string, DemoPersona][] = [];
  const debtors = generatePortfolioDebtors({
    debtors: load.debtors,
    seed: load.seed,
    asOf: load.asOf,
    countries: [load.country],
  });
  for (const d of debtors) {
    const persona = d.rows[0] ? demoPersonaOf(d.rows[0]) : null;
    if (persona) batch.push([d.debtorRef, persona]);
    if (batch.length === BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * Who the organisation's demo debtors are, for the sandbox's simulated debtors: each demo load's book
 * generated again from its recorded inputs (deterministic), keeping only the debtors whose date of
 * birth and id match the HMACs the record holds — a debtor re-imported since, or a generator that
 * changed between versions, is left out rather than answering with the wrong identity.
 */
export function createDemoPersonas(d: { loads: DemoLoadStore; matches: IdentityMatcher }) {
  return async function demoPersonas(orgId: string): Promise<[string, DemoPersona][]> {
    const out: [string, DemoPersona][] = [];
    for (const load of await d.loads.list(orgId))
      for (const batch of regenerated(load)) {
        const stored = await d.loads.identities(
          orgId,
          batch.map(([ref]) => ref),
        );
        for (const [ref, persona] of batch)
          if (agrees(persona, stored.get(ref), d.matches)) out.push([ref, persona]);
      }
    return out;
  };
}
export type DemoPersonas = ReturnType<typeof createDemoPersonas>;
