import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Clock } from '../clock/clock.js';
import type { SqlExecutor } from '../db/db.js';
import { createSecretBox, type SecretBox } from './secret-box.js';

/**
 * Per-debtor data keys (crypto-shredding, ADR 0010). Each debtor gets a random 256-bit key the
 * first time personal content of theirs is sealed; the key is stored in `debtor_keys` sealed with
 * the deployment's root key (purpose `saldo/debtor-keys/v1`, additional data `<org>|<debtor>`).
 * Erasure deletes the sealed key: every ciphertext made with it becomes unreadable, including the
 * rows of the append-only timeline that can never be rewritten.
 *
 * No opened key is cached in memory: a key shredded by one process must stop opening in every
 * other process at once.
 *
 * Ciphertext of personal content: `p1:` + base64(iv(12) ‖ tag(16) ‖ data); `p1` is the format and
 * key version. The additional data `<org>|<debtor>|<purpose>` binds it to its debtor and use.
 */
export interface DebtorVault {
  /** Seals each text under its debtor's key (created on first use); null where the key was shredded. */
  sealMany(ex: SqlExecutor, items: readonly SealItem[]): Promise<(string | null)[]>;
  /** Opens each ciphertext; null where it is null or its debtor's key was shredded. */
  openMany(ex: SqlExecutor, items: readonly OpenItem[]): Promise<(string | null)[]>;
  /** Destroys the debtor's key (idempotent). Returns when it was shredded. */
  shred(ex: SqlExecutor, orgId: string, debtorId: string, at: Date): Promise<Date>;
}

export interface SealItem {
  orgId: string;
  debtorId: string;
  purpose: string;
  plain: string;
}

export interface OpenItem {
  orgId: string;
  debtorId: string;
  purpose: string;
  sealed: string | null;
}

const KEY_PURPOSE = 'saldo/debtor-keys/v1';
const FORMAT = 'p1:';

/** The root-key box that seals debtor keys (the current key seals; retired keys only open). */
export function debtorKeyBox(current: string, retired: readonly string[] = []): SecretBox {
  return createSecretBox(current, KEY_PURPOSE, retired);
}

type KeyRow = { debtor_id: string; org_id: string; sealed_key: string | null };

