import { createHmac, hkdfSync } from 'node:crypto';

/**
 * Keyed hashes of contact addresses (a normalised E.164 phone or lower-case e-mail) for the
 * suppression list of erased debtors: an address can be recognised without being stored. The key
 * is derived from the root key; after a rotation the retired keys still recognise old entries.
 */
export interface AddressHasher {
  /** The hash stored for an address (current key). */
  hash(address: string): string;
  /** Every hash an address may be stored under (current and retired keys). */
  candidates(address: string): string[];
}

const PURPOSE = 'saldo/privacy-address/v1';

export function addressHasher(keys: { current: string; retired: readonly string[] }): AddressHasher {
  const derive = (root: string) => Buffer.from(hkdfSync('sha256', root, 'saldo', PURPOSE, 32));
  const all = [keys.current, ...keys.retired].map(derive);
  const mac = (k: Buffer, address: string) =>
    createHmac('sha256', k).update(address, 'utf8').digest('base64url');
  return {
    hash: (address) => mac(all[0]!, address),
    candidates: (address) => all.map((k) => mac(k, address)),
  };
}
