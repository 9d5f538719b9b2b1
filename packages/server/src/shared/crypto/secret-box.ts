import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM for secrets at rest (provider tokens of organisations). The key is derived with
 * HKDF-SHA256 from the root secret key (SALDO_SECRET_KEY or the key file, see secret-keys.ts), so one root secret serves every
 * purpose without reusing a key. Ciphertext format: `v1:` + base64(iv(12) ‖ tag(16) ‖ data);
 * the additional data (e.g. `org_…|twilio`) binds a ciphertext to its row: copied elsewhere, it
 * does not decrypt.
 */
export interface SecretBox {
  seal(plaintext: string, aad: string): string;
  open(sealed: string, aad: string): string;
  /** Keyed hash for looking a secret up without storing it (Meta verify tokens). */
  hash(value: string): string;
}

/**
 * `retiredSecrets`: root secrets from before a key rotation. They only open: what a half-finished
 * rotation left sealed with the old key still opens, and nothing new is sealed with them.
 */
export function createSecretBox(
  rootSecret: string,
  purpose = 'saldo/channel-settings/v1',
  retiredSecrets: readonly string[] = [],
): SecretBox {
  if (rootSecret.length < 16) throw new Error('the secret key must be at least 16 characters');
  const derive = (root: string) => Buffer.from(hkdfSync('sha256', root, 'saldo', purpose, 32));
  const key = derive(rootSecret);
  const openKeys = [key, ...retiredSecrets.map(derive)];
  const macKey = Buffer.from(hkdfSync('sha256', rootSecret, 'saldo', `${purpose}/lookup`, 32));
  const openWith = (k: Buffer, buf: Buffer, aad: string) => {
    const d = createDecipheriv('aes-256-gcm', k, buf.subarray(0, 12));
    d.setAAD(Buffer.from(aad, 'utf8'));
    d.setAuthTag(buf.subarray(12, 28));
    return Buffer.concat([d.update(buf.subarray(28)), d.final()]).toString('utf8');
  };
  return {
    seal(plaintext, aad) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      c.setAAD(Buffer.from(aad, 'utf8'));
      const data = Buffer.concat([c.update(plaintext, 'utf8'), c.final()]);
      return `v1:${Buffer.concat([iv, c.getAuthTag(), data]).toString('base64')}`;
    },
    open(sealed, aad) {
      if (!sealed.startsWith('v1:')) throw new Error('unknown secret format');
      const buf = Buffer.from(sealed.slice(3), 'base64');
      if (buf.length < 28) throw new Error('sealed secret too short');
      let failure: unknown;
      for (const k of openKeys) {
        try {
          return openWith(k, buf, aad);
        } catch (e) {
          failure ??= e; // the current key's error is the one to report
        }
      }
      throw failure;
    },
    hash: (value) => createHmac('sha256', macKey).update(value, 'utf8').digest('base64url'),
  };
}