export function createDebtorVault(
  keys: { current: string; retired: readonly string[] },
  clock: Clock,
): DebtorVault {
  const box = debtorKeyBox(keys.current, keys.retired);
  const aadOf = (orgId: string, debtorId: string) => `${orgId}|${debtorId}`;
  const openKey = (r: KeyRow) =>
    r.sealed_key === null
      ? null
      : Buffer.from(box.open(r.sealed_key, aadOf(r.org_id, r.debtor_id)), 'base64');

  /** The debtors' keys by id: opened, or null once shredded; missing when never created. */
  async function read(ex: SqlExecutor, orgId: string, ids: string[]) {
    const r = await ex.query<KeyRow>(
      'SELECT debtor_id, org_id, sealed_key FROM debtor_keys WHERE org_id = $1 AND debtor_id = ANY($2::text[])',
      [orgId, ids],
    );
    return new Map(r.rows.map((x) => [x.debtor_id, openKey(x)] as const));
  }

  /** Creates keys for debtors that have none; a concurrent creator wins and its key is read back. */
  async function ensure(ex: SqlExecutor, orgId: string, ids: string[]) {
    const known = await read(ex, orgId, ids);
    const missing = ids.filter((id) => !known.has(id));
    if (missing.length === 0) return known;
    const fresh = missing.map(() => randomBytes(32));
    await ex.query(
      `INSERT INTO debtor_keys (debtor_id, org_id, sealed_key, created_at)
       SELECT d.id, d.org_id, k.sealed, $3::timestamptz
         FROM unnest($1::text[], $2::text[]) AS k(debtor_id, sealed)
         JOIN debtors d ON d.id = k.debtor_id AND d.org_id = $4
       ON CONFLICT (debtor_id) DO NOTHING`,
      [
        missing,
        missing.map((id, i) => box.seal(fresh[i]!.toString('base64'), aadOf(orgId, id))),
        clock.now(),
        orgId,
      ],
    );
    for (const [id, key] of await read(ex, orgId, missing)) known.set(id, key);
    return known;
  }

  const byOrg = <T extends { orgId: string; debtorId: string }>(items: readonly T[]) => {
    const m = new Map<string, Set<string>>();
    for (const i of items) (m.get(i.orgId) ?? m.set(i.orgId, new Set()).get(i.orgId)!).add(i.debtorId);
    return m;
  };

  return {
    async sealMany(ex, items) {
      const keysOf = new Map<string, Buffer | null>();
      for (const [orgId, ids] of byOrg(items))
        for (const [id, key] of await ensure(ex, orgId, [...ids])) keysOf.set(`${orgId}|${id}`, key);
      return items.map((i) => {
        const key = keysOf.get(`${i.orgId}|${i.debtorId}`);
        if (key === undefined) throw new Error(`no debtor ${i.debtorId} in organisation ${i.orgId}`);
        return key === null ? null : sealWith(key, i.plain, `${aadOf(i.orgId, i.debtorId)}|${i.purpose}`);
      });
    },
    async openMany(ex, items) {
      const wanted = items.filter((i) => i.sealed !== null);
      const keysOf = new Map<string, Buffer | null>();
      for (const [orgId, ids] of byOrg(wanted))
        for (const [id, key] of await read(ex, orgId, [...ids])) keysOf.set(`${orgId}|${id}`, key);
      return items.map((i) => {
        const key = i.sealed === null ? null : keysOf.get(`${i.orgId}|${i.debtorId}`);
        return key ? openWith(key, i.sealed!, `${aadOf(i.orgId, i.debtorId)}|${i.purpose}`) : null;
      });
    },
    async shred(ex, orgId, debtorId, at) {
      const r = await ex.query<{ shredded_at: Date }>(
        `INSERT INTO debtor_keys AS k (debtor_id, org_id, sealed_key, created_at, shredded_at)
         SELECT d.id, d.org_id, NULL, $3::timestamptz, $3::timestamptz FROM debtors d WHERE d.id = $2 AND d.org_id = $1
         ON CONFLICT (debtor_id) DO UPDATE SET sealed_key = NULL, shredded_at = COALESCE(k.shredded_at, EXCLUDED.shredded_at)
         RETURNING shredded_at`,
        [orgId, debtorId, at],
      );
      const row = r.rows[0];
      if (!row) throw new Error(`no debtor ${debtorId} in organisation ${orgId}`);
      return row.shredded_at;
    },
  };
}

function sealWith(key: Buffer, plain: string, aad: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(Buffer.from(aad, 'utf8'));
  const data = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return FORMAT + Buffer.concat([iv, c.getAuthTag(), data]).toString('base64');
}

function openWith(key: Buffer, sealed: string, aad: string): string {
  if (!sealed.startsWith(FORMAT)) throw new Error('unknown personal-data format');
  const buf = Buffer.from(sealed.slice(FORMAT.length), 'base64');
  const d = createDecipheriv('aes-256-gcm', key, buf.subarray(0, 12));
  d.setAAD(Buffer.from(aad, 'utf8'));
  d.setAuthTag(buf.subarray(12, 28));
  return Buffer.concat([d.update(buf.subarray(28)), d.final()]).toString('utf8');
}

/**
 * `saldo secrets rotate`: re-seals every live debtor key with the new root key, in the caller's
 * transaction. The debtor keys themselves do not change, so nothing they sealed is rewritten.
 */
export async function resealDebtorKeys(ex: SqlExecutor, from: SecretBox, to: SecretBox): Promise<number> {
  const r = await ex.query<KeyRow>(
    'SELECT debtor_id, org_id, sealed_key FROM debtor_keys WHERE sealed_key IS NOT NULL ORDER BY debtor_id FOR UPDATE',
  );
  if (r.rows.length === 0) return 0;
  const aad = (x: KeyRow) => `${x.org_id}|${x.debtor_id}`;
  await ex.query(
    `UPDATE debtor_keys k SET sealed_key = u.sealed FROM unnest($1::text[], $2::text[]) AS u(debtor_id, sealed)
      WHERE k.debtor_id = u.debtor_id`,
    [r.rows.map((x) => x.debtor_id), r.rows.map((x) => to.seal(from.open(x.sealed_key!, aad(x)), aad(x)))],
  );
  return r.rows.length;
}
