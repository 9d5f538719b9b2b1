import { createHmac, randomBytes } from 'node:crypto';
import { SaldoError } from '@saldo/core';
import type { Db, SqlExecutor } from '../db/db.js';
import { createKeyFile, readKeyFile, type FileKeys } from './key-file.js';

/**
 * The deployment's root secret keys. `current` seals, signs and hashes new data (per-purpose keys
 * are derived from it); `retired` keys only open data sealed before a rotation and verify identity
 * hashes made with them. The database holds neither, only `current`'s fingerprint.
 */
export interface SecretKeys {
  current: string;
  retired: string[];
  /** Where `current` comes from: SALDO_SECRET_KEY, or the key file. */
  source: 'environment' | 'file';
  /** The key file's path (it may also hold retired keys in environment mode). */
  file: string;
}

export interface SecretKeySources {
  /** SALDO_SECRET_KEY */
  fromEnv: string | undefined;
  /** SALDO_SECRET_KEY_RETIRED */
  retiredFromEnv: readonly string[];
  /** SALDO_SECRET_KEY_FILE, or the default beside the data directory. */
  file: string;
}

/** 16 hex digits that name a key without revealing it. */
export function keyFingerprint(key: string): string {
  return createHmac('sha256', key).update('saldo/key-fingerprint/v1').digest('hex').slice(0, 16);
}

type DeploymentRow = { secret: string | null; key_fingerprint: string | null };

const unique = (keys: readonly string[], except: string) => [...new Set(keys)].filter((k) => k !== except);

/**
 * Loads the keys at start-up, moving a key still kept in the database (deployments from before
 * migration 0033) to the key file first. Refuses to start when the key cannot be the one the
 * database's data was sealed with: a lost key file, a wrong SALDO_SECRET_KEY, a rotation that did
 * not finish (unless `resumingRotation`: `saldo secrets rotate` finishes it).
 */
export async function loadSecretKeys(
  db: Db,
  now: Date,
  src: SecretKeySources,
  opts: { resumingRotation?: boolean } = {},
): Promise<SecretKeys> {
  const row = (await db.query<DeploymentRow>('SELECT secret, key_fingerprint FROM deployment WHERE id = 1'))
    .rows[0];
  const legacy = row?.secret ?? null;
  const keys = src.fromEnv
    ? fromEnvironment(src, legacy)
    : fromFile(src, legacy, row?.key_fingerprint ?? null);
  const stored = await recordFingerprint(db, now, keys.current, { clearLegacy: legacy !== null });
  const fp = keyFingerprint(keys.current);
  if (stored === fp) return keys;
  const retiredMatch = keys.retired.some((k) => keyFingerprint(k) === stored);
  if (retiredMatch && opts.resumingRotation) return keys;
  throw wrongKey(keys, stored, fp, retiredMatch);
}

/** SALDO_SECRET_KEY; the key file's keys (a key from before the environment was set) are retired ones. */
function fromEnvironment(src: SecretKeySources, legacy: string | null): SecretKeys {
  const current = src.fromEnv!;
  let file = readKeyFile(src.file);
  // A key generated into the database before SALDO_SECRET_KEY was set sealed the data of that time.
  if (legacy && legacy !== current && !file) {
    createKeyFile(src.file, { current: legacy, retired: [] });
    file = readKeyFile(src.file);
  }
  const fromFile = file ? [file.current, ...file.retired] : [];
  if (legacy && legacy !== current && !fromFile.includes(legacy))
    throw new SaldoError(
      'unavailable',
      `the database still holds an old secret key that is neither SALDO_SECRET_KEY nor in ${src.file}; add it to that file (one key per line) or to SALDO_SECRET_KEY_RETIRED, then start again`,
    );
  return {
    current,
    retired: unique([...src.retiredFromEnv, ...fromFile], current),
    source: 'environment',
    file: src.file,
  };
}

function fromFile(src: SecretKeySources, legacy: string | null, fingerprint: string | null): SecretKeys {
  let file = readKeyFile(src.file);
  if (!file && legacy) file = created(src.file, { current: legacy, retired: [] });
  if (!file && fingerprint)
    throw new SaldoError(
      'unavailable',
      `no secret key: ${src.file} does not exist and SALDO_SECRET_KEY is not set, but this database's data was sealed with key ${fingerprint}. Restore the key file from your backup (or copy it from the machine that created it, or set SALDO_SECRET_KEY_FILE to where it is); do not start without it.`,
    );
  if (!file) file = created(src.file, { current: randomBytes(32).toString('base64url'), retired: [] });
  if (legacy && legacy !== file.current && !file.retired.includes(legacy))
    throw new SaldoError(
      'unavailable',
      `${src.file} does not hold the secret key kept in the database; restore the right key file, or add the database's key to it, then start again`,
    );
  return {
    ...file,
    retired: unique([...file.retired, ...src.retiredFromEnv], file.current),
    source: 'file',
    file: src.file,
  };
}

/** Creates the key file, or reads the one another process on this machine created first. */
function created(path: string, keys: FileKeys): FileKeys {
  createKeyFile(path, keys);
  return readKeyFile(path)!;
}

/**
 * Records the key's fingerprint for a new deployment (first writer wins: two machines generating
 * keys at once cannot both win) and clears a key still kept in the database — only now that it is
 * safely in the key file. Returns the fingerprint the database holds.
 */
async function recordFingerprint(
  ex: SqlExecutor,
  now: Date,
  key: string,
  o: { clearLegacy: boolean },
): Promise<string> {
  const r = await ex.query<{ key_fingerprint: string }>(
    `INSERT INTO deployment (id, secret, key_fingerprint, created_at) VALUES (1, NULL, $1, $2)
     ON CONFLICT (id) DO UPDATE SET key_fingerprint = COALESCE(deployment.key_fingerprint, EXCLUDED.key_fingerprint)${o.clearLegacy ? ', secret = NULL' : ''}
     RETURNING key_fingerprint`,
    [keyFingerprint(key), now],
  );
  return r.rows[0]!.key_fingerprint;
}

/** After a rotation: the database's data is now sealed with `key`. */
export async function setKeyFingerprint(ex: SqlExecutor, key: string): Promise<void> {
  await ex.query('UPDATE deployment SET key_fingerprint = $1 WHERE id = 1', [keyFingerprint(key)]);
}

function wrongKey(keys: SecretKeys, stored: string, fp: string, retiredMatch: boolean): SaldoError {
  const what = keys.source === 'environment' ? 'SALDO_SECRET_KEY' : `the key in ${keys.file}`;
  const hint = retiredMatch
    ? 'The data is sealed with one of the retired keys: a rotation did not finish. Run `saldo secrets rotate` to finish it.'
    : keys.source === 'environment'
      ? `Set SALDO_SECRET_KEY to the key with fingerprint ${stored} (after a rotation: the new key it printed).`
      : `Restore the key file with key ${stored} from your backup, or set SALDO_SECRET_KEY_FILE to where it is.`;
  return new SaldoError(
    'unavailable',
    `${what} is not this database's key (key ${fp}; the database's data is sealed with key ${stored}). ${hint}`,
  );
}
