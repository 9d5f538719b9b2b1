// `saldo secrets rotate`: a new root secret key for the deployment, and the provider secrets,
// webhook signing secrets and debtors' data keys re-sealed with it. Composition work (the key file, the channels' table, the deployment row), so
// it lives beside the composition root.
import { randomBytes } from 'node:crypto';
import { SaldoError } from '@saldo/core';
import type { Clock } from '../shared/clock/clock.js';
import { systemClock } from '../shared/clock/system-clock.js';
import { openDb } from '../shared/db/open-db.js';
import { migrate } from '../shared/db/migrate.js';
import { createSecretBox } from '../shared/crypto/secret-box.js';
import { readKeyFile, replaceKeyFile } from '../shared/crypto/key-file.js';
import { debtorKeyBox, resealDebtorKeys } from '../shared/crypto/debtor-vault.js';
import {
  keyFingerprint,
  loadSecretKeys,
  setKeyFingerprint,
  type SecretKeys,
} from '../shared/crypto/secret-keys.js';
import { resealChannelSettings } from '../modules/channels/index.js';
import { resealWebhookSecrets, webhookSecretBox } from '../modules/webhooks/index.js';
import type { Config } from './config.js';

export interface RotationResult {
  source: SecretKeys['source'];
  file: string;
  /** Fingerprints of the key the data was sealed with and of the key it is sealed with now. */
  from: string;
  to: string;
  resealed: number;
  /** Webhook subscriptions whose signing secrets were re-sealed. */
  resealedWebhooks: number;
  /** Debtors' data keys re-sealed (shredded keys stay destroyed). */
  resealedDebtorKeys: number;
  /** The data was sealed with a retired key (an interrupted rotation): re-sealed with the current one. */
  resumed: boolean;
}

/**
 * Rotates the root secret key. Key file: a new key is generated and written first (the old one
 * kept as a retired key), then the provider and webhook secrets are re-sealed and the new fingerprint recorded
 * in one transaction — a crash in between leaves data the retired key still opens, and the next
 * `rotate` finishes the job. SALDO_SECRET_KEY: the new key comes from `newKeyFromEnv`
 * (SALDO_NEW_SECRET_KEY); the operator then sets SALDO_SECRET_KEY to it. Every Saldo process must be
 * stopped first: running ones hold the old key in memory.
 */
export async function rotateSecretKey(
  config: Config,
  o: { newKeyFromEnv?: string | undefined; clock?: Clock } = {},
): Promise<RotationResult> {
  const clock = o.clock ?? systemClock;
  const db = await openDb(config.db);
  try {
    await migrate(db, clock.now());
    const keys = await loadSecretKeys(
      db,
      clock.now(),
      {
        fromEnv: config.secrets.secretKey,
        retiredFromEnv: config.secrets.retiredKeys,
        file: config.secrets.keyFile,
      },
      { resumingRotation: true },
    );
    const stored = (
      await db.query<{ key_fingerprint: string }>('SELECT key_fingerprint FROM deployment WHERE id = 1')
    ).rows[0]!.key_fingerprint;
    const resumed = stored !== keyFingerprint(keys.current);
    const next = resumed ? keys.current : newKey(keys, o.newKeyFromEnv);
    if (!resumed && keys.source === 'file') {
      const file = readKeyFile(keys.file)!;
      replaceKeyFile(keys.file, { current: next, retired: [file.current, ...file.retired] });
    }
    const from = createSecretBox(keys.current, undefined, keys.retired);
    const to = createSecretBox(next);
    const [resealed, resealedWebhooks, resealedDebtorKeys] = await db.transaction(async (tx) => {
      const n = await resealChannelSettings(tx, from, to);
      const w = await resealWebhookSecrets(
        tx,
        webhookSecretBox(keys.current, keys.retired),
        webhookSecretBox(next),
      );
      const d = await resealDebtorKeys(tx, debtorKeyBox(keys.current, keys.retired), debtorKeyBox(next));
      await setKeyFingerprint(tx, next);
      return [n, w, d] as const;
    });
    return {
      source: keys.source,
      file: keys.file,
      from: stored,
      to: keyFingerprint(next),
      resealed,
      resealedWebhooks,
      resealedDebtorKeys,
      resumed,
    };
  } finally {
    await db.close();
  }
}

function newKey(keys: SecretKeys, fromEnv: string | undefined): string {
  if (keys.source === 'file') return randomBytes(32).toString('base64url');
  if (!fromEnv || fromEnv.length < 16 || fromEnv === keys.current)
    throw new SaldoError(
      'validation',
      'SALDO_SECRET_KEY is set: put the new key (at least 16 characters, not the current one) in SALDO_NEW_SECRET_KEY for this command, e.g. SALDO_NEW_SECRET_KEY="$(openssl rand -base64 32)"',
    );
  return fromEnv;
}

/** `saldo secrets status`: where the key comes from and its fingerprint (never the key). */
export async function inspectSecretKey(
  config: Config,
  clock: Clock = systemClock,
): Promise<{ source: SecretKeys['source']; file: string; fingerprint: string; retired: number }> {
  const db = await openDb(config.db);
  try {
    await migrate(db, clock.now());
    const keys = await loadSecretKeys(db, clock.now(), {
      fromEnv: config.secrets.secretKey,
      retiredFromEnv: config.secrets.retiredKeys,
      file: config.secrets.keyFile,
    });
    return {
      source: keys.source,
      file: keys.file,
      fingerprint: keyFingerprint(keys.current),
      retired: keys.retired.length,
    };
  } finally {
    await db.close();
  }
}
