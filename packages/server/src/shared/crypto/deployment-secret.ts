import { createHmac, randomBytes } from 'node:crypto';
import type { Db } from '../db/db.js';

/** The deployment secret: SALDO_SECRET_KEY if set, else generated once and kept in the database. */
export async function loadDeploymentSecret(db: Db, now: Date, fromEnv?: string): Promise<string> {
  if (fromEnv) return fromEnv;
  await db.query(
    'INSERT INTO deployment (id, secret, created_at) VALUES (1, $1, $2) ON CONFLICT (id) DO NOTHING',
    [randomBytes(32).toString('base64'), now],
  );
  const r = await db.query<{ secret: string }>('SELECT secret FROM deployment WHERE id = 1');
  return r.rows[0]!.secret;
}

/** HMAC of an identity-check value (date of birth, national id), as stored and compared. */
export type IdentityHasher = (kind: 'dob' | 'national_id', value: string) => string;

/** Identity-check values are compared by HMAC, never stored: `hash('dob', '1980-05-01')`. */
export function identityHasher(secret: string): IdentityHasher {
  return (kind, value) => createHmac('sha256', secret).update(`${kind}:${value}`).digest('base64url');
}
