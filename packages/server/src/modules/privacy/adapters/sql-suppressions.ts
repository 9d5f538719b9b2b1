import type { Db } from '../../../shared/db/db.js';
import type { AddressHasher } from '../../../shared/crypto/address-hash.js';
import type { Suppressions } from '../ports.js';

/** Looks an address up among erased debtors' addresses by its keyed hash (current and retired keys). */
export function createSqlSuppressions(db: Db, hasher: AddressHasher): Suppressions {
  const find = (orgId: string, address: string) =>
    db.query<{ channels: string[] }>(
      'SELECT opted_out_channels AS channels FROM privacy_suppressions WHERE org_id = $1 AND address_hash = ANY($2::text[])',
      [orgId, hasher.candidates(address)],
    );
  return {
    async optedOutChannels(orgId, address) {
      const r = await find(orgId, address);
      return [...new Set(r.rows.flatMap((x) => x.channels))].sort();
    },
    async isSuppressed(orgId, address) {
      return (await find(orgId, address)).rows.length > 0;
    },
    async recordOptOut(orgId, address, channel) {
      const ch = channel === 'voicemail' ? 'call' : channel;
      await db.query(
        `UPDATE privacy_suppressions SET opted_out_channels = opted_out_channels || $3::text
          WHERE org_id = $1 AND address_hash = ANY($2::text[]) AND NOT ($3::text = ANY(opted_out_channels))`,
        [orgId, hasher.candidates(address), ch],
      );
    },
  };
}
