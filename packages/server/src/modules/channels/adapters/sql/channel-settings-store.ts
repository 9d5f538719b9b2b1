import type {
  ChannelSettingsResolver,
  MetaWhatsAppSettings,
  OrgChannelSettings,
  SmtpSettings,
  TwilioSettings,
} from '../../ports/channel-settings.js';
import type { Clock } from '../../../../shared/clock/clock.js';
import type { SqlExecutor } from '../../../../shared/db/db.js';
import type { SecretBox } from '../../../../shared/crypto/secret-box.js';
import { SaldoError } from '@saldo/core';

type ProviderKey = 'twilio' | 'meta' | 'smtp';
type Row = { org_id: string; provider: ProviderKey; settings: Record<string, unknown>; secrets_enc: string };

/** Splits one provider's settings into what may be read in clear and what is sealed. */
function split(
  provider: ProviderKey,
  s: TwilioSettings | MetaWhatsAppSettings | SmtpSettings,
  box: SecretBox,
): { clear: Record<string, unknown>; secret: Record<string, string> } {
  switch (provider) {
    case 'twilio': {
      const { authToken, ...clear } = s as TwilioSettings;
      return { clear, secret: { authToken } };
    }
    case 'meta': {
      const { token, appSecret, verifyToken, ...clear } = s as MetaWhatsAppSettings;
      // The handshake carries only the verify token: keep a keyed hash to find the org by it.
      return {
        clear: { ...clear, verifyTokenHash: box.hash(verifyToken) },
        secret: { token, appSecret, verifyToken },
      };
    }
    case 'smtp': {
      // The SMTP URL carries the password.
      const { url, ...clear } = s as SmtpSettings;
      return { clear, secret: { url } };
    }
  }
}

export interface ChannelSettingsStore extends ChannelSettingsResolver {
  /**
   * Replaces the providers present in `s` (absent ones are left as they are). A provider identity
   * another organisation holds is refused (`conflict`): the unique indexes of migration 0031 decide
   * when two saves race.
   */
  put(s: OrgChannelSettings): Promise<void>;
  /** The organisation holding a provider identity (Twilio AccountSid, Meta phone number id), or null. */
  identityOwner(provider: 'twilio' | 'meta', identity: string): Promise<string | null>;
  remove(orgId: string, provider: ProviderKey): Promise<void>;
  /** The organisation's settings version: 0 until the first change, then +1 per change. One index read. */
  version(orgId: string): Promise<number>;
}

/**
 * Appended to each write: bumps the organisation's version in the same statement, so no reader can
 * see the new settings under the old version (and miss the change) or the reverse.
 */
const BUMP_VERSION = `INSERT INTO channel_settings_versions (org_id, version, changed_at) SELECT org_id, 1, $CHANGED_AT FROM changed LIMIT 1
   ON CONFLICT (org_id) DO UPDATE SET version = channel_settings_versions.version + 1, changed_at = EXCLUDED.changed_at`;

/** The additional data that binds a sealed secret to its row: copied to another row, it does not open. */
export const settingsAad = (orgId: string, provider: string) => `${orgId}|${provider}`;

/** Where each provider's identity sits in the clear settings (one organisation per identity). */
const IDENTITY_FIELD = { twilio: 'accountSid', meta: 'phoneNumberId' } as const;

const isUniqueViolation = (e: unknown) => (e as { code?: unknown } | null)?.code === '23505';

/**
 * Per-organisation provider settings in `channel_settings`: non-secret fields as jsonb, secrets
 * sealed with AES-256-GCM (see `SecretBox`) and bound to (org, provider). Webhook lookups use the
 * clear fields (Twilio AccountSid, Meta phone number id) or a keyed hash (Meta verify token).
 */
export function createSqlChannelSettingsStore(
  db: SqlExecutor,
  box: SecretBox,
  clock: Clock,
): ChannelSettingsStore {
  const byClearField = async (provider: ProviderKey, field: string, value: string) => {
    const orgId = await orgByClearField(db, provider, field, value);
    return orgId ? readOrgSettings(db, box, orgId) : null;
  };
  return {
    forOrg: (orgId) => readOrgSettings(db, box, orgId),
    byTwilioAccount: (sid) => byClearField('twilio', 'accountSid', sid),
    byMetaPhoneNumberId: (id) => byClearField('meta', 'phoneNumberId', id),
    byMetaVerifyToken: (token) => byClearField('meta', 'verifyTokenHash', box.hash(token)),
    identityOwner: (provider, identity) =>
      orgByClearField(db, provider, IDENTITY_FIELD[provider], identity, false),
    async put(s) {
      const now = clock.now();
      for (const provider of ['twilio', 'meta', 'smtp'] as const) {
        const settings = s[provider];
        if (settings) await putProvider(db, box, s.orgId, provider, settings, now);
      }
    },
    async remove(orgId, provider) {
      await db.query(
        `WITH changed AS (DELETE FROM channel_settings WHERE org_id = $1 AND provider = $2 RETURNING org_id)
         ${BUMP_VERSION.replace('$CHANGED_AT', '$3::timestamptz')}`,
        [orgId, provider, clock.now()],
      );
    },
    async version(orgId) {
      const r = await db.query<{ version: string | number }>(
        'SELECT version FROM channel_settings_versions WHERE org_id = $1',
        [orgId],
      );
      return r.rows[0] ? Number(r.rows[0].version) : 0;
    },
  };
}

/** Every provider's settings of an organisation, secrets opened; null when it has none. */
async function readOrgSettings(
  db: SqlExecutor,
  box: SecretBox,
  orgId: string,
): Promise<OrgChannelSettings | null> {
  const r = await db.query<Row>(
    'SELECT org_id, provider, settings, secrets_enc FROM channel_settings WHERE org_id = $1',
    [orgId],
  );
  if (r.rows.length === 0) return null;
  const out: OrgChannelSettings = { orgId };
  for (const row of r.rows) {
    const secret = JSON.parse(box.open(row.secrets_enc, settingsAad(row.org_id, row.provider))) as Record<
      string,
      string
    >;
    const { verifyTokenHash: _hash, ...clear } = row.settings;
    const merged = { ...clear, ...secret };
    if (row.provider === 'twilio') out.twilio = merged as unknown as TwilioSettings;
    else if (row.provider === 'meta') out.meta = merged as unknown as MetaWhatsAppSettings;
    else out.smtp = merged as unknown as SmtpSettings;
  }
  return out;
}

/**
 * The organisation whose clear settings of `provider` have `field` = `value`. Webhook lookups take
 * the first (`LIMIT 1`); the identity check reads without a limit (the unique index allows one).
 */
async function orgByClearField(
  db: SqlExecutor,
  provider: ProviderKey,
  field: string,
  value: string,
  first = true,
): Promise<string | null> {
  const r = await db.query<{ org_id: string }>(
    `SELECT org_id FROM channel_settings WHERE provider = $1 AND settings->>'${field}' = $2${first ? ' LIMIT 1' : ''}`,
    [provider, value],
  );
  return r.rows[0]?.org_id ?? null;
}

/** Upserts one provider's settings and bumps the organisation's version in the same statement. */
async function putProvider(
  db: SqlExecutor,
  box: SecretBox,
  orgId: string,
  provider: ProviderKey,
  settings: TwilioSettings | MetaWhatsAppSettings | SmtpSettings,
  now: Date,
): Promise<void> {
  const { clear, secret } = split(provider, settings, box);
  await db
    .query(
      `WITH changed AS (
       INSERT INTO channel_settings (org_id, provider, settings, secrets_enc, updated_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (org_id, provider) DO UPDATE SET settings = EXCLUDED.settings, secrets_enc = EXCLUDED.secrets_enc, updated_at = EXCLUDED.updated_at
       RETURNING org_id)
     ${BUMP_VERSION.replace('$CHANGED_AT', '$5::timestamptz')}`,
      [
        orgId,
        provider,
        JSON.stringify(clear),
        box.seal(JSON.stringify(secret), settingsAad(orgId, provider)),
        now,
      ],
    )
    .catch((e: unknown) => {
      if (!isUniqueViolation(e)) throw e;
      throw new SaldoError(
        'conflict',
        `this ${provider} identity is already connected to another organisation; a provider account serves one organisation only`,
      );
    });
}
